// Renderer resident memory for the player bench. SystemInfo.getProcessInfo answers only on the
// browser target (a page session gets a protocol error), so this asks the browser, then reads each
// renderer's VmRSS from /proc: decoded audio lives outside the JS heap.
import { readFileSync } from 'node:fs';

let session;

/** Sum of all renderer processes' resident memory (MB); run one page at a time for it to mean one page. */
export async function renderersMemoryMB(browser) {
  session ??= await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  let total = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      // The process ended between listing and reading: it holds no memory now.
    }
  }
  return Math.round(total);
}
