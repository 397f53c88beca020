/**
 * One window of a long file as whole frames, ready for `decodeAudioData`: an MP3's bytes fetched
 * as a range, a few frames early (to refill MP3's bit reservoir), cut on frame boundaries; an M4A's AAC frames, a few early too (AAC overlaps frames), each behind an ADTS header
 * (adts.ts) so they make a file of their own; an Opus window's pages behind the stream's header
 * pages; a WebM window's Opus blocks written as an Ogg Opus file (ogg-writer.ts). Run on the
 * page: a worker per window cost a worker's start each (30 of them for an hour) for a fetch and a
 * scan over frame headers. (Where DevTools watches the network, it keeps each
 * body fetched in the renderer — +151 MB after three hours' windows; bench:player therefore
 * measures memory with no DevTools Network domain, as a user's browser runs: +8 MB.)
 */
import { adtsHeaders } from './adts.js';
import { DecodeError } from './errors.js';
import { mp3FrameAt, mp3Sync } from './mp3-frames.js';
import { oggPageAt, oggPageNeeds, opusPacketSamples } from './ogg-pages.js';
import { oggOpusFile } from './ogg-writer.js';
import { ownCopy, releaseBuffer } from './release-buffer.js';
import { findCluster, WebmDemuxer, type WebmFrame } from './webm-blocks.js';
import { mp4Samples } from './window-decode.js';
import { PREROLL_FRAMES, type ByteWindow, type WindowPlan } from './window-plan.js';

/** A window's frames: `bytes` (its own buffer, to transfer) starts at `time` seconds of the recording. */
export interface WindowFrames {
  bytes: Uint8Array;
  time: number;
  /** Where its last frame ends, in seconds. */
  end: number;
  /** The file ends inside the window's last frame: what was read is decoded, then this is reported. */
  truncated?: string;
}

/** The frames of `window`, or null if it holds none (a tag at the end). */
export async function windowFrames(url: string, plan: WindowPlan, window: ByteWindow, signal?: AbortSignal): Promise<WindowFrames | null> {
  const format = plan.format;
  if (format.kind === 'mp4') return mp4Frames(url, plan, format, window, signal);
  if (format.kind === 'ogg') return oggFrames(url, plan, format, window, signal);
  if (format.kind === 'webm') return webmFrames(url, plan, format, window, signal);
  if (format.kind !== 'mp3') throw new Error(`windows of whole frames are MP3's, M4A's and Opus', not ${format.kind}'s`);
  const frameBytes = Math.ceil(format.frameBytes);
  // The file's first window keeps its Xing/Info frame: with it, the decoder takes the encoder's
  // delay (and padding) off itself, from the count the encoder wrote there.
  const withInfo = window.from <= format.dataStart && format.frames !== null;
  const start = withInfo ? format.dataStart - format.first.length : (window.first?.at ?? Math.max(format.dataStart, window.from - PREROLL_FRAMES * frameBytes));
  // A variable-rate window ends on a frame's start, whose header (4 bytes) tells it is one.
  const last = Math.min(plan.size, window.to + (format.variable ? 4 : 2 * frameBytes + 4)) - 1;
  if (last < start) return null;
  const bytes = await fetchRange(url, start, last, signal);
  const isLast = window.to >= plan.size;
  const kind = format.first.kind;
  const found = mp3Sync(bytes, 0, kind, true).at;
  // None: nothing to decode here, or (the last window) a file cut short, told below.
  let at = found < 0 ? bytes.length : found;
  // The Info frame counts as frame −1: the audio's first is 0.
  const index = withInfo ? -1 : (window.first?.frame ?? Math.round((start + at - format.dataStart) / format.frameBytes));
  /** Runs of whole frames, [from, to) in `bytes`: a tag or damage between them is left out. */
  const runs: [number, number][] = [[at, at]];
  let frames = 0;
  let truncated: string | null = null;
  // Whole frames up to the window's end; the frame that straddles it is ours (the next window's
  // warm-up starts before it).
  while (start + at < window.to) {
    const f = mp3FrameAt(bytes, at);
    if (!f || f.kind !== kind) {
      // A tag or damage inside the window (files joined into one, say): passed over, as the walk
      // that found a variable-rate file's windows passed over it, counting none of it.
      const next = mp3Sync(bytes, at + 1, kind, true).at;
      if (next < 0 || start + next >= window.to) break;
      runs.push([next, next]);
      at = next;
      continue;
    }
    if (at + f.length > bytes.length) {
      if (start + at + f.length <= window.to || isLast) truncated = `${url} ends early: inside an MP3 frame.`;
      break;
    }
    at += f.length;
    runs[runs.length - 1][1] = at;
    frames++;
  }
  if (isLast && format.frames !== null && index + frames < format.frames - 1) truncated ??= `${url} ends early: ${index + frames} of its ${format.frames} MP3 frames.`;
  if (!frames) {
    if (truncated) throw new DecodeError(truncated);
    return null;
  }
  const seconds = (n: number) => (n * format.first.samples) / format.first.sampleRate;
  // Decoders put the encoder's and their own delay first, as for the whole file. Cut short, the
  // frames read are decoded before the cut is reported.
  return { bytes: joinRuns(bytes, runs), time: withInfo ? 0 : seconds(index) - format.lead, end: seconds(index + frames) - format.lead, ...(truncated ? { truncated } : {}) };
}

