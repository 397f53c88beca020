#!/usr/bin/env node
/* global structuredClone, queueMicrotask, MutationObserver -- page-side code run by page.evaluate */
// <kolam-box-tool> against @annotorious/annotorious v3, same run, same 4000×3000 image, same boxes
// (see ../shared/BENCHMARKS.md). Prints, for 2,000 boxes and for 10,000:
//   (a) set the annotations → next painted frame (and → the idle moment after it)
//   (b) drag one box for 120 real mouse moves: move → painted frame, mean and p95, beside the floor
//       (the same moves over a blank page) and the time spent in page handlers per move
//   (c) one zoom step → painted frame. Annotorious' image annotator has no zoom of its own (its docs
//       send you to OpenSeadragon), so its step is the image growing by 25%, which it follows by
//       rescaling its SVG; Kolam's is the same 25% step through its `zoom` property. Timed to the
//       painted frame, to the painted frame that shows it sharp (Kolam moves its canvas at once and
//       redraws it crisp in a requestAnimationFrame: when that ran before the step's frame painted,
//       the step's frame is the sharp one; so is Annotorious' SVG's), and one frame later (raster and work deferred past
//       the paint show there), beside the floor (the same waits on a blank page); and the step
//       frame's main-thread time. Kolam's real wheel step (page.mouse.wheel) is reported too,
//       to the moved and to the sharp frame, beside its floor.
// Each figure is checked to have done its job (boxes shown, box moved, zoom changed).
// Usage: node bench/box-tool.mjs [--counts 2000,10000] [--runs 5] [--zoom-only] (skip (b), whose
// 10,000-box Annotorious drag takes minutes; the target is selected by a click instead, as (b) leaves it)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { paintHelpers, printComparison, round, startBench, stats, timedMouseMoves } from './lib/harness.mjs';

/**
 * JS heap in use (MB) after a full GC. (The harness's renderer RSS reads 0 in this container:
 * SystemInfo.getProcessInfo lists no renderer here.)
 */
const heapMB = (page) => page.evaluate(() => (window.gc?.(), Math.round(performance.memory.usedJSHeapSize / 1048576)));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COUNTS = arg('counts', '2000,10000').split(',').map(Number);
const RUNS = Number(arg('runs', 5));
const ZOOM_ONLY = process.argv.includes('--zoom-only');
const IMAGE = '/test/fixtures/generated/box-street-4000x3000.png';
const WIDTH = 4000;
const HEIGHT = 3000;
// Both show the image 1000×750 CSS px: Kolam fits it into 1200×750, Annotorious gets an img of 1000 px.
const SCALE = 0.25;
// The dragged box: big, in the middle, drawn last so nothing covers it in either tool.
const TARGET = { x: 1800, y: 1300, w: 320, h: 240 };

if (!existsSync(new URL(`..${IMAGE}`, import.meta.url))) execFileSync('node', ['scripts/fixtures/images.mjs'], { stdio: 'inherit' });

const bench = await startBench({
  entries: { 'box-kolam': 'bench/lib/box-kolam-page.mjs', 'box-annotorious': 'bench/lib/box-annotorious-page.mjs' },
});

/** The page-side data, with the target box last. */
const dataScript = ({ count, target }) => {
  const boxes = window.__makeBoxes(count, 4000, 3000, 'street.png');
  const last = boxes[count - 1];
  last.target.selector.value = `xywh=pixel:${target.x},${target.y},${target.w},${target.h}`;
  last.id = '#target';
  // Nothing else under the target's press point, so both tools grab the same box at any density.
  const hits = (v) => {
    const [x, y, w, h] = v.replace('xywh=pixel:', '').split(',').map(Number);
    return x < target.x + target.w + 40 && x + w > target.x - 40 && y < target.y + target.h + 40 && y + h > target.y - 40;
  };
  for (const box of boxes.slice(0, -1)) {
    const [x, y, w, h] = box.target.selector.value.replace('xywh=pixel:', '').split(',').map(Number);
    if (hits(box.target.selector.value)) box.target.selector.value = `xywh=pixel:${x},${(y + 1200) % (3000 - h)},${w},${h}`;
    if (hits(box.target.selector.value)) box.target.selector.value = `xywh=pixel:${x},${(y + 2400) % (3000 - h)},${w},${h}`;
  }
  window.__boxes = boxes;
};

