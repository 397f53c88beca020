#!/usr/bin/env node
// <kolam-transcription-player> against wavesurfer.js v8 + Regions, in one headless Chromium, on the
// same generated media (see ../shared/BENCHMARKS.md):
//   (a) one hour of WAV, MP3, Opus and M4A, and three hours of MP3, no peaks: `src` set → first
//       screen of waveform painted, → whole file painted, and the renderer's resident memory
//       (before, peak while loading, after); for ours also a reopen (peaks from IndexedDB);
//   (b) three hours from audiowaveform peaks → painted;
//   (c) 2,000 segments: drag one edge through 120 real mouse moves, move → painted frame (mean, p95),
//       with the floor (same moves on an empty page) and the JS time in handlers per move;
//   (d) seek and zoom → painted, with the JS of each, and the frames while playing with the view following, beside the floor of a seek: the same seeks on a
//       bare <video> streaming the file (as ours plays it) and on one playing it from a Blob (as
//       wavesurfer.js does, having fetched the whole file).
// Usage: node bench/transcription-player.mjs [--runs 2] [--only hour.mp3,hour.opus] [--skip-rest]
//        [--seek-only] (the one-hour load and (d) alone; add `--only none` to skip the long files)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ensureHourLong, ensureLongCompressed, syntheticPeaks } from '../scripts/fixtures/audio.mjs';
import { launchBareChromium } from './lib/bare-chromium.mjs';
import { paintHelpers, printComparison, round, startBench, stats, timedMouseMoves } from './lib/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1;
const hourFile = ensureHourLong();
const hourUrl = '/bench/.cache/hour.wav';
ensureLongCompressed();
const onlyArg = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const longFiles = [
  ['hour.wav', 'one hour WAV 16 kHz mono (115 MB)', 3600],
  ['hour.mp3', 'one hour MP3 64 kb/s (29 MB)', 3600],
  ['hour.opus', 'one hour Opus 32 kb/s', 3600],
  ['hour.m4a', 'one hour M4A/AAC 64 kb/s', 3600],
  ['hour-vbr.mp3', 'one hour MP3, variable rate (LAME -V 7, 33 kb/s, 15 MB)', 3600],
  ['hour.webm', 'one hour WebM/Opus 32 kb/s (what browsers record)', 3600],
  ['three-hours.mp3', 'three hours MP3 64 kb/s (86 MB)', 10800],
].filter(([name]) => !onlyArg || onlyArg.includes(name));
const skipRest = process.argv.includes('--skip-rest');
const seekOnly = process.argv.includes('--seek-only');
const peaksJson = JSON.parse(readFileSync(new URL('../test/fixtures/generated/three-hours.peaks.json', import.meta.url), 'utf8'));
console.log(`one-hour file: ${hourFile}`);

// The decode worker is a file next to the decoder's module; in the bench bundle that is
// bench/.cache/, where the worker's own bundle is served under the name the source asks for.
const routes = {
  // One point a second (a few KB): the load with peaks given measures the player and its media.
  '/bench/.cache/peaks-3600.json': () => ({ type: 'application/json', body: JSON.stringify(syntheticPeaks(3600, { sampleRate: 16000, samplesPerPixel: 16000 })) }),
  '/bench/.cache/peaks-10800.json': () => ({ type: 'application/json', body: JSON.stringify(syntheticPeaks(10800, { sampleRate: 16000, samplesPerPixel: 16000 })) }),
  '/bench/.cache/decode-worker.ts': () => ({ type: 'text/javascript', body: readFileSync(new URL('./.cache/decode-worker.js', import.meta.url)) }),
};
const bench = await startBench({
  entries: {
    'player-kolam': 'bench/lib/player-kolam-page.mjs',
    'player-wavesurfer': 'bench/lib/player-wavesurfer-page.mjs',
    'decode-worker': 'src/transcription-player/decode/decode-worker.ts',
  },
  routes,
});
const tools = [
  { key: 'ours', entry: 'player-kolam' },
  { key: 'peer', entry: 'player-wavesurfer' },
];

