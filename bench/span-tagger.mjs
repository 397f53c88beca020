#!/usr/bin/env node
// <kolam-span-tagger> against @recogito/text-annotator in one headless Chromium, on the same
// ≈1 MB public-domain text (test/fixtures/span-sample.ts) and the same 10,000 spans:
//  (a) set text + annotations → next painted frame (and the idle moment after it),
//  (b) create a span by a real mouse drag → painted frame, with the floor (the same drag over an
//      empty area) and the difference,
//  (c) scroll through the document with the wheel: frames over 16.7 ms.
// See ../shared/BENCHMARKS.md. Run twice on a shared machine; prefer the ratios.
import { paintHelpers, printComparison, rendererMemoryMB, round, startBench, stats } from './lib/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
/** Lower-case words near the top of the first chapter, none of them already a span. */
const DRAG_WORDS = ['truth', 'universally', 'acknowledged', 'single', 'possession', 'fortune', 'feelings', 'neighbourhood', 'surrounding', 'families', 'considered', 'rightful', 'property', 'daughters', 'replied'];
const bench = await startBench({ entries: { 'span-ours': 'bench/lib/span-page-ours.ts', 'span-peer': 'bench/lib/span-page-peer.ts' } });

async function openLoaded(entry) {
  const page = await bench.newPage({ entry });
  await page.addInitScript(paintHelpers);
  await page.evaluate(paintHelpers);
  const before = await rendererMemoryMB(page);
  const load = await page.evaluate(() => window.__bench.load());
  const after = await rendererMemoryMB(page);
  if (load.drawn !== 10_000) throw new Error(`${entry} holds ${load.drawn} spans, not 10,000`);
  return { page, load, memory: after - before };
}

/** (b): drags over fresh words; each timed from the release to the painted frame showing the span. */
async function dragLatencies(page) {
  // The work itself, with no frame floor: from the release reaching the window (capture, first) to
  // it leaving it (bubble, last), which covers the tool's handlers and the updates they run as
  // microtasks; and to the first task after it, which adds the browser's own work for a released
  // text selection (on Linux it copies it to the PRIMARY selection: ≈10 ms on a plain page).
  await page.evaluate(() => {
    window.__work = [];
    window.__task = [];
    let t0 = 0;
    addEventListener('mouseup', () => {
      t0 = performance.now();
      setTimeout(() => window.__task.push(performance.now() - t0), 0);
    }, true);
    addEventListener('mouseup', () => window.__work.push(performance.now() - t0));
  });
  const figure = [];
  const floor = [];
  for (const word of DRAG_WORDS) {
    const [x0, y0, x1, y1] = await page.evaluate((w) => window.__bench.dragPoints(w), word);
    const before = await page.evaluate(() => window.__bench.count());
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 4 });
    await page.evaluate(() => window.__nextPaint());
    const start = Date.now();
    await page.mouse.up();
    await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          const wait = () => (window.__bench.count() > n ? window.__nextPaint().then(resolve) : requestAnimationFrame(wait));
          wait();
        }),
      before,
    );
    figure.push(Date.now() - start);
    if ((await page.evaluate(() => window.__bench.count())) !== before + 1) throw new Error(`drag over "${word}" made no span`);
    // The floor: the same gesture over blank page, below the text box.
    await page.mouse.move(600, 760);
    await page.mouse.down();
    await page.mouse.move(700, 760, { steps: 4 });
    await page.evaluate(() => window.__nextPaint());
    const blank = Date.now();
    await page.mouse.up();
    await page.evaluate(() => window.__nextPaint());
    floor.push(Date.now() - blank);
  }
  // Even entries are the drags over text, odd ones the drags over blank page.
  const [work, task] = await page.evaluate(() => [window.__work.filter((_, i) => i % 2 === 0), window.__task.filter((_, i) => i % 2 === 0)]);
  return { figure: stats(figure), floor: stats(floor), work: stats(work), task: stats(task) };
}