async function kolamPage(count) {
  const body = `<kolam-box-tool style="position:absolute;left:0;top:0;width:1200px;height:750px" src="${IMAGE}" source="street.png"></kolam-box-tool>`;
  const page = await bench.newPage({ entry: 'box-kolam', body, width: 1280, height: 800 });
  await page.evaluate(paintHelpers);
  await page.evaluate(dataScript, { count, target: TARGET });
  await page.evaluate(async () => {
    const el = document.querySelector('kolam-box-tool');
    el.labels = [
      { id: 'person', name: 'Person', color: '#e6194b' },
      { id: 'car', name: 'Car', color: '#3cb44b' },
      { id: 'bike', name: 'Bicycle', color: '#ffe119' },
      { id: 'sign', name: 'Sign', color: '#4363d8' },
    ];
    while (!el.imageSize || !el.viewport.width) await window.__nextPaint();
    window.__tool = {
      set: (list) => (el.annotations = list),
      shown: () => el.store.shown.length,
      rectOf: (id) => el.annotations.find((a) => a.id === id).target.selector.value,
      zoomStep: (factor) => (el.zoom = el.zoom * factor),
      zoom: () => el.zoom,
      fit: () => el.fit(),
      // A zoom moves the drawn canvas at once (a CSS transform) and redraws it crisp when the view
      // rests, clearing the transform: resolves when the frame of that redraw has painted. When
      // the step's own frame (painted at `painted`) already showed it redrawn, that is the frame.
      crisp: (painted) => {
        const canvas = el.shadowRoot.querySelector('canvas');
        if (!canvas.style.transform && el.layer.isSharp) return painted;
        if (!canvas.style.transform) throw new Error('(c) the canvas is neither moved nor redrawn at the new view');
        return new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (canvas.style.transform) return;
            observer.disconnect();
            setTimeout(() => resolve(performance.now()), 0);
          });
          observer.observe(canvas, { attributes: true, attributeFilter: ['style'] });
        });
      },
    };
  });
  return page;
}

async function annotoriousPage(count) {
  const body = `<div style="position:absolute;left:100px;top:0"><img id="img" src="${IMAGE}" style="width:1000px"></div>`;
  const page = await bench.newPage({ entry: 'box-annotorious', body, width: 1280, height: 800 });
  await page.evaluate(paintHelpers);
  await page.evaluate(dataScript, { count, target: TARGET });
  await page.evaluate(async () => {
    const img = document.getElementById('img');
    if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
    const anno = window.__createAnnotator(img, 'street.png');
    window.__anno = anno;
    window.__tool = {
      set: (list) => anno.setAnnotations(list, true),
      shown: () => document.querySelectorAll('.a9s-annotationlayer .a9s-annotation[data-id]').length,
      rectOf: (id) => anno.getAnnotationById(id).target.selector.value,
      zoomStep: (factor) => (img.style.width = `${parseFloat(img.style.width) * factor}px`),
      zoom: () => parseFloat(img.style.width) / 1000,
      fit: () => (img.style.width = '1000px'),
      // Its SVG follows the image in the frame of the step: layout scales the viewBox, and its
      // ResizeObserver sets the stroke scale in that same frame (vector outlines are never blurry).
      crisp: (painted) => painted,
    };
    await window.__nextPaint();
  });
  return page;
}

/** (a): empty the set, then time the set → painted frame and → idle, RUNS times. */
async function loadTimes(page, count) {
  const paint = [];
  const idle = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await page.evaluate(async () => {
      window.__tool.set([]);
      await window.__nextPaint();
      await window.__nextPaint();
      const list = structuredClone(window.__boxes);
      const t0 = performance.now();
      window.__tool.set(list);
      const painted = await window.__nextPaint();
      const idle = await window.__idle();
      return { paint: painted - t0, idle: idle - t0, shown: window.__tool.shown() };
    });
    if (r.shown !== count) throw new Error(`(a) did not show the boxes: ${r.shown} of ${count}`);
    paint.push(r.paint);
    idle.push(r.idle);
  }
  return { paint: stats(paint), idle: stats(idle) };
}

