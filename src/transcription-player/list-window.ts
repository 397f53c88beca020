/**
 * Which rows of a long segment list are in the DOM: those near the scrolled view, plus "pinned" ones
 * (the row being typed in must never be removed, or its focus and IME state would be lost). The rest
 * are gaps of their measured (or estimated) height, so the scrollbar stays true. Pure.
 */

export type WindowItem<T> = { kind: 'row'; item: T; index: number } | { kind: 'gap'; key: string; height: number };

export interface WindowInput<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** Measured heights by key; others use `estimate`. */
  heights: ReadonlyMap<string, number>;
  estimate: number;
  scrollTop: number;
  viewport: number;
  /** Extra px rendered above and below the view. */
  overscan: number;
  pinned: ReadonlySet<string>;
}

/** Lists under this many rows are rendered whole: windowing costs more than it saves. */
export const WINDOW_FROM = 150;

/** Top offset of each row (and the total height at `items.length`). */
export function rowOffsets<T>(input: Pick<WindowInput<T>, 'items' | 'keyOf' | 'heights' | 'estimate'>): Float64Array {
  const offsets = new Float64Array(input.items.length + 1);
  for (let i = 0; i < input.items.length; i++) {
    offsets[i + 1] = offsets[i] + (input.heights.get(input.keyOf(input.items[i])) ?? input.estimate);
  }
  return offsets;
}

/** The first index whose row ends below `y`. */
export function indexAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

export function listWindow<T>(input: WindowInput<T>, offsets = rowOffsets(input)): WindowItem<T>[] {
  const { items, keyOf } = input;
  if (items.length < WINDOW_FROM) return items.map((item, index) => ({ kind: 'row', item, index }));
  const first = indexAt(offsets, input.scrollTop - input.overscan);
  const last = indexAt(offsets, input.scrollTop + input.viewport + input.overscan);
  const shown: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if ((i >= first && i <= last) || input.pinned.has(keyOf(items[i]))) shown.push(i);
  }
  const out: WindowItem<T>[] = [];
  let next = 0;
  for (const index of shown) {
    if (index > next) out.push({ kind: 'gap', key: `gap-${next}`, height: offsets[index] - offsets[next] });
    out.push({ kind: 'row', item: items[index], index });
    next = index + 1;
  }
  if (next < items.length) out.push({ kind: 'gap', key: `gap-${next}`, height: offsets[items.length] - offsets[next] });
  return out;
}
