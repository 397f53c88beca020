/**
 * A media URL to peaks, reading the response as it arrives and reducing each decoded piece at once,
 * so memory stays flat whatever the length: WAV samples directly, MP3 frame by frame, Ogg (Opus,
 * Vorbis) page by page and MP4 and WebM sample by sample through WebCodecs, or through
 * `decodeAudioData` on runs of frames or pages where WebCodecs is missing. Anything else (FLAC…)
 * is decoded whole by the browser, on the page. Runs in the decode worker and, when no worker can
 * start, on the page: it uses nothing but fetch, WebCodecs and — given `page` — an OfflineAudioContext.
 */
import type { Peaks } from '../peaks.js';
import { ByteReader } from './byte-reader.js';
import { peaksFromSamples, samplesPerPoint } from './samples.js';
import { DecodeError, NeedsPage } from './errors.js';
import { audioTrack, boxAt, type Mp4Track } from './mp4-boxes.js';
import { MP3_DECODER_DELAY, id3Length, mp3EncoderDelay, mp3FrameAt, mp3FrameCount, mp3IsConstantRate, mp3Sync, type Mp3Frame } from './mp3-frames.js';
import { OggPackets, lastGranule, oggCodecOf, oggPageAt, oggPageNeeds, vorbisDescription, type OggCodec } from './ogg-pages.js';
import { PeakSink, type PeakSlice } from './peak-sink.js';
import { PROGRESS_MS, reportProgress } from './progress.js';
import { chunkedDecoder, webCodecsDecoder, webCodecsSupports, type PieceDecoder } from './piece-decoders.js';
import { cacheKey, readCachedPeaks, storeCachedPeaks } from './peaks-cache.js';
import { isWav, parseWavHeader, pcmToFloat } from './wav.js';
import { WebmDemuxer, WebmError } from './webm-blocks.js';
import { PREROLL_FRAMES, type ByteWindow, type WindowFormat, type WindowPlan } from './window-plan.js';

export interface DecodeProgress {
  /** Points per second of the peaks. */
  rate: number;
  /** Points the whole file is expected to have. */
  capacity: number;
  slice: PeakSlice;
  /** 0…1 of the file read. */
  fraction: number;
}

export interface DecodeOptions {
  signal?: AbortSignal;
  onProgress?(progress: DecodeProgress): void;
  /** On the page: `decodeAudioData` may be used. */
  page: boolean;
  /** False: do without WebCodecs, as in a browser that lacks it (for tests). */
  webCodecs?: boolean;
  /**
   * Given, a long file whose server answers byte ranges is read in windows of about this many
   * seconds: this call decodes the first and hands `onWindows` the plan for the rest.
   */
  windowSeconds?: number;
  onWindows?(plan: WindowPlan): void;
  /** A variable-rate MP3's windows, in file order, as the walk over its frame headers finds them. */
  onMoreWindows?(windows: ByteWindow[]): void;
  /**
   * The page decodes an MP3's or M4A's windows itself (decodeAudioData): this call only reads the
   * headers and plans (and walks a variable-rate MP3's frame headers to find its windows), and the
   * first window is the page's too. A worker that decoded the first
   * minute of bench:player's hour of MP3 with WebCodecs left the renderer +27 MB resident, +22 MB
   * after it ended (measured alone, in a Chromium with no DevTools Network domain); the M4A's first
   * 30 s held 20–25 MB for a tenth of a second, the load's peak.
   */
  pageDecodes?: boolean;
}

/**
 * Bytes of MP3 frames per piece: WebCodecs wants one frame per chunk (Chromium refuses more), the
 * chunked decodeAudioData takes runs of them.
 */
const mp3BatchBytes = (decoder: { kind: string }) => (decoder.kind === 'webcodecs' ? 1 : 64 * 1024);

interface Job {
  url: string;
  reader: ByteReader;
  size: number;
  options: DecodeOptions;
  sink: PeakSink | null;
  reported: number;
  /** Whether the server answers byte ranges. */
  ranges: boolean;
  cacheKey: string | null;
  /** Byte offset where this call stops: the rest is other windows' (Infinity: read to the end). */
  until: number;
}