/** Page-side time in handlers per pointermove: window capture → window bubble (microtasks included). */
async function handlerProbe(page, on) {
  await page.evaluate((on) => {
    if (!on) {
      removeEventListener('pointermove', window.__probeStart, true);
      removeEventListener('pointermove', window.__probeEnd);
      return;
    }
    window.__work = [];
    window.__probeStart = () => (window.__t0 = performance.now());
    window.__probeEnd = () => {
      const t0 = window.__t0;
      // The rAF callbacks of that frame (Svelte or Lit work deferred to it) count as the move's work.
      const sync = performance.now() - t0;
      requestAnimationFrame(() => {
        const r0 = performance.now();
        queueMicrotask(() => window.__work.push(sync + (performance.now() - r0)));
      });
    };
    addEventListener('pointermove', window.__probeStart, true);
    addEventListener('pointermove', window.__probeEnd);
  }, on);
  if (!on) return page.evaluate(() => window.__work);
}

/** In place of (b): select the target box with a click, the state (b) leaves (c) in. */
async function selectTarget(page, origin) {
  await page.mouse.click(origin.x + (TARGET.x + TARGET.w / 2) * SCALE, origin.y + (TARGET.y + TARGET.h / 2) * SCALE);
  await page.evaluate(() => window.__nextPaint());
  return null;
}

/** (b): press on the target box's centre, 120 real moves, release. Returns latencies and the check. */
async function dragTimes(page, origin, selectFirst) {
  const cx = origin.x + (TARGET.x + TARGET.w / 2) * SCALE;
  const cy = origin.y + (TARGET.y + TARGET.h / 2) * SCALE;
  const before = await page.evaluate(() => window.__tool.rectOf('#target'));
  if (selectFirst) {
    await page.mouse.click(cx, cy);
    await page.evaluate(() => window.__nextPaint());
  }
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const points = Array.from({ length: 120 }, (_, i) => [cx + (i + 1) * 1.5, cy + Math.sin(i / 8) * 20]);
  await handlerProbe(page, true);
  const { latencies } = await timedMouseMoves(page, points);
  const work = await handlerProbe(page, false);
  await page.mouse.up();
  await page.evaluate(() => window.__nextPaint());
  const after = await page.evaluate(() => window.__tool.rectOf('#target'));
  if (before === after) throw new Error(`(b) the drag did not move the box (${before})`);
  return { latency: stats(latencies), work: stats(work), moved: `${before.replace('xywh=pixel:', '')} → ${after.replace('xywh=pixel:', '')}` };
}

/**
 * (c): alternate ×1.25 and ÷1.25, each timed from the call to the painted frame, to the painted
 * frame that shows it sharp (Kolam: the canvas redrawn at the new view), and to one more painted
 * frame (work deferred past the sharp frame still costs the user). Also the main-thread time of
 * the step's frame: from its requestAnimationFrame callbacks to the task after its paint.
 */
async function zoomTimes(page) {
  const samples = await page.evaluate(async (runs) => {
    const painted = [];
    const crisp = [];
    const after = [];
    const frame = [];
    for (let i = 0; i < runs * 4; i++) {
      const before = window.__tool.zoom();
      let frameStart = 0;
      requestAnimationFrame(() => (frameStart = performance.now()));
      const t0 = performance.now();
      window.__tool.zoomStep(i % 2 ? 0.8 : 1.25);
      const p = await window.__nextPaint();
      painted.push(p - t0);
      frame.push(p - frameStart);
      if (Math.abs(window.__tool.zoom() - before) < 1e-6) throw new Error('(c) zoom did not change');
      crisp.push((await window.__tool.crisp(p)) - t0);
      after.push((await window.__nextPaint()) - t0);
      await window.__nextPaint();
    }
    return { painted, crisp, after, frame };
  }, RUNS);
  await page.evaluate(() => window.__tool.fit());
  return { painted: stats(samples.painted), crisp: stats(samples.crisp), after: stats(samples.after), frame: stats(samples.frame) };
}

/**
 * Kolam only, no floor: the time of the canvas's redraws themselves (the layer's draw, in the
 * page) while (c) runs, the part of the step's frame that grows with the boxes.
 */