/** (c): wheel through the document; counts frame intervals over 16.7 ms (a frame missed). */
async function scrollFrames(page) {
  const box = await page.evaluate(() => window.__bench.scroller());
  await page.mouse.move(box.x, box.y);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  // The renderer's own main-thread time while scrolling (tasks, of which layout and script), which
  // other processes on a shared machine disturb far less than they disturb frame timing.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
  const before = await metrics();
  const steps = 150;
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 1200);
    await page.evaluate(() => window.__nextPaint());
  }
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames.slice(1);
  });
  const after = await metrics();
  await cdp.detach();
  const busy = { task: after.TaskDuration - before.TaskDuration, layout: after.LayoutDuration - before.LayoutDuration, script: after.ScriptDuration - before.ScriptDuration };
  const scrolled = await page.evaluate(() => window.__bench.scrollTop());
  if (scrolled < 100_000) throw new Error(`scrolled only ${scrolled} px`);
  return { over: frames.filter((f) => f > 16.7 * 1.2).length, frames: frames.length, p95: stats(frames).p95, max: stats(frames).max, scrolled, busy };
}

const results = { ours: [], peer: [] };
for (let run = 0; run < RUNS; run++) {
  for (const [name, entry] of [['ours', 'span-ours'], ['peer', 'span-peer']]) {
    const { page, load, memory } = await openLoaded(entry);
    const drag = await dragLatencies(page);
    const scroll = await scrollFrames(page);
    results[name].push({ load, memory, drag, scroll });
    console.log(`run ${run + 1} ${name}: load ${round(load.paint)} ms (idle ${round(load.idle)} ms, ${load.drawn} drawn), drag p95 ${drag.figure.p95} ms (floor ${drag.floor.p95}, work ${drag.work.p95}, +browser ${drag.task.p95}), scroll ${scroll.over}/${scroll.frames} frames over (busy ${round(scroll.busy.task)} ms), ${round(load.heap)} MB heap${memory ? `, ${memory} MB RSS` : ''}`);
    await page.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pick = (name, f) => round(median(results[name].map(f)));
const sum = (name, f) => results[name].map(f).reduce((a, b) => a + b, 0);
printComparison(
  'Span tagger: 1 MB text, 10,000 spans (median of runs)',
  [
    { figure: '(a) set text + annotations → painted', ours: pick('ours', (r) => r.load.paint), peer: pick('peer', (r) => r.load.paint) },
    { figure: '(a) … → idle after it', ours: pick('ours', (r) => r.load.idle), peer: pick('peer', (r) => r.load.idle) },
    { figure: '(b) drag → span painted, p95', ours: pick('ours', (r) => r.drag.figure.p95), peer: pick('peer', (r) => r.drag.figure.p95) },
    { figure: '(b) floor (drag over blank), p95', ours: pick('ours', (r) => r.drag.floor.p95), peer: pick('peer', (r) => r.drag.floor.p95) },
    { figure: '(b) figure − floor, p95', ours: pick('ours', (r) => r.drag.figure.p95 - r.drag.floor.p95), peer: pick('peer', (r) => r.drag.figure.p95 - r.drag.floor.p95) },
    { figure: '(b) figure − floor, p50', ours: pick('ours', (r) => r.drag.figure.p50 - r.drag.floor.p50), peer: pick('peer', (r) => r.drag.figure.p50 - r.drag.floor.p50) },
    { figure: '(b) work: handlers + their updates, p95', ours: pick('ours', (r) => r.drag.work.p95), peer: pick('peer', (r) => r.drag.work.p95) },
    { figure: '(b) … + browser selection work, p95', ours: pick('ours', (r) => r.drag.task.p95), peer: pick('peer', (r) => r.drag.task.p95) },
    // Dropped frames are rare on both: summed over the runs, where a median would be mostly noise.
    { figure: '(c) scroll: frames over 16.7 ms, all runs', ours: sum('ours', (r) => r.scroll.over), peer: sum('peer', (r) => r.scroll.over), unit: `of ~${sum('ours', (r) => r.scroll.frames)}` },
    { figure: '(c) scroll: main-thread busy (all tasks)', ours: pick('ours', (r) => r.scroll.busy.task), peer: pick('peer', (r) => r.scroll.busy.task) },
    { figure: '(c) … of which layout', ours: pick('ours', (r) => r.scroll.busy.layout), peer: pick('peer', (r) => r.scroll.busy.layout) },
    { figure: '(c) … of which script', ours: pick('ours', (r) => r.scroll.busy.script), peer: pick('peer', (r) => r.scroll.busy.script) },
    { figure: '(c) scroll: frame interval p95', ours: pick('ours', (r) => r.scroll.p95), peer: pick('peer', (r) => r.scroll.p95) },
    { figure: 'JS heap added by load', ours: pick('ours', (r) => r.load.heap), peer: pick('peer', (r) => r.load.heap), unit: 'MB' },
  ],
  '@recogito/text-annotator',
);
await bench.close();
