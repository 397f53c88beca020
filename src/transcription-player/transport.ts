/**
 * Playback through a plain HTMLMediaElement (it streams, and keeps pitch at other rates): play,
 * pause with rewind, seek, rate, and playing or looping one range. While playing, a frame loop
 * reads the time so the playhead moves smoothly and a range stops on its end, not up to 250 ms late
 * as `timeupdate` would.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../core/events.js';
import { msg, str } from '../core/localize.js';
import { formatClock } from './time-format.js';

/** How far (s) the media may land from a requested seek before we call the seek refused. */
const SEEK_TOLERANCE = 0.5;

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;
export const RATE_STEP = 0.25;

export function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
}

export class TransportController implements ReactiveController {
  private media: HTMLMediaElement | null = null;
  private frame = 0;
  /** The range being played; `loop` wraps back to its start at its end. */
  private range: { start: number; end: number; loop: boolean } | null = null;
  /** The time last asked for, until the media says where it landed. */
  private requested: number | null = null;

  time = 0;
  duration = NaN;
  playing = false;
  /** Seconds to go back on pause (the `rewind-on-pause` attribute). */
  rewindOnPause = 1;
  /** Called on every time change while playing, after `time` is updated. */
  onTick: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.media?.pause();
  }

  /** Wires the media element (once it is rendered). */
  attach(media: HTMLMediaElement): void {
    if (this.media === media) return;
    this.media = media;
    media.preservesPitch = true;
    media.addEventListener('loadedmetadata', () => this.sync());
    media.addEventListener('durationchange', () => this.sync());
    media.addEventListener('seeked', () => {
      this.reportRefusedSeek();
      this.sync();
    });
    // A new source: forget the old one's time and duration until its metadata arrives.
    media.addEventListener('emptied', () => {
      this.range = null;
      this.sync();
    });
    media.addEventListener('play', () => {
      this.playing = true;
      this.loop();
    });
    media.addEventListener('pause', () => {
      this.playing = false;
      this.sync();
    });
    media.addEventListener('ended', () => {
      this.playing = false;
      this.range = null;
      this.sync();
    });
  }

  get rate(): number {
    return this.media?.playbackRate ?? 1;
  }

  set rate(rate: number) {
    if (!this.media) return;
    this.media.playbackRate = clampRate(rate);
    this.media.preservesPitch = true;
  }

  get looping(): boolean {
    return this.range?.loop ?? false;
  }

  play(): void {
    if (!this.media) return;
    // A play() refused by autoplay policy or a failed source is reported by the media's own events.
    void this.media.play().catch(() => {});
  }

  /** Pauses and steps back `rewindOnPause` seconds, so the listener hears the last words again. */
  pause(): void {
    if (!this.media || this.media.paused) return;
    this.range = null;
    this.media.pause();
    if (this.rewindOnPause > 0) this.seek(this.media.currentTime - this.rewindOnPause);
  }

  toggle(): void {
    if (this.media?.paused) this.play();
    else this.pause();
  }

  seek(time: number): void {
    if (!this.media) return;
    const max = Number.isFinite(this.duration) ? this.duration : Infinity;
    const next = Math.max(0, Math.min(max, time));
    this.media.currentTime = next;
    this.time = next;
    if (this.media.currentSrc) this.requested = next;
    if (this.range && (next < this.range.start || next > this.range.end)) this.range = null;
    this.host.requestUpdate();
  }

  skip(seconds: number): void {
    this.seek(this.time + seconds);
  }

  /** Plays [start, end) once, or in a loop until paused. */
  playRange(start: number, end: number, loop = false): void {
    this.range = { start, end, loop };
    this.seek(start);
    this.play();
  }

  /** Stops looping but lets playback run on. */
  stopLoop(): void {
    if (this.range) this.range.loop = false;
    this.host.requestUpdate();
  }

  /**
   * A server that answers without byte ranges (no `Accept-Ranges`) leaves the media unseekable: the
   * browser snaps the seek back to 0. Silently jumping to the start loses the annotator's place; say
   * why, so the host can fix its server.
   */
  private reportRefusedSeek(): void {
    const media = this.media;
    const requested = this.requested;
    this.requested = null;
    if (!media || requested === null || Math.abs(media.currentTime - requested) <= SEEK_TOLERANCE) return;
    emit(this.host, 'kolam-error', {
      code: 'seek-unsupported',
      message: msg(
        str`Could not seek to ${formatClock(requested)}: the server of ${media.currentSrc} does not answer byte-range requests (Accept-Ranges), so the media can only play from the start.`,
      ),
      input: media.getAttribute('src') ?? media.currentSrc,
    });
  }

  private sync(): void {
    if (!this.media) return;
    this.time = this.media.currentTime;
    this.duration = this.media.duration;
    this.host.requestUpdate();
  }

  private loop(): void {
    cancelAnimationFrame(this.frame);
    const step = () => {
      if (!this.media || this.media.paused) return;
      this.time = this.media.currentTime;
      const range = this.range;
      if (range && this.time >= range.end) {
        if (range.loop) this.seek(range.start);
        else {
          this.range = null;
          this.media.pause();
          this.seek(range.end);
        }
      }
      this.onTick?.();
      this.host.requestUpdate();
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }
}