/** The runs of `bytes` as one buffer of their own; `bytes`' freed at once (see ownCopy). */
function joinRuns(bytes: Uint8Array, runs: [number, number][]): Uint8Array {
  if (runs.length === 1) return ownCopy(bytes, runs[0][0], runs[0][1]);
  const out = new Uint8Array(runs.reduce((sum, [from, to]) => sum + to - from, 0));
  let at = 0;
  for (const [from, to] of runs) {
    out.set(bytes.subarray(from, to), at);
    at += to - from;
  }
  releaseBuffer(bytes.buffer);
  return out;
}

async function mp4Frames(url: string, plan: WindowPlan, format: Extract<WindowPlan['format'], { kind: 'mp4' }>, window: ByteWindow, signal?: AbortSignal): Promise<WindowFrames | null> {
  const header = adtsHeaders(format.config.description as Uint8Array);
  if (!header) throw new Error('this AAC has no ADTS form');
  const isLast = window.to >= plan.size;
  const [first, last] = mp4Samples(format, window, isLast ? window.to : Infinity);
  if (first >= last) return null;
  const start = format.offsets[first];
  const end = format.offsets[last - 1] + format.sizes[last - 1];
  const bytes = await fetchRange(url, start, end - 1, signal);
  let total = 0;
  for (let i = first; i < last; i++) total += format.sizes[i] + 7;
  const out = new Uint8Array(total);
  let at = 0;
  for (let i = first; i < last; i++) {
    const from = format.offsets[i] - start;
    const size = format.sizes[i];
    if (from + size > bytes.length) throw new DecodeError(`${url} ends early: ${i} of its ${format.sizes.length} audio samples.`);
    out.set(header(size), at);
    out.set(bytes.subarray(from, from + size), at + 7);
    at += size + 7;
  }
  // The range read, freed at once (see ownCopy).
  releaseBuffer(bytes.buffer);
  const seconds = (n: number) => (n * format.frameSamples) / format.sampleRate - format.skip;
  return { bytes: out, time: seconds(first), end: seconds(last) };
}

/** An Ogg page is at most this long: the page that ends a window is read whole. */
const MAX_OGG_PAGE = 65307;

/**
 * An Opus window as a file of its own: the stream's header pages, then its pages — from the one
 * after the first page at or past `from` (that one's granule is the clock: its packets are the
 * window before's) to the first page at or past `to`, as window-decode.ts reads them.
 */
