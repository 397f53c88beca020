// Diagnostic: renderer memory through one long load, sampled every 100 ms, in a Chromium with no
// DevTools Network domain (bare-chromium.mjs) — where a load's memory goes, and when.
//   node bench/lib/player-memory-timeline.mjs [--file hour.mp3] [--page decode|kolam|wavesurfer] [--repeat 2] [--every 500]
// `decode` runs our loadPeaks alone (no player, no media element). Prints RSS and the page's JS
// heap (main thread) over the load, then settled after it.
import { readFileSync } from 'node:fs';
import { launchBareChromium } from './bare-chromium.mjs';
import { paintHelpers, startBench } from './harness.mjs';
import { syntheticPeaks } from '../../scripts/fixtures/audio.mjs';

const arg = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const file = arg('file', 'hour.mp3');
const which = arg('page', 'decode');
const repeat = Number(arg('repeat', 1));
const every = Number(arg('every', 500));
const entry = { decode: 'player-decode-only-page', kolam: 'player-kolam', wavesurfer: 'player-wavesurfer' }[which];
const routes = {
  '/bench/.cache/peaks-3600.json': () => ({ type: 'application/json', body: JSON.stringify(syntheticPeaks(3600, { sampleRate: 16000, samplesPerPixel: 16000 })) }),
  '/bench/.cache/decode-worker.ts': () => ({ type: 'text/javascript', body: readFileSync(new URL('../.cache/decode-worker.js', import.meta.url)) }) };
const bench = await startBench({
  entries: {
    'player-decode-only-page': 'bench/lib/player-decode-only-page.mjs',
    'player-kolam': 'bench/lib/player-kolam-page.mjs',
    'player-wavesurfer': 'bench/lib/player-wavesurfer-page.mjs',
    'decode-worker': 'src/transcription-player/decode/decode-worker.ts',
  },
  routes,
});
routes[`/__bare__/${entry}.html`] = () => ({ type: 'text/html', body: `<!doctype html><html lang="en"><body><script type="module" src="/bench/.cache/${entry}.js"></script></body></html>` });
const bare = await launchBareChromium();

for (let run = 0; run < repeat; run++) {
  const page = await bare.newPage(bench.url(`/__bare__/${entry}.html`));
  await page.waitFor(() => window.__benchReady === true);
  await page.evaluate(paintHelpers);
  const before = await page.settledMemoryMB();
  const heap = async () => Math.round((await page.send('Runtime.getHeapUsage')).usedSize / 1048576);
  const heapBefore = await heap();
  const url = `/bench/.cache/${file}?run=${Date.now()}`;
  const samples = [];
  let running = true;
  const t0 = Date.now();
  const sampler = (async () => {
    while (running) {
      samples.push([Date.now() - t0, (await bare.rendererMemoryMB()) - before, (await heap()) - heapBefore]);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const expr = arg('expr', null);
  const load = expr ? page.evaluate(new Function('url', `return ${expr}`), url) : page.evaluate((u) => (window.bench.decode ?? window.bench.loadSrc)(u), url);
  const result = await Promise.race([load, new Promise((r) => setTimeout(() => r('timed out after 90 s'), 90_000))]);
  running = false;
  await sampler;
  const peak = Math.max(...samples.map((s) => s[1]));
  const line = [];
  for (let t = 0, i = 0; i < samples.length; t += every) {
    while (i < samples.length && samples[i][0] < t + every) i++;
    const s = samples[Math.max(0, i - 1)];
    line.push(`${(s[0] / 1000).toFixed(1)}s:+${s[1]}/${s[2]}`);
  }
  const after = (await page.settledMemoryMB()) - before;
  await page.waitForTimeout(5000);
  const later = (await page.settledMemoryMB()) - before;
  console.log(`${which} ${file} run ${run + 1}: ${JSON.stringify(result)}`);
  console.log(`  before ${before} MB; rss/heap over before: ${line.join(' ')}`);
  console.log(`  peak +${peak} MB, after (settled) +${after} MB, 7 s later +${later} MB, heap +${(await heap()) - heapBefore} MB`);
  await page.close();
}
await bare.close();
await bench.close();
