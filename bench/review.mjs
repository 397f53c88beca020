// Reviewing 500 model suggestions per tool by keyboard alone (issue: review in core). For each
// decision: the input events it took (goal: exactly 1 key, 0 pointer events), the time in our
// handlers, the update and our next-frame callbacks (goal p95 < 4 ms), and key → next item painted beside the floor (the same key on
// an empty focusable element, same run; ../shared/BENCHMARKS.md). Each run checks that every
// decision fired its kolam-review and nothing is left pending.
import { paintHelpers, round, startBench, stats } from './lib/harness.mjs';

const N = Number(process.env.REVIEW_N ?? 500);
// Enter accepts, x rejects, 2 relabels: the decisions a reviewer mixes.
const KEYS = ['Enter', 'x', '2'];

const bench = await startBench({ entries: { review: 'bench/lib/review-page.ts' } });
const rows = [];
try {
  // REVIEW_KINDS=box (comma-separated) runs only those tools.
  for (const kind of (process.env.REVIEW_KINDS ?? 'box,span,player').split(',')) {
    const page = await bench.newPage({ entry: 'review' });
    await page.addInitScript(paintHelpers);
    await page.evaluate(paintHelpers);
    await page.evaluate(([k, n]) => window.__mount(k, n), [kind, N]);
    await page.evaluate(() => {
      const el = document.body.firstElementChild;
      window.__counts = { keys: 0, pointers: 0, reviews: 0 };
      window.__work = [];
      // Our work for one key: the handlers and Lit's update (capture at window → a microtask queued
      // after the bubble phase, which runs after the update's), plus our rAF callbacks (between a
      // rAF registered before our handlers run and one registered after them).
      let t0 = 0;
      let frameStart = 0;
      addEventListener('keydown', () => {
        window.__counts.keys++;
        t0 = performance.now();
        requestAnimationFrame(() => (frameStart = performance.now()));
      }, { capture: true });
      addEventListener('keydown', () => {
        window.queueMicrotask(() => {
          const sync = performance.now() - t0;
          requestAnimationFrame(() => window.__work.push(sync + performance.now() - frameStart));
        });
      });
      for (const type of ['pointerdown', 'pointerup', 'click', 'wheel']) addEventListener(type, () => window.__counts.pointers++, { capture: true });
      el.addEventListener('kolam-review', () => window.__counts.reviews++);
      el.focus();
    });
    await page.keyboard.press('n'); // to the first suggestion in review order
    await page.evaluate(() => Object.assign(window.__counts, { keys: 0 }) && (window.__work = []));
    const latencies = [];
    for (let i = 0; i < N; i++) {
      const start = Date.now();
      await page.keyboard.press(KEYS[i % KEYS.length]);
      await page.evaluate(() => window.__nextPaint());
      latencies.push(Date.now() - start);
    }
    const result = await page.evaluate(() => ({ counts: window.__counts, work: window.__work, pending: document.body.firstElementChild.reviewState.pending }));
    if (result.counts.reviews !== N || result.pending !== 0) throw new Error(`${kind}: ${result.counts.reviews} of ${N} decisions fired kolam-review, ${result.pending} left pending`);

    // The floor: the same keys on an empty focusable element, no Kolam listener, same browser.
    await page.evaluate(() => {
      const blank = document.createElement('div');
      blank.tabIndex = 0;
      document.body.replaceChildren(blank);
      blank.focus();
    });
    const floor = [];
    for (let i = 0; i < Math.min(N, 200); i++) {
      const start = Date.now();
      await page.keyboard.press(KEYS[i % KEYS.length]);
      await page.evaluate(() => window.__nextPaint());
      floor.push(Date.now() - start);
    }
    const key = stats(latencies);
    const base = stats(floor);
    const work = stats(result.work);
    rows.push({
      tool: kind,
      decisions: N,
      'keys / decision': round(result.counts.keys / N, 2),
      'pointer events': result.counts.pointers,
      'work mean / p95 (ms)': `${work.mean} / ${work.p95}`,
      'key→painted p50 / p95 (ms)': `${key.p50} / ${key.p95}`,
      'floor p50 / p95 (ms)': `${base.p50} / ${base.p95}`,
      'p95 − floor (ms)': round(key.p95 - base.p95),
    });
    await page.close();
  }
} finally {
  await bench.close();
}
console.log(`\nReviewing ${N} suggestions per tool by keys (Enter, x, 2 in turn)`);
console.table(rows);
