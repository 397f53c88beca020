// CONTRACT §9: importing any entry in Node never throws, and every element renders its shell with
// @lit-labs/ssr. Each part runs in its own Node process, so the first sees no DOM shim at all.
// Needs `npm run build` (it imports the package as users do: `kolam/…`, from dist/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const runNode = (script) => JSON.parse(execFileSync(process.execPath, [resolve(here, script)], { cwd: here, encoding: 'utf8' }).trim().split('\n').at(-1));

describe('in Node, with no DOM', () => {
  const { entries, failures } = runNode('import-all.mjs');

  it('finds every entry of the exports map', () => {
    for (const entry of ['kolam', 'kolam/box-tool.js', 'kolam/react', 'kolam/react.js', 'kolam/vue', 'kolam/vue.js', 'kolam/formats/coco.js', 'kolam/kolam.bundle.js']) assert.ok(entries.includes(entry), entry);
  });

  // kolam.bundle.js has Lit's browser build inside (HTMLElement at its top level): in Node the
  // exports map's "node" condition gives the same elements from dist/index.js instead.
  it('imports every entry without throwing', () => {
    assert.deepEqual(failures, []);
  });
});

describe('@lit-labs/ssr', () => {
  const out = runNode('render-shells.mjs');

  it('imports kolam after Lit’s DOM shim', () => {
    assert.equal(out.importError, undefined);
  });

  for (const tag of ['kolam-box-tool', 'kolam-span-tagger', 'kolam-transcription-player', 'kolam-label-set']) {
    it(`renders the shell of <${tag}> with a declarative shadow root`, () => {
      const result = out.results?.[tag];
      assert.equal(result?.error, undefined, `<${tag}> threw while rendering`);
      assert.match(result.html, new RegExp(`<${tag}[^>]*>\\s*<template shadowroot(mode)?="open"`));
    });
  }
});

describe('the published declarations', () => {
  const dist = resolve(here, '../../dist');
  const files = [...readdirSync(dist).filter((f) => f.endsWith('.d.ts')), ...readdirSync(resolve(dist, 'chunks')).filter((f) => f.endsWith('.d.ts')).map((f) => `chunks/${f}`)];
  // What a user's install resolves: our dependencies, the optional peers of kolam/react and kolam/vue.
  const allowed = /^(lit|lit\/.+|@lit\/context|@lit\/localize|@lit\/react|react|vue)$/;

  it('import only lit, our own dependencies and our own files (no lit-html)', () => {
    const foreign = files.flatMap((file) =>
      [...readFileSync(resolve(dist, file), 'utf8').matchAll(/^(?:import|export)\b[^'\n]*'([^']+)'/gm)].map((m) => m[1]).filter((id) => !id.startsWith('.') && !allowed.test(id)).map((id) => `${file}: ${id}`),
    );
    assert.deepEqual(foreign, []);
  });
});

describe('custom-elements.json', () => {
  const manifest = JSON.parse(readFileSync(resolve(here, '../../custom-elements.json'), 'utf8'));
  const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ module: m, d })));

  it('points at files that ship (dist/…js), not at src/', () => {
    const paths = manifest.modules.map((m) => m.path);
    assert.deepEqual(paths.filter((p) => !/^dist\/.+\.js$/.test(p)), []);
    for (const { module } of declarations.filter(({ d }) => d.tagName)) assert.ok(readdirSync(resolve(here, '../..', module.path, '..')).includes(module.path.split('/').at(-1)), module.path);
  });

  it('types every event of every element', () => {
    const untyped = declarations.flatMap(({ d }) => (d.events ?? []).filter((e) => !e.type?.text?.startsWith('CustomEvent<')).map((e) => `${d.tagName}: ${e.name}`));
    assert.deepEqual(untyped, []);
  });
});
