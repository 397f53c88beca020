/**
 * On the page: runs a long file's later windows (window-plan.ts) a few at a time, the one the user
 * is looking at first, and merges their points into the whole file's peaks as they come. Windows
 * overlap by a few warm-up frames; points are merged by min/max, so the overlap changes nothing.
 */
import { INT8_SCALE, type Peaks } from '../peaks.js';
import type { PeakSlice } from './peak-sink.js';
import type { DecodeProgress } from './stream-decode.js';
import { PROGRESS_MS } from './progress.js';
import { laterWindows, timeOfByte, type ByteWindow, type WindowPlan } from './window-plan.js';

export interface SchedulerOptions<P> {
  onProgress?(progress: DecodeProgress): void;
  /** Seconds in view now, or null: the window holding them is started next. */
  focus?(): number | null;
  /**
   * Reads a window before its turn (a range fetched and cut on the page), so that a slot whose
   * decode ends starts the next at once instead of waiting on the network: a window's read was a
   * third of its decode's time, and the slot sat idle through it.
   */
  prepare?(window: ByteWindow, signal: AbortSignal): Promise<P>;
  /**
   * Runs one window (in a worker of its own), reporting its points; rejects on a bad window.
   * `more`: other windows wait after this one. `prepared`: what `prepare` began for it, if it did.
   */
  run(window: ByteWindow, onProgress: (progress: DecodeProgress) => void, more: boolean, prepared: Promise<P> | null): Promise<void>;
  /** Windows at once, besides the first (which is still being read when the plan arrives). */
  parallel: number;
}

/** A window taken from the plan, with its read begun if the caller reads ahead. */
interface Taken<P> {
  window: ByteWindow;
  prepared: Promise<P> | null;
  /** Ends its read when it is let go of unrun. */
  reading?: AbortController;
}

export class WindowScheduler<P = void> {
  private min: Int8Array;
  private max: Int8Array;
  private length = 0;
  private readonly pending: ByteWindow[];
  /** Windows read ahead, waiting for a slot: one per slot, and a slot's worth read before a jump. */
  private readonly ahead: Taken<P>[] = [];
  private readonly fractions = new Map<ByteWindow, number>();
  private running = 0;
  private firstRunning = true;
  private failure: unknown = null;
  private settle: { resolve(): void; reject(error: unknown): void } | null = null;
  readonly done: Promise<void>;

  constructor(
    readonly plan: WindowPlan,
    private readonly options: SchedulerOptions<P>,
  ) {
    const points = Math.ceil(plan.seconds * plan.rate) + 1;
    this.min = new Int8Array(points);
    this.max = new Int8Array(points);
    this.pending = laterWindows(plan);
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Not awaited by anyone until the first window ends: never an unhandled rejection meanwhile.
    this.done.catch(() => undefined);
    this.fill();
  }

  /** Points from the first window (read from the top by the caller). */
  first(progress: DecodeProgress): void {
    // Its fraction is of the whole file (it was read as one): here, of its own bytes.
    this.merge(progress.slice, Math.min(1, (progress.fraction * this.plan.size) / Math.max(1, this.plan.firstEnd)), null);
  }

  /** Windows the plan did not hold (a variable-rate MP3's, found as the worker walks it), in file order. */
  add(windows: ByteWindow[]): void {
    if (this.failure) return;
    this.pending.push(...windows);
    this.fill();
  }

  /**
   * The first window failed (`partial`: what it decoded): none is started after it, and `done`
   * rejects once the running ones are in, as for a later window's failure.
   */
  firstFailed(error: unknown, partial: Peaks | null): void {
    if (partial) this.merge({ from: 0, min: partial.min as Int8Array, max: partial.max as Int8Array }, 1, null);
    this.firstRunning = false;
    this.fail(error);
  }

  /** The first window is in (its final peaks, which repeat its progress): its slot is free. */
  firstDone(peaks: Peaks): void {
    this.merge({ from: 0, min: peaks.min as Int8Array, max: peaks.max as Int8Array }, 1, null);
    this.firstRunning = false;
    this.fill();
  }

