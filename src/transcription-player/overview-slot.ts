/**
 * The overview strip, loaded when it is needed: most recordings are transcribed fitted to the view,
 * and a short clip is rarely zoomed, so its code (overview.ts) is fetched the first time the
 * waveform is zoomed in past the whole file — or, for a long recording, where zooming in is
 * certain, as soon as the page is idle after its duration is known, so the strip is there at once.
 * Until the code is here, a strip of the same size stands in for it (nothing below it moves), and
 * `updateComplete` waits for the drawn strip.
 */
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import type { OverviewSource, OverviewStrip } from './overview.js';
import type { WaveformView } from './waveform-view.js';

/** Where the strip's code comes from: one place, so a test can see or hold back the load. */
export const overviewCode = {
  load: () => import('./overview.js'),
};

/** Recordings at least this long (seconds) fetch the strip's code before the first zoom. */
export const PREFETCH_FROM = 10 * 60;

export class OverviewSlot implements ReactiveController {
  #strip: OverviewStrip | null = null;
  /** The code's fetch, once begun. */
  #loading: Promise<void> | null = null;
  #prefetching = false;
  /** The zoom at which a fetch failed: tried again only at another zoom, not on every update. */
  #failedAt: number | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly view: WaveformView,
    private readonly source: OverviewSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** True when the waveform shows less than the whole file. */
  get shown(): boolean {
    const duration = this.source.duration();
    return duration > 0 && this.view.width > 0 && duration * this.view.pxPerSecond > this.view.width + 1;
  }

  hostUpdated(): void {
    if (this.#strip || this.#loading) return;
    if (this.shown && this.#failedAt !== this.view.pxPerSecond) this.#loading = this.#fetch();
    else if (!this.#prefetching && this.source.duration() >= PREFETCH_FROM) {
      this.#prefetching = true;
      // Idle, not now: the first screen of waveform comes first (and a busy page waits 2 s at most).
      const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
      idle(() => (this.#loading ??= this.#fetch()), { timeout: 2000 });
    }
  }

  /** For the host's `getUpdateComplete()`: the strip, once asked for, is drawn before the update completes. */
  async settled(): Promise<void> {
    if (this.#strip || !this.#loading || !this.shown) return;
    await this.#loading;
    await this.host.updateComplete;
  }

  render() {
    if (!this.shown) return nothing;
    if (this.#strip) return this.#strip.render();
    // The strip's box, empty for the frame or two its code takes to arrive.
    return html`<div part="overview"><canvas aria-hidden="true"></canvas></div>`;
  }

  /** Call from the host's `updated`. */
  paint(): void {
    if (this.shown) this.#strip?.paint();
  }

  #fetch(): Promise<void> {
    return overviewCode.load().then(
      ({ OverviewStrip }) => {
        this.#strip = new OverviewStrip(this.host, this.view, this.source);
        this.host.requestUpdate();
      },
      () => {
        // Not fetched (offline, a broken deploy): the player goes on without the strip; the next
        // zoom tries again (an update at this zoom — the playhead moving — does not).
        this.#failedAt = this.view.pxPerSecond;
        this.#loading = null;
      },
    );
  }
}
