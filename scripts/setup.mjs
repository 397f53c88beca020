#!/usr/bin/env node
// Installs the npm packages on a fresh clone, then what the tests, fixtures and benches need from Debian when it is missing: Chromium (no
// browser downloads work on our machines; CHROME_PATH points at another), espeak-ng and sox (speech
// fixtures), ffmpeg (media fixtures, SRT/WebVTT checks), python3-nltk (CoNLL checks), postgresql-15
// (the annotation server's suite on PostgreSQL) and fonts-noto-core (Tamil, Devanagari and
// Arabic-script fonts: without them Chromium draws those scripts as empty boxes, in the stories, the
// screenshots and the tests that measure text) and fonts-noto-color-emoji (emoji in transcripts and
// labels, drawn in colour rather than as boxes or a text font's outlines).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';
import { postgresBin } from './start-postgres.mjs';

// A fresh clone: install the npm packages first, so `npm start` and `npm test` are all a newcomer types.
if (!existsSync('node_modules/.package-lock.json')) {
  console.log('[kolam] Installing npm packages…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}

const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasNltk = () => {
  try {
    // Debian's python3 (where python3-nltk goes), not a pyenv or venv one that may come first on PATH.
    execSync(`${existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'} -c "import nltk"`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

// A font for each script we ship strings in, as fontconfig (what Chromium asks on Linux) sees it.
const scriptsWithoutFont = () => {
  // No fontconfig: on Debian the fonts are surely missing too; elsewhere (macOS) the system has them.
  if (!has('fc-list')) return has('apt-get') ? ['ta', 'hi', 'ar'] : [];
  return ['ta', 'hi', 'ar'].filter((lang) => {
    try {
      return execSync(`fc-list ':lang=${lang}' family`, { encoding: 'utf8' }).trim() === '';
    } catch {
      return true;
    }
  });
};

// A colour emoji font: DejaVu Sans has outlines for many emoji, so ask for colour, not coverage.
const hasColorEmoji = () => {
  if (!has('fc-list')) return !has('apt-get');
  try {
    return execSync(`fc-list ':color=true:charset=1f600' family`, { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

const missing = [
  !findChromium() && 'chromium',
  !has('espeak-ng') && 'espeak-ng',
  !has('sox') && 'sox',
  !has('ffmpeg') && 'ffmpeg',
  !hasNltk() && 'python3-nltk',
  // The annotation server's suite runs on PostgreSQL too (scripts/start-postgres.mjs).
  !postgresBin() && 'postgresql-15',
  scriptsWithoutFont().length > 0 && 'fonts-noto-core',
  !hasColorEmoji() && 'fonts-noto-color-emoji',
].filter(Boolean);

if (missing.length === 0) process.exit(0);
if (!has('apt-get')) {
  console.error(`[kolam] Missing: ${missing.join(', ')}. Install them (set CHROME_PATH for your Chrome).`);
  process.exit(findChromium() ? 0 : 1);
}
console.log(`[kolam] Installing from Debian: ${missing.join(' ')}`);
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('[kolam] apt-get failed; install the packages above by hand.');
}
if (!findChromium() && !existsSync('/usr/bin/chromium')) process.exit(1);
