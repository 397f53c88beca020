/**
 * Decodes one window of a long file — bytes [from, to), fetched as a range — into peaks, with a
 * fresh decoder started a few frames early so it has warmed up by `from`. Each window runs in a
 * worker of its own that ends with it: whatever the decoder left for the garbage collector goes
 * with the worker, so memory stays flat however long the file. The window's points overlap its
 * neighbours' by those few frames; the page merges them by min/max, which they survive.
 */
import { ByteReader } from './byte-reader.js';
import { DecodeError } from './errors.js';
import { mp3FrameAt } from './mp3-frames.js';
import { OggPackets, oggPageAt, oggPageNeeds } from './ogg-pages.js';
import { PeakSink } from './peak-sink.js';
import { reportProgress } from './progress.js';
import { webCodecsDecoder, type PieceDecoder } from './piece-decoders.js';
import { syncMp3, type DecodeProgress } from './stream-decode.js';
import { pcmToFloat } from './wav.js';
import { findCluster, WebmDemuxer } from './webm-blocks.js';
import { PREROLL_FRAMES, type ByteWindow, type WindowPlan } from './window-plan.js';

export interface WindowOptions {
  signal?: AbortSignal;
  onProgress?(progress: DecodeProgress): void;
}

/** An Ogg page is at most this long: the page that ends a window is read whole. */
const MAX_OGG_PAGE = 65307;

interface Run {
  reader: ByteReader;
  sink: PeakSink;
  reported: number;
  window: ByteWindow;
  options: WindowOptions;
  url: string;
  /** The file's last window: it checks the file holds all its header promised. */
  isLast: boolean;
}

export async function decodeWindow(url: string, plan: WindowPlan, window: ByteWindow, options: WindowOptions = {}): Promise<void> {
  const format = plan.format;
  const start =
    format.kind === 'mp3' ? (window.first?.at ?? Math.max(format.dataStart, window.from - PREROLL_FRAMES * Math.ceil(format.frameBytes))) : format.kind === 'mp4' ? mp4Start(format.offsets, window.from) : window.from;
  // A WebM window's last cluster ends where the next starts, which only the reading finds.
  const end = format.kind === 'webm' ? window.to + Math.max(1 << 20, window.to - window.from) : format.kind === 'ogg' ? window.to + MAX_OGG_PAGE : format.kind === 'mp3' ? window.to + 2 * Math.ceil(format.frameBytes) + 4 : format.kind === 'mp4' ? mp4End(format, window, plan.size) : window.to;
  const last = Math.min(plan.size, end) - 1;
  if (last < start) return;
  const init: RequestInit = { headers: { range: `bytes=${start}-${last}` } };
  if (options.signal) init.signal = options.signal;
  const response = await fetch(url, init).catch((error: unknown) => {
    throw options.signal?.aborted ? error : new DecodeError(`Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}.`);
  });
  if (response.status !== 206 || !response.body) {
    void response.body?.cancel().catch(() => undefined);
    throw new DecodeError(`Could not fetch bytes ${start}–${last} of ${url}: HTTP ${response.status}.`);
  }
  const reader = ByteReader.of(response.body);
  reader.offset = start;
  const run: Run = { reader, sink: new PeakSink(plan.sampleRate, plan.seconds), reported: 0, window, options, url, isLast: window.to >= plan.size };
  try {
    if (format.kind === 'wav') await wavWindow(run, format);
    else if (format.kind === 'mp3') await mp3Window(run, format);
    else if (format.kind === 'ogg') await oggWindow(run, format);
    else if (format.kind === 'webm') await webmWindow(run, format);
    else await mp4Window(run, format);
    report(run, true);
  } finally {
    reader.cancel();
  }
}

/** Sends what the window's sink gained to `onProgress` (throttled; see progress.ts). */
function report(run: Run, now = false): void {
  const { from, to } = run.window;
  reportProgress(run, run.sink, run.options.onProgress, () => Math.min(1, Math.max(0, (run.reader.offset - from) / Math.max(1, to - from))), now);
}

function ended(run: Run, what: string): never {
  throw new DecodeError(`${run.url} ends early: ${what}.`);
}

