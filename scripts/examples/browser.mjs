// Real Chromium for the example checks (playwright-core, the system's browser), and the page
// helpers they share: where a word or a time is on screen, and waiting on what the host shows.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../chromium-path.mjs';

export async function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/setup.mjs` or set CHROME_PATH.');
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** Starts an example's own server (`node server.mjs`) on a free port; resolves to its base URL. */
export function startServer(dir, env = {}) {
  const child = spawn(process.execPath, ['server.mjs'], { cwd: dir, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ url, close: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`server.mjs in ${dir} exited with ${code}`)));
  });
}

/** Viewport centre of `word` inside the shadow root of the first element matching `selector`. */
export function wordCentre(page, selector, word) {
  return page.evaluate(
    ([selector, word]) => {
      const root = document.querySelector(selector).shadowRoot;
      const walker = document.createTreeWalker(root, window.NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const r = range.getBoundingClientRect();
        if (r.width > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`"${word}" is not shown in ${selector}`);
    },
    [selector, word],
  );
}

/** The text of `#saved-count`, the host's own count of what it holds, once it equals `n`. */
export async function savedCountIs(page, n) {
  await page.waitForFunction((n) => document.getElementById('saved-count')?.textContent?.trim() === String(n), n, { timeout: 5000 });
}

/** Polls `read` until `check` passes on what it returns (a server's or localStorage's content). */
export async function eventually(read, check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await read();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 400)}`);
}

/** The platform's undo/redo modifier, as a user on this machine presses it. */
export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