async function redrawProbe(page, on) {
  return page.evaluate((on) => {
    const layer = document.querySelector('kolam-box-tool').layer;
    if (!on) {
      delete layer.draw;
      return window.__redraws;
    }
    const draw = layer.draw;
    window.__redraws = [];
    layer.draw = function () {
      const t0 = performance.now();
      draw.call(this);
      window.__redraws.push(performance.now() - t0);
    };
  }, on);
}

/** The floor of (c): the same waits on a blank page, for a step that costs nothing. */
async function zoomFloor(page) {
  const samples = await page.evaluate(async (runs) => {
    const painted = [];
    const after = [];
    for (let i = 0; i < runs * 4; i++) {
      const t0 = performance.now();
      painted.push((await window.__nextPaint()) - t0);
      after.push((await window.__nextPaint()) - t0);
      await window.__nextPaint();
    }
    return { painted, after };
  }, RUNS);
  return { painted: stats(samples.painted), after: stats(samples.after) };
}

/**
 * Kolam only: a real wheel notch over the image → painted frame (the picture moved), and → the
 * painted frame of the sharp redraw (deferred to the first frame without a wheel event).
 */
async function wheelTimes(page, crisp = false) {
  const out = [];
  const sharp = [];
  await page.mouse.move(600, 375);
  for (let i = 0; i < RUNS * 2; i++) {
    const start = Date.now();
    await page.mouse.wheel(0, i % 2 ? 100 : -100);
    await page.evaluate(() => window.__nextPaint());
    out.push(Date.now() - start);
    if (crisp) {
      await page.evaluate(() => window.__tool.crisp());
      sharp.push(Date.now() - start);
      await page.evaluate(() => window.__nextPaint());
    }
  }
  return { painted: stats(out), crisp: stats(sharp) };
}

async function floorPage() {
  const page = await bench.newPage({ width: 1280, height: 800 });
  await page.evaluate(paintHelpers);
  return page;
}

/** The input→frame floor: the same 120 moves over a blank page, now (the machine is shared and noisy). */
async function floorMoves() {
  const floor = await floorPage();
  // A first burst warms the input pipeline, as the tools' pages are warmed by loading.
  await timedMouseMoves(floor, Array.from({ length: 20 }, (_, i) => [300 + i, 300]));
  const { latencies } = await timedMouseMoves(floor, Array.from({ length: 120 }, (_, i) => [500 + i * 1.5, 400 + Math.sin(i / 8) * 20]));
  const { painted: wheel } = await wheelTimes(floor);
  const zoom = await zoomFloor(floor);
  await floor.close();
  return { moves: stats(latencies), wheel, zoom };
}

