#!/usr/bin/env node
// Checks what the docs pages and custom-elements.json tell hosts: every element says what it is for,
// each tool has a Keys paragraph (the docs page's Keys section), and only public API is listed —
// no private, protected or static member, none of the internals the analyzer used to leak.
// `node scripts/check-docs.mjs [manifest]` checks that file; with none, it analyzes src afresh into
// custom-elements.json (generated, ignored by git) first.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'custom-elements.json';
if (!process.argv[2]) execSync('npx cem analyze --quiet', { stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(file, 'utf8'));

const LEAKS = ['shadowRootOptions', 'styles', 'keys', 'resizeObserver', 'pending', 'fallback', 'onTick'];
const TOOLS = ['kolam-box-tool', 'kolam-span-tagger', 'kolam-transcription-player'];
const problems = [];
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
for (const el of elements) {
  const where = `<${el.tagName}>`;
  if (!el.description?.trim()) problems.push(`${where} has no description (what it is for)`);
  if (TOOLS.includes(el.tagName) && !/(^|\n\s*\n)\s*Keys\b/.test(el.description ?? '')) problems.push(`${where} has no Keys paragraph`);
  for (const m of el.members ?? []) {
    if (m.privacy === 'private' || m.privacy === 'protected') problems.push(`${where} lists ${m.privacy} ${m.name}`);
    if (m.static) problems.push(`${where} lists static ${m.name}`);
    if (LEAKS.includes(m.name)) problems.push(`${where} lists internal ${m.name}`);
  }
}
for (const tag of [...TOOLS, 'kolam-label-set']) if (!elements.some((e) => e.tagName === tag)) problems.push(`no <${tag}> in the manifest`);
for (const p of problems) console.error(`✗ ${p}`);
if (problems.length) process.exit(1);
console.log(`✓ ${elements.length} elements: each says what it is for, the tools list their keys, only public API is listed.`);
