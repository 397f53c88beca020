/**
 * A window's frames (window-frames.ts) decoded on the page by `decodeAudioData`, in one call, and
 * reduced to peaks (MP3; AAC as ADTS; Opus pages behind the stream's header pages). Chromium
 * decodes each call on a thread of its own pool, so windows in flight use every core, with no JavaScript per frame: WebCodecs' AudioDecoder costs ~30–50 µs of output
 * objects and copies per MP3 frame, and its decoders share one media thread however many workers
 * hold them. Measured on bench:player's hour of MP3, decode alone, in one run: WebCodecs 3.2 s in
 * one worker, 2.7 s in two; `decodeAudioData` on 1 MB runs 1.76 s one at a time, 1.28 s two at a
 * time, 1.14 s three at a time; wavesurfer.js's one whole-file call 2.03 s.
 */
import { adtsHeaders } from './adts.js';
import { PeakSink } from './peak-sink.js';
import { reportProgress } from './progress.js';
import { releaseBuffer } from './release-buffer.js';
import { DecodeError } from './errors.js';
import type { DecodeProgress } from './stream-decode.js';
import { UnseenMemory } from './unseen-memory.js';
import type { WindowFrames } from './window-frames.js';
import type { WindowPlan } from './window-plan.js';

/**
 * The rate the browser decodes to. At the file's own rate up to this one, nothing is resampled
 * (resampling an hour of 16 kHz MP3 to 8 kHz cost 0.5 s of 2 s); above it, resampled to keep a
 * window's samples small (two minutes of 44.1 kHz stereo would be 42 MB of floats).
 */
const MAX_DECODE_RATE = 16_000;

/**
 * Whether `plan`'s windows are decoded this way here (the page; a constant-rate MP3, AAC that ADTS
 * can carry, Opus behind its header pages, a WebM's Opus written as Ogg). Opus in Ogg is not every
 * browser's `decodeAudioData`: where a window is refused, the windows go to WebCodecs in workers
 * instead (decode.ts).
 */
export function audioDataDecodes(plan: WindowPlan): boolean {
  if (typeof OfflineAudioContext === 'undefined') return false;
  const { format } = plan;
  return format.kind === 'mp3' || format.kind === 'ogg' || format.kind === 'webm' || (format.kind === 'mp4' && adtsHeaders(format.config.description as Uint8Array) !== null);
}

/**
 * Windows decoded at once besides the first: one per core in all. The browser's own threads do
 * the work, the page only reduces. Measured on bench:player's hour of MP3 (2 cores), in one
 * minute: one at a time 2.5–2.8 s, renderer peak +87–95 MB; two 1.9–2.0 s, +91 MB; three
 * 1.7–1.9 s, +101–105 MB (wavesurfer.js 2.3–2.4 s, +556–580 MB).
 */
export const AUDIO_DATA_PARALLEL = Math.max(1, Math.min(3, (typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2) - 1));

/**
 * The context that decodes all of a file's windows. One context per window held its resources
 * until the page's next collection.
 */
export function audioDataContext(plan: WindowPlan): OfflineAudioContext {
  const { format } = plan;
  // Opus' own rate is in its header (plan.sampleRate); it decodes at 48 kHz whatever it was.
  const rate = format.kind === 'mp3' ? format.first.sampleRate : format.kind === 'mp4' ? format.sampleRate : plan.sampleRate;
  return new OfflineAudioContext(1, 1, Math.min(MAX_DECODE_RATE, rate));
}

/**
 * The bytes handed to `decodeAudioData` after which the collector is told (unseen-memory.ts): the
 * windows' compressed bytes are kept to about this until their collection.
 */
const UNSEEN_LIMIT = 8 << 20;
const unseen = new UnseenMemory(UNSEEN_LIMIT);

/** Decodes `frames` and reports their points through `onProgress`. */
export async function decodeFrames(frames: WindowFrames, plan: WindowPlan, context: BaseAudioContext, onProgress?: (progress: DecodeProgress) => void): Promise<void> {
  const sink = new PeakSink(plan.sampleRate, plan.seconds, { from: frames.time, to: frames.end + 1 });
  let audio: AudioBuffer;
  try {
    // decodeAudioData takes the buffer it is given (frames.bytes is its own), and keeps it.
    unseen.add(frames.bytes.byteLength);
    audio = await context.decodeAudioData(frames.bytes.buffer as ArrayBuffer);
  } catch (error) {
    throw new DecodeError(`Could not decode the frames at ${Math.round(frames.time)} s: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const channels = Array.from({ length: audio.numberOfChannels }, (_, c) => audio.getChannelData(c));
  try {
    sink.write(frames.time, channels, audio.sampleRate);
  } finally {
    for (const samples of channels) releaseBuffer(samples.buffer);
  }
  reportProgress({ reported: 0 }, sink, onProgress, () => 1, true);
}
