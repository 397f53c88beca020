// Shared by the bench scripts: bundles page entries with esbuild, serves them on localhost, drives
// the system Chromium with playwright-core, and does the statistics. See ../shared/BENCHMARKS.md
// for what the numbers mean (the input→frame floor, ratios, memory).
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from '../../scripts/chromium-path.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const outDir = join(root, 'bench/.cache');


/**
 * Bundles each `entries` file (name → path relative to the repo) to bench/.cache/<name>.js with
 * Lit in production mode, starts a static server over the repo and a Chromium, and returns
 * `{ browser, url(path), newPage(), close() }`. Extra routes: `routes` maps a URL path to
 * `() => ({ body, type })` for generated data.
 */
export async function startBench({ entries = {}, routes = {} } = {}) {
  mkdirSync(outDir, { recursive: true });
  if (Object.keys(entries).length) {
    await build({
      entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
      bundle: true,
      format: 'esm',
      outdir: outDir,
      minify: true,
      target: 'es2022',
      conditions: ['production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      tsconfig: join(root, 'tsconfig.json'),
      loader: { '.css': 'text' },
      logLevel: 'warning',
    });
  }
  const server = await serveStatic(root, { routes });
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `npm run setup` or set CHROME_PATH.');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...chromiumArgs.filter((a) => !a.startsWith('--headless')), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const { url } = server;
  return {
    browser,
    url,
    /** A page of 1280×800 with a blank document that loads `/bench/.cache/<entry>.js`. */
    async newPage({ entry, body = '', width = 1280, height = 800 } = {}) {
      const page = await browser.newPage({ viewport: { width, height } });
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      routes[`/__bench__/${entry ?? 'blank'}.html`] = () => ({
        type: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>html,body{margin:0}</style></head><body>${body}${entry ? `<script type="module" src="/bench/.cache/${entry}.js"></script>` : ''}</body></html>`,
      });
      await page.goto(url(`/__bench__/${entry ?? 'blank'}.html`));
      if (entry) await page.waitForFunction(() => window.__benchReady === true, null, { timeout: 60000 });
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

const browserSessions = new WeakMap();

/**
 * Resident memory (MB) of all renderer processes, via /proc: decoded media lives outside the JS
 * heap. Pass a page or the browser; run one page at a time for the figure to mean one page.
 * SystemInfo.getProcessInfo answers only on the browser target, not on a page session.
 */
export async function rendererMemoryMB(pageOrBrowser) {
  const browser = typeof pageOrBrowser.context === 'function' ? pageOrBrowser.context().browser() : pageOrBrowser;
  if (!browserSessions.has(browser)) browserSessions.set(browser, await browser.newBrowserCDPSession());
  const { processInfo } = await browserSessions.get(browser).send('SystemInfo.getProcessInfo');
  return renderersResidentMB(processInfo);
}

/** Resident memory (MB, VmRSS from /proc) of the renderers in a `SystemInfo.getProcessInfo` answer. */
export function renderersResidentMB(processInfo) {
  return renderersMemoryMB(processInfo).resident;
}

/**
 * The renderers' memory (MB, from /proc) two ways: `resident`, all of VmRSS; `own`, the memory they
 * wrote themselves (RssAnon + RssShmem: heaps, buffers, shared memory with the GPU and network
 * processes) — VmRSS without the pages of the browser's own files (its code and read-only data),
 * which are clean, shared by every tab, and the first the kernel drops when memory runs short.
 * Measured on bench:player's hour of MP3: a decode pages in 15–23 MB of the browser's media code,
 * wavesurfer.js's 19 MB, and they stay resident after.
 */
export function renderersMemoryMB(processInfo) {
  let resident = 0;
  let own = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const kB = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      resident += kB('VmRSS') / 1024;
      own += (kB('RssAnon') + kB('RssShmem')) / 1024;
    } catch {
      // The process ended between listing and reading: it holds no memory now.
    }
  }
  return { resident: Math.round(resident), own: Math.round(own) };
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { n: sorted.length, mean: round(mean), p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? NaN) };
}

export const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** Prints rows `{ figure, ours, peer }` with the ratio peer/ours (>1: ours is faster/smaller). */
export function printComparison(title, rows, peerName) {
  console.log(`\n${title}`);
  const table = rows.map(({ figure, ours, peer, unit = 'ms' }) => ({
    figure,
    kolam: `${ours} ${unit}`,
    [peerName]: peer === undefined ? '—' : `${peer} ${unit}`,
    'peer / kolam': peer === undefined || !ours ? '—' : `${round(peer / ours, 2)}×`,
  }));
  console.table(table);
}

/**
 * In-page helper source: `await window.__nextPaint()` resolves after the next frame is painted
 * (rAF, then a task after it: the frame was presented), returning performance.now().
 * Inject with `page.addInitScript(paintHelpers)`.
 */
export const paintHelpers = () => {
  window.__nextPaint = () =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
  window.__idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5000 }));
};

/**
 * Real mouse moves with page.mouse, each timed from just before the move is sent to the next
 * painted frame seen by the page. Returns the per-move latencies (ms). `check` is run after, to
 * prove the moves did their job.
 */
export async function timedMouseMoves(page, points) {
  await page.evaluate(() => {
    window.__moveTimes = [];
    window.__onMove = () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__moveTimes.push(performance.now() - t0), 0));
    };
    addEventListener('pointermove', window.__onMove, { capture: true });
  });
  const latencies = [];
  for (const [x, y] of points) {
    const start = Date.now();
    await page.mouse.move(x, y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    latencies.push(Date.now() - start);
  }
  const inPage = await page.evaluate(() => {
    removeEventListener('pointermove', window.__onMove, { capture: true });
    return window.__moveTimes;
  });
  return { latencies, inPage };
}
