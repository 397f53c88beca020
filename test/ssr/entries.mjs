// Every file the package.json `exports` map points at (wildcards expanded), as `kolam/…` specifiers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function packageEntries() {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.endsWith('.js')) continue;
    if (!subpath.includes('*')) {
      entries.push(subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);
      continue;
    }
    const [dir, suffix] = file.split('*');
    const names = existsSync(resolve(root, dir)) ? readdirSync(resolve(root, dir)).filter((f) => f.endsWith(suffix)) : [];
    for (const name of names) entries.push(`${pkg.name}/${subpath.slice(2).replace('*', name.slice(0, -suffix.length))}`);
  }
  return entries;
}
