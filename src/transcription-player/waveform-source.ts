/**
 * Where the waveform's peaks come from: the host's `peaks` (audiowaveform JSON) when given, else
 * `src` decoded off the main thread, drawn as it decodes (decode/, loaded only then). Reports
 * failures as `kolam-error`, one per source: a broken file fails both the media element and the
 * decoder. What was decoded before a failure stays drawn.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { copy } from '../core/annotation.js';
import { emit, type KolamErrorCode } from '../core/events.js';
import type { DecodeProgress } from './decode/decode.js';
import { INT8_SCALE, PeakLevels, PeaksError, parseAudiowaveform, toAudiowaveform, type AudiowaveformJson, type Peaks } from './peaks.js';

export type WaveformStatus = 'idle' | 'loading' | 'ready' | 'error';

export class WaveformSource implements ReactiveController {
  levels: PeakLevels | null = null;
  status: WaveformStatus = 'idle';
  /** 0…1 of the file decoded while loading. */
  progress = 0;
  private abort: AbortController | null = null;
  private src = '';
  private given: AudiowaveformJson | null = null;
  private erroredSrc = '';
  private growing: Peaks | null = null;
  private decoded: Peaks | null = null;
  private json: AudiowaveformJson | null = null;
  private abortTimer = 0;

  /** `focus`: the seconds in view, so a long file's window there is decoded next. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly focus: () => number | null = () => null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the DOM (disconnected, then connected in the same task): the decode goes on.
    clearTimeout(this.abortTimer);
    // Removed for a while and put back: start again what the removal stopped.
    if (this.status === 'loading' && this.abort?.signal.aborted) this.load(this.src, this.given);
  }

  hostDisconnected(): void {
    this.abortTimer = window.setTimeout(() => this.abort?.abort(), 0);
  }

  /** How far the decode is, for the loading status ("42 %"), or '' before anything is known. */
  get percent(): string {
    return this.progress > 0 ? `${Math.floor(this.progress * 100)} %` : '';
  }

  /** The decoded peaks as audiowaveform JSON v2 (made on first read), or null. */
  get decodedJson(): AudiowaveformJson | null {
    if (!this.decoded) return null;
    this.json ??= toAudiowaveform(this.decoded);
    return this.json;
  }

  /** Call when `src` or `peaks` changed (from `willUpdate`: what is known now renders at once). */
  load(src: string, peaks: AudiowaveformJson | null): void {
    this.abort?.abort();
    this.abort = null;
    this.src = src;
    this.given = peaks;
    this.levels = null;
    this.growing = this.decoded = this.json = null;
    this.progress = 0;
    if (peaks) return this.readPeaks(peaks);
    if (!src) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    const abort = (this.abort = new AbortController());
    const signal = abort.signal;
    import('./decode/decode.js')
      .then(({ loadPeaks }) => loadPeaks(src, { signal, focus: this.focus, onProgress: (p) => signal.aborted || this.grow(p) }))
      .then(
        (result) => {
          if (signal.aborted) return;
          this.decoded = result;
          // The final peaks replace the ones grown while decoding: one copy of them, not two.
          this.growing = null;
          this.levels = new PeakLevels(result);
          this.status = 'ready';
          this.progress = 1;
          this.host.requestUpdate();
        },
        (error: unknown) => {
          if (signal.aborted) return;
          const partial = (error as { partial?: Peaks | null }).partial;
          if (partial) this.levels = new PeakLevels(partial);
          this.fail('decode-error', error instanceof Error ? error.message : String(error), src);
        },
      );
  }

  /** The media element could not play `src`. */
  mediaFailed(message: string): void {
    if (this.src) this.fail('media-error', message, this.src);
  }

  /** Merges decoded points into the peaks drawn so far. */
  private grow({ rate, capacity, slice, fraction }: DecodeProgress): void {
    let peaks = this.growing;
    const end = Math.max(capacity, slice.from + slice.min.length);
    let levels = this.levels;
    if (!peaks || !levels || peaks.rate !== rate || peaks.min.length < end) {
      const min = new Int8Array(end);
      const max = new Int8Array(end);
      if (peaks && peaks.rate === rate) {
        min.set(peaks.min);
        max.set(peaks.max);
      }
      peaks = this.growing = { rate, min, max, scale: INT8_SCALE };
      levels = new PeakLevels(peaks);
    }
    peaks.min.set(slice.min, slice.from);
    peaks.max.set(slice.max, slice.from);
    // The coarser levels are filled again over the new stretch when next drawn, and only where drawn.
    this.levels = levels.changed(slice.from, slice.from + slice.min.length);
    this.progress = fraction;
    this.host.requestUpdate();
  }

  private readPeaks(peaks: AudiowaveformJson): void {
    try {
      this.levels = new PeakLevels(parseAudiowaveform(peaks));
      this.status = 'ready';
    } catch (error) {
      this.fail('invalid-peaks', error instanceof PeaksError ? error.message : String(error), peaks);
    }
  }

  private fail(code: KolamErrorCode, message: string, input: unknown): void {
    this.status = 'error';
    this.host.requestUpdate();
    if (code !== 'invalid-peaks') {
      if (this.erroredSrc === this.src) return;
      this.erroredSrc = this.src;
    }
    emit(this.host, 'kolam-error', { code, message, input: copy(input) });
  }
}