for (const count of COUNTS) {
  console.log(`\n=== ${count} boxes on a ${WIDTH}×${HEIGHT} image (${RUNS} runs each) ===`);
  const before = await floorMoves();
  const kPage = await kolamPage(count);
  const kLoad = await loadTimes(kPage, count);
  const kHeap = await heapMB(kPage);
  const kDrag = ZOOM_ONLY ? await selectTarget(kPage, { x: 100, y: 0 }) : await dragTimes(kPage, { x: 100, y: 0 }, false);
  await redrawProbe(kPage, true);
  const kZoom = await zoomTimes(kPage);
  const kRedraw = stats(await redrawProbe(kPage, false));
  const kWheel = await wheelTimes(kPage, true);
  await kPage.close();

  const aPage = await annotoriousPage(count);
  const aLoad = await loadTimes(aPage, count);
  const aHeap = await heapMB(aPage);
  const aDrag = ZOOM_ONLY ? await selectTarget(aPage, { x: 100, y: 0 }) : await dragTimes(aPage, { x: 100, y: 0 }, true);
  const aZoom = await zoomTimes(aPage);
  await aPage.close();
  const after = await floorMoves();

  // The floor is measured before and after both tools; their mean is what each figure is held to.
  const f = { mean: round((before.moves.mean + after.moves.mean) / 2), p95: round((before.moves.p95 + after.moves.p95) / 2) };
  const mid = (get) => ({ mean: round((get(before).mean + get(after).mean) / 2), p50: round((get(before).p50 + get(after).p50) / 2), p95: round((get(before).p95 + get(after).p95) / 2) });
  const floorWheel = mid((f) => f.wheel);
  const floorZoom = mid((f) => f.zoom.painted);
  const floorZoomAfter = mid((f) => f.zoom.after);
  printComparison(
    `${count} boxes — Kolam vs Annotorious (peer / kolam > 1: Kolam is faster)`,
    [
      { figure: '(a) set annotations → painted, mean', ours: kLoad.paint.mean, peer: aLoad.paint.mean },
      { figure: '(a) set annotations → painted, p95', ours: kLoad.paint.p95, peer: aLoad.paint.p95 },
      { figure: '(a) set annotations → idle, mean', ours: kLoad.idle.mean, peer: aLoad.idle.mean },
      ...(kDrag && aDrag
        ? [
            { figure: '(b) drag move → painted, mean', ours: kDrag.latency.mean, peer: aDrag.latency.mean },
            { figure: '(b) drag move → painted, p95', ours: kDrag.latency.p95, peer: aDrag.latency.p95 },
            { figure: '(b) drag move − floor, p95', ours: round(kDrag.latency.p95 - f.p95), peer: round(aDrag.latency.p95 - f.p95) },
            { figure: '(b) page work per move, mean', ours: kDrag.work.mean, peer: aDrag.work.mean },
            { figure: '(b) page work per move, p95', ours: kDrag.work.p95, peer: aDrag.work.p95 },
          ]
        : []),
      { figure: '(c) zoom step → painted, mean', ours: kZoom.painted.mean, peer: aZoom.painted.mean },
      { figure: '(c) zoom step → painted, p95', ours: kZoom.painted.p95, peer: aZoom.painted.p95 },
      { figure: '(c) zoom step → painted − floor, p95', ours: round(kZoom.painted.p95 - floorZoom.p95), peer: round(aZoom.painted.p95 - floorZoom.p95) },
      { figure: '(c) zoom step → crisp redraw painted, mean', ours: kZoom.crisp.mean, peer: aZoom.crisp.mean },
      { figure: '(c) zoom step → crisp redraw painted, p95', ours: kZoom.crisp.p95, peer: aZoom.crisp.p95 },
      { figure: '(c) crisp redraw painted − floor, p50', ours: round(kZoom.crisp.p50 - floorZoom.p50), peer: round(aZoom.crisp.p50 - floorZoom.p50) },
      { figure: '(c) crisp redraw painted − floor, p95', ours: round(kZoom.crisp.p95 - floorZoom.p95), peer: round(aZoom.crisp.p95 - floorZoom.p95) },
      { figure: '(c) zoom step → crisp, then 1 frame, mean', ours: kZoom.after.mean, peer: aZoom.after.mean },
      { figure: '(c) zoom step → crisp, then 1 frame, p95', ours: kZoom.after.p95, peer: aZoom.after.p95 },
      { figure: '(c) main-thread time of the step’s frame, mean', ours: kZoom.frame.mean, peer: aZoom.frame.mean },
      { figure: '(c) main-thread time of the step’s frame, p95', ours: kZoom.frame.p95, peer: aZoom.frame.p95 },
      { figure: 'JS heap after set', ours: kHeap, peer: aHeap, unit: 'MB' },
    ],
    'annotorious',
  );
  console.log(`floor (120 moves on a blank page, before / after): mean ${before.moves.mean} / ${after.moves.mean} ms, p95 ${before.moves.p95} / ${after.moves.p95} ms`);
  console.log(`(c) floor (the same waits on a blank page): painted mean ${floorZoom.mean} / p50 ${floorZoom.p50} / p95 ${floorZoom.p95} ms; one frame more mean ${floorZoomAfter.mean} / p95 ${floorZoomAfter.p95} ms`);
  console.log(`(c) Kolam's canvas redraw itself, in the page (${kRedraw.n} redraws): mean ${kRedraw.mean} / p50 ${kRedraw.p50} / p95 ${kRedraw.p95} ms`);
  console.log(`Kolam real wheel notch → painted: mean ${kWheel.painted.mean} ms, p95 ${kWheel.painted.p95} ms; → crisp redraw painted: mean ${kWheel.crisp.mean} ms, p95 ${kWheel.crisp.p95} ms (floor: mean ${floorWheel.mean}, p95 ${floorWheel.p95})`);
  if (kDrag && aDrag) console.log(`checks: Kolam moved ${kDrag.moved}; Annotorious moved ${aDrag.moved}`);
}

await bench.close();
