#!/usr/bin/env node
// kolam-peaks in.mp3 > in.peaks.json — audiowaveform JSON v2 for any file ffmpeg reads, for the
// transcription player's `peaks`. `-` reads standard input. Options: -z samples per point (256),
// -b bits (8 or 16).
import { peaksFromFile } from '../dist/peaks.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return Number(value);
};
const samplesPerPixel = option('-z', 256);
const bits = option('-b', 16);
const input = args[0];
if (!input || args.length > 1 || ![8, 16].includes(bits) || !(samplesPerPixel >= 1)) {
  console.error('usage: kolam-peaks [-z samples-per-point] [-b 8|16] <file | -> > peaks.json');
  process.exit(2);
}
try {
  const json = await peaksFromFile(input === '-' ? process.stdin : input, { samplesPerPixel, bits });
  process.stdout.write(JSON.stringify(json));
} catch (error) {
  console.error(`kolam-peaks: ${error.message}`);
  process.exit(1);
}