  /**
   * The peaks of everything merged so far, in arrays of their own length: a view into grown ones
   * would keep (and the cache would store) the whole of them.
   */
  result(): Peaks {
    const { plan } = this;
    if (this.min.length !== this.length) {
      this.min = this.min.slice(0, this.length);
      this.max = this.max.slice(0, this.length);
    }
    return { rate: plan.rate, min: this.min, max: this.max, scale: INT8_SCALE, sampleRate: plan.sampleRate, samplesPerPoint: plan.samplesPerPoint };
  }

  /**
   * A window failed (a file cut short, damage): none is started after it, and the decode fails once
   * the ones running are in, so what they decoded is drawn and kept with the error.
   */
  private fail(error: unknown): void {
    this.failure ??= error;
    this.pending.length = 0;
    this.dropAhead();
    this.settleFailure();
  }

  /** Once a window has failed: ends the decode when no window runs any more. */
  private settleFailure(): void {
    if (!this.running) this.stop(this.failure);
  }

  /** Stops starting windows (the running ones are the caller's to end). */
  stop(error: unknown): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = 0;
    this.failure ??= error;
    this.pending.length = 0;
    this.dropAhead();
    this.settle?.reject(error);
    this.settle = null;
  }

  private fill(): void {
    const slots = this.options.parallel + (this.firstRunning ? 0 : 1);
    while (!this.failure && this.running < slots && (this.ahead.length || this.pending.length)) {
      const { window, prepared } = this.next();
      this.running++;
      this.options
        .run(
          window,
          (progress) => {
            this.fractions.set(window, progress.fraction);
            this.merge(progress.slice, 0, window);
          },
          this.ahead.length + this.pending.length > 0,
          prepared,
        )
        .then(
          () => {
            this.running--;
            this.fractions.set(window, 1);
            if (this.failure) this.settleFailure();
            else this.fill();
          },
          (error: unknown) => {
            this.running--;
            this.fail(error);
          },
        );
    }
    const { prepare } = this.options;
    while (prepare && !this.failure && this.pending.length) {
      const window = this.toReadAhead(slots);
      if (!window) break;
      const reading = new AbortController();
      const prepared = prepare(window, reading.signal);
      // Its failure is the window's, met when it runs (or never, if the decode stops first).
      prepared.catch(() => undefined);
      this.ahead.push({ window, prepared, reading });
    }
    if (!this.failure && !this.pending.length && !this.ahead.length && !this.running && !this.firstRunning) {
      this.report();
      this.settle?.resolve();
      this.settle = null;
    }
  }

  /**
   * The window to run next: the first not begun that ends past the time in view (in file order,
   * read ahead or not: `toReadAhead` reads ahead in the same order, so it usually is), else the
   * first read ahead, else the next in order.
   */
  private next(): Taken<P> {
    const time = this.focusTime();
    if (time !== null) {
      let best: Taken<P> | null = null;
      for (const a of this.ahead) if (this.endsPast(a.window, time) && (!best || a.window.from < best.window.from)) best = a;
      const j = this.pending.findIndex((w) => this.endsPast(w, time));
      if (j >= 0 && (!best || this.pending[j].from < best.window.from)) return { window: this.pending.splice(j, 1)[0], prepared: null };
      if (best) return this.ahead.splice(this.ahead.indexOf(best), 1)[0];
    }
    return this.ahead.shift() ?? { window: this.pending.shift()!, prepared: null };
  }

  /**
   * The next window to read ahead, or null when enough are: a slot's worth of the windows that run
   * next (the first waiting that end past the time in view, else the next in order). Windows read
   * before a jump, behind the view now, are kept to run later, a slot's worth at most.
   */
  private toReadAhead(slots: number): ByteWindow | null {
    const time = this.focusTime();
    const inView = time === null ? 0 : this.pending.findIndex((w) => this.endsPast(w, time));
    if (inView < 0) return this.ahead.length < slots ? this.pending.shift()! : null;
    if (this.aheadInView(time) >= slots) return null;
    const [window] = this.pending.splice(inView, 1);
    if (time !== null && this.ahead.length >= 2 * slots) this.putBackBehind(time);
    return window;
  }

  /** Windows read ahead that end past `time` (all of them without one): the ones that run next. */
  private aheadInView(time: number | null): number {
    return time === null ? this.ahead.length : this.ahead.filter((a) => this.endsPast(a.window, time)).length;
  }

  /** Lets go of the first read-ahead behind the view: its window waits again, in file order. */
  private putBackBehind(time: number): void {
    const i = this.ahead.findIndex((a) => !this.endsPast(a.window, time));
    if (i < 0) return;
    const [{ window, reading }] = this.ahead.splice(i, 1);
    reading?.abort();
    const at = this.pending.findIndex((w) => w.from > window.from);
    this.pending.splice(at < 0 ? this.pending.length : at, 0, window);
  }

  /** Lets go of every read ahead, ending those still reading (a failure, a stop). */
  private dropAhead(): void {
    for (const { reading } of this.ahead) reading?.abort();
    this.ahead.length = 0;
  }

  private focusTime(): number | null {
    const time = this.options.focus?.();
    return time != null && Number.isFinite(time) ? time : null;
  }

  private endsPast(window: ByteWindow, time: number): boolean {
    return timeOfByte(this.plan, window.to) > time;
  }

  private merge(slice: PeakSlice, firstFraction: number, window: ByteWindow | null): void {
    const end = slice.from + slice.min.length;
    if (end > this.min.length) this.grow(end);
    const { min, max } = this;
    for (let i = 0, p = slice.from; i < slice.min.length; i++, p++) {
      if (slice.min[i] < min[p]) min[p] = slice.min[i];
      if (slice.max[i] > max[p]) max[p] = slice.max[i];
    }
    if (end > this.length) this.length = end;
    if (window === null) this.fractions.set(this.firstKey, firstFraction);
    if (!this.options.onProgress || !slice.min.length) return;
    this.dirty.push([slice.from, end]);
    // Windows land many times a second: the page redraws (and restyles) on each report, which cost
    // more of its time than reducing the samples. At most one report per PROGRESS_MS, the last one
    // sent before `done` settles.
    const wait = this.reported + PROGRESS_MS - performance.now();
    if (wait <= 0) this.report();
    else this.reportTimer ||= setTimeout(() => this.report(), wait);
  }

  /** Stretches [from, to) merged since the last report, in the order they came. */
  private dirty: [number, number][] = [];
  private reported = -Infinity;
  private reportTimer: ReturnType<typeof setTimeout> | 0 = 0;

  /**
   * Sends the points merged since the last report: a slice per window's stretch, in the order they
   * came (the one in view first), all in this task, so the page redraws once.
   */
  private report(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = 0;
    const { dirty, min, max } = this;
    if (!dirty.length) return;
    this.dirty = [];
    this.reported = performance.now();
    const fraction = this.fraction();
    for (const [from, to] of dirty) {
      // What the page draws is the merged points, not the window's own: overlaps never lower a peak.
      this.options.onProgress?.({ rate: this.plan.rate, capacity: min.length, slice: { from, min: min.slice(from, to), max: max.slice(from, to) }, fraction });
    }
  }

  private readonly firstKey: ByteWindow = { from: 0, to: 0 };

  /** 0…1 of the file's bytes decoded, over all windows. */
  private fraction(): number {
    let bytes = 0;
    for (const [w, f] of this.fractions) bytes += f * (w === this.firstKey ? this.plan.firstEnd : w.to - w.from);
    return Math.min(1, bytes / Math.max(1, this.plan.size));
  }

  /**
   * Room for `points` and a little more. The length was estimated from the header and is off by a
   * point or so at the end: doubling made an hour's 3.6 MB of peaks 7.2 MB, kept with the result
   * and told to the waveform as the file's length.
   */
  private grow(points: number): void {
    const min = new Int8Array(Math.max(points, this.min.length + Math.ceil(this.min.length / 64)));
    const max = new Int8Array(min.length);
    min.set(this.min);
    max.set(this.max);
    this.min = min;
    this.max = max;
  }
}
