#!/usr/bin/env node
// Opens every story of the *built* Storybook (storybook-static) in Chromium and fails if one throws,
// logs a console error, fails its play function, or leaves a kolam-* element undefined. The test
// runner renders stories from source; this catches what only the production build gets wrong (a
// registering module tree-shaken away, a fixture not copied).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium-path.mjs';

const dir = resolve(process.argv[2] ?? 'storybook-static');
const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.webm': 'video/webm', '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  let file = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dir) || !existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  const data = readFileSync(file);
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
  const type = types[extname(file)] ?? 'application/octet-stream';
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : data.length - 1;
    res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${data.length}`, 'accept-ranges': 'bytes' });
    return res.end(data.subarray(start, end + 1));
  }
  res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' });
  res.end(data);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs.filter((a) => !a.startsWith('--headless')) });
const failures = [];
for (const story of stories) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    // The failing-source stories load a missing or broken file on purpose; the browser logs that.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console.error: ${m.text().slice(0, 300)}`);
  });
  await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
  const phase = await page
    .waitForFunction(
      () => {
        const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
        return render && ['completed', 'finished', 'played', 'errored', 'aborted'].includes(render.phase) && render.phase;
      },
      null,
      { timeout: 60000, polling: 100 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timed out');
  if (phase !== 'completed' && phase !== 'finished' && phase !== 'played') problems.push(`render/play ended as "${phase}"`);
  const undefinedTags = await page.evaluate(() => [...new Set([...document.querySelectorAll(':not(:defined)')].map((e) => e.localName).filter((n) => n.startsWith('kolam-')))]);
  if (undefinedTags.length) problems.push(`not defined: ${undefinedTags.join(', ')}`);
  console.log(`${problems.length ? '✗' : '✓'} ${story.title} / ${story.name}`);
  for (const p of problems) console.log(`    ${p}`);
  if (problems.length) failures.push(story.id);
  await page.close();
}
await browser.close();
server.close();
if (failures.length) {
  console.error(`\n${failures.length} of ${stories.length} stories failed in the built Storybook.`);
  process.exit(1);
}
console.log(`\nAll ${stories.length} stories render and play in the built Storybook.`);