async function wavWindow(run: Run, f: Extract<WindowPlan['format'], { kind: 'wav' }>): Promise<void> {
  const { reader, sink } = run;
  const { format } = f;
  const frameBytes = (format.bits / 8) * format.channels;
  // Whole sample frames only, counted from the start of the samples.
  const align = (at: number) => f.dataStart + Math.floor((at - f.dataStart) / frameBytes) * frameBytes;
  const from = align(run.window.from);
  const to = Math.min(align(run.window.to), f.dataEnd);
  if (!(await reader.passTo(from))) ended(run, `no WAV samples at byte ${from}`);
  let frames = (from - f.dataStart) / frameBytes;
  let scratch: Float32Array | undefined;
  const rate = format.sampleRate * format.channels;
  while (reader.offset < to) {
    if (!(await reader.need(frameBytes))) ended(run, `no WAV samples at byte ${reader.offset}`);
    const take = Math.min(to - reader.offset, reader.available);
    const usable = take - (take % frameBytes);
    scratch = pcmToFloat(reader.bytes.subarray(0, usable), format, scratch);
    sink.write(frames / format.sampleRate, [scratch], rate, (usable / frameBytes) * format.channels);
    frames += usable / frameBytes;
    reader.skip(usable);
    report(run);
  }
  if (run.isLast && f.dataEnd > run.window.to) ended(run, `its header promises ${Math.round((f.dataEnd - f.dataStart) / frameBytes / format.sampleRate)} s, it holds ${Math.round(frames / format.sampleRate)} s`);
}

async function mp3Window(run: Run, f: Extract<WindowPlan['format'], { kind: 'mp3' }>): Promise<void> {
  const { reader, sink } = run;
  const first = await syncMp3(reader, f.first);
  if (!first) return;
  let index = run.window.first?.frame ?? Math.round((reader.offset - f.dataStart) / f.frameBytes);
  await decodeAll(webCodecsDecoder(f.config, sink, (index * f.first.samples) / f.first.sampleRate - f.lead), async (decoder) => {
    while (reader.offset < run.window.to) {
      if (!(await reader.need(4))) break;
      const frame = mp3FrameAt(reader.bytes, 0);
      // Damage or a tag at the end: this window stops here (a gap, never a misplaced stretch).
      if (!frame || frame.kind !== f.first.kind) break;
      if (!(await reader.need(frame.length))) {
        if (reader.offset + frame.length <= run.window.to) ended(run, 'inside an MP3 frame');
        break;
      }
      await decoder.decode(reader.bytes.subarray(0, frame.length), 0);
      reader.skip(frame.length);
      index++;
      report(run);
    }
  });
  if (run.isLast && f.frames !== null && index < f.frames - 1) ended(run, `${index} of its ${f.frames} MP3 frames`);
}

async function oggWindow(run: Run, f: Extract<WindowPlan['format'], { kind: 'ogg' }>): Promise<void> {
  const { reader, sink } = run;
  const packets = new OggPackets();
  let decoder: PieceDecoder | null = null;
  let sawLast = false;
  try {
    for (;;) {
      if (!(await reader.need(27))) break;
      const bytes = reader.bytes;
      if (bytes[0] !== 0x4f || bytes[1] !== 0x67 || bytes[2] !== 0x67 || bytes[3] !== 0x53) {
        const next = bytes.indexOf(0x4f, 1);
        reader.skip(next > 0 ? next : reader.available);
        continue;
      }
      if (!(await reader.need(oggPageNeeds(reader.bytes, 0)))) break;
      const page = oggPageAt(reader.bytes, 0);
      if (!page || page.serial !== f.serial) {
        reader.skip(page ? page.length : 1);
        continue;
      }
      // The page at or after `from` only sets the clock (its packets are the window before's);
      // the first page at or past `to` is still ours.
      const beyond = reader.offset >= run.window.to;
      const done = packets.push(page, reader.bytes.subarray(page.headerLength, page.length));
      if (!decoder) {
        if (page.granule >= 0) decoder = webCodecsDecoder(f.config, sink, (page.granule - f.preSkip) / f.granuleRate);
      } else {
        for (const packet of done) await decoder.decode(packet, 0);
      }
      reader.skip(page.length);
      report(run);
      sawLast = page.isLast;
      if (page.isLast || (beyond && decoder)) break;
    }
    await decoder?.flush();
  } finally {
    decoder?.close();
  }
  if (run.isLast && !sawLast) ended(run, 'its last Ogg page is missing');
}

