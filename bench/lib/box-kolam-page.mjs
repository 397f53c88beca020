// Bench page for <kolam-box-tool>: registers the element and exposes helpers to the bench script.
import { KolamBoxTool } from '../../src/box-tool.ts';
import { makeBoxes } from './box-data.mjs';

// A used binding: package.json's sideEffects lists dist/ files, so a bare import would be dropped.
window.__KolamBoxTool = KolamBoxTool;
window.__makeBoxes = makeBoxes;
window.__benchReady = true;