export async function decodeStream(url: string, options: DecodeOptions): Promise<Peaks> {
  const response = await fetch(url, options.signal ? { signal: options.signal } : {}).catch((error: unknown) => {
    throw options.signal?.aborted ? error : new DecodeError(`Could not fetch ${url}: ${messageOf(error)}.`);
  });
  if (!response.ok || !response.body) throw new DecodeError(`Could not fetch ${url}: HTTP ${response.status}.`);
  const size = Number(response.headers.get('content-length')) || 0;
  const key = cacheKey(url, size, response.headers.get('etag') ?? response.headers.get('last-modified'));
  const cached = key ? await readCachedPeaks(key) : null;
  if (cached) {
    void response.body.cancel().catch(() => undefined);
    return cached;
  }
  const ranges = response.headers.get('accept-ranges') === 'bytes';
  const job: Job = { url, reader: ByteReader.of(response.body), size, options, sink: null, reported: 0, ranges, cacheKey: key, until: Infinity };
  try {
    const peaks = await decodeBody(job);
    // Stored before the peaks are handed on (a worker transfers their buffers away). Read in
    // windows, these are the first window's only: the page stores the whole.
    if (key && job.until === Infinity) await storeCachedPeaks(key, peaks);
    return peaks;
  } catch (error) {
    job.reader.cancel();
    if (options.signal?.aborted || error instanceof NeedsPage) throw error;
    report(job, true);
    const partial = job.sink?.length ? job.sink.result() : null;
    throw error instanceof DecodeError ? new DecodeError(error.message, error.partial ?? partial) : new DecodeError(`Could not decode ${url}: ${messageOf(error)}.`, partial);
  }
}

async function decodeBody(job: Job): Promise<Peaks> {
  const { reader } = job;
  await reader.need(64);
  const head = reader.bytes;
  if (!head.length) throw new DecodeError(`${job.url} is empty.`);
  if (isWav(head)) {
    const peaks = await decodeWav(job);
    if (peaks) return peaks;
  } else if (isOgg(head)) {
    const peaks = await decodeOgg(job);
    if (peaks) return peaks;
  } else if (id3Length(head) || mp3FrameAt(head, 0)) {
    return decodeMp3(job);
  } else if (isMp4(head) || isWebm(head)) {
    const peaks = await (isMp4(head) ? decodeMp4(job) : decodeWebm(job));
    if (peaks) return peaks;
    // Read part of the way: the whole-file decoder starts again from the top.
    job.reader.cancel();
    const again = await fetch(job.url, job.options.signal ? { signal: job.options.signal } : {});
    if (!again.ok || !again.body) throw new DecodeError(`Could not fetch ${job.url}: HTTP ${again.status}.`);
    job.reader = ByteReader.of(again.body);
  }
  return decodeWhole(job);
}

const isOgg = (b: Uint8Array) => b[0] === 0x4f && b[1] === 0x67 && b[2] === 0x67 && b[3] === 0x53;
const isMp4 = (b: Uint8Array) => b.length >= 8 && String.fromCharCode(...b.subarray(4, 8)) === 'ftyp';
const isWebm = (b: Uint8Array) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3;

/** Sends what the sink gained to `onProgress` (throttled; see progress.ts). */
function report(job: Job, now = false): void {
  reportProgress(job, job.sink, job.options.onProgress, () => (job.size ? Math.min(1, job.reader.received / job.size) : 0), now);
}

function finish(job: Job, truncated: string | null): Peaks {
  const sink = job.sink;
  if (!sink || !sink.length) throw new DecodeError(`${job.url} holds no audio.`);
  report(job, true);
  if (truncated) throw new DecodeError(truncated, sink.result());
  return sink.result();
}

/**
 * Splits the rest of a long file into windows when it may be (ranges, a known size, a long enough
 * recording, a caller that takes them); this call then stops at the first window's end.
 */
