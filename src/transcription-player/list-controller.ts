/**
 * Keeps a long segment list cheap: which rows are in the DOM (see list-window.ts), their measured
 * heights, the list's scroll position, and scrolling a row into view (the list only, never the
 * page). The element asks it for the rows to render and tells it when the list was rendered.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation } from '../core/annotation.js';
import { WINDOW_FROM, listWindow, rowOffsets, type WindowItem } from './list-window.js';

export interface ListSource {
  /** Segments in time order. */
  sorted(): Annotation[];
  /** Changes whenever the rows' order or membership may have changed. */
  orderVersion(): number;
  /** The rendered `<ol>`, if any. */
  listElement(): HTMLElement | null;
}

/** Unmeasured rows are guessed at this height until a row has been measured. */
const FIRST_ESTIMATE = 74;

export class ListWindowController implements ReactiveController {
  private scrollTop = 0;
  private viewport = 320;
  private pendingScroll: number | null = null;
  private frame = 0;
  private readonly heights = new Map<string, number>();
  private heightsVersion = 0;
  private offsetsCache: { version: number; heights: number; offsets: Float64Array } | null = null;
  private windowCache: { key: string; items: WindowItem<Annotation>[]; windowKey: string } | null = null;
  /** Made on connect, not in a field: SSR has no ResizeObserver, and a re-appended list re-observes. */
  private observer: ResizeObserver | null = null;
  /** The rows being observed: a render observes only rows new to the DOM. */
  private readonly observed = new Set<Element>();
  private rendered = false;
  /** The row being typed in: always rendered, however far the list scrolls. */
  focusedId: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ListSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => this.onRowsResized(entries));
    this.rendered = true; // observe the rows again after the next update
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observed.clear();
    cancelAnimationFrame(this.frame);
  }

  /**
   * The rows to render now, and a key that changes only when that set or a gap's height does
   * (for the element's `guard`).
   */
  rows(pinnedIds: (string | null)[]): { items: WindowItem<Annotation>[]; windowKey: string } {
    const pinned = [this.focusedId, ...pinnedIds].filter((id): id is string => id !== null);
    const key = `${this.source.orderVersion()}|${this.heightsVersion}|${this.scrollTop}|${this.viewport}|${pinned.join()}`;
    if (this.windowCache?.key !== key) {
      const sorted = this.source.sorted();
      const items = listWindow(
        {
          items: sorted,
          keyOf: (s) => s.id,
          heights: this.heights,
          estimate: this.estimate,
          scrollTop: this.scrollTop,
          viewport: this.viewport,
          overscan: 600,
          pinned: new Set(pinned),
        },
        this.offsets,
      );
      const windowKey = sorted.length < WINDOW_FROM ? '' : items.map((i) => (i.kind === 'row' ? i.index : Math.round(i.height))).join();
      this.windowCache = { key, items, windowKey };
    }
    return this.windowCache;
  }

  /** Call when the list was rendered: measure the new rows. */
  markRendered(): void {
    this.rendered = true;
  }

  /** After each host update: observe newly rendered rows, apply a pending scroll. */
  hostUpdated(): void {
    const list = this.source.listElement();
    const observer = this.observer;
    if (this.rendered && observer) {
      this.rendered = false;
      // The observer reports heights without forcing a layout. Rows already observed are left be:
      // observing anew reports every row again, a re-render per key at 500 segments.
      for (const row of this.observed) {
        if (row.isConnected) continue;
        observer.unobserve(row);
        this.observed.delete(row);
      }
      for (const row of list?.querySelectorAll('li[data-id]') ?? []) {
        if (this.observed.has(row)) continue;
        observer.observe(row);
        this.observed.add(row);
      }
    }
    if (this.pendingScroll !== null && list) {
      list.scrollTop = this.pendingScroll;
      this.pendingScroll = null;
    }
  }

  onScroll(list: HTMLElement): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.scrollTop = list.scrollTop;
      this.viewport = list.clientHeight;
      this.host.requestUpdate();
    });
  }

  /** Scrolls the list so a segment's row is in view (applied after the next update). */
  reveal(id: string): void {
    const index = this.source.sorted().findIndex((s) => s.id === id);
    if (index < 0) return;
    const offsets = this.offsets;
    const top = offsets[index];
    if (top >= this.scrollTop && offsets[index + 1] <= this.scrollTop + this.viewport) return;
    this.scrollTop = Math.max(0, top - this.viewport / 3);
    this.pendingScroll = this.scrollTop;
    this.host.requestUpdate();
  }

  private get offsets(): Float64Array {
    const version = this.source.orderVersion();
    const cache = this.offsetsCache;
    if (cache?.version === version && cache.heights === this.heightsVersion) return cache.offsets;
    const offsets = rowOffsets({ items: this.source.sorted(), keyOf: (s) => s.id, heights: this.heights, estimate: this.estimate });
    this.offsetsCache = { version, heights: this.heightsVersion, offsets };
    return offsets;
  }

  /** Rows not yet measured are guessed at the mean of those measured. */
  private get estimate(): number {
    let sum = 0;
    for (const h of this.heights.values()) sum += h;
    return this.heights.size ? sum / this.heights.size : FIRST_ESTIMATE;
  }

  private onRowsResized(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.id;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
      if (!id || !height || Math.abs((this.heights.get(id) ?? -1) - height) < 0.5) continue;
      this.heights.set(id, height);
      changed = true;
    }
    // Heights only matter where gaps stand in for rows. Re-rendering inside the observer's turn
    // would loop it; the next frame is soon enough.
    if (changed && this.source.sorted().length >= WINDOW_FROM) {
      this.heightsVersion++;
      requestAnimationFrame(() => this.host.requestUpdate());
    }
  }
}
