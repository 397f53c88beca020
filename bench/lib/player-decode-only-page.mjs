// Diagnostic page (bench/lib/player-memory-timeline.mjs drives it): our decoder alone, no player and
// no media element, so a memory timeline shows what the decode itself holds.
/* global fetch, OfflineAudioContext */
import { loadPeaks } from '../../src/transcription-player/decode/decode.ts';

window.bench = {
  async decode(url, options = {}) {
    const t0 = performance.now();
    let reports = 0;
    const peaks = await loadPeaks(url, { ...options, onProgress: () => reports++ });
    // Kept, as the player keeps them: the figure after is what a load leaves behind.
    window.__held = peaks;
    return { ms: performance.now() - t0, points: peaks.min.length, reports };
  },
  drop() {
    window.__held = null;
  },
};
window.__benchReady = true;

// Experiments on the pieces of a load, for the timeline's `--expr` (diagnosis only).
import { mp3Runs } from './mp3-runs.mjs';
import { releaseBuffer } from '../../src/transcription-player/decode/release-buffer.ts';

window.experiment = {
  /** `count` range reads of `bytes` each, one after another, each dropped at once. */
  async fetches(url, bytes = 480_000, count = 60, how = 'plain') {
    const t0 = performance.now();
    let reused = new Uint8Array(bytes);
    for (let i = 0; i < count; i++) {
      const r = await fetch(url, { headers: { range: `bytes=${i * bytes}-${(i + 1) * bytes - 1}` } });
      if (how === 'byob') {
        const reader = r.body.getReader({ mode: 'byob' });
        let at = 0;
        for (;;) {
          const { done, value } = await reader.read(new Uint8Array(reused.buffer, at, reused.length - at));
          if (value) {
            reused = new Uint8Array(value.buffer);
            at += value.length;
          }
          if (done || at >= reused.length) break;
        }
        reader.cancel();
      } else {
        const b = await r.arrayBuffer();
        if (how === 'release') releaseBuffer(b);
      }
    }
    return { ms: performance.now() - t0 };
  },
  /** The whole MP3 held, then cut into runs of frames of `bytes`, each decoded (one at a time) and freed. */
  async decodes(url, { bytes = 480_000, rate = 16000, fresh = false, inFlight = 1, gcEvery = 0, count = Infinity, nudgeEvery = 0, nudgeMB = 64 } = {}) {
    const file = new Uint8Array(await (await fetch(url)).arrayBuffer());
    await new Promise((r) => setTimeout(r, 1000));
    window.__mark?.();
    const t0 = performance.now();
    const chunks = mp3Runs(file, bytes);
    let context = new OfflineAudioContext(1, 1, rate);
    let next = 0;
    const run = async () => {
      while (next < Math.min(count, chunks.length)) {
        const [s, e] = chunks[next++];
        if (fresh) context = new OfflineAudioContext(1, 1, rate);
        const audio = await context.decodeAudioData(file.slice(s, e).buffer);
        releaseBuffer(audio.getChannelData(0).buffer);
        if (gcEvery && next % gcEvery === 0) window.gc();
        if (nudgeEvery && next % nudgeEvery === 0) window.__nudge = new ArrayBuffer(nudgeMB << 20);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, run));
    return { ms: performance.now() - t0, chunks: chunks.length };
  },
};
