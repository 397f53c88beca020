/**
 * Peaks for a media URL when the host gave none. Loaded on demand (a host that gives `peaks` never
 * downloads it). Decoding runs in a worker started from the file next to this module; when the
 * worker cannot start, fails at any point, or the file needs `decodeAudioData` (a page-only API),
 * the same streaming decode runs on the page instead, in pieces between network reads.
 */
import type { Peaks } from '../peaks.js';
import type { DecodeReply, DecodeRequest } from './decode-worker.js';
import { DecodeError } from './errors.js';
import { storeCachedPeaks } from './peaks-cache.js';
import { decodeStream, type DecodeProgress } from './stream-decode.js';
import { AUDIO_DATA_PARALLEL, audioDataContext, audioDataDecodes, decodeFrames } from './window-audio-data.js';
import { windowFrames, type WindowFrames } from './window-frames.js';
import { decodeWindow } from './window-decode.js';
import type { ByteWindow, WindowPlan } from './window-plan.js';
import { WindowScheduler } from './window-scheduler.js';
import { hasTrustedTypes, trustedScriptUrl } from './trusted-script-url.js';

export { DecodeError };
export type { DecodeProgress };

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?(progress: DecodeProgress): void;
  /** Seconds in view now: when a long file is read in windows, the one holding them comes next. */
  focus?(): number | null;
  /** Seconds of audio per window of a long file (shorter in tests). */
  windowSeconds?: number;
  /** Windows read at once besides the first: one per core, up to a few. */
  parallel?: number;
}

/** A worker that has said nothing by then never started (a refused file, a blocked module). */
const START_TIMEOUT_MS = 10_000;
/**
 * Two minutes a window. WebCodecs leaves about 1 KB of objects per frame for the worker's garbage
 * collector, which lets them pile up (an hour of MP3 in one worker peaked ~100 MB over), and a
 * WAV's network buffers do the same; a worker per window takes its garbage with it. Measured on
 * bench:player's hour, decode alone, renderer memory peak over before: MP3 in 60 s windows +54–67
 * MB, 120 s +59–67, 300 s +98–110, 1,200 s +199–209, one worker +117–146; WAV in 120 s windows
 * +57–59 (2.5–3.5 s), 240 s +74–98 (2.3–2.6 s), one worker +103–109 (0.9–2.3 s). Shorter windows
 * cost a worker start each.
 */
const WINDOW_SECONDS = 120;

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

interface WorkerJob {
  request: DecodeRequest;
  signal?: AbortSignal;
  onReply(reply: DecodeReply): void;
  /** A worker started ahead of time (its start overlaps the window before), else a new one. */
  warm?: WarmWorker | null;
}

/** A worker started before it is needed, and whether it has said it is ready. */
interface WarmWorker {
  worker: Worker;
  ready: boolean;
}

function warmWorker(): WarmWorker | null {
  const worker = startWorker();
  if (!worker) return null;
  const warm = { worker, ready: false };
  worker.addEventListener('message', ({ data }: MessageEvent<DecodeReply>) => data.kind === 'ready' && (warm.ready = true), { once: true });
  return warm;
}

/**
 * Runs one request in a worker of its own, passing its replies on until it ends; resolves with its
 * last reply, or ON_PAGE when it could not start, died, or said the page must do it.
 */
function inWorker({ request, signal, onReply, warm }: WorkerJob): Promise<DecodeReply | typeof ON_PAGE> {
  const worker = warm?.worker ?? startWorker();
  if (!worker) return Promise.resolve(ON_PAGE);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
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
    if (warm?.ready) clearTimeout(timer);
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
      if (settled) return;
      if (data.kind === 'ready') clearTimeout(timer);
      else if (data.kind === 'progress' || data.kind === 'windows' || data.kind === 'more-windows') onReply(data);
      else if (data.kind === 'page') onPage();
      else if (settle()) resolve(data);
    };
    // The worker's file was refused or it died: what it drew stays, the page does the rest.
    worker.onerror = (event) => {
      event.preventDefault();
      onPage();
    };
    worker.onmessageerror = onPage;
    worker.postMessage(request);
  });
}