/** Opens a tool page through the harness (it registers the page route), with paint helpers. */
async function toolPage(entry) {
  const page = await bench.newPage({ entry, width: 1280, height: 900 });
  await page.addInitScript(paintHelpers);
  await page.evaluate(paintHelpers);
  return page;
}

/**
 * The long files' loads run in a Chromium of their own driven with no DevTools Network domain
 * (bare-chromium.mjs): Playwright enables it, and DevTools then keeps every fetched body in the
 * renderer, which counted the measuring tool's copies of a range-reading decoder's reads as its
 * memory. Both tools are measured there alike, in the same run.
 */
const MEMORY_NOTE =
  'the renderer processes\' memory from /proc: "own" is what they wrote (RssAnon + RssShmem), "resident" all of VmRSS, which adds the pages of the browser\'s own code and data files that the load touched (clean, shared by every tab, dropped first when memory runs short); in a Chromium driven over its DevTools pipe with no Network domain enabled (Playwright enables it, and DevTools then keeps fetched bodies in the renderer)';
const bare = longFiles.length ? await launchBareChromium({ width: 1280, height: 900 }) : null;
for (const entry of ['player-kolam', 'player-wavesurfer']) {
  routes[`/__bare__/${entry}.html`] = () => ({
    type: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>html,body{margin:0}</style></head><body><script type="module" src="/bench/.cache/${entry}.js"></script></body></html>`,
  });
}

async function barePage(entry) {
  const page = await bare.newPage(bench.url(`/__bare__/${entry}.html`));
  await page.waitFor(() => window.__benchReady === true);
  await page.evaluate(paintHelpers);
  return page;
}

/** Samples the renderers' memory (`{ resident, own }`) every 50 ms while `work` runs; returns the peak of each. */
async function peakMemoryDuring(memory, work) {
  const peak = { resident: 0, own: 0 };
  const sample = async () => {
    const m = await memory();
    peak.resident = Math.max(peak.resident, m.resident);
    peak.own = Math.max(peak.own, m.own);
  };
  let running = true;
  const sampler = (async () => {
    while (running) {
      await sample();
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work();
  running = false;
  await sampler;
  await sample();
  return { result, peak };
}

/** `a` − `b`, each reading. */
const over = (a, b) => ({ resident: a.resident - b.resident, own: a.own - b.own });

const ranges = Array.from({ length: 2000 }, (_, i) => [round(i * 5.4, 3), round(i * 5.4 + 4.8, 3), `Segment ${i + 1}: words the recogniser heard.`]);

/** When the second "after" reading is taken: this long after the whole file is painted. */
const LATER_MS = 10_000;

/** One long file in a fresh page: first screen, whole file, memory; for ours, a reopen from the cache. */
async function loadLong(entry, url, seconds) {
  const page = await barePage(entry);
  const before = await page.settledMemory();
  const cpuBefore = await bare.rendererCpuMs();
  const { result, peak } = await peakMemoryDuring(() => bare.rendererMemory(), () => page.evaluate((u) => window.bench.loadSrc(u), url));
  const loaded = performance.now();
  const cpu = (await bare.rendererCpuMs()) - cpuBefore;
  if (!(Math.abs(result.duration - seconds) < 2)) throw new Error(`${entry}: ${url} gave duration ${result.duration}, expected ${seconds}`);
  const after = await page.settledMemory();
  // Chromium's allocator hands freed pages back on a timer (PartitionAlloc's reclaimer, every 4 s):
  // what is still held 10 s on is what the load kept.
  await page.waitForTimeout(Math.max(0, LATER_MS - (performance.now() - loaded)));
  const later = await page.settledMemory();
  const reopen = entry === 'player-kolam' ? await page.evaluate((u) => window.bench.loadSrc(u), url) : null;
  await page.close();
  return { ...result, cpu, before, peak: over(peak, before), after: over(after, before), later: over(later, before), reopen: reopen?.painted, ...(await givenPeaksMemory(entry, url, seconds)) };
}

/**
 * The same file with tiny peaks given (one point a second), in a fresh page: what the player and
 * its media element hold with no decoding and next to no peaks, for both tools alike — the part of
 * the figures above that is not the decode's. Over before, once settled.
 */
async function givenPeaksMemory(entry, url, seconds) {
  const page = await barePage(entry);
  const before = await page.settledMemory();
  const { result: loaded, peak } = await peakMemoryDuring(() => bare.rendererMemory(), () => page.evaluate(([u, p]) => window.bench.loadSrcWithPeaks(u, p), [url, `/bench/.cache/peaks-${seconds}.json`]));
  if (!(Math.abs(loaded.duration - seconds) < 2)) throw new Error(`${entry}: ${url} with peaks gave duration ${loaded.duration}`);
  const after = await page.settledMemory();
  await page.close();
  return { given: over(after, before), givenPeak: over(peak, before) };
}

async function runLong() {
  const out = [];
  for (const [name, label, seconds] of longFiles) {
    const url = `/bench/.cache/${name}`;
    // The machine is shared: the load average beside each file's figures says how noisy they are.
    const load = loadavg().map((v) => v.toFixed(2)).join(' ');
    out.push({ name, label, load, ours: await loadLong('player-kolam', url, seconds), peer: await loadLong('player-wavesurfer', url, seconds) });
  }
  return out;
}

let cdp = null;
/**
 * CPU time (ms, user + system) of the renderers' main threads: where the page's JS, its frames and
 * the browser's reads for a streamed <video> all run. On the shared machine wall-clock times swing
 * with the neighbours' load; this is the work itself (in 10 ms ticks).
 */
async function mainThreadCpuMs() {
  cdp ??= await bench.browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let ticks = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      // The main thread's task id is the process id; utime and stime follow the command name.
      const fields = readFileSync(`/proc/${p.id}/task/${p.id}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks * 10;
}

/** Where the 60 seeks go: spread over the hour, each far from the last. */
const seekTimes = Array.from({ length: 60 }, (_, i) => ((i * 997) % 3500) + 13.7);

/** (d) on a tool page with the hour loaded: 60 seeks, then 12 zoom levels, each checked to have done its job. */
async function seekAndZoom(page, entry) {
  const seeks = [];
  const seekWork = [];
  const cpu0 = await mainThreadCpuMs();
  // 60 seeks: a p95 over 20 is the second-worst sample, which the shared machine decides.
  for (const t of seekTimes) {
    const r = await page.evaluate((t) => window.bench.seek(t), t);
    if (Math.abs(r.time - t) > 0.05) throw new Error(`${entry}: seek to ${t} landed at ${r.time}`);
    if (r.playheadX !== undefined && !(Math.abs(r.playheadX - r.expectedX) < 1)) throw new Error(`${entry}: after a seek to ${t} the playhead is drawn at ${r.playheadX} px, not ${r.expectedX}`);
    seeks.push(r.painted);
    seekWork.push(r.work);
  }
  const seekCpu = (await mainThreadCpuMs()) - cpu0;
  const zooms = [];
  const zoomWork = [];
  for (const px of [2, 5, 10, 20, 50, 100, 200, 100, 50, 20, 5, 2]) {
    const r = await page.evaluate((px) => window.bench.zoom(px), px);
    if (Math.abs(r.zoom - px) > 0.01) throw new Error(`${entry}: zoom ${px} gave ${r.zoom}`);
    zooms.push(r.painted);
    zoomWork.push(r.work);
  }
  // Playing at 500 px/s from half an hour in: the view pages every ~2 s, each page a new stretch drawn.
  // A second first for the last zoom's and seek's reads to end, for both alike.
  await page.waitForTimeout(1000);
  const followed = await page.evaluate(() => window.bench.follow(1800, 500, 6000));
  if (followed.moves < 2) throw new Error(`${entry}: the view moved ${followed.moves} times in 6 s of playing at 500 px/s`);
  const follow = { ...stats(followed.intervals), long: followed.intervals.filter((ms) => ms > 25).length, frames: followed.intervals.length, moves: followed.moves };
  return { seek: stats(seeks), seekWork: stats(seekWork), seekCpu, zoom: stats(zooms), zoomWork: stats(zoomWork), follow };
}

/**
 * The floor of a seek: the same 60 seeks → painted on a page holding only a <video> of the hour,
 * streamed from its URL (the browser's default preload, as ours plays it) or played from a Blob of
 * the whole file (as wavesurfer.js plays it). A streamed seek reads the new place over HTTP, and
 * the browser does those reads on the page's main thread.
 */
async function seekFloor(fromBlob) {
  const page = await bench.newPage({ width: 1280, height: 900 });
  await page.evaluate(paintHelpers);
  await page.evaluate(
    async ([url, fromBlob]) => {
      const video = document.createElement('video');
      video.src = fromBlob ? URL.createObjectURL(await (await window.fetch(url)).blob()) : url;
      document.body.append(video);
      await new Promise((resolve) => video.addEventListener('canplay', resolve, { once: true }));
      // Settled: a floor is the least a seek costs.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      window.__video = video;
    },
    [hourUrl, fromBlob],
  );
  const seeks = [];
  const cpu0 = await mainThreadCpuMs();
  for (const t of seekTimes) {
    const r = await page.evaluate(async (t) => {
      const t0 = performance.now();
      window.__video.currentTime = t;
      return { painted: (await window.__nextPaint()) - t0, time: window.__video.currentTime };
    }, t);
    if (Math.abs(r.time - t) > 0.05) throw new Error(`floor: seek to ${t} landed at ${r.time}`);
    seeks.push(r.painted);
  }
  const cpu = (await mainThreadCpuMs()) - cpu0;
  await page.close();
  return { ...stats(seeks), cpu };
}

async function runOnce() {
  const out = { ours: {}, peer: {} };

  // (a) one hour from `src`, then (d) seek and zoom on it.
  for (const { key, entry } of tools) {
    const page = await toolPage(entry);
    // Only for the load to finish before seeking: (a) measures its memory, here DevTools watches the network.
    const result = await page.evaluate((url) => window.bench.loadSrc(url), hourUrl);
    if (!(Math.abs(result.duration - 3600) < 1)) throw new Error(`${entry}: one-hour load did not finish (duration ${result.duration})`);
    out[key].hour = result;

    Object.assign(out[key], await seekAndZoom(page, entry));
    await page.close();
  }
  // The seek's floors last (one page holds a Blob of the whole hour): they disturb no other figure.
  if (seekOnly) return { ...out, seekFloor: { streamed: await seekFloor(false), blob: await seekFloor(true) } };

  // (b) three hours from peaks, then (c) 2,000 segments and an edge drag on them.
  for (const { key, entry } of tools) {
    const page = await toolPage(entry);
    // Three loads (each a fresh element), the median reported: one load is at the mercy of the machine.
    const loads = [];
    for (let i = 0; i < 3; i++) {
      const loaded = await page.evaluate((json) => window.bench.loadPeaks(json), peaksJson);
      if (!(Math.abs(loaded.duration - 10800) < 1)) throw new Error(`${entry}: peaks load gave duration ${loaded.duration}`);
      loads.push(loaded);
    }
    loads.sort((a, b) => a.painted - b.painted);
    out[key].peaks = loads[1];
    out[key].addSegments = await page.evaluate((r) => window.bench.addSegments(r), ranges);
    await page.evaluate(() => window.bench.zoom(50, 1000 * 5.4));
    await page.waitForTimeout(300);
    const edge = await page.evaluate(() => window.bench.endEdge(1000));
    const endBefore = await page.evaluate(() => window.bench.endOf(1000));
    // 80 moves left by 2 px, then 40 right by 1 px: the edge ends 120 px (2.4 s at 50 px/s) in.
    const points = [];
    for (let i = 1; i <= 80; i++) points.push([edge.x - 2 * i, edge.y]);
    for (let i = 1; i <= 40; i++) points.push([edge.x - 160 + i, edge.y]);
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.evaluate(() => window.bench.trackHandlerTime());
    const { latencies } = await timedMouseMoves(page, points);
    const handler = await page.evaluate(() => window.__stopHandlerTime());
    await page.mouse.up();
    await page.waitForTimeout(100);
    const endAfter = await page.evaluate(() => window.bench.endOf(1000));
    if (Math.abs(endBefore - 2.4 - endAfter) > 0.1) throw new Error(`${entry}: edge went ${endBefore} → ${endAfter}, expected −2.4 s`);
    out[key].drag = stats(latencies);
    out[key].handler = stats(handler);
    await page.close();
  }

  // The floor: the same moves with the mouse down over an empty page.
  const blank = await bench.newPage();
  await blank.evaluate(paintHelpers);
  const points = Array.from({ length: 120 }, (_, i) => [600 - (i < 80 ? 2 * i : 160 - (i - 80)), 400]);
  await blank.mouse.move(600, 400);
  await blank.mouse.down();
  const floor = await timedMouseMoves(blank, points);
  await blank.mouse.up();
  out.floor = stats(floor.latencies);
  await blank.close();
  out.seekFloor = { streamed: await seekFloor(false), blob: await seekFloor(true) };
  return out;
}

for (let run = 1; run <= runs; run++) {
  const row = (figure, ours, peer, unit) => ({ figure, ours: round(ours), peer: round(peer), unit });
  console.log(`\n=== run ${run} of ${runs} ===`);
  for (const long of await runLong()) {
    const { ours, peer } = long;
    printComparison(
      `(a) ${long.label}: src set → painted; memory over before (resident ${ours.before.resident} / ${peer.before.resident} MB, own ${ours.before.own} / ${peer.before.own} MB): ${MEMORY_NOTE}; load average ${long.load}`,
      [
        row('first screen of waveform painted', ours.first, peer.first),
        row('whole file painted', ours.painted, peer.painted),
        row('idle after the whole file', ours.idle, peer.idle),
        row('memory peak while loading, over before: own', ours.peak.own, peer.peak.own, 'MB'),
        row('memory after, over before: own', ours.after.own, peer.after.own, 'MB'),
        row('memory peak while loading, over before: resident', ours.peak.resident, peer.peak.resident, 'MB'),
        row('memory after, over before: resident', ours.after.resident, peer.after.resident, 'MB'),
        row('memory 10 s after, over before: own', ours.later.own, peer.later.own, 'MB'),
        row('memory 10 s after, over before: resident', ours.later.resident, peer.later.resident, 'MB'),
        row('reopen (peaks cached in IndexedDB) → painted', ours.reopen, undefined),
        row('renderer CPU time (all threads) while loading, src set → whole file painted', ours.cpu, peer.cpu),
        row('player + media element alone (tiny peaks given, no decoding): memory peak, over before: own', ours.givenPeak.own, peer.givenPeak.own, 'MB'),
        row('player + media element alone (tiny peaks given, no decoding): memory peak, over before: resident', ours.givenPeak.resident, peer.givenPeak.resident, 'MB'),
        row('player + media element alone (tiny peaks given, no decoding): memory after, over before: own', ours.given.own, peer.given.own, 'MB'),
        row('player + media element alone (tiny peaks given, no decoding): memory after, over before: resident', ours.given.resident, peer.given.resident, 'MB'),
      ],
      'wavesurfer.js',
    );
  }
  if (skipRest) continue;
  const r = await runOnce();
  if (!seekOnly) {
    printComparison(
      '(b) three hours from audiowaveform peaks (v2, 8-bit, 930 k points) → painted (median of 3 loads)',
      [row('peaks → painted', r.ours.peaks.painted, r.peer.peaks.painted), row('peaks → idle after paint', r.ours.peaks.idle, r.peer.peaks.idle)],
      'wavesurfer.js',
    );
    printComparison(
      `(c) 2,000 segments: set → painted, then one edge dragged through 120 real mouse moves (floor: empty page, mean ${r.floor.mean} ms, p95 ${r.floor.p95} ms)`,
      [
        row('2,000 segments set → painted', r.ours.addSegments, r.peer.addSegments),
        row('move → painted, mean', r.ours.drag.mean, r.peer.drag.mean),
        row('move → painted, p95', r.ours.drag.p95, r.peer.drag.p95),
        row('p95 − floor p95', r.ours.drag.p95 - r.floor.p95, r.peer.drag.p95 - r.floor.p95),
        row('JS in handlers per move, mean', r.ours.handler.mean, r.peer.handler.mean),
        row('JS in handlers per move, p95', r.ours.handler.p95, r.peer.handler.p95),
      ],
      'wavesurfer.js',
    );
  }
  const { streamed, blob } = r.seekFloor;
  printComparison(
    `(d) on the one-hour file: seek → painted (60 seeks), zoom → painted (12 levels, 2–200 px/s); floor of a seek, a bare <video> of the hour: streamed from its URL (as ours plays it) mean ${streamed.mean} ms, p95 ${streamed.p95} ms, main-thread CPU ${streamed.cpu} ms; from a Blob of the whole file (as wavesurfer.js plays it) mean ${blob.mean} ms, p95 ${blob.p95} ms, CPU ${blob.cpu} ms`,
    [
      row('seek, mean', r.ours.seek.mean, r.peer.seek.mean),
      row('seek, p95', r.ours.seek.p95, r.peer.seek.p95),
      row('seek p95 − its media floor p95 (streamed / Blob)', r.ours.seek.p95 - streamed.p95, r.peer.seek.p95 - blob.p95),
      row('renderer main-thread CPU over the 60 seeks (floor: streamed / Blob)', r.ours.seekCpu, r.peer.seekCpu),
      row('… minus its media floor\'s', r.ours.seekCpu - streamed.cpu, r.peer.seekCpu - blob.cpu),
      row('JS per seek (set → update done), mean', r.ours.seekWork.mean, r.peer.seekWork.mean),
      row('JS per seek, p95', r.ours.seekWork.p95, r.peer.seekWork.p95),
      row('zoom, mean', r.ours.zoom.mean, r.peer.zoom.mean),
      row('zoom, p95', r.ours.zoom.p95, r.peer.zoom.p95),
      row('JS per zoom (set → update done; wavesurfer.js: the zoom() call), mean', r.ours.zoomWork.mean, r.peer.zoomWork.mean),
      row('JS per zoom, p95', r.ours.zoomWork.p95, r.peer.zoomWork.p95),
    ],
    'wavesurfer.js',
  );
  const f = (x) => `${x.follow.frames} frames, the view moved in ${x.follow.moves}`;
  printComparison(
    `(d) playing the hour for 6 s at 500 px/s, the view following the playhead (ours ${f(r.ours)}; wavesurfer.js ${f(r.peer)}): frame intervals (16.7 ms is every frame)`,
    [
      row('frame interval, mean', r.ours.follow.mean, r.peer.follow.mean),
      row('frame interval, p95', r.ours.follow.p95, r.peer.follow.p95),
      row('frame interval, max', r.ours.follow.max, r.peer.follow.max),
      row('frames over 25 ms (a frame or more dropped)', r.ours.follow.long, r.peer.follow.long, ''),
    ],
    'wavesurfer.js',
  );
}
await bare?.close();
await bench.close();
