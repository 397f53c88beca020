/**
 * The segments in time order, kept between renders (range queries, the list and every editing key
 * read it), and the segment under the playhead. Rebuilt when the store changes, except during an
 * edge drag, which swaps in the one segment that changed.
 */
import type { Annotation } from '../core/annotation.js';
import type { GestureStore } from '../core/gesture-store.js';
import { byTime, rangeOf, segmentAt } from './segments.js';

export class SegmentIndex {
  private cache = { version: -1, list: [] as Annotation[], index: new Map<string, number>(), longest: 0 };
  private currentCache: { time: number; version: number; id: string | undefined } | null = null;

  constructor(
    private readonly store: GestureStore,
    /** The segment whose edge is being dragged, if any. */
    private readonly dragged: () => string | undefined,
  ) {}

  /** The shown segments in time order. */
  get sorted(): Annotation[] {
    const cache = this.cache;
    if (cache.version === this.store.version) return cache.list;
    const dragged = this.dragged();
    const at = dragged === undefined ? undefined : cache.index.get(dragged);
    if (this.store.isGestureActive && at !== undefined) {
      // An edge drag never reorders (edges stop at neighbours): swap in the one changed segment.
      const list = cache.list.slice();
      list[at] = this.store.get(dragged!) ?? list[at];
      const { start, end } = rangeOf(list[at]);
      this.cache = { ...cache, version: this.store.version, list, longest: Math.max(cache.longest, end - start) };
      return list;
    }
    const list = byTime(this.store.shown);
    const index = new Map(list.map((s, i) => [s.id, i]));
    const longest = list.reduce((m, s) => Math.max(m, rangeOf(s).end - rangeOf(s).start), 0);
    this.cache = { version: this.store.version, list, index, longest };
    return list;
  }

  /** The longest segment's duration, for range queries (as of the last `sorted`). */
  get longest(): number {
    return this.cache.longest;
  }

  /** The segment at `time`. */
  at(time: number): Annotation | undefined {
    const cache = this.currentCache;
    // Mid-drag the playhead stands still and the order is fixed: the same segment is under it.
    if (cache && cache.time === time && (cache.version === this.store.version || this.store.isGestureActive)) {
      return cache.id === undefined ? undefined : this.store.get(cache.id);
    }
    const found = segmentAt(this.sorted, time);
    this.currentCache = { time, version: this.store.version, id: found?.id };
    return found;
  }
}
