/**
 * The decode worker: a file of its own next to decode.ts, started as a module worker so a strict
 * CSP (`worker-src 'self'`) allows it. It decodes one URL and posts peaks as they come.
 */
import { DecodeError, NeedsPage } from './errors.js';
import { decodeStream, messageOf, type DecodeProgress } from './stream-decode.js';
import type { Peaks } from '../peaks.js';

export type DecodeRequest = { url: string };
export type DecodeReply =
  | { kind: 'ready' }
  | { kind: 'progress'; progress: DecodeProgress }
  | { kind: 'peaks'; peaks: Peaks }
  | { kind: 'error'; message: string; partial: Peaks | null }
  /** Decode this file on the page (it needs `decodeAudioData`). */
  | { kind: 'page'; reason: string };

// The DOM typings only: a worker's global, as much of it as is used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

const buffers = (peaks: Peaks | null) => (peaks ? [peaks.min.buffer, peaks.max.buffer] : []);

scope.onmessage = async ({ data }) => {
  try {
    const peaks = await decodeStream(data.url, {
      page: false,
      onProgress: (progress) => scope.postMessage({ kind: 'progress', progress }, [progress.slice.min.buffer, progress.slice.max.buffer]),
    });
    scope.postMessage({ kind: 'peaks', peaks }, buffers(peaks));
  } catch (error) {
    if (error instanceof NeedsPage) scope.postMessage({ kind: 'page', reason: error.message });
    else {
      const partial = error instanceof DecodeError ? error.partial : null;
      scope.postMessage({ kind: 'error', message: messageOf(error), partial }, buffers(partial));
    }
  }
};
scope.postMessage({ kind: 'ready' });
