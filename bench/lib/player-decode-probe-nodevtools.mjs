// The probe page in a Chromium with no DevTools attached (playwright enables the Network domain,
// and DevTools then keeps fetched bodies in the renderer: three hours of 1 MB range reads stayed
// +151 MB resident; here +8 MB). Run bench/lib/player-decode-probe.mjs once first (it builds the
// page), then: node bench/lib/player-decode-probe-nodevtools.mjs "probe.load('/bench/.cache/hour.mp3')"
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serveStatic } from '../../scripts/static-server.mjs';
import { findChromium } from '../../scripts/chromium-path.mjs';
import { spawn, execSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
const dir = mkdtempSync(join(tmpdir(), 'kolam-probe-'));
const expr = process.argv[2];
/** Resident MB of this browser's renderers (its profile directory is in their command lines). */
function rss() {
  let total = 0;
  for (const line of execSync('ps -eo pid,args').toString().split('\n')) {
    if (!line.includes('--type=renderer') || !line.includes(dir)) continue;
    const pid = line.trim().split(' ')[0];
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return Math.round(total);
}
let before = 0, done;
const finished = new Promise((r) => (done = r));
const routes = {
  '/__p.html': () => ({ type: 'text/html', body: `<!doctype html><script type="module" src="/bench/.cache/player-decode-probe-page.js"></script><script type="module">
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    await sleep(3000); gc(); await sleep(500); await fetch('/__mark?before');
    const r = await (${expr}); gc(); await sleep(1500); gc(); await sleep(300);
    await fetch('/__mark?after=' + encodeURIComponent(JSON.stringify(r)));</script>` }),
};
const server = await serveStatic(new URL('../..', import.meta.url).pathname, { routes });
// Marks come to this front server, which reads the renderer's memory; the rest goes on to the static one.
const http = await import('node:http');
const proxy = http.createServer(async (req, res) => {
  if (req.url.startsWith('/__mark')) {
    const q = new URL(req.url, 'http://x').searchParams;
    if (q.has('before')) before = rss();
    else { console.log(expr, q.get('after'), `after +${rss() - before} MB`); done(); }
    res.end(''); return;
  }
  const up = http.request(server.url(req.url), { method: req.method, headers: req.headers }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
  req.pipe(up);
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${proxy.address().port}/__p.html`;
const chrome = spawn(findChromium(), ['--headless=new', '--no-sandbox', // the probe's own throwaway profile
 `--user-data-dir=${dir}`, '--js-flags=--expose-gc', '--autoplay-policy=no-user-gesture-required', url], { stdio: 'ignore' });
await Promise.race([finished, new Promise((r) => setTimeout(r, 120000))]);
chrome.kill(); server.close(); proxy.close();
