#!/usr/bin/env node
// After `npm run build`: every path the package.json `exports` map promises exists (code and
// types), the pure entries import in Node without a DOM, and custom-elements.json names every tag.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];
const check = (path, what) => existsSync(path) || problems.push(`${what}: ${path} is missing`);

for (const [subpath, target] of Object.entries(pkg.exports)) {
  const targets = typeof target === 'string' ? { default: target } : target;
  for (const [condition, file] of Object.entries(targets)) {
    if (!file.includes('*')) {
      check(file, `exports["${subpath}"].${condition}`);
      continue;
    }
    const [dir, suffix] = file.split('*');
    const found = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
    if (found.length === 0) problems.push(`exports["${subpath}"].${condition}: nothing matches ${file}`);
  }
}
check(pkg.types, 'types');
check(pkg.customElements, 'customElements');

// The pure entries must load where there is no DOM (a Node script converting formats, a worker).
for (const file of ['dist/annotation.js', ...readdirSync('dist/formats').filter((f) => f.endsWith('.js')).map((f) => `dist/formats/${f}`)]) {
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    problems.push(`${file} does not load in Node: ${error.message}`);
  }
}

const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
for (const tag of ['kolam-box-tool', 'kolam-span-tagger', 'kolam-transcription-player', 'kolam-label-set', 'kolam-label'])
  if (!tags.includes(tag)) problems.push(`custom-elements.json has no <${tag}>`);

// Registering an element is a side effect, and package.json lists only the entries as having any:
// a registration moved into a chunk is dropped by a host's bundler (Vite: the element is never
// defined). So each element's entry must register it in its own file.
const sideEffects = new Set(pkg.sideEffects.filter((f) => f.startsWith('./dist/')).map((f) => f.slice(2)));
for (const [file, tag] of Object.entries({ 'dist/box-tool.js': 'kolam-box-tool', 'dist/span-tagger.js': 'kolam-span-tagger', 'dist/transcription-player.js': 'kolam-transcription-player', 'dist/label-set.js': 'kolam-label-set', 'dist/sync-status.js': 'kolam-sync-status' })) {
  if (!new RegExp(`defineElement\\(["']${tag}["']`).test(readFileSync(file, 'utf8'))) problems.push(`${file} does not register <${tag}> itself (rollup moved it into a chunk)`);
  if (!sideEffects.has(file)) problems.push(`package.json sideEffects does not list ${file}`);
}
for (const chunk of readdirSync('dist/chunks').filter((f) => f.endsWith('.js'))) {
  if (/customElements\.define\(|defineElement\(["']/.test(readFileSync(`dist/chunks/${chunk}`, 'utf8').replace(/function defineElement[\s\S]*?\n}/, '')))
    problems.push(`dist/chunks/${chunk} registers an element: a host's bundler may drop it`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`Package OK: ${Object.keys(pkg.exports).length} export paths, tags ${tags.join(', ')}.`);