function planWindows(job: Job, format: WindowFormat, dataStart: number, seconds: number): void {
  const { onWindows, windowSeconds } = job.options;
  const sink = job.sink;
  if (!onWindows || !windowSeconds || !sink || !job.ranges || !job.size || !(seconds > 2 * windowSeconds)) return;
  const step = Math.ceil(((job.size - dataStart) * windowSecondsOf(format, windowSeconds)) / seconds);
  // An MP3's first window is the page's too (from its Info frame: window-frames.ts), and an M4A's
  // (its AAC as ADTS).
  const pageTakesFirst = job.options.pageDecodes && ((format.kind === 'mp3' && format.frames !== null) || format.kind === 'mp4');
  job.until = pageTakesFirst ? dataStart : dataStart + step;
  onWindows({ format, sampleRate: sink.sampleRate, seconds, size: job.size, dataStart, firstEnd: job.until, step, cacheKey: job.cacheKey, rate: sink.rate, samplesPerPoint: sink.samplesPerPoint });
}

/**
 * Seconds per window. A window that the page's decodeAudioData decodes (MP3, AAC, Opus) is held
 * there two or three times over at the rate it decodes to, several windows at once: half the
 * seconds of a WAV's, and fewer again where the decoder's output is more than 16 kHz mono (Opus
 * comes out at 48 kHz). Measured on bench:player's hour of MP3, three windows in flight, renderer
 * peak over before: 120 s windows +122 MB, 60 s +96–110 MB.
 */
function windowSecondsOf(format: WindowFormat, windowSeconds: number): number {
  if (format.kind === 'wav') return windowSeconds;
  const [rate, channels] =
    format.kind === 'mp3' ? [format.first.sampleRate, format.first.channels] : format.kind === 'ogg' || format.kind === 'webm' ? [48000, format.config.numberOfChannels] : [format.sampleRate, format.config.numberOfChannels];
  // AAC holds about twice an MP3's memory per second decodeAudioData decodes. Measured on bench:player's
  // hour of 16 kHz mono, renderer peak over before (resident / own): M4A in 60 s windows +92 / +69 MB,
  // in 30 s +75 / +54; MP3 in 60 s +73 / +50.
  const seconds = format.kind === 'mp4' ? windowSeconds / 4 : windowSeconds / 2;
  return seconds * Math.min(1, 16000 / (rate * Math.max(1, channels)));
}

async function decodeWav(job: Job): Promise<Peaks | null> {
  const { reader } = job;
  let format = parseWavHeader(reader.bytes);
  while (format === null && !reader.done) {
    await reader.need(reader.available + 1);
    format = parseWavHeader(reader.bytes);
  }
  if (format === 'other') return null;
  if (format === null) throw new DecodeError(`${job.url} ends inside its WAV header.`);
  const frameBytes = (format.bits / 8) * format.channels;
  const declared = format.dataSize > 0 && format.dataSize < 0xffffffff ? format.dataSize : 0;
  const seconds = (declared || Math.max(0, job.size - format.dataStart)) / frameBytes / format.sampleRate;
  let left = declared || Infinity;
  const sink = (job.sink = new PeakSink(format.sampleRate, seconds || 3600));
  const dataEnd = declared ? format.dataStart + declared : job.size;
  if (seconds) planWindows(job, { kind: 'wav', format, dataStart: format.dataStart, dataEnd }, format.dataStart, seconds);
  reader.skip(format.dataStart);
  // This window's end, on a whole sample frame.
  if (job.until !== Infinity) left = Math.min(left, job.until - format.dataStart - ((job.until - format.dataStart) % frameBytes));
  let frames = 0;
  let scratch: Float32Array | undefined;
  // Interleaved channels are reduced as one stream at channels × the rate: the waveform merges them.
  const rate = format.sampleRate * format.channels;
  while (left > 0) {
    if (!(await reader.need(frameBytes))) break;
    const usable = Math.min(left, reader.available - (reader.available % frameBytes));
    scratch = pcmToFloat(reader.bytes.subarray(0, usable), format, scratch);
    sink.write(frames / format.sampleRate, [scratch], rate, usable / frameBytes * format.channels);
    frames += usable / frameBytes;
    reader.skip(usable);
    left -= usable;
    report(job);
  }
  if (left !== Infinity && left > 0) reader.cancel();
  return finish(job, left !== Infinity && left >= frameBytes && job.until === Infinity ? `${job.url} ends early: its header promises ${Math.round(declared / frameBytes / format.sampleRate)} s, it holds ${Math.round(frames / format.sampleRate)} s.` : null);
}

