/**
 * The decode worker: a file of its own next to decode.ts, started as a module worker so a strict
 * CSP (`worker-src 'self'`) allows it. It decodes one URL — or one window of a long one — and
 * posts peaks as they come; the page ends it after its one job.
 */
import { DecodeError, NeedsPage } from './errors.js';
import { decodeStream, messageOf, type DecodeProgress } from './stream-decode.js';
import { decodeWindow } from './window-decode.js';
import type { ByteWindow, WindowPlan } from './window-plan.js';
import type { Peaks } from '../peaks.js';

/**
 * The whole file (given `windowSeconds`, a long one's headers and first window only, or the walk
 * over a variable-rate MP3's frame headers), or one window of a WAV (or, where the page's
 * decodeAudioData cannot, an Opus).
 */
export type DecodeRequest = { url: string; windowSeconds?: number; pageDecodes?: boolean } | { url: string; plan: WindowPlan; window: ByteWindow };
export type DecodeReply =
  | { kind: 'ready' }
  | { kind: 'progress'; progress: DecodeProgress }
  /** This long file is read in windows: this worker reads the first, the page starts the rest. */
  | { kind: 'windows'; plan: WindowPlan }
  /** More of them, as this worker's walk over a variable-rate MP3 finds them. */
  | { kind: 'more-windows'; windows: ByteWindow[] }
  | { kind: 'peaks'; peaks: Peaks }
  /** A window is in. */
  | { kind: 'done' }
  | { kind: 'error'; message: string; partial: Peaks | null }
  /** Decode this file on the page (it needs `decodeAudioData`). */
  | { kind: 'page'; reason: string };

// The DOM typings only: a worker's global, as much of it as is used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

const buffers = (peaks: Peaks | null) => (peaks ? [peaks.min.buffer, peaks.max.buffer] : []);

const onProgress = (progress: DecodeProgress) => scope.postMessage({ kind: 'progress', progress }, [progress.slice.min.buffer, progress.slice.max.buffer]);

scope.onmessage = async ({ data }) => {
  try {
    if ('plan' in data) {
      await decodeWindow(data.url, data.plan, data.window, { onProgress });
      scope.postMessage({ kind: 'done' });
      return;
    }
    const peaks = await decodeStream(data.url, {
      page: false,
      onProgress,
      ...(data.windowSeconds
        ? {
            windowSeconds: data.windowSeconds,
            pageDecodes: data.pageDecodes === true,
            onWindows: (plan: WindowPlan) => scope.postMessage({ kind: 'windows', plan }),
            onMoreWindows: (windows: ByteWindow[]) => scope.postMessage({ kind: 'more-windows', windows }),
          }
        : {}),
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
