/**
 * Keeps a long segment list cheap: which rows are in the DOM (see list-window.ts), their measured
 * heights, the list's scroll position, and scrolling a row into view (the list only, never the
 * page). The element asks it for the rows to render and tells it when the list was rendered.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation } from '../core/annotation.js';
import { WINDOW_FROM, assignSlots, listWindow, rowOffsets, type SlottedItem } from './list-window.js';

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
  #scrollTop = 0;
  #viewport = 320;
  #pendingScroll: number | null = null;
  readonly #heights = new Map<string, number>();
  #heightsVersion = 0;
  #offsetsCache: { version: number; heights: number; offsets: Float64Array } | null = null;
  #windowCache: { key: string; items: SlottedItem<Annotation>[]; windowKey: string } | null = null;
  /** Which DOM row shows each rendered segment (see `assignSlots`). */
  #slots = new Map<string, number>();
  /** Made on connect, not in a field: SSR has no ResizeObserver, and a re-appended list re-observes. */
  #observer: ResizeObserver | null = null;
  /** The rows being observed: a render observes only rows new to the DOM. */
  readonly #observed = new Set<Element>();
  /** Each row element's last reported height: a reused row of unchanged size is not reported again. */
  readonly #sizes = new WeakMap<Element, number>();
  /**
   * Touches the list's scroll position only once the browser has laid it out for the frame:
   * writing `scrollTop` straight after a render forces a synchronous layout of the rows just
   * changed (≈7 ms at a review decision), which the frame then partly does again, and reading it
   * in a scroll handler or an animation frame forces the layout of whatever changed since. A
   * ResizeObserver's first notification comes after the frame's layout and before its paint, so a
   * scroll applied there, or rows rendered for a scroll read there, show in that same frame.
   */
  #scroller: ResizeObserver | null = null;
  /** The user (or the browser's scroll anchoring) scrolled the list: read it after layout. */
  #scrollMoved = false;
  readonly #whenScrolled: (() => void)[] = [];
  /** Where our own last scroll put the list, until its scroll event comes (null: none pending). */
  #ownScrollTop: number | null = null;
  #rendered = false;
  /** The row being typed in: always rendered, however far the list scrolls. */
  focusedId: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ListSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => this.#onRowsResized(entries));
    this.#scroller = new ResizeObserver(() => this.#afterLayout());
    this.#rendered = true; // observe the rows again after the next update
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#scroller?.disconnect();
    this.#scroller = null;
    this.#observed.clear();
  }

  /**
   * The rows to render now, and a key that changes only when that set or a gap's height does
   * (for the element's `guard`).
   */
  rows(pinnedIds: (string | null)[]): { items: SlottedItem<Annotation>[]; windowKey: string } {
    const pinned = [this.focusedId, ...pinnedIds].filter((id): id is string => id !== null);
    const key = `${this.source.orderVersion()}|${this.#heightsVersion}|${this.#scrollTop}|${this.#viewport}|${pinned.join()}`;
    if (this.#windowCache?.key !== key) {
      const sorted = this.source.sorted();
      const shown = listWindow(
        {
          items: sorted,
          keyOf: (s) => s.id,
          heights: this.#heights,
          estimate: this.#estimate,
          scrollTop: this.#scrollTop,
          viewport: this.#viewport,
          // Rows are reused in place, so scrolling is cheap. Half a screen above and below: a review
          // decision that jumps far updates every row in the window, and at 300 px a decision's
          // work was 4.5 ms at p95 against 3.6–3.8 (bench:review); a scroll renders its rows before
          // the frame paints (afterLayout), so the margin only covers the compositor's own scrolling.
          overscan: 150,
          pinned: new Set(pinned),
        },
        this.#offsets,
      );
      this.#slots = assignSlots(this.#slots, shown.flatMap((i) => (i.kind === 'row' ? [i.item.id] : [])));
      const items = shown.map((i): SlottedItem<Annotation> => (i.kind === 'row' ? { ...i, slot: this.#slots.get(i.item.id)! } : i));
      const windowKey = sorted.length < WINDOW_FROM ? '' : items.map((i) => (i.kind === 'row' ? i.index : Math.round(i.height))).join();
      this.#windowCache = { key, items, windowKey };
    }
    return this.#windowCache;
  }

  /** Call when the list was rendered: measure the new rows. */
  markRendered(): void {
    this.#rendered = true;
  }

  /** After each host update: observe newly rendered rows, apply a pending scroll. */
  hostUpdated(): void {
    const list = this.source.listElement();
    const observer = this.#observer;
    if (this.#rendered && observer) {
      this.#rendered = false;
      // The observer reports heights without forcing a layout. Rows already observed are left be:
      // observing anew reports every row again, a re-render per key at 500 segments.
      for (const row of this.#observed) {
        if (row.isConnected) continue;
        observer.unobserve(row);
        this.#observed.delete(row);
      }
      for (const row of list?.querySelectorAll<HTMLElement>('li[data-id]') ?? []) {
        if (this.#observed.has(row)) {
          // A row reused for another segment keeps its height until it reports a new one.
          const id = row.dataset.id!;
          const size = this.#sizes.get(row);
          if (size !== undefined && !this.#heights.has(id)) {
            this.#heights.set(id, size);
            this.#heightsVersion++;
          }
          continue;
        }
        observer.observe(row);
        this.#observed.add(row);
      }
    }
    if (this.#pendingScroll !== null && list) this.#whenLaidOut(list);
  }

  /** Calls `afterLayout` after the frame's layout: a fresh observation is always reported once. */
  #whenLaidOut(list: HTMLElement): void {
    if (!this.#scroller) return this.#afterLayout();
    // Asked again from the update `afterLayout` itself started (the playhead's row moved meanwhile):
    // observing the list anew within the same notification round would be a "ResizeObserver loop"
    // error, so it waits for the next frame's layout instead.
    if (this.#inAfterLayout) {
      requestAnimationFrame(() => this.#whenLaidOut(list));
      return;
    }
    this.#scroller.unobserve(list);
    this.#scroller.observe(list);
  }

  /** From a notification until the next frame: the updates it starts must not re-observe now. */
  #inAfterLayout = false;

  /**
   * For the element's `getUpdateComplete()`: resolves once a scroll asked for is applied, so what
   * a host reads after an update is what the annotator sees. A list that is not laid out (hidden)
   * gets no notification: after two frames it is waited for no longer.
   */
  scrolled(): Promise<void> {
    if (this.#pendingScroll === null || !this.#scroller) return Promise.resolve();
    return new Promise((resolve) => {
      this.#whenScrolled.push(resolve);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    });
  }

  /**
   * For the first `updateComplete` after the list arrived (with the editing chunk): its first rows
   * measured, so a row revealed next is placed by their heights, not by a guess. Once only; a list
   * not laid out is waited for two frames at most.
   */
  firstMeasured(): Promise<void> {
    this.#measured ??= new Promise((resolve) => {
      this.#whenMeasured = resolve;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    });
    return this.#measured;
  }

  #measured: Promise<void> | undefined;
  #whenMeasured: (() => void) | undefined;

  #afterLayout(): void {
    if (!this.#inAfterLayout) {
      this.#inAfterLayout = true;
      requestAnimationFrame(() => (this.#inAfterLayout = false));
    }
    const list = this.source.listElement();
    for (const resolve of this.#whenScrolled.splice(0)) resolve();
    if (!list || (this.#pendingScroll === null && !this.#scrollMoved)) return;
    this.#scrollMoved = false;
    if (this.#pendingScroll !== null) {
      const before = list.scrollTop;
      list.scrollTop = this.#pendingScroll;
      this.#pendingScroll = null;
      this.#ownScrollTop = list.scrollTop !== before ? list.scrollTop : null;
    }
    // Layout is clean here, so reading is free: where the browser clamped the scroll (the end of
    // the list), the window follows it now.
    const top = list.scrollTop;
    // (Within a pixel is the same place: the browser snaps scroll offsets to device pixels.)
    if (Math.abs(top - this.#scrollTop) >= 1 || list.clientHeight !== this.#viewport) {
      this.#scrollTop = top;
      this.#viewport = list.clientHeight;
      this.host.requestUpdate();
    }
  }

  onScroll(list: HTMLElement): void {
    // The scroll we just applied is already in the model — unless the list is elsewhere now: a
    // user's scroll in the same frame comes in the same event.
    const own = this.#ownScrollTop;
    this.#ownScrollTop = null;
    if (own !== null && Math.abs(list.scrollTop - own) < 1) return;
    this.#scrollMoved = true;
    this.#whenLaidOut(list);
  }

  /** Scrolls the list so a segment's row is in view (applied after the next update). */
  reveal(id: string): void {
    const index = this.source.sorted().findIndex((s) => s.id === id);
    if (index < 0) return;
    const offsets = this.#offsets;
    const top = offsets[index];
    if (top >= this.#scrollTop && offsets[index + 1] <= this.#scrollTop + this.#viewport) return;
    this.#scrollTop = Math.max(0, Math.round(top - this.#viewport / 3));
    this.#pendingScroll = this.#scrollTop;
    this.host.requestUpdate();
  }

  get #offsets(): Float64Array {
    const version = this.source.orderVersion();
    const cache = this.#offsetsCache;
    if (cache?.version === version && cache.heights === this.#heightsVersion) return cache.offsets;
    const offsets = rowOffsets({ items: this.source.sorted(), keyOf: (s) => s.id, heights: this.#heights, estimate: this.#estimate });
    this.#offsetsCache = { version, heights: this.#heightsVersion, offsets };
    return offsets;
  }

  /** Rows not yet measured are guessed at the mean of those measured. */
  get #estimate(): number {
    let sum = 0;
    for (const h of this.#heights.values()) sum += h;
    return this.#heights.size ? sum / this.#heights.size : FIRST_ESTIMATE;
  }

  #onRowsResized(entries: ResizeObserverEntry[]): void {
    // Not within this notification: what awaited it may change the layout (a loop error here).
    if (this.#whenMeasured) setTimeout(this.#whenMeasured);
    this.#whenMeasured = undefined;
    let changed = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.id;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
      if (height) this.#sizes.set(entry.target, height);
      if (!id || !height || Math.abs((this.#heights.get(id) ?? -1) - height) < 0.5) continue;
      this.#heights.set(id, height);
      changed = true;
    }
    // Heights only matter where gaps stand in for rows. Re-rendering inside the observer's turn
    // would loop it; the next frame is soon enough.
    if (changed && this.source.sorted().length >= WINDOW_FROM) {
      this.#heightsVersion++;
      requestAnimationFrame(() => this.host.requestUpdate());
    }
  }
}