async function decodeMp3(job: Job): Promise<Peaks> {
  const { reader } = job;
  for (let tag = id3Length(reader.bytes); tag > 0; ) {
    await reader.need(Math.min(tag, 1 << 16));
    const step = Math.min(tag, reader.available);
    if (!step) throw new DecodeError(`${job.url} ends inside its ID3 tag.`);
    reader.skip(step);
    tag -= step;
  }
  const first = await syncMp3(reader, null);
  if (!first) throw new DecodeError(`${job.url} holds no MPEG audio frames.`);
  await reader.need(first.length);
  const frameCount = mp3FrameCount(reader.bytes, 0, first);
  // Decoders put the encoder's and their own delay first; the media element skips them, so do we.
  const lead = (mp3EncoderDelay(reader.bytes, 0, first) + MP3_DECODER_DELAY) / first.sampleRate;
  const constantRate = mp3IsConstantRate(reader.bytes, 0, first);
  // The Xing/Info frame is a header, not audio.
  if (frameCount !== null) reader.skip(first.length);
  const seconds = frameCount !== null ? (frameCount * first.samples) / first.sampleRate : (Math.max(0, job.size - reader.offset) * 8) / (first.bitrate * 1000);
  const sink = (job.sink = new PeakSink(first.sampleRate, seconds || 3600));
  const config = { codec: 'mp3', sampleRate: first.sampleRate, numberOfChannels: first.channels };
  if (seconds && !constantRate && frameCount !== null && job.options.pageDecodes && job.options.onMoreWindows) {
    const dataStart = reader.offset;
    const format = { kind: 'mp3', first, dataStart, frameBytes: (job.size - dataStart) / frameCount, lead, config, frames: frameCount, variable: true } as const;
    planWindows(job, format, dataStart, seconds);
    if (job.until <= reader.offset) return walkMp3Frames(job, first, Math.max(1, Math.round((windowSecondsOf(format, job.options.windowSeconds!) * first.sampleRate) / first.samples)), job.options.onMoreWindows);
  }
  const webCodecs = job.options.webCodecs !== false && (await webCodecsSupports(config));
  if (!webCodecs && !job.options.page) throw new NeedsPage('no MP3 decoder in this worker');
  if (webCodecs && seconds && constantRate) {
    // Constant rate: a byte offset tells its frame, so the rest may be read from anywhere.
    const dataStart = reader.offset;
    const frameBytes = frameCount ? (job.size - dataStart) / frameCount : (first.samples * first.bitrate * 125) / first.sampleRate;
    planWindows(job, { kind: 'mp3', first, dataStart, frameBytes, lead, config, frames: frameCount }, dataStart, seconds);
    if (job.until <= reader.offset) return headersOnly(job);
  }
  const decoder = webCodecs ? { ...webCodecsDecoder(config, sink, -lead), kind: 'webcodecs' } : { ...chunkedDecoder(null, sink), kind: 'chunked' };
  const batch = mp3BatchBytes(decoder);
  // decodeAudioData's runs land within ±70 ms (measured in Chromium, which never needs them): each
  // starts a decoder afresh, without the previous frames' bit reservoir.
  const runLead = lead;
  let index = 0;
  let truncated: string | null = null;
  try {
    for (;;) {
      if (reader.offset >= job.until || !(await reader.need(4))) break;
      // As many whole frames as the buffer holds, up to a batch.
      let at = 0;
      let count = 0;
      const bytes = reader.bytes;
      for (let f = mp3FrameAt(bytes, 0); f && f.kind === first.kind && at + f.length <= bytes.length && at < batch; f = mp3FrameAt(bytes, at)) {
        at += f.length;
        count++;
      }
      if (count) {
        await decoder.decode(bytes.subarray(0, at), (index * first.samples) / first.sampleRate - runLead);
        reader.skip(at);
        index += count;
        report(job);
        continue;
      }
      const frame = mp3FrameAt(bytes, 0);
      if (frame && frame.kind === first.kind) {
        if (await reader.need(frame.length)) continue;
        truncated = `${job.url} ends inside an MP3 frame.`;
        break;
      }
      // ID3v1 or APE tags, or damage: look for the next frame.
      if (!(await syncMp3(reader, first))) break;
    }
    await decoder.flush();
  } finally {
    decoder.close();
  }
  if (job.until !== Infinity) reader.cancel();
  else if (!truncated && frameCount !== null && index < frameCount - 1) truncated = `${job.url} ends early: ${index} of its ${frameCount} MP3 frames.`;
  return finish(job, truncated);
}

