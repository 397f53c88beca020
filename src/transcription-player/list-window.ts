/**
 * Which rows of a long segment list are in the DOM: those near the scrolled view, plus "pinned" ones
 * (the row being typed in must never be removed, or its focus and IME state would be lost). The rest
 * are gaps of their measured (or estimated) height, so the scrollbar stays true. Pure.
 */

/** A gap's `key` is its place among the gaps, so the same `<li>` stands in for whichever rows are away. */
export type WindowItem<T> = { kind: 'row'; item: T; index: number } | { kind: 'gap'; key: string; height: number };
/** A window item as rendered: each row with the DOM row (`slot`, see `assignSlots`) that shows it. */
export type SlottedItem<T> = { kind: 'row'; item: T; index: number; slot: number } | { kind: 'gap'; key: string; height: number };

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
  let gaps = 0;
  for (const index of shown) {
    if (index > next) out.push({ kind: 'gap', key: `gap-${gaps++}`, height: offsets[index] - offsets[next] });
    out.push({ kind: 'row', item: items[index], index });
    next = index + 1;
  }
  if (next < items.length) out.push({ kind: 'gap', key: `gap-${gaps}`, height: offsets[items.length] - offsets[next] });
  return out;
}

/**
 * Which DOM row shows each item: an item already shown keeps its row (the one being typed in
 * keeps its focus and IME state), an item arriving takes the row of one that left, so a jump to a
 * far segment updates ~20 rows in place instead of removing them and building 20 new ones (a
 * select with its options, a textarea, a button each). A row is reused only where it already
 * stands between the kept rows around the new item, so the rows in the DOM keep their order and
 * none is ever moved: moving an element blurs it, which would end the annotator's typing (and an
 * IME composition) when the list scrolls by a few rows. Returns the new id → slot map. Pure.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, ids: readonly string[]): Map<string, number> {
  // Where each old row stands in the DOM (the previous map's order is the rows' order).
  const position = new Map<number, number>();
  for (const slot of previous.values()) position.set(slot, position.size);
  const keptSlot = ids.map((id) => previous.get(id));
  const kept = new Set(keptSlot.filter((slot): slot is number => slot !== undefined));
  // For each item, where the next kept row after it stands: a reused row must stand before that.
  const nextKept: number[] = new Array(ids.length);
  let bound = Infinity;
  for (let i = ids.length - 1; i >= 0; i--) {
    nextKept[i] = bound;
    const slot = keptSlot[i];
    if (slot !== undefined) bound = position.get(slot)!;
  }
  const free = [...previous.values()].filter((slot) => !kept.has(slot));
  let fresh = Math.max(-1, ...previous.values()) + 1;
  let f = 0;
  let at = -1;
  const next = new Map<string, number>();
  ids.forEach((id, i) => {
    let slot = keptSlot[i];
    if (slot === undefined) {
      // Free rows standing before the last placed one are passed over (they go).
      while (f < free.length && position.get(free[f])! <= at) f++;
      slot = f < free.length && position.get(free[f])! < nextKept[i] ? free[f++] : fresh++;
    }
    if (position.has(slot)) at = position.get(slot)!;
    next.set(id, slot);
  });
  return next;
}
