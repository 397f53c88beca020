#!/usr/bin/env node
// Makes the generated test and story media (test/fixtures/generated/) by running every
// scripts/fixtures/*.mjs. Each script skips work whose output is already there.
import { readdirSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

mkdirSync('test/fixtures/generated', { recursive: true });
const dir = new URL('./fixtures/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
  await import(pathToFileURL(new URL(file, dir).pathname).href);
}
