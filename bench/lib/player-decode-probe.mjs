// Probe driver: node bench/lib/player-decode-probe.mjs '<js expression using probe>' ...
import { startBench, rendererMemoryMB } from './harness.mjs';
import { readFileSync } from 'node:fs';
const bench = await startBench({
  entries: { 'player-decode-probe-page': 'bench/lib/player-decode-probe-page.mjs', 'player-decode-probe-worker': 'bench/lib/player-decode-probe-worker.mjs', 'decode-worker': 'src/transcription-player/decode/decode-worker.ts' },
  routes: { '/bench/.cache/decode-worker.ts': () => ({ type: 'text/javascript', body: readFileSync(new URL('../.cache/decode-worker.js', import.meta.url)) }) },
});
for (const expr of process.argv.slice(2)) {
  const page = await bench.newPage({ entry: 'player-decode-probe-page' });
  if (process.env.NETBUF) { const cdp = await page.context().newCDPSession(page); await cdp.send('Network.enable', { maxTotalBufferSize: Number(process.env.NETBUF), maxResourceBufferSize: Number(process.env.NETBUF) }); }
  const before = await rendererMemoryMB(bench.browser);
  let peak = before, running = true;
  const sampler = (async () => { while (running) { peak = Math.max(peak, await rendererMemoryMB(bench.browser)); await new Promise((r) => setTimeout(r, 50)); } })();
  const r = await page.evaluate(expr).catch((e) => ({ error: e.message }));
  running = false; await sampler;
  const after = [];
  for (const wait of [300, 2000, 5000]) { await page.evaluate(() => window.gc?.()); await page.waitForTimeout(wait); after.push(await rendererMemoryMB(bench.browser) - before); }
  console.log(expr, JSON.stringify(r), `peak +${peak - before} MB, after ${after.join(' / ')} MB`);
  await page.close();
}
await bench.close();
