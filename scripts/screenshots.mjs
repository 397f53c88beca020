#!/usr/bin/env node
// `npm run screenshots`: builds Storybook (storybook-static/), then renders every story in English,
// Tamil and Hindi, light and dark, and writes one PNG each into $SCREENSHOTS_DIR (default
// screenshots/, ignored by git) — what an annotator would see, to be looked at before a story is
// called done. Fails on a story that throws, fails its play function, or renders nothing.
// `--no-build` reuses an existing storybook-static/; `--only=<text>` keeps the stories whose id
// contains it.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium-path.mjs';
import { serveStatic } from './static-server.mjs';
import { storyPassed, storyPhase } from './story-phase.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const dir = resolve('storybook-static');
const out = resolve(process.env.SCREENSHOTS_DIR || 'screenshots');
const locales = ['en', 'ta', 'hi'];
const themes = ['light', 'dark'];

// The media and images the stories show (cached: quick when they exist).
if (!args.includes('--no-build')) execSync('npm run fixtures && npm run build-storybook', { stdio: 'inherit' });
mkdirSync(out, { recursive: true });

const server = await serveStatic(dir);
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || e.id.includes(only)));
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `npm run setup` or set CHROME_PATH.');
const browser = await chromium.launch({ executablePath, args: chromiumArgs.filter((a) => !a.startsWith('--headless')) });

/** Renders one story in one language and theme; resolves to the problems seen (none: a PNG was written). */
async function shoot(story, locale, theme) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, colorScheme: theme });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message.split('\n')[0]}`));
  page.on('console', (m) => {
    // The failing-source stories load a missing or broken file on purpose; the browser logs that.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console.error: ${m.text().split('\n')[0].slice(0, 300)}`);
  });
  try {
    await page.goto(server.url(`/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale};theme:${theme}`));
    const phase = await storyPhase(page);
    if (!storyPassed(phase)) problems.push(`render/play ended as "${phase}"`);
    // Fonts and the components' own first frames (canvas layers paint in requestAnimationFrame).
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    const empty = await page.evaluate(() => {
      const root = document.querySelector('#storybook-root');
      const box = root?.getBoundingClientRect();
      if (!root || !box || box.width < 10 || box.height < 10) return 'the story root is empty';
      // <kolam-label> is data for its set and renders nothing by design.
      const tags = [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('kolam-') && e.localName !== 'kolam-label');
      const bare = tags.filter((e) => !e.matches(':defined') || !e.shadowRoot || e.getBoundingClientRect().height < 4);
      return bare.length ? `renders nothing: ${[...new Set(bare.map((e) => e.localName))].join(', ')}` : '';
    });
    if (empty) problems.push(empty);
    await page.screenshot({ path: join(out, `${story.id}--${locale}-${theme}.png`), fullPage: true });
  } catch (error) {
    problems.push(`failed: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return problems;
}

const jobs = stories.flatMap((story) => locales.flatMap((locale) => themes.map((theme) => ({ story, locale, theme }))));
const failures = [];
// Two pages at a time: the machine has two cores and the stories' play functions need a steady clock.
async function worker() {
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    const problems = await shoot(job.story, job.locale, job.theme);
    const name = `${job.story.title} / ${job.story.name} [${job.locale}, ${job.theme}]`;
    console.log(`${problems.length ? '✗' : '✓'} ${name}`);
    for (const p of problems) console.log(`    ${p}`);
    if (problems.length) failures.push(name);
  }
}
const total = jobs.length;
await Promise.all([worker(), worker()]);
await browser.close();
server.close();
if (failures.length) {
  console.error(`\n${failures.length} of ${total} screenshots failed; see above.`);
  process.exit(1);
}
console.log(`\n${total} screenshots of ${stories.length} stories in ${out}`);
