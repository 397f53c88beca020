#!/usr/bin/env node
// Min+gzip size of each public entry as published in dist/ (built by `npm run build`: what a host
// installs, its CSS and markup templates already minified), bundled as a host's bundler would:
// alone, Lit external, as an app with a bundler pays it on top
// of its own Lit; and with Lit included, as a page with nothing else pays it), of kolam.bundle.js,
// and of the peer each tool is compared with, all minified by esbuild and gzipped at level 9.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text) => gzipSync(text, { level: 9 }).length;
// A gap under 0.1 KB in bytes, so a near miss or a near pass does not read as "0.0 KB".
const gap = (bytes) => (bytes < 102.4 ? `${bytes} B` : kb(bytes));

// Code split as a bundler splits it: what loads on demand (the player's decoder, `import()`) is not
// what a page pays up front, so the figure is the entry and the chunks it imports statically.
// `soon`: on-demand chunks a page loads anyway right after its first screen (the player's editing
// code), followed too, for the figure of what such a page has loaded once it is idle.
async function measure(contents, { external = [], soon } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    metafile: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    conditions: ['production'],
    external,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = new Map(result.outputFiles.map((f) => [f.path.slice(process.cwd().length + 1), f.text]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const upFront = new Set();
  const visit = (name) => {
    if (upFront.has(name)) return;
    upFront.add(name);
    for (const i of outputs[name].imports) {
      if (!i.external && (i.kind === 'import-statement' || (soon && i.kind === 'dynamic-import' && soon.test(i.path)))) visit(i.path);
    }
  };
  visit(entry);
  const text = [...upFront].map((name) => files.get(name)).join('\n');
  return { min: text.length, gzip: gz(text) };
}

const lit = ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];

// The goal (issues #10, #12): each tool, Lit included, under its peer, measured here the same way.
const tools = {
  'box-tool': { peer: ['@annotorious/annotorious', `export * from '@annotorious/annotorious';`] },
  'span-tagger': { peer: ['@recogito/text-annotator', `export * from '@recogito/text-annotator';`] },
  'transcription-player': {
    soon: [/player-editing/, 'with the segments, list and editing code it fetches with its first screen'],
    peer: ['wavesurfer.js + Regions', `export { default } from 'wavesurfer.js'; export { default as Regions } from 'wavesurfer.js/dist/plugins/regions.esm.js';`],
  },
};

if (!existsSync('dist/index.js')) {
  console.error('bench:size measures the published files: run `npm run build` first.');
  process.exit(1);
}
const entries = readdirSync('src').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const formats = existsSync('src/formats') ? readdirSync('src/formats').filter((f) => f.endsWith('.ts')).map((f) => `formats/${f.replace(/\.ts$/, '')}`) : [];

const rows = [];
for (const entry of [...entries, ...formats]) {
  const source = `export * from './dist/${entry}.js';`;
  const alone = await measure(source, { external: lit });
  const withLit = await measure(source);
  const tool = tools[entry];
  let peer = '';
  let goal = '';
  if (tool) {
    try {
      const p = await measure(tool.peer[1]);
      peer = `${tool.peer[0]}: ${kb(p.gzip)}`;
      goal = withLit.gzip < p.gzip ? `ok, ${gap(p.gzip - withLit.gzip)} under` : `OVER by ${gap(withLit.gzip - p.gzip)}`;
    } catch (e) {
      peer = `${tool.peer[0]}: not measurable (${e.message.split('\n')[0]})`;
    }
  }
  rows.push({
    entry: `kolam/${entry}.js`,
    'min+gzip (Lit external)': kb(alone.gzip),
    'min+gzip (Lit included)': kb(withLit.gzip),
    peer,
    'under the peer': goal,
  });
  if (tool?.soon) {
    const [soon, what] = tool.soon;
    const later = { alone: await measure(source, { external: lit, soon }), withLit: await measure(source, { soon }) };
    const p = peer ? await measure(tool.peer[1]) : null;
    rows.push({
      entry: `  ${what}`,
      'min+gzip (Lit external)': kb(later.alone.gzip),
      'min+gzip (Lit included)': kb(later.withLit.gzip),
      peer: '',
      'under the peer': p ? (later.withLit.gzip < p.gzip ? `ok, ${gap(p.gzip - later.withLit.gzip)} under` : `OVER by ${gap(later.withLit.gzip - p.gzip)}`) : '',
    });
  }
}
if (existsSync('dist/kolam.bundle.js')) {
  const bundle = readFileSync('dist/kolam.bundle.js', 'utf8');
  rows.push({ entry: 'kolam/kolam.bundle.js (built)', 'min+gzip (Lit external)': '', 'min+gzip (Lit included)': kb(gz(bundle)), peer: '', 'under the peer': '' });
} else {
  rows.push({ entry: 'kolam/kolam.bundle.js', 'min+gzip (Lit external)': '', 'min+gzip (Lit included)': 'run `npm run build` first', peer: '', 'under the peer': '' });
}
console.table(rows);
