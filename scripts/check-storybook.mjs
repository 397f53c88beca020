#!/usr/bin/env node
// Opens every story of the *built* Storybook (storybook-static) in Chromium and fails if one throws,
// logs a console error, fails its play function, or leaves a kolam-* element undefined. The test
// runner renders stories from source; this catches what only the production build gets wrong (a
// registering module tree-shaken away, a fixture not copied).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium-path.mjs';
import { serveStatic } from './static-server.mjs';
import { storyPassed, storyPhase } from './story-phase.mjs';

const dir = resolve(process.argv[2] ?? 'storybook-static');
const server = await serveStatic(dir);

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
  await page.goto(server.url(`/iframe.html?id=${story.id}&viewMode=story`));
  const phase = await storyPhase(page);
  if (!storyPassed(phase)) problems.push(`render/play ended as "${phase}"`);
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