/**
 * A variable-rate MP3's windows, `perWindow` frames each, found by walking its frame headers to the
 * end without decoding (the page decodes each window from its range): no byte offset tells a
 * frame's index there, the walk counts them. Handed on as found, a few at a time, so the page
 * starts on the first while the walk goes on. This reads the file once more than a constant-rate
 * one's windows do; it reads at the network's pace, far ahead of the decoding.
 */
async function walkMp3Frames(job: Job, first: Mp3Frame, perWindow: number, onMore: (windows: ByteWindow[]) => void): Promise<Peaks> {
  const { reader } = job;
  /** Offsets of the frames just before this one: where the next window's reading starts. */
  const recent: number[] = [];
  let index = 0;
  let from = reader.offset;
  // The first window reads the Info frame instead (window-frames.ts).
  let start: ByteWindow['first'] | undefined;
  const found: ByteWindow[] = [];
  // The first window is handed on at once (the first screen), the rest every PROGRESS_MS.
  let handed = -Infinity;
  const window = (to: number): ByteWindow => (start ? { from, to, first: start } : { from, to });
  for (;;) {
    if (!(await reader.need(4))) break;
    const frame = mp3FrameAt(reader.bytes, 0);
    if (!frame || frame.kind !== first.kind) {
      // ID3v1 or APE tags, or damage: look for the next frame (window-frames.ts passes over it
      // too). The next window's warm-up starts after it.
      if (!(await syncMp3(reader, first))) break;
      recent.length = 0;
      continue;
    }
    const offset = reader.offset;
    if (index > 0 && index % perWindow === 0) {
      found.push(window(offset));
      from = offset;
      // A few frames early, unless a tag or damage came just before.
      start = recent.length ? { at: recent[0], frame: index - recent.length } : { at: offset, frame: index };
      if (performance.now() - handed > PROGRESS_MS) {
        onMore(found.splice(0));
        handed = performance.now();
      }
    }
    recent.push(offset);
    if (recent.length > PREROLL_FRAMES) recent.shift();
    index++;
    if (!(await reader.passTo(offset + frame.length))) break;
  }
  found.push(window(job.size));
  onMore(found);
  return headersOnly(job);
}

/** Skips to the next frame header (of `like`'s kind, and followed by another frame); null at the end. */
export async function syncMp3(reader: ByteReader, like: Mp3Frame | null): Promise<Mp3Frame | null> {
  for (let scanned = 0; scanned < 1 << 20; ) {
    if (!(await reader.need(4))) return null;
    await reader.need(Math.min(8192, reader.available + 4096));
    const bytes = reader.bytes;
    const found = mp3Sync(bytes, 0, like?.kind ?? null, reader.done);
    if (found.at >= 0 && !found.more) {
      reader.skip(found.at);
      return mp3FrameAt(reader.bytes, 0);
    }
    const step = Math.max(1, found.at >= 0 ? found.at : bytes.length - 3);
    reader.skip(step);
    scanned += step;
    if (reader.done && reader.available < 4) return null;
  }
  return null;
}