async function decodeInWorker(url: string, options: LoadOptions): Promise<Peaks | typeof ON_PAGE> {
  const { signal } = options;
  let windows: WindowScheduler<WindowFrames | null> | null = null;
  const windowSeconds = options.windowSeconds ?? WINDOW_SECONDS;
  const parallel = Math.max(1, Math.min(3, (navigator.hardwareConcurrency || 2) - 1));
  // The first worker ends with the host's signal, or when a later window fails while it still
  // reads (a variable-rate MP3's walk goes to the end of the file): that failure is the decode's.
  const first = new AbortController();
  const endFirst = () => first.abort();
  signal?.addEventListener('abort', endFirst, { once: true });
  const last = await inWorker({
    // Where the page has decodeAudioData, an MP3's or M4A's windows are all its own (window-audio-data.ts).
    request: { url, windowSeconds, pageDecodes: typeof OfflineAudioContext !== 'undefined' },
    signal: first.signal,
    onReply: (reply) => {
      if (reply.kind === 'windows') {
        windows = schedule(url, reply.plan, options, parallel);
        windows.done.catch(endFirst);
      } else if (reply.kind === 'more-windows') (windows as WindowScheduler<WindowFrames | null> | null)?.add(reply.windows);
      else if (reply.kind === 'progress') {
        if (windows) windows.first(reply.progress);
        else options.onProgress?.(reply.progress);
      }
    },
  })
    .catch(async (error: unknown) => {
      const scheduler = windows as WindowScheduler<WindowFrames | null> | null;
      if (scheduler && !signal?.aborted) {
        const failure = await scheduler.done.then(
          () => error,
          (e: unknown) => e,
        );
        throw new DecodeError(failure instanceof Error ? failure.message : String(failure), scheduler.result());
      }
      scheduler?.stop(error);
      throw error;
    })
    .finally(() => signal?.removeEventListener('abort', endFirst));
  const scheduler = windows as WindowScheduler<WindowFrames | null> | null;
  if (last === ON_PAGE) {
    // Started in windows, the worker died: the page reads the whole file again, as without them.
    scheduler?.stop(new DOMException('Aborted', 'AbortError'));
    return ON_PAGE;
  }
  if (last.kind === 'error') {
    if (!scheduler) throw new DecodeError(last.message, last.partial);
    // The windows running go on to their end: what they decode is kept with the error.
    scheduler.firstFailed(new DecodeError(last.message), last.partial);
    await scheduler.done.catch(() => undefined);
    throw new DecodeError(last.message, scheduler.result());
  }
  if (last.kind !== 'peaks') return ON_PAGE;
  if (!scheduler) return last.peaks;
  scheduler.firstDone(last.peaks);
  try {
    await scheduler.done;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DecodeError(error instanceof Error ? error.message : String(error), scheduler.result());
  }
  const peaks = scheduler.result();
  if (scheduler.plan.cacheKey) await storeCachedPeaks(scheduler.plan.cacheKey, peaks);
  return peaks;
}

/** A signal that aborts with either (where the browser has no `AbortSignal.any`, with the first). */
const eitherSignal = (a: AbortSignal, b: AbortSignal) => (typeof AbortSignal.any === 'function' ? AbortSignal.any([a, b]) : a);

/** The later windows of a long file, each in a worker of its own (on the page if none starts). */
function schedule(url: string, plan: WindowPlan, options: LoadOptions, parallel: number): WindowScheduler<WindowFrames | null> {
  const { signal } = options;
  const ends = new AbortController();
  const abort = () => ends.abort();
  signal?.addEventListener('abort', abort, { once: true });
  // One worker kept started ahead: a window's worker start (module, decoder set-up) overlaps the
  // window before instead of adding to it.
  let spare: WarmWorker | null = null;
  const take = (more: boolean) => {
    const warm = spare;
    spare = more ? warmWorker() : null;
    return warm;
  };
  let context = audioDataDecodes(plan) ? audioDataContext(plan) : null;
  ends.signal.addEventListener('abort', () => spare?.worker.terminate(), { once: true });
  const scheduler = new WindowScheduler<WindowFrames | null>(plan, {
    parallel: options.parallel ?? (context ? AUDIO_DATA_PARALLEL : parallel),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.focus ? { focus: options.focus } : {}),
    // Fetched and cut on the page ahead of their turn (a few hundred KB each); none once the
    // windows have gone to workers.
    ...(context ? { prepare: (window: ByteWindow, reading: AbortSignal) => (context ? windowFrames(url, plan, window, eitherSignal(ends.signal, reading)) : Promise.resolve(null)) } : {}),
    async run(window, onProgress, more, prepared) {
      if (context) {
        // No worker to start; the browser decodes on its own threads.
        const frames = await (prepared ?? windowFrames(url, plan, window, ends.signal));
        ends.signal.throwIfAborted();
        if (!frames) return;
        let decoded = false;
        try {
          await decodeFrames(frames, plan, context, onProgress);
          decoded = true;
        } catch (error) {
          // A browser whose decodeAudioData reads no Ogg: this window and the rest through WebCodecs.
          if ((plan.format.kind !== 'ogg' && plan.format.kind !== 'webm') || ends.signal.aborted) throw error;
          context = null;
        }
        if (decoded && frames.truncated) throw new DecodeError(frames.truncated);
        if (decoded) return;
      }
      const last = await inWorker({
        request: { url, plan, window },
        signal: ends.signal,
        onReply: (reply) => reply.kind === 'progress' && onProgress(reply.progress),
        warm: take(more),
      });
      if (last === ON_PAGE) return decodeWindow(url, plan, window, { signal: ends.signal, onProgress });
      if (last.kind === 'error') throw new DecodeError(last.message);
    },
  });
  // A failed window ends the decode once the running ones are in; the last one in leaves no spare
  // behind. Either way the host's signal lets go of this decode: it lives as long as the host's
  // load, and its listener kept the decoding context and the plan (an M4A's frame table) with it.
  const letGo = () => {
    context = null;
    signal?.removeEventListener('abort', abort);
  };
  scheduler.done.then(
    () => {
      spare?.worker.terminate();
      letGo();
    },
    () => {
      ends.abort();
      letGo();
    },
  );
  return scheduler;
}
