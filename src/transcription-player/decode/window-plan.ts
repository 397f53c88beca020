/**
 * A long file read in windows: what the first window (read from the top) learnt that lets any
 * later stretch be decoded on its own, from a byte range, in a worker of its own. Plain data: it
 * crosses postMessage.
 */
import type { WavFormat } from './wav.js';
import type { Mp3Frame } from './mp3-frames.js';
import type { WebmTrack } from './webm-blocks.js';

/** Frames decoded before a window's first: MP3's bit reservoir reaches back up to 511 bytes, AAC's frames overlap. */
export const PREROLL_FRAMES = 4;

export type WindowFormat =
  | { kind: 'wav'; format: WavFormat; dataStart: number; dataEnd: number }
  /**
   * Constant rate: frame n starts near dataStart + n × frameBytes. `variable`: a variable rate,
   * where no offset tells a frame's index: the windows come from the worker's walk over the frame
   * headers, each with its `first` (frameBytes is then the mean, for reading a little past a window).
   */
  | { kind: 'mp3'; first: Mp3Frame; dataStart: number; frameBytes: number; lead: number; config: AudioDecoderConfig; frames: number | null; variable?: true }
  /**
   * Opus: each page's granule is the time of the packets after it. `header`: the stream's header
   * pages, which make any run of pages after them a file `decodeAudioData` reads.
   */
  | { kind: 'ogg'; config: AudioDecoderConfig; serial: number; preSkip: number; granuleRate: number; header: Uint8Array }
  /**
   * Opus in WebM: every block carries its time, so a window is its clusters (from the first that
   * starts in it to the first that starts past it), read with the track the head described.
   * `scale`: seconds per timecode tick; `origin`: the first block's time, heard at 0 s.
   */
  | { kind: 'webm'; track: WebmTrack; scale: number; config: AudioDecoderConfig; origin: number }
  /** AAC-LC in file order: sample i is frame i. */
  | { kind: 'mp4'; config: AudioDecoderConfig; offsets: Float64Array; sizes: Uint32Array; frameSamples: number; skip: number; sampleRate: number };

export interface WindowPlan {
  format: WindowFormat;
  /** Every window's sink is made from these, so all have the same points per second. */
  sampleRate: number;
  seconds: number;
  rate: number;
  samplesPerPoint: number;
  size: number;
  /** Where the audio starts (after the headers). */
  dataStart: number;
  /** Where the first window (the caller's) stops; each later one is `step` bytes long. */
  firstEnd: number;
  step: number;
  /** Where the whole file's peaks are cached, once every window is in. */
  cacheKey: string | null;
}

/** One window: bytes [from, to) of the file. */
export interface ByteWindow {
  from: number;
  to: number;
  /**
   * A variable-rate MP3's: where its reading starts (a few frames before `from`, for the bit
   * reservoir) and that frame's index in the file.
   */
  first?: { at: number; frame: number };
}

/** The windows after the first, in file order (a variable-rate MP3's come from the worker instead). */
export function laterWindows(plan: WindowPlan): ByteWindow[] {
  const out: ByteWindow[] = [];
  if (plan.format.kind === 'mp3' && plan.format.variable) return out;
  for (let from = plan.firstEnd; from < plan.size; from += plan.step) out.push({ from, to: Math.min(plan.size, from + plan.step) });
  return out;
}

/** About where in the recording (seconds) byte `offset` is: for choosing which window comes next. */
export function timeOfByte(plan: WindowPlan, offset: number): number {
  const start = plan.dataStart;
  return (Math.max(0, offset - start) / Math.max(1, plan.size - start)) * plan.seconds;
}