async function oggFrames(url: string, plan: WindowPlan, format: Extract<WindowPlan['format'], { kind: 'ogg' }>, window: ByteWindow, signal?: AbortSignal): Promise<WindowFrames | null> {
  const last = Math.min(plan.size, window.to + MAX_OGG_PAGE) - 1;
  if (last < window.from) return null;
  const bytes = await fetchRange(url, window.from, last, signal);
  const isLast = window.to >= plan.size;
  let at = 0;
  let clock = -1;
  let from = -1;
  let granule = -1;
  let sawLast = false;
  while (at + 27 <= bytes.length) {
    const capture = bytes[at] === 0x4f && bytes[at + 1] === 0x67 && bytes[at + 2] === 0x67 && bytes[at + 3] === 0x53;
    const page = capture ? oggPageAt(bytes, at) : null;
    if (!page) {
      // A page cut by the range's end, else damage or the tail of a page before `from`.
      if (capture && at + oggPageNeeds(bytes, at) > bytes.length) break;
      const next = bytes.indexOf(0x4f, at + 1);
      if (next < 0) break;
      at = next;
      continue;
    }
    const beyond = window.from + at >= window.to;
    if (page.serial === format.serial) {
      if (clock < 0) {
        if (page.granule >= 0) {
          clock = page.granule;
          from = at + page.length;
        }
      } else if (page.granule >= 0) granule = page.granule;
      sawLast = page.isLast;
    }
    at += page.length;
    if (sawLast || (beyond && clock >= 0)) break;
  }
  if (isLast && !sawLast) throw new DecodeError(`${url} ends early: its last Ogg page is missing.`);
  if (clock < 0 || granule < 0 || from >= at) return null;
  const out = new Uint8Array(format.header.length + at - from);
  out.set(format.header);
  out.set(bytes.subarray(from, at), format.header.length);
  releaseBuffer(bytes.buffer);
  // decodeAudioData drops the pre-skip from the start of each run, as from the file's: its first
  // sample is the one after the clock page's granule, which is heard at granule − pre-skip + pre-skip.
  return { bytes: out, time: clock / format.granuleRate, end: Math.max(0, granule - format.preSkip) / format.granuleRate };
}

/** Bytes read past a WebM window's end at a time, until the cluster after its last shows. */
const WEBM_MORE = 16 * 1024;

/**
 * A WebM window's Opus as an Ogg Opus file (ogg-writer.ts): its clusters, from the first that
 * starts in it to the first that starts past it, read until that one shows.
 */
async function webmFrames(url: string, plan: WindowPlan, format: Extract<WindowPlan['format'], { kind: 'webm' }>, window: ByteWindow, signal?: AbortSignal): Promise<WindowFrames | null> {
  let read = Math.min(plan.size, window.to + WEBM_MORE);
  if (read <= window.from) return null;
  const bytes = await fetchRange(url, window.from, read - 1, signal);
  const at = findCluster(bytes);
  // No cluster starts here: the window before reads through it.
  if (at < 0 || window.from + at >= window.to) return null;
  const demuxer = WebmDemuxer.resume(format.track, format.scale, window.from + at, window.to);
  const frames: WebmFrame[] = demuxer.push(bytes.subarray(at));
  // MediaRecorder's clusters can be long: each read after the window twice the one before.
  for (let more = WEBM_MORE; !demuxer.stopped && read < plan.size; more *= 2) {
    const piece = await fetchRange(url, read, Math.min(plan.size, read + more) - 1, signal);
    read += piece.length;
    frames.push(...demuxer.push(piece));
  }
  const truncated = demuxer.partway ? `${url} ends early, inside a block.` : null;
  if (!frames.length) {
    if (truncated) throw new DecodeError(truncated);
    return null;
  }
  const file = oggOpusFile(format.track.description, frames.map((f) => f.data));
  const head = format.track.description;
  // Heard at: the time since the first block, less the stream's delay; the decoder also drops the
  // head's pre-skip from the start of this file.
  const heard = (time: number) => time - format.origin - format.track.delay;
  const preSkip = (head.length >= 12 ? head[10] | (head[11] << 8) : 0) / 48000;
  const last = frames[frames.length - 1];
  return { bytes: file, time: heard(frames[0].time) + preSkip, end: heard(last.time) + opusPacketSamples(last.data) / 48000, ...(truncated ? { truncated } : {}) };
}

async function fetchRange(url: string, start: number, last: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
  const init: RequestInit = { headers: { range: `bytes=${start}-${last}` } };
  if (signal) init.signal = signal;
  const failed = (what: string, error: unknown) => (signal?.aborted ? error : new DecodeError(`${what} ${url}: ${error instanceof Error ? error.message : String(error)}.`));
  const response = await fetch(url, init).catch((error: unknown) => {
    throw failed('Could not fetch', error);
  });
  if (response.status !== 206 || !response.body) {
    void response.body?.cancel().catch(() => undefined);
    throw new DecodeError(`Could not fetch bytes ${start}–${last} of ${url}: HTTP ${response.status}.`);
  }
  return new Uint8Array(
    await response.arrayBuffer().catch((error: unknown) => {
      throw failed(`Could not read bytes ${start}–${last} of`, error);
    }),
  );
}
