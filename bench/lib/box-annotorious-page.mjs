// Bench page for the peer, @annotorious/annotorious v3: its image annotator with the W3C adapter,
// so it reads the very same annotations as Kolam.
import { createImageAnnotator, W3CImageFormat } from '@annotorious/annotorious';
import css from '@annotorious/annotorious/annotorious.css';
import { makeBoxes } from './box-data.mjs';

const style = document.createElement('style');
style.textContent = css;
document.head.append(style);

window.__createAnnotator = (img, source) => createImageAnnotator(img, { adapter: W3CImageFormat(source), drawingEnabled: true });
window.__makeBoxes = makeBoxes;
window.__benchReady = true;
