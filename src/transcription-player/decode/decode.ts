/**
 * Peaks for a media URL when the host gave none. Loaded on demand (a host that gives `peaks` never
 * downloads it). Decoding runs in a worker started from the file next to this module; when the
 * worker cannot start, fails at any point, or the file needs `decodeAudioData` (a page-only API),
 * the same streaming decode runs on the page instead, in pieces between network reads.
 */
import type { Peaks } from '../peaks.js';
import type { DecodeReply } from './decode-worker.js';
import { DecodeError } from './errors.js';
import { decodeStream, type DecodeProgress } from './stream-decode.js';
import { hasTrustedTypes, trustedScriptUrl } from './trusted-script-url.js';

export { DecodeError };
export type { DecodeProgress };

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?(progress: DecodeProgress): void;
}

/** A worker that has said nothing by then never started (a refused file, a blocked module). */
const START_TIMEOUT_MS = 10_000;

const ON_PAGE = Symbol('decode on the page');

/** Peaks for `url`; rejects with `DecodeError` (holding the peaks decoded before) on a bad file. */
export async function loadPeaks(url: string, options: LoadOptions = {}): Promise<Peaks> {
  const absolute = new URL(url, document.baseURI).href;
  const inWorker = await decodeInWorker(absolute, options);
  if (inWorker !== ON_PAGE) return inWorker;
  return decodeStream(absolute, { ...options, page: true });
}

function startWorker(): Worker | null {
  // Where the browser has Trusted Types, the URL goes through the `kolam` policy first: under
  // `require-trusted-types-for 'script'` a plain URL would be refused *and* reported as a
  // violation to the host's CSP reporting, for a worker we were going to start anyway.
  const viaPolicy = () => new Worker(trustedScriptUrl(new URL('./decode-worker.ts', import.meta.url).href), { type: 'module', name: 'kolam-decode' });
  // Written out in full, as bundlers look for it: Vite bundles the worker it names, rollup (our
  // plugin) emits it next to this module, the test server serves the file.
  const plain = () => new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'kolam-decode' });
  const order = hasTrustedTypes() ? [viaPolicy, plain] : [plain, viaPolicy];
  for (const start of order) {
    try {
      return start();
    } catch {
      // Refused (Trusted Types, CSP worker-src): try the other way, else decode on the page.
    }
  }
  return null;
}

function decodeInWorker(url: string, options: LoadOptions): Promise<Peaks | typeof ON_PAGE> {
  const worker = startWorker();
  if (!worker) return Promise.resolve(ON_PAGE);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      worker.terminate();
      return true;
    };
    const onPage = () => {
      if (settle()) resolve(ON_PAGE);
    };
    const abort = () => {
      if (settle()) reject(new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(onPage, START_TIMEOUT_MS);
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
      if (settled) return;
      if (data.kind === 'ready') clearTimeout(timer);
      else if (data.kind === 'progress') options.onProgress?.(data.progress);
      else if (data.kind === 'page') onPage();
      else if (settle()) {
        if (data.kind === 'peaks') resolve(data.peaks);
        else reject(new DecodeError(data.message, data.partial));
      }
    };
    // The worker's file was refused or it died: what it drew stays, the page decodes the rest.
    worker.onerror = (event) => {
      event.preventDefault();
      onPage();
    };
    worker.onmessageerror = onPage;
    worker.postMessage({ url });
  });
}