/** Bytes read at a time while looking for a window's first cluster. */
const CLUSTER_SEARCH = 16 * 1024;

async function webmWindow(run: Run, f: Extract<WindowPlan['format'], { kind: 'webm' }>): Promise<void> {
  const { reader, sink } = run;
  let at = findCluster(reader.bytes);
  while (at < 0 && reader.offset + reader.available < run.window.to + CLUSTER_SEARCH) {
    if (!(await reader.need(reader.available + CLUSTER_SEARCH))) break;
    at = findCluster(reader.bytes);
  }
  // No cluster starts here: the window before reads through it.
  if (at < 0 || reader.offset + at >= run.window.to) return;
  reader.skip(at);
  const demuxer = WebmDemuxer.resume(f.track, f.scale, reader.offset, run.window.to);
  let decoder: PieceDecoder | null = null;
  try {
    while (!demuxer.stopped && (await reader.need(1))) {
      const frames = demuxer.push(reader.bytes);
      reader.skip(reader.available);
      // Placed as the first window's decoder places them: counted from the first block, less the delay.
      if (frames.length) decoder ??= webCodecsDecoder(f.config, sink, frames[0].time - f.origin - f.track.delay);
      for (const frame of frames) await decoder!.decode(frame.data, 0);
      report(run);
    }
    await decoder?.flush();
  } finally {
    decoder?.close();
  }
  if (run.isLast && demuxer.partway) ended(run, 'inside a block');
}

/** Samples with offsets in the window; the last window takes all the rest (its reading fails if cut). */
export function mp4Samples(f: Extract<WindowPlan['format'], { kind: 'mp4' }>, window: ByteWindow, size: number): [number, number] {
  const first = Math.max(0, firstAtOrAfter(f.offsets, window.from) - PREROLL_FRAMES);
  return [first, window.to >= size ? f.offsets.length : firstAtOrAfter(f.offsets, window.to)];
}

/** The end of the window's last sample (past `to`: samples straddle window ends). */
function mp4End(f: Extract<WindowPlan['format'], { kind: 'mp4' }>, window: ByteWindow, size: number): number {
  const [, last] = mp4Samples(f, window, size);
  return last > 0 ? f.offsets[last - 1] + f.sizes[last - 1] : window.to;
}

/** The first sample to read for a window from `from`: a few before the window's first. */
function mp4Start(offsets: Float64Array, from: number): number {
  return offsets[Math.max(0, firstAtOrAfter(offsets, from) - PREROLL_FRAMES)] ?? from;
}

function firstAtOrAfter(offsets: Float64Array, at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

async function mp4Window(run: Run, f: Extract<WindowPlan['format'], { kind: 'mp4' }>): Promise<void> {
  const { reader, sink } = run;
  const [first, last] = mp4Samples(f, run.window, run.isLast ? run.window.to : Infinity);
  if (first >= last) return;
  await decodeAll(webCodecsDecoder(f.config, sink, (first * f.frameSamples) / f.sampleRate - f.skip), async (decoder) => {
    for (let i = first; i < last; i++) {
      if (!(await reader.passTo(f.offsets[i])) || !(await reader.need(f.sizes[i]))) ended(run, `${i} of its ${f.sizes.length} audio samples`);
      await decoder.decode(reader.bytes.subarray(0, f.sizes[i]), 0);
      reader.skip(f.sizes[i]);
      report(run);
    }
  });
}

async function decodeAll(decoder: PieceDecoder, feed: (decoder: PieceDecoder) => Promise<void>): Promise<void> {
  try {
    await feed(decoder);
    await decoder.flush();
  } finally {
    decoder.close();
  }
}
