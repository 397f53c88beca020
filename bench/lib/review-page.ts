// Bench page for bench/review.mjs: the three tools, each with 500 model suggestions to review.
import { KolamBoxTool } from '../../src/box-tool.ts';
import { KolamSpanTagger } from '../../src/span-tagger.ts';
import { KolamTranscriptionPlayer } from '../../src/transcription-player.ts';
import type { Annotation } from '../../src/annotation.ts';

const MODEL = { id: 'model-1', type: 'Software' };
const LABELS = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
];
const choice = (i: number) => ({
  type: 'Choice' as const,
  items: [
    { type: 'TextualBody' as const, purpose: 'tagging', value: 'a', score: 0.5 + ((i * 37) % 50) / 100 },
    { type: 'TextualBody' as const, purpose: 'tagging', value: 'b', score: 0.4 - ((i * 37) % 40) / 100 },
  ],
});
const base = (id: string, selector: Annotation['target']['selector'], i: number, extra: Annotation['body'] = [], motivation = 'tagging'): Annotation => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id,
  type: 'Annotation',
  motivation,
  creator: MODEL,
  body: [...extra, choice(i)],
  target: { source: 'bench', selector },
});

function boxes(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) => {
    const x = (i % 25) * 60 + 5;
    const y = Math.floor(i / 25) * 55 + 5;
    return base(`box-${i}`, { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${x},${y},40,40` }, i);
  });
}

const WORD = 'Name';
function text(n: number): string {
  return Array.from({ length: n }, (_, i) => `${WORD}${String(i).padStart(3, '0')} met someone today.`).join(' ');
}
function spans(n: number, t: string): Annotation[] {
  const out: Annotation[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at = t.indexOf(WORD, at);
    const exact = t.slice(at, at + WORD.length + 3);
    out.push(base(`span-${i}`, [{ type: 'TextPositionSelector', start: at, end: at + exact.length }, { type: 'TextQuoteSelector', exact }], i));
    at += exact.length;
  }
  return out;
}
function segments(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) =>
    base(`seg-${i}`, { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `t=${i * 2},${i * 2 + 1.5}` }, i, [{ type: 'TextualBody', value: `words ${i}`, format: 'text/plain' }], 'supplementing'),
  );
}

const image = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="1100"><rect width="1500" height="1100" fill="#ccd"/></svg>')}`;
/** audiowaveform JSON v2 for n segments of 2 s: silence is enough, the bench times review keys. */
const peaks = (seconds: number) => ({ version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 800, bits: 8, length: seconds * 10, data: new Array(seconds * 20).fill(0) });

declare global {
  interface Window {
    __mount(kind: 'box' | 'span' | 'player', n: number): Promise<void>;
    __benchReady: boolean;
    __tools: unknown[];
  }
}
window.__tools = [KolamBoxTool, KolamSpanTagger, KolamTranscriptionPlayer];
window.__mount = async (kind, n) => {
  document.body.replaceChildren();
  const annotator = { id: 'bench', name: 'Bench' };
  if (kind === 'box') {
    const el = document.createElement('kolam-box-tool');
    el.style.cssText = 'display:block;width:1200px;height:760px';
    el.src = image;
    Object.assign(el, { labels: LABELS, annotator, annotations: boxes(n) });
    document.body.append(el);
    while (!(el as unknown as { imageSize: unknown }).imageSize) await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
  } else if (kind === 'span') {
    const el = document.createElement('kolam-span-tagger');
    const t = text(n);
    Object.assign(el, { labels: LABELS, annotator, text: t, annotations: spans(n, t) });
    document.body.append(el);
    await el.updateComplete;
  } else {
    const el = document.createElement('kolam-transcription-player');
    Object.assign(el, { labels: LABELS, annotator, peaks: peaks(n * 2 + 2), annotations: segments(n) });
    document.body.append(el);
    await el.updateComplete;
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
};
window.__benchReady = true;
