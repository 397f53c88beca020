/**
 * `kolam/peaks`, for the host's server (Node): any audio or video file streamed through the
 * system's `ffmpeg` (Debian's package; audiowaveform itself is not packaged there) into
 * audiowaveform JSON v2 — what `<kolam-transcription-player>`'s `peaks` property takes, so the
 * browser never decodes long files. Memory stays flat: samples are reduced as ffmpeg emits them.
 *
 *   import { peaksFromFile } from 'kolam/peaks.js';
 *   const json = await peaksFromFile('interview.m4a');          // or a Readable stream
 *
 * Importing this in a browser (or any entry in Node) does nothing; only calling it starts ffmpeg.
 */
import type { AudiowaveformJson } from './transcription-player/peaks.js';

export type { AudiowaveformJson };

export interface PeaksOptions {
  /** Input samples per output point, at the file's rate (audiowaveform's `-z`; default 256). */
  samplesPerPixel?: number;
  /** 8 or 16 (audiowaveform's `-b`; default 16). */
  bits?: 8 | 16;
  /** The ffmpeg to run (default `ffmpeg` on the PATH). */
  ffmpeg?: string;
}

/** The parts of Node's child process used here (the package's types need no @types/node). */
interface Child {
  stdout: AsyncIterable<Uint8Array>;
  stderr: AsyncIterable<Uint8Array>;
  stdin: { end(): void; on(event: 'error', listener: () => void): void } & object;
  on(event: 'close', listener: (code: number | null) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
type Spawn = (command: string, args: string[], options: object) => Child;
type Pipeline = (...streams: unknown[]) => Promise<void>;

export class PeaksFileError extends Error {}

/** A named module kept out of sight of browser bundlers: this entry must bundle for any target. */
const nodeModule = (name: string) => import(/* @vite-ignore */ `node:${name}`);

/**
 * audiowaveform JSON v2, one channel (the channels mixed, as a waveform row shows), for the file at
 * `input` (a path or URL ffmpeg can read) or the bytes of a Readable stream.
 */
export async function peaksFromFile(input: string | AsyncIterable<Uint8Array>, options: PeaksOptions = {}): Promise<AudiowaveformJson> {
  const perPixel = Math.max(1, Math.floor(options.samplesPerPixel ?? 256));
  const bits = options.bits === 8 ? 8 : 16;
  const { spawn } = (await nodeModule('child_process')) as { spawn: Spawn };
  const fromStream = typeof input !== 'string';
  const child = spawn(options.ffmpeg ?? 'ffmpeg', ['-hide_banner', '-nostdin', '-i', fromStream ? 'pipe:0' : input, '-vn', '-ac', '1', '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'], {
    stdio: [fromStream ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) => reject(new PeaksFileError(`Could not run ffmpeg: ${error.message}`)));
    child.on('close', resolve);
  });
  let fed: Promise<void> = Promise.resolve();
  if (fromStream) {
    const { pipeline } = (await nodeModule('stream/promises')) as { pipeline: Pipeline };
    // ffmpeg may stop reading early (a bad file): that is its error to report, not a crash here.
    child.stdin.on('error', () => undefined);
    fed = pipeline(input, child.stdin).catch(() => undefined);
  }
  let log = '';
  const logged = (async () => {
    for await (const chunk of child.stderr) log = (log + new TextDecoder().decode(chunk)).slice(-20_000);
  })();

  const data: number[] = [];
  const scale = bits === 8 ? 1 / 256 : 1;
  let lo = 0;
  let hi = 0;
  let inPoint = 0;
  let carry: number | null = null;
  const push = () => {
    data.push(Math.floor(lo * scale), Math.floor(hi * scale));
    lo = hi = inPoint = 0;
  };
  for await (const chunk of child.stdout) {
    let at = 0;
    // A sample split across two reads.
    if (carry !== null) {
      const v = ((chunk[0] << 8) | carry) << 16 >> 16;
      carry = null;
      at = 1;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (++inPoint === perPixel) push();
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (; at + 1 < chunk.length; at += 2) {
      const v = view.getInt16(at, true);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (++inPoint === perPixel) push();
    }
    if (at < chunk.length) carry = chunk[at];
  }
  if (inPoint > 0) push();
  const [code] = await Promise.all([exited, logged, fed]);
  if (code !== 0) throw new PeaksFileError(`ffmpeg could not read the audio (exit ${code}): ${log.trim().split('\n').slice(-3).join(' ')}`);
  // The rate of the samples ffmpeg wrote: its output stream's line ("Audio: pcm_s16le, 16000 Hz").
  const rate = Number(/Output #0[\s\S]*?Audio: pcm_s16le[^,]*, (\d+) Hz/.exec(log)?.[1]);
  if (!data.length || !rate) throw new PeaksFileError(`ffmpeg found no audio in the input: ${log.trim().split('\n').slice(-3).join(' ')}`);
  return { version: 2, channels: 1, sample_rate: rate, samples_per_pixel: perPixel, bits, length: data.length / 2, data };
}
