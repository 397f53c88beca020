// Shared by the transcription player's bench pages (ours and wavesurfer.js's).

export const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
export const waitFrames = async (n) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

/**
 * Every frame's interval (ms) for `ms`, and how many frames saw `scroll()` change (the view moved);
 * `stop()` after.
 */
export async function sampleFrames(ms, scroll, stop) {
  const intervals = [];
  let moves = 0;
  let last = scroll();
  let t = await new Promise((r) => requestAnimationFrame(r));
  const end = t + ms;
  while (t < end) {
    const next = await new Promise((r) => requestAnimationFrame(r));
    intervals.push(next - t);
    t = next;
    const now = scroll();
    if (now !== last) moves++;
    last = now;
  }
  stop();
  return { intervals, moves };
}

export function segmentAnnotations(ranges) {
  return ranges.map(([start, end, text], i) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `seg-${i}`,
    type: 'Annotation',
    motivation: 'supplementing',
    body: [{ type: 'TextualBody', value: text, format: 'text/plain' }],
    target: { source: 'bench', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `t=${start},${end}` } },
  }));
}

/**
 * JS time spent on each pointermove: from a window capture listener (first to run) to a window
 * bubble listener added now, after the tool's own (so it runs last; microtasks such as Lit's render
 * run between listeners). `stop()` returns the samples.
 */
export function trackHandlerTime() {
  const samples = [];
  let t0 = 0;
  const start = () => (t0 = performance.now());
  const end = () => samples.push(performance.now() - t0);
  addEventListener('pointermove', start, { capture: true });
  addEventListener('pointermove', end);
  window.__stopHandlerTime = () => {
    removeEventListener('pointermove', start, { capture: true });
    removeEventListener('pointermove', end);
    return samples;
  };
}
