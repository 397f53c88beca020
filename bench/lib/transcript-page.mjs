// Bench page for bench/transcript-scale.mjs: a <kolam-transcription-player> given a 1 M-unit
// transcript, timing set → first paint, a key typed into the longest field → paint, and the commit
// on blur → paint, with every long task and long animation frame seen meanwhile. The same file is
// bundled against today's src/ and against the src/ of the commit compared with (see the script).
import { KolamTranscriptionPlayer } from '../../src/transcription-player.ts';
import { nextPaint } from './player-common.mjs';
import { transcriptCases } from './transcript-data.mjs';

// A used binding: a bare import would be dropped by package.json's sideEffects.
window.__KolamTranscriptionPlayer = KolamTranscriptionPlayer;

const cases = transcriptCases();
let el;
let longTasks = [];
let longFrames = [];
new window.PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
try {
  new window.PerformanceObserver((list) => longFrames.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame' });
} catch {
  // An older Chromium has no Long Animation Frames: long tasks alone then.
}

/** Flat peaks for `seconds` of silence-ish audio: gives the player a duration without a decode. */
function peaksFor(seconds) {
  const length = Math.ceil(seconds * 10);
  const data = new Int8Array(length * 2);
  for (let i = 0; i < length; i++) {
    data[2 * i] = -20 - (i % 7);
    data[2 * i + 1] = 20 + (i % 7);
  }
  return { version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 800, bits: 8, length, data: Array.from(data) };
}

const worst = () => ({ task: Math.max(0, ...longTasks), frame: Math.max(0, ...longFrames), tasks: longTasks.length });
const resetLong = () => {
  longTasks = [];
  longFrames = [];
};

window.bench = {
  /** Mounts a player with the case's duration; resolves when it has painted empty. */
  async mount(name) {
    el?.remove();
    el = document.createElement('kolam-transcription-player');
    el.style.width = '1200px';
    el.language = 'en';
    el.peaks = peaksFor(cases[name].duration);
    document.body.append(el);
    await el.updateComplete;
    await nextPaint();
    await new Promise((r) => setTimeout(r, 200));
    return cases[name].annotations.reduce((n, a) => n + a.body[0].value.length, 0);
  },
  /** Sets the case's annotations: ms to the first painted frame, then to idle, and the worst tasks. */
  async load(name) {
    resetLong();
    const t0 = performance.now();
    el.annotations = cases[name].annotations;
    await el.updateComplete;
    const painted = (await nextPaint()) - t0;
    await new Promise((r) => requestIdleCallback(r, { timeout: 10000 }));
    const idle = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 300));
    return { painted, idle, ...worst(), rows: el.shadowRoot.querySelectorAll('li[data-id]').length };
  },
  /** The viewport centre of the first row's transcript field. */
  firstField() {
    const field = el.shadowRoot.querySelector('li[data-id] textarea');
    field.scrollIntoView({ block: 'nearest' });
    const r = field.getBoundingClientRect();
    return { x: r.left + Math.min(60, r.width / 2), y: r.top + Math.min(12, r.height / 2) };
  },
  /** Starts timing: each keydown → the frame painted after it. */
  startKeys() {
    resetLong();
    window.__keyTimes = [];
    addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => window.__keyTimes.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
  },
  async stopKeys() {
    await nextPaint();
    await new Promise((r) => setTimeout(r, 300));
    return { keys: window.__keyTimes, ...worst() };
  },
  /** Blurs the field (the draft is committed, a kolam-update fires): ms to paint, worst tasks. */
  async commit() {
    resetLong();
    let updated = false;
    el.addEventListener('kolam-update', () => (updated = true), { once: true });
    const t0 = performance.now();
    el.shadowRoot.activeElement?.blur();
    await el.updateComplete;
    const painted = (await nextPaint()) - t0;
    await new Promise((r) => setTimeout(r, 300));
    return { painted, updated, ...worst() };
  },
  /** The text the player holds now, its total length, and whether the first segment starts with `prefix`. */
  check(prefix) {
    const all = el.annotations;
    return { total: all.reduce((n, a) => n + a.body[0].value.length, 0), starts: all[0].body[0].value.startsWith(prefix) };
  },
};
window.__benchReady = true;
