// Probe page (bench/lib/player-decode-probe.mjs drives it): how fast, and with how much memory,
// Chromium turns a long file into samples by each route — whole-file and chunked decodeAudioData,
// WebCodecs in workers, range fetches on the page or in workers, and our own loadPeaks.
/* global fetch, OfflineAudioContext, MessageChannel, Worker, location */
import { mp3FrameAt } from '../../src/transcription-player/decode/mp3-frames.ts';
import { mp3Runs } from './mp3-runs.mjs';
import { oggPageAt } from '../../src/transcription-player/decode/ogg-pages.ts';
import { audioTrack, boxAt } from '../../src/transcription-player/decode/mp4-boxes.ts';

async function bytesOf(url) {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

function reduce(channels) {
  let lo = 0;
  let hi = 0;
  for (const c of channels) for (let i = 0; i < c.length; i++) {
    const v = c[i];
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  return hi - lo;
}

/** Cuts an MP3 into runs of whole frames of about `bytes`. */
function mp3Chunks(file, bytes) {
  return mp3Runs(file, bytes).map(([start, end]) => file.subarray(start, end));
}

/** Cuts an Ogg into runs of pages of about `bytes`, each prefixed with the header pages. */
function oggChunks(file, bytes, headerPageCount = 2) {
  let at = 0;
  const header = [];
  const out = [];
  let start = -1;
  while (at < file.length) {
    const p = oggPageAt(file, at);
    if (!p) break;
    if (header.length < headerPageCount) header.push(file.subarray(at, at + p.length));
    else if (start < 0) start = at;
    at += p.length;
    if (start >= 0 && at - start >= bytes) {
      out.push([...header, file.subarray(start, at)]);
      start = -1;
    }
  }
  if (start >= 0) out.push([...header, file.subarray(start, at)]);
  return out.map((parts) => {
    const n = parts.reduce((s, p) => s + p.length, 0);
    const b = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      b.set(p, o);
      o += p.length;
    }
    return b;
  });
}

function mp4Track(file) {
  for (let at = 0; at < file.length; ) {
    const box = boxAt(file, at, file.length);
    if (!box) return null;
    if (box.type === 'moov') return audioTrack(file.subarray(at, box.end));
    at = box.end;
  }
  return null;
}

/** ADTS runs of about `bytes` from an MP4's AAC samples. */
function adtsChunks(file, bytes) {
  const t = mp4Track(file);
  const asc = t.description;
  const objectType = asc[0] >> 3;
  const freqIndex = ((asc[0] & 7) << 1) | (asc[1] >> 7);
  const channelConfig = (asc[1] >> 3) & 15;
  const out = [];
  let parts = [];
  let n = 0;
  const flush = () => {
    const b = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      b.set(p, o);
      o += p.length;
    }
    out.push(b);
    parts = [];
    n = 0;
  };
  for (let i = 0; i < t.sizes.length; i++) {
    const size = t.sizes[i] + 7;
    const h = new Uint8Array(7);
    h[0] = 0xff;
    h[1] = 0xf1;
    h[2] = ((objectType - 1) << 6) | (freqIndex << 2) | (channelConfig >> 2);
    h[3] = ((channelConfig & 3) << 6) | (size >> 11);
    h[4] = (size >> 3) & 0xff;
    h[5] = ((size & 7) << 5) | 0x1f;
    h[6] = 0xfc;
    parts.push(h, file.subarray(t.offsets[i], t.offsets[i] + t.sizes[i]));
    n += size;
    if (n >= bytes) flush();
  }
  if (n) flush();
  return { chunks: out, track: t };
}

async function decodeChunks(chunks, { inFlight, rate, shared = true }) {
  const t0 = performance.now();
  const sharedCtx = new OfflineAudioContext(1, 1, rate);
  let next = 0;
  let samples = 0;
  let check = 0;
  let reduceMs = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const c = chunks[next++];
      const ctx = shared ? sharedCtx : new OfflineAudioContext(1, 1, rate);
      const buf = await ctx.decodeAudioData(c.slice().buffer);
      const r0 = performance.now();
      const ch = [];
      for (let i = 0; i < buf.numberOfChannels; i++) ch.push(buf.getChannelData(i));
      check += reduce(ch);
      if (window.detach) for (const c of ch) { try { const mc = new MessageChannel(); mc.port1.postMessage(null, [c.buffer]); mc.port1.close(); mc.port2.close(); } catch (e) { window.detachError = String(e); } }
      if (window.detach) window.detachedLen = buf.getChannelData(0).length;
      reduceMs += performance.now() - r0;
      samples += buf.length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { detachedLen: window.detachedLen, detachError: window.detachError, ms: Math.round(performance.now() - t0), seconds: Math.round(samples / rate), chunks: chunks.length, reduceMs: Math.round(reduceMs), check: Math.round(check) };
}

