/**
 * Two ways to turn compressed pieces into samples, both reducing each piece to peaks at once and
 * dropping it: WebCodecs' AudioDecoder (packets in, in workers too), and, where it is missing,
 * `decodeAudioData` on runs of whole MP3 frames or Ogg pages (main thread only) — never the whole
 * file at once.
 */
import type { PeakSink } from './peak-sink.js';

export interface PieceDecoder {
  /** Decodes `data`, which starts at `time` seconds; resolves when more may be sent. */
  decode(data: Uint8Array, time: number): Promise<void>;
  /** Resolves when everything sent is in the sink. */
  flush(): Promise<void>;
  close(): void;
}

/**
 * Chunks queued in the decoder before we wait (enough to keep it busy, little memory), and how far
 * it drains before we go on: one wake-up per few dozen frames, not one per frame.
 */
const QUEUE_HIGH = 48;
const QUEUE_LOW = 16;

/** Whether this context's WebCodecs decodes `config`. */
export async function webCodecsSupports(config: AudioDecoderConfig): Promise<boolean> {
  if (typeof AudioDecoder === 'undefined') return false;
  try {
    return (await AudioDecoder.isConfigSupported(config)).supported === true;
  } catch {
    return false;
  }
}

/**
 * Decodes with WebCodecs. Outputs come in input order, so each lands after the one before,
 * starting at `start` seconds (negative for Opus' pre-skip, which the sink drops).
 */
export function webCodecsDecoder(config: AudioDecoderConfig, sink: PeakSink, start = 0): PieceDecoder {
  let position = start;
  let failure: unknown = null;
  let planes: Float32Array[] = [];
  const decoder = new AudioDecoder({
    output(audio) {
      const frames = audio.numberOfFrames;
      const channels = audio.numberOfChannels;
      if (planes.length !== channels || planes[0].length < frames) planes = Array.from({ length: channels }, () => new Float32Array(frames));
      const views = planes.map((plane, c) => {
        const view = plane.subarray(0, frames);
        audio.copyTo(view, { planeIndex: c, format: 'f32-planar' });
        return view;
      });
      sink.write(position, views, audio.sampleRate, frames);
      position += frames / audio.sampleRate;
      audio.close();
    },
    error(error) {
      failure = error;
    },
  });
  decoder.configure(config);
  const check = () => {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  };
  return {
    async decode(data, time) {
      check();
      decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: Math.round(time * 1e6), data }));
      if (decoder.decodeQueueSize <= QUEUE_HIGH) return;
      while (decoder.decodeQueueSize > QUEUE_LOW && !failure) await new Promise((resolve) => decoder.addEventListener('dequeue', resolve, { once: true }));
      check();
    },
    async flush() {
      check();
      await decoder.flush();
      check();
    },
    close() {
      if (decoder.state !== 'closed') decoder.close();
    },
  };
}

/** Bytes per decodeAudioData call: about a minute of speech, a few MB of PCM at most. */
const RUN_BYTES = 512 * 1024;
/** A waveform needs no more; decodeAudioData resamples to the context's rate. */
const DECODE_RATE = 8000;

/**
 * Decodes runs of pieces with `decodeAudioData`, each run prefixed with `header` (Ogg's header
 * pages) so it is a file of its own, and placed at the time of its first piece.
 */
export function chunkedDecoder(header: Uint8Array | null, sink: PeakSink): PieceDecoder {
  let parts: Uint8Array[] = [];
  let bytes = 0;
  let runStart = 0;
  const run = async () => {
    if (!parts.length) return;
    const file = new Uint8Array((header?.length ?? 0) + bytes);
    let at = 0;
    if (header) {
      file.set(header);
      at = header.length;
    }
    for (const p of parts) {
      file.set(p, at);
      at += p.length;
    }
    parts = [];
    bytes = 0;
    const context = new OfflineAudioContext(1, 1, DECODE_RATE);
    const audio = await context.decodeAudioData(file.buffer);
    const channels = Array.from({ length: audio.numberOfChannels }, (_, c) => audio.getChannelData(c));
    sink.write(runStart, channels, audio.sampleRate);
  };
  return {
    async decode(data, time) {
      if (!parts.length) runStart = time;
      // The parser's views are reused: keep a copy.
      parts.push(data.slice());
      bytes += data.length;
      if (bytes >= RUN_BYTES) await run();
    },
    flush: run,
    close() {
      parts = [];
    },
  };
}
