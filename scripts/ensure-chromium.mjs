#!/usr/bin/env node
// Finds a Chromium for the tests and benches: CHROME_PATH first, then the usual places; installs
// Debian's `chromium` with apt when none is found (no browser downloads work on our machines).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

if (findChromium()) process.exit(0);
console.log('[kolam] No Chromium found (set CHROME_PATH to use yours); installing Debian chromium with apt…');
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch {
  console.error('[kolam] Could not install chromium. Install Chrome or Chromium and set CHROME_PATH.');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) process.exit(1);
