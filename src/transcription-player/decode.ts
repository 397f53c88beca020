/**
 * Peaks for a media URL when the host gave none: PCM WAV is reduced to peaks in a worker as it
 * streams; other formats (mp3, ogg, webm…) are decoded by the browser — `decodeAudioData` runs off
 * the main thread — at a low sample rate, which is all a waveform needs. Long compressed files should
 * come with precomputed peaks (the `peaks` property).
 */
import { peaksFromSamples, samplesPerPoint, type Peaks } from './peaks.js';
import { wavPeaksWorker, type WavWorkerReply } from './wav-stream.js';

/** Enough for the envelope a waveform shows, and the lowest rate Chromium's contexts accept ×2. */
const DECODE_RATE = 8000;

let workerUrl: string | undefined;

function startWorker(): Worker | null {
  try {
    workerUrl ??= URL.createObjectURL(new Blob([`(${wavPeaksWorker.toString()})()`], { type: 'text/javascript' }));
    return new Worker(workerUrl);
  } catch {
    // A Content-Security-Policy without `worker-src blob:`: decode on the page instead.
    return null;
  }
}

/** Decodes compressed audio at a low rate into peaks. */
async function decodeBytes(buffer: ArrayBuffer): Promise<Peaks> {
  // The length only sizes the context; decodeAudioData resamples to its rate whatever the file.
  const context = new OfflineAudioContext(1, 1, DECODE_RATE);
  const audio = await context.decodeAudioData(buffer);
  const channels = Array.from({ length: audio.numberOfChannels }, (_, c) => audio.getChannelData(c));
  return peaksFromSamples(channels, audio.sampleRate, samplesPerPoint(audio.sampleRate, audio.length));
}

export class DecodeError extends Error {}

/** Peaks for `url`; rejects with `DecodeError` when the file cannot be read or decoded. */
export async function loadPeaks(url: string, signal?: AbortSignal): Promise<Peaks> {
  const absolute = new URL(url, document.baseURI).href;
  const worker = startWorker();
  if (!worker) {
    const response = await fetch(absolute, signal ? { signal } : {});
    if (!response.ok) throw new DecodeError(`Could not fetch ${url}: HTTP ${response.status}.`);
    return decodeOrFail(await response.arrayBuffer(), url);
  }
  const reply = await new Promise<WavWorkerReply>((resolve) => {
    const stop = () => {
      worker.terminate();
      resolve({ kind: 'error', message: 'aborted' });
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<WavWorkerReply>) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve({ kind: 'error', message: 'the worker failed' });
    };
    worker.postMessage({ url: absolute });
  });
  if (reply.kind === 'peaks') return { rate: reply.rate, min: reply.min, max: reply.max };
  if (reply.kind === 'bytes') return decodeOrFail(reply.buffer, url);
  throw new DecodeError(`Could not read ${url}: ${reply.message}.`);
}

async function decodeOrFail(buffer: ArrayBuffer, url: string): Promise<Peaks> {
  try {
    return await decodeBytes(buffer);
  } catch (error) {
    throw new DecodeError(`Could not decode the audio of ${url}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