import { loadPeaks } from '../../src/transcription-player/decode/decode.ts';
window.probe = {
  async ranged(url, { bytes, inFlight, rate, release = true }) {
    const size = Number((await fetch(url, { method: 'HEAD' })).headers.get('content-length'));
    const t0 = performance.now();
    const ctx = new OfflineAudioContext(1, 1, rate);
    let next = 0;
    let check = 0;
    const free = (b) => { const mc = new MessageChannel(); mc.port1.postMessage(null, [b]); mc.port1.close(); mc.port2.close(); };
    const worker = async () => {
      while (next < size) {
        const start = next;
        next += bytes;
        let ab;
        if (window.viaWorker) {
          const w = window.viaWorker === 'one' ? (window.oneWorker ??= new Worker('/bench/.cache/player-decode-probe-worker.js', { type: 'module' })) : new Worker('/bench/.cache/player-decode-probe-worker.js', { type: 'module' });
          ab = await new Promise((resolve) => {
            w.addEventListener('message', function on({ data }) { w.removeEventListener('message', on); resolve(data); });
            w.postMessage({ kind: 'fetch', url: new URL(url, location.href).href, start, end: Math.min(size, start + bytes) - 1 });
          });
          if (window.viaWorker !== 'one') w.terminate();
        } else if (window.byob) {
          const r = await fetch(url, { headers: { range: `bytes=${start}-${Math.min(size, start + bytes) - 1}` } });
          const reader = r.body.getReader({ mode: 'byob' });
          let buf = new ArrayBuffer(bytes);
          let got = 0;
          for (;;) {
            const { done, value } = await reader.read(new Uint8Array(buf, got, bytes - got));
            if (value) { buf = value.buffer; got += value.length; }
            if (done || got >= bytes) break;
          }
          ab = buf;
        } else {
          const r = await fetch(url, { headers: { range: `bytes=${start}-${Math.min(size, start + bytes) - 1}` } });
          ab = await r.arrayBuffer();
        }
        let at = 0;
        const b = new Uint8Array(ab);
        while (at < b.length - 4 && !(mp3FrameAt(b, at) && mp3FrameAt(b, at + mp3FrameAt(b, at).length))) at++;
        const copy = b.slice(at).buffer;
        if (release) free(ab);
        if (window.noDecode) continue;
        const buf = await ctx.decodeAudioData(copy);
        const ch = [buf.getChannelData(0)];
        check += reduce(ch);
        if (release) free(ch[0].buffer);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return { ms: Math.round(performance.now() - t0), check };
  },
  async load(url, options = {}) {
    const t0 = performance.now();
    const peaks = await loadPeaks(url + '?' + Math.random(), options);
    return { ms: Math.round(performance.now() - t0), points: peaks.min.length };
  },
  async whole(url, rate = 8000) {
    const file = await bytesOf(url);
    const t0 = performance.now();
    const buf = await new OfflineAudioContext(1, 1, rate).decodeAudioData(file.buffer);
    return { ms: Math.round(performance.now() - t0), seconds: Math.round(buf.duration) };
  },
  async chunked(url, kind, { bytes, inFlight, rate, shared, detach = false }) {
    window.detach = detach;
    // Copies, so the file itself can go.
    const chunks = await bytesOf(url).then((file) => (kind === 'mp3' ? mp3Chunks(file, bytes) : kind === 'ogg' ? oggChunks(file, bytes) : adtsChunks(file, bytes).chunks).map((c) => c.slice()));
    return decodeChunks(chunks, { inFlight, rate, shared });
  },
  webcodecsOpus(url, rate, workers = 1) {
    return this.webcodecs(url, 'opus', rate, workers);
  },
  async webcodecs(url, kind, rate, workers = 1, extra = {}) {
    const file = await bytesOf(url);
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const worker = new Worker('/bench/.cache/player-decode-probe-worker.js', { type: 'module' });
        return new Promise((resolve) => {
          worker.onmessage = ({ data }) => {
            worker.terminate();
            resolve(data);
          };
          worker.postMessage({ kind, file, rate, part: w, parts: workers, ...extra });
        });
      }),
    );
    return { ms: Math.round(performance.now() - t0), results };
  },
};
window.__benchReady = true;
