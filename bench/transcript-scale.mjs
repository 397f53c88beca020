#!/usr/bin/env node
// Issue #14: a 1 MB transcript must stay interactive — under 1 s from `annotations` set to the first
// painted frame, and no task over 200 ms. wavesurfer.js, the player's peer elsewhere, has no
// transcript, so each case prints ours beside the goal and beside the code of another commit
// (default: where this branch left main), bundled from `git archive` and run in the same browser.
// Per case, in a fresh page: set → first paint, → idle; a click in the first field and 5 keys typed
// (real input) → paint; blur (the commit) → paint; the longest task (PerformanceObserver
// `longtask`) and the longest animation frame of each phase.
// Usage: node bench/transcript-scale.mjs [--before <commit>] [--only one-ta,many-en] [--give-up 90]
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { round, startBench, stats } from './lib/harness.mjs';
import { transcriptCases } from './lib/transcript-data.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const root = resolve(new URL('..', import.meta.url).pathname);
const git = (cmd) => execSync(`git ${cmd}`, { cwd: root, encoding: 'utf8' }).trim();
const before = git(`rev-parse ${arg('--before', '') || git('merge-base HEAD main')}`);
const giveUp = Number(arg('--give-up', 90)) * 1000;
const only = arg('--only', null)?.split(',');
const names = Object.keys(transcriptCases()).filter((n) => !only || only.includes(n));

// The other commit's src/ beside a copy of the page, so the page's '../../src/' import finds it.
const beforeDir = join(root, 'bench/.cache', `before-${before.slice(0, 10)}`);
if (!existsSync(join(beforeDir, 'src'))) {
  mkdirSync(beforeDir, { recursive: true });
  execSync(`git archive ${before} src | tar -x -C ${JSON.stringify(beforeDir)}`, { cwd: root });
}
mkdirSync(join(beforeDir, 'bench/lib'), { recursive: true });
for (const file of ['transcript-page.mjs', 'transcript-data.mjs', 'player-common.mjs']) cpSync(join(root, 'bench/lib', file), join(beforeDir, 'bench/lib', file));

const bench = await startBench({
  entries: {
    'transcript-ours': 'bench/lib/transcript-page.mjs',
    'transcript-before': join('bench/.cache', `before-${before.slice(0, 10)}`, 'bench/lib/transcript-page.mjs'),
  },
});

/** Runs `work`; rejects after `ms` (a page frozen in layout answers nothing). */
const within = (ms, work) =>
  Promise.race([work, new Promise((_, reject) => setTimeout(() => reject(new Error(`gave up after ${ms / 1000} s`)), ms))]);

async function runCase(entry, name) {
  const page = await bench.newPage({ entry, width: 1280, height: 900 });
  try {
    const total = await page.evaluate((n) => window.bench.mount(n), name);
    const load = await within(giveUp, page.evaluate((n) => window.bench.load(n), name));
    const field = await within(giveUp, page.evaluate(() => window.bench.firstField()));
    await page.mouse.click(field.x, field.y);
    await page.keyboard.press('Control+Home');
    await page.evaluate(() => window.bench.startKeys());
    await within(giveUp, page.keyboard.type('Zqwxy', { delay: 30 }));
    const keys = await within(giveUp, page.evaluate(() => window.bench.stopKeys()));
    const commit = await within(giveUp, page.evaluate(() => window.bench.commit()));
    const check = await page.evaluate(() => window.bench.check('Zqwxy'));
    // Nothing lost, nothing else changed: five units more, typed where the caret was.
    if (check.total !== total + 5 || !check.starts || !commit.updated) throw new Error(`${entry} ${name}: text check failed ${JSON.stringify({ total, ...check, updated: commit.updated })}`);
    return { load, keys: { ...keys, stats: stats(keys.keys) }, commit };
  } catch (error) {
    return { failed: error.message };
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
}

const cases = transcriptCases();
console.log(`before: ${before} (${git(`log -1 --format=%s ${before}`)})`);
for (const name of names) {
  const ours = await runCase('transcript-ours', name);
  const then = await runCase('transcript-before', name);
  const cell = (r, pick) => (r.failed ? r.failed : pick(r));
  const ms = (v) => `${round(v)} ms`;
  // The Long Tasks API reports only tasks over 50 ms.
  const task = (v) => (v ? ms(v) : 'none > 50 ms');
  console.log(`\n${cases[name].label} (${name})`);
  console.table(
    [
      ['set → first paint', '1000 ms', (r) => ms(r.load.painted)],
      ['set → idle', '—', (r) => ms(r.load.idle)],
      ['longest task while loading', '200 ms', (r) => task(r.load.task)],
      ['longest animation frame while loading', '—', (r) => task(r.load.frame)],
      ['key → paint, p95 of 5', '—', (r) => ms(r.keys.stats.p95)],
      ['longest task while typing', '200 ms', (r) => task(r.keys.task)],
      ['blur (commit) → paint', '—', (r) => ms(r.commit.painted)],
      ['longest task on commit', '200 ms', (r) => task(r.commit.task)],
      ['rows in the DOM', '—', (r) => String(r.load.rows)],
    ].map(([figure, goal, pick]) => ({ figure, goal, kolam: cell(ours, pick), [`before (${before.slice(0, 7)})`]: cell(then, pick) })),
  );
}
// A page of the old code may still be laying out typed keys; the figures are in, so do not wait for it.
await Promise.race([bench.close(), new Promise((r) => setTimeout(r, 5000))]);
process.exit(0);