async function decodeOgg(job: Job): Promise<Peaks | null> {
  const { reader } = job;
  const packets = new OggPackets();
  const headerPages: Uint8Array[] = [];
  const headers: Uint8Array[] = [];
  let codec: OggCodec | null = null;
  let serial = -1;
  let decoder: (PieceDecoder & { kind: 'webcodecs' | 'chunked' }) | null = null;
  let granule = 0;
  let sawLast = false;
  try {
    for (;;) {
      if (!(await reader.need(27))) break;
      if (!isOgg(reader.bytes)) {
        // Damage: find the next page.
        const next = reader.bytes.indexOf(0x4f, 1);
        reader.skip(next > 0 ? next : reader.available);
        continue;
      }
      const needs = oggPageNeeds(reader.bytes, 0);
      if (!(await reader.need(needs))) break;
      const bytes = reader.bytes;
      const page = oggPageAt(bytes, 0);
      if (!page) {
        reader.skip(1);
        continue;
      }
      if (serial === -1) serial = page.serial;
      if (page.serial !== serial) {
        reader.skip(page.length);
        continue;
      }
      const done = packets.push(page, bytes.subarray(page.headerLength, page.length));
      if (!decoder) {
        headerPages.push(bytes.slice(0, page.length));
        headers.push(...done);
        codec ??= headers.length ? oggCodecOf(headers[0]) : null;
        if (headers.length && !codec) return null;
        reader.skip(page.length);
        if (!codec || headers.length < codec.headerPackets) continue;
        decoder = await oggDecoder(job, codec, headers, headerPages, serial);
        granule = page.granule > 0 ? page.granule : 0;
        continue;
      }
      const c = codec!;
      if (decoder.kind === 'chunked') {
        // Placed by the granule before the page: decodeAudioData drops the pre-skip from each run.
        await decoder.decode(bytes.subarray(0, page.length), granule / c.granuleRate);
      } else {
        for (const packet of done) await decoder.decode(packet, granule / c.granuleRate);
      }
      if (page.granule >= 0) granule = page.granule;
      // The first page at or past this window's end is ours too: the next window only reads its clock.
      const windowEnds = reader.offset >= job.until;
      reader.skip(page.length);
      report(job);
      if (page.isLast || windowEnds) {
        sawLast = true;
        break;
      }
    }
    await decoder?.flush();
  } finally {
    decoder?.close();
  }
  if (!decoder) throw new DecodeError(`${job.url} ends inside its Ogg headers.`);
  return finish(job, sawLast ? null : `${job.url} ends early: its last Ogg page is missing.`);
}

/** A decoder for the stream's codec, and the sink sized by the file's last granule. */
async function oggDecoder(job: Job, codec: OggCodec, headers: Uint8Array[], headerPages: Uint8Array[], serial: number): Promise<PieceDecoder & { kind: 'webcodecs' | 'chunked' }> {
  const exact = await oggDuration(job, codec, serial);
  const seconds = exact ?? (job.size * 8) / (codec.codec === 'opus' ? 32000 : 64000);
  const sink = (job.sink = new PeakSink(codec.sampleRate, seconds || 3600));
  const config: AudioDecoderConfig =
    codec.codec === 'opus'
      ? { codec: 'opus', sampleRate: 48000, numberOfChannels: codec.channels, description: headers[0] }
      : { codec: 'vorbis', sampleRate: codec.sampleRate, numberOfChannels: codec.channels, description: vorbisDescription(headers.slice(0, 3)) };
  const header = new Uint8Array(headerPages.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of headerPages) {
    header.set(p, at);
    at += p.length;
  }
  if (job.options.webCodecs !== false && (await webCodecsSupports(config))) {
    // Opus only: a fresh Vorbis decoder swallows its first packet, which would shift each window.
    if (codec.codec === 'opus' && exact) planWindows(job, { kind: 'ogg', config, serial, preSkip: codec.preSkip, granuleRate: codec.granuleRate, header }, job.reader.offset, exact);
    return { ...webCodecsDecoder(config, sink, -codec.preSkip / 48000), kind: 'webcodecs' };
  }
  if (!job.options.page) throw new NeedsPage(`no ${codec.codec} decoder in this worker`);
  return { ...chunkedDecoder(header, sink), kind: 'chunked' };
}

/** Seconds in the file, from its last page's granule (one small range read), or null. */
async function oggDuration(job: Job, codec: OggCodec, serial: number): Promise<number | null> {
  if (!job.size) return null;
  try {
    const tail = await fetch(job.url, { headers: { range: `bytes=${Math.max(0, job.size - 65536)}-` }, ...(job.options.signal ? { signal: job.options.signal } : {}) });
    if (tail.status !== 206) {
      void tail.body?.cancel().catch(() => undefined);
      return null;
    }
    const granule = lastGranule(new Uint8Array(await tail.arrayBuffer()), serial);
    return granule > 0 ? Math.max(0, granule - codec.preSkip) / codec.granuleRate : null;
  } catch {
    return null;
  }
}

