// Bench page: @recogito/text-annotator (its default renderer) on the same text, spans and layout
// as ours: the same blocks of text, the same CSS, the same scrolling box.
import { W3CTextFormat, createTextAnnotator } from '@recogito/text-annotator';
// @ts-expect-error the harness loads CSS as text
import peerCss from '@recogito/text-annotator/text-annotator.css';
import { blockStarts } from '../../src/span-tagger/long-text.js';
import { CodePointIndex } from '../../src/core/code-points.js';
import { spanAnnotations } from '../../test/fixtures/span-sample.js';
import { heapMB, HEIGHT, SPANS, TEXT, TEXT_CSS, dragPoints, idle, nextPaint } from './span-bench-data.js';

const style = document.createElement('style');
style.textContent = `${peerCss}\n#doc { height: ${HEIGHT}px; overflow: auto; padding: 8px 12px; border: 1px solid #ccc; ${TEXT_CSS} }\n#doc .block { content-visibility: auto; unicode-bidi: plaintext; }`;
document.head.append(style);

// The peer counts UTF-16 units in the DOM; give it the same spans in its own units.
const index = new CodePointIndex(TEXT);
const annotations = spanAnnotations(TEXT, SPANS).map((a) => {
  const [position, quote] = (a.target as { selector: [{ start: number; end: number }, object] }).selector;
  return { ...a, target: { ...(a.target as object), selector: [{ ...position, start: index.toIndex(position.start), end: index.toIndex(position.end) }, quote] } };
});
let container: HTMLElement;
let created = 0;

const nodes = () => [...container.querySelectorAll('.block')].map((b) => b.firstChild as Text);

window.__bench = {
  async load() {
    const heap = heapMB();
    const t0 = performance.now();
    container = document.createElement('div');
    container.id = 'doc';
    const starts = blockStarts(TEXT);
    for (let i = 0; i < starts.length; i++) {
      const block = document.createElement('div');
      block.className = 'block';
      block.textContent = TEXT.slice(starts[i], starts[i + 1] ?? TEXT.length);
      container.append(block);
    }
    document.body.append(container);
    const anno = createTextAnnotator(container, { adapter: W3CTextFormat('urn:kolam:sample', container) as never });
    anno.on('createAnnotation', () => created++);
    anno.setAnnotations(annotations as never);
    // It draws in a later frame: wait for the frame that shows its highlights.
    let paint = (await nextPaint()) - t0;
    while (container.querySelectorAll('.r6o-annotation').length === 0 && paint < 30_000) paint = (await nextPaint()) - t0;
    const done = (await idle()) - t0;
    const painted = container.querySelectorAll('.r6o-annotation').length;
    return { paint, idle: done, drawn: painted > 0 ? anno.state.store.all().length : 0, heap: heapMB() - heap };
  },
  count: () => created,
  dragPoints: (word) => dragPoints(nodes(), word),
  scroller() {
    const r = container.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, height: r.height, scrollHeight: container.scrollHeight };
  },
  scrollTop: () => container.scrollTop,
};
window.__benchReady = true;
