#!/usr/bin/env node
// `npm test` runs this after web-test-runner and `npm run build`: it packs Kolam (building it first if
// src/ is newer than dist/), installs each app under
// examples/ from that tarball (outside this repository, as a user's app), type-checks and builds it
// with its own tools, serves it, and drives it in real Chromium with the mouse and keyboard.
import { before, after, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { packKolam, exampleNames } from './examples/prepare.mjs';
import { launchChromium } from './examples/browser.mjs';
import { describeReact } from './examples/react-checks.mjs';
import { describeVue } from './examples/vue-checks.mjs';
import { describePlainHtml } from './examples/plain-html-checks.mjs';

const env = { work: '', browser: null, pageErrors: [] };

before(async () => {
  env.work = packKolam();
  env.browser = await launchChromium();
});
after(async () => {
  await env.browser?.close();
  if (env.work && !process.env.KOLAM_KEEP_EXAMPLES) rmSync(env.work, { recursive: true, force: true });
});

it('every folder under examples/ is checked here', () => {
  assert.deepEqual(exampleNames().sort(), ['plain-html', 'react', 'vue']);
});

// KOLAM_EXAMPLES=vue,react runs only those (while working on one); npm test runs all.
const only = process.env.KOLAM_EXAMPLES?.split(',');
for (const [name, describeExample] of Object.entries({ react: describeReact, vue: describeVue, 'plain-html': describePlainHtml }))
  if (!only || only.includes(name)) describeExample(env);

it('no example page threw an uncaught error', () => {
  assert.deepEqual(env.pageErrors, []);
});