/** Larger than any audio track's index: a file that claims more is not one to buffer. */
const MAX_MOOV = 64 << 20;

/**
 * MP4/M4A (AAC): the index (`moov`) read first — from the start, or with one range read of the end
 * where ffmpeg and most encoders put it — then the samples streamed in file order through
 * WebCodecs. Null when this is no AAC track or WebCodecs can't decode it (the whole-file decoder's turn).
 */
async function decodeMp4(job: Job): Promise<Peaks | null> {
  const { reader } = job;
  let track: Mp4Track | null = null;
  for (;;) {
    if (!(await reader.need(16))) return null;
    const box = boxAt(reader.bytes, 0, job.size ? job.size - reader.offset : Infinity);
    if (!box || box.end < 8) return null;
    if (box.type === 'moov') {
      if (box.end > MAX_MOOV || !(await reader.need(box.end))) return null;
      track = audioTrack(reader.bytes.subarray(0, box.end));
      if (!track) return null;
      reader.skip(box.end);
    } else if (box.type === 'mdat') {
      track ??= await moovAfter(job, reader.offset + box.end);
      if (!track) return null;
      break;
    } else if (!(await reader.passTo(reader.offset + box.end))) return null;
  }
  const config: AudioDecoderConfig = { codec: track.codec, sampleRate: track.codec === 'opus' ? 48000 : track.sampleRate, numberOfChannels: track.channels, description: track.description };
  if (job.options.webCodecs === false || !(await webCodecsSupports(config))) {
    if (!job.options.page) throw new NeedsPage(`no ${track.codec} decoder in this worker`);
    return null;
  }
  const sink = (job.sink = new PeakSink(track.sampleRate, track.duration || 3600));
  // AAC-LC, 1024 samples a frame, in file order: a sample's index tells its time, so any stretch of
  // the file can be read on its own.
  if (track.codec === 'mp4a.40.2' && track.duration && inFileOrder(track.offsets)) {
    planWindows(job, { kind: 'mp4', config, offsets: track.offsets, sizes: track.sizes, frameSamples: 1024, skip: track.skip, sampleRate: track.sampleRate }, track.offsets[0], track.duration);
    if (job.until <= track.offsets[0]) return headersOnly(job);
  }
  // The encoder's priming samples, which the edit list says to skip, come out of the decoder first.
  const decoder = webCodecsDecoder(config, sink, -track.skip);
  let truncated: string | null = null;
  try {
    for (let i = 0; i < track.sizes.length; i++) {
      const offset = track.offsets[i];
      if (offset >= job.until) break;
      // Samples out of file order would need a second read: rare in audio files; skipped.
      if (offset < reader.offset) continue;
      if (!(await reader.passTo(offset)) || !(await reader.need(track.sizes[i]))) {
        truncated = `${job.url} ends early: ${i} of its ${track.sizes.length} audio samples.`;
        break;
      }
      await decoder.decode(reader.bytes.subarray(0, track.sizes[i]), 0);
      reader.skip(track.sizes[i]);
      report(job);
    }
    await decoder.flush();
  } finally {
    decoder.close();
  }
  reader.cancel();
  return finish(job, truncated);
}

/** The file is planned and every window is the page's: no points from here. */
function headersOnly(job: Job): Peaks {
  job.reader.cancel();
  return job.sink!.result();
}

function inFileOrder(offsets: Float64Array): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) return false;
  return offsets.length > 0;
}

/** The `moov` after the media data, by one range read from `from` to the end; null if none. */
async function moovAfter(job: Job, from: number): Promise<Mp4Track | null> {
  if (!job.size || from >= job.size) return null;
  try {
    const tail = await fetch(job.url, { headers: { range: `bytes=${from}-` }, ...(job.options.signal ? { signal: job.options.signal } : {}) });
    if (tail.status !== 206 || job.size - from > MAX_MOOV) {
      void tail.body?.cancel().catch(() => undefined);
      return null;
    }
    const bytes = new Uint8Array(await tail.arrayBuffer());
    for (let at = 0; at + 8 <= bytes.length; ) {
      const box = boxAt(bytes, at, bytes.length);
      if (!box || box.end <= at) return null;
      if (box.type === 'moov') return audioTrack(bytes.subarray(at, box.end));
      at = box.end;
    }
  } catch {
    // No ranges, or the network failed: the whole-file decoder will say.
  }
  return null;
}

