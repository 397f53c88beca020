/**
 * Where the waveform's peaks come from: the host's `peaks` (audiowaveform JSON) when given, else
 * `src` reduced or decoded off the main thread (decode.ts). Reports failures as `kolam-error`, one
 * per source: a broken file fails both the media element and the decoder.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { copy } from '../core/annotation.js';
import { emit, type KolamErrorCode } from '../core/events.js';
import { DecodeError, loadPeaks } from './decode.js';
import { PeakLevels, PeaksError, parseAudiowaveform, type AudiowaveformJson } from './peaks.js';

export type WaveformStatus = 'idle' | 'loading' | 'ready' | 'error';

export class WaveformSource implements ReactiveController {
  levels: PeakLevels | null = null;
  status: WaveformStatus = 'idle';
  private abort: AbortController | null = null;
  private src = '';
  private erroredSrc = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** Call when `src` or `peaks` changed (from `willUpdate`: what is known now renders at once). */
  load(src: string, peaks: AudiowaveformJson | null): void {
    this.abort?.abort();
    this.abort = null;
    this.src = src;
    this.levels = null;
    if (peaks) return this.readPeaks(peaks);
    if (!src) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    const abort = (this.abort = new AbortController());
    loadPeaks(src, abort.signal).then(
      (result) => {
        if (abort.signal.aborted) return;
        this.levels = new PeakLevels(result);
        this.status = 'ready';
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (!abort.signal.aborted) this.fail('decode-error', error instanceof DecodeError ? error.message : String(error), src);
      },
    );
  }

  /** The media element could not play `src`. */
  mediaFailed(message: string): void {
    if (this.src) this.fail('media-error', message, this.src);
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
