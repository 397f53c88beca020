// A Chromium driven over its DevTools pipe with no domain enabled but what evaluating needs, for
// the memory figures. Playwright enables the Network domain on every page and worker it attaches
// to, and DevTools then keeps each response body it saw in that renderer (three hours of 1 MB range
// reads stayed +151 MB resident; the same decode with no DevTools +8 MB, see
// player-decode-probe-nodevtools.mjs): a bench under it measures the measuring tool. Here pages
// are opened with Target.createTarget and driven with Runtime.evaluate only — no Network, Page,
// Runtime.enable or worker auto-attach — so the renderer holds what a user's would.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../../scripts/chromium-path.mjs';
import { renderersMemoryMB } from './harness.mjs';

/** Starts a Chromium of its own (throwaway profile); resolves to `{ newPage(url), rendererMemoryMB(), rendererMemory(), close() }`. */
export async function launchBareChromium({ width = 1280, height = 900 } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `npm run setup` or set CHROME_PATH.');
  const profile = mkdtempSync(join(tmpdir(), 'kolam-bare-'));
  const child = spawn(
    executablePath,
    [...chromiumArgs, `--user-data-dir=${profile}`, '--remote-debugging-pipe', `--window-size=${width},${height}`, '--enable-precise-memory-info', '--js-flags=--expose-gc', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  let nextId = 1;
  const waiting = new Map();
  const listeners = new Set();
  let pending = '';
  fromBrowser.on('data', (chunk) => {
    pending += chunk.toString('utf8');
    for (let end = pending.indexOf('\0'); end >= 0; end = pending.indexOf('\0')) {
      const message = JSON.parse(pending.slice(0, end));
      pending = pending.slice(end + 1);
      if (message.method) for (const listener of listeners) listener(message);
      const call = message.id !== undefined && waiting.get(message.id);
      if (!call) continue;
      waiting.delete(message.id);
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
      else call.resolve(message.result);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await send('Browser.getVersion');

  /** The renderers' memory, resident and their own (harness.mjs: renderersMemoryMB). */
  const rendererMemory = async () => renderersMemoryMB((await send('SystemInfo.getProcessInfo')).processInfo);
  const rendererMemoryMB = async () => (await rendererMemory()).resident;
  return {
    /** Opens `url` in a new tab and attaches to it; `evaluate(fn, arg)` runs `fn(arg)` in the page and returns its (awaited) value. */
    async newPage(url) {
      const { targetId } = await send('Target.createTarget', { url });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      const page = {
        async evaluate(fn, arg) {
          const expression = `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
          const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
          if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
          return result.value;
        },
        /** Polls `fn()` in the page until it is truthy (the page may still be loading). */
        async waitFor(fn, timeout = 60000) {
          for (const until = Date.now() + timeout; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
            if (await page.evaluate(fn).catch(() => false)) return;
          }
          throw new Error(`timed out waiting for ${fn}`);
        },
        waitForTimeout: (ms) => new Promise((r) => setTimeout(r, ms)),
        /**
         * The renderers' memory (MB: `{ resident, own }`) once this page has settled, read the same way before
         * and after a load and for every tool: collect, let the renderer finish what it was doing,
         * collect again. A fresh page's renderer grows by 20–35 MB in its first seconds doing nothing
         * (measured: gc + 300 ms, then idle), which a reading taken at once counted as the load's.
         */
        async settledMemory() {
          await page.evaluate(() => window.gc?.());
          await page.waitForTimeout(1500);
          await page.evaluate(() => window.gc?.());
          await page.waitForTimeout(300);
          return rendererMemory();
        },
        /** …its resident part alone. */
        async settledMemoryMB() {
          return (await page.settledMemory()).resident;
        },
        close: () => send('Target.closeTarget', { targetId }),
        /** Sends a DevTools command to this page (for a diagnosis: what it enables is measured too). */
        send: (method, params) => send(method, params, sessionId),
        /** Calls `listener(params)` on each `method` event of this page. */
        on(method, listener) {
          listeners.add((message) => message.sessionId === sessionId && message.method === method && listener(message.params));
        },
      };
      return page;
    },
    /** Resident memory (MB, VmRSS from /proc) of all this browser's renderer processes. */
    rendererMemoryMB,
    /** …and their own memory beside it: `{ resident, own }` (harness.mjs: renderersMemoryMB). */
    rendererMemory,
    /**
     * CPU time (ms, user + system, all threads) the renderer processes have used: on a shared
     * machine, where wall-clock times swing with the neighbours' load, the work itself.
     */
    async rendererCpuMs() {
      const { processInfo } = await send('SystemInfo.getProcessInfo');
      let ticks = 0;
      for (const p of processInfo.filter((p) => p.type === 'renderer')) {
        try {
          // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
          const fields = readFileSync(`/proc/${p.id}/stat`, 'utf8').split(') ')[1].split(' ');
          ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          // Ended meanwhile.
        }
      }
      // Linux counts in USER_HZ, 100 a second.
      return ticks * 10;
    },
    async close() {
      await send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