/** Bytes of a WebM handed to its demuxer at a time. */
const WEBM_PIECE = 16 * 1024;

/**
 * WebM (Opus, Vorbis; a video's sound too): each block of the audio track to WebCodecs as it
 * arrives, video frames passed over unread. Null where the file has no Opus or Vorbis track (other
 * Matroska) or WebCodecs can't decode it, for the whole-file decoder.
 */
async function decodeWebm(job: Job): Promise<Peaks | null> {
  const { reader } = job;
  const demuxer = new WebmDemuxer();
  let decoder: PieceDecoder | null = null;
  let planned = false;
  let seconds = 0;
  let config: AudioDecoderConfig | null = null;
  try {
    while (await reader.need(1)) {
      // The frames are views of the reader's bytes: all sent on before the next read. In pieces, so
      // the head is read, and the windows planned, before the clusters after it are (one network
      // read held half a megabyte: minutes of audio this worker decoded slowly on its own).
      const piece = reader.bytes.subarray(0, Math.min(reader.available, WEBM_PIECE));
      const frames = demuxer.push(piece);
      reader.skip(piece.length);
      if (demuxer.unsupported) return null;
      const track = demuxer.track;
      if (!decoder && track) {
        config = { codec: track.codec, sampleRate: track.codec === 'opus' ? 48000 : track.sampleRate, numberOfChannels: track.channels, description: track.description };
        if (job.options.webCodecs === false || !(await webCodecsSupports(config))) return null;
        // MediaRecorder writes no duration: guessed from the size at 48 kb/s until the end shows.
        seconds = demuxer.duration ?? ((job.size * 8) / 48000 || 3600);
        job.sink = new PeakSink(track.sampleRate, seconds);
        decoder = webCodecsDecoder(config, job.sink, -track.delay);
        planned = track.codec !== 'opus';
      }
      if (!planned && frames.length && track && config) {
        // This worker reads the clusters that start before the first window's end. Its decoder
        // places the first block at 0 s whatever its timecode: the windows count from that block.
        planWindows(job, { kind: 'webm', track, scale: demuxer.scale, config, origin: frames[0].time }, reader.offset, seconds);
        demuxer.stopAt = job.until;
        planned = true;
      }
      for (const frame of frames) await decoder?.decode(frame.data, frame.time);
      report(job);
      if (demuxer.stopped) break;
    }
    await decoder?.flush();
    if (demuxer.stopped) reader.cancel();
  } catch (error) {
    throw error instanceof WebmError ? new DecodeError(`${job.url}: ${error.message}.`) : error;
  } finally {
    decoder?.close();
  }
  if (!decoder) throw new DecodeError(`${job.url} ends before its audio track is described.`);
  return finish(job, demuxer.partway ? `${job.url} ends early, inside a block.` : null);
}

/** The browser decodes the whole file (MP4, WebM, FLAC…): on the page, at a low rate. */
async function decodeWhole(job: Job): Promise<Peaks> {
  if (!job.options.page) throw new NeedsPage('this format is decoded on the page');
  const { reader } = job;
  const parts: Uint8Array[] = [];
  while (await reader.need(reader.available + 1)) {
    parts.push(reader.bytes.slice());
    reader.skip(reader.available);
  }
  if (reader.available) parts.push(reader.bytes.slice());
  const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    file.set(p, at);
    at += p.length;
  }
  parts.length = 0;
  let audio: AudioBuffer;
  try {
    audio = await new OfflineAudioContext(1, 1, 8000).decodeAudioData(file.buffer);
  } catch (error) {
    throw new DecodeError(`Could not decode the audio of ${job.url}: ${messageOf(error)}.`);
  }
  const channels = Array.from({ length: audio.numberOfChannels }, (_, c) => audio.getChannelData(c));
  return peaksFromSamples(channels, audio.sampleRate, samplesPerPoint(audio.sampleRate, audio.length));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
