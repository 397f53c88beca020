// Bench page: <kolam-span-tagger> with the shared text and spans (see span-bench-data.ts).
import { KolamSpanTagger } from '../../src/span-tagger.js';
import { spanAnnotations } from '../../test/fixtures/span-sample.js';
import { heapMB, HEIGHT, SPANS, TEXT, dragPoints, idle, nextPaint } from './span-bench-data.js';

const LABELS = [
  { id: 'person', color: '#d7263d' },
  { id: 'place', color: '#1b998b' },
  { id: 'org', color: '#2e86ab' },
  { id: 'date', color: '#8e6c00' },
];
const annotations = spanAnnotations(TEXT, SPANS);
let el: KolamSpanTagger;
let created = 0;

const nodes = () => [...el.shadowRoot!.querySelectorAll('.block')].map((b) => b.firstChild as Text);
const scroller = () => el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!;

window.__bench = {
  async load() {
    const heap = heapMB();
    const t0 = performance.now();
    el = new KolamSpanTagger();
    el.style.cssText = `--kolam-span-tagger-max-height: ${HEIGHT}px; height: ${HEIGHT}px; --kolam-font: 'DejaVu Sans', sans-serif; --kolam-font-size: 16px; --kolam-span-line-height: 1.7em;`;
    el.labels = LABELS;
    el.text = TEXT;
    el.annotations = annotations as never;
    el.addEventListener('kolam-create', () => created++);
    document.body.append(el);
    const paint = (await nextPaint()) - t0;
    const done = (await idle()) - t0;
    // What it holds, and proof it drew the ones on screen (only those hold Ranges).
    let painted = 0;
    for (const [name, highlight] of CSS.highlights) if (/^kolam-span-\d+-(l\d+|u)-\d$/.test(name)) painted += highlight.size;
    const drawn = painted > 0 ? (el as unknown as { spans: { size: number } }).spans.size : 0;
    return { paint, idle: done, drawn, heap: heapMB() - heap };
  },
  count: () => created,
  dragPoints: (word) => dragPoints(nodes(), word),
  scroller() {
    const r = scroller().getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, height: r.height, scrollHeight: scroller().scrollHeight };
  },
  scrollTop: () => scroller().scrollTop,
};
window.__benchReady = true;
