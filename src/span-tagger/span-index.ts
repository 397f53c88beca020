/**
 * The spans on screen, in reading order, with what hit-testing and drawing need: which spans hold
 * a character (innermost first) and a nesting layer per span so overlapping spans are drawn apart.
 * Built once per load, then changed span by span: one new span among 10,000 costs a binary search
 * and a short walk, not a sort. Pure data; indices are UTF-16, as the DOM counts.
 */

export interface PlacedSpan {
  id: string;
  /** UTF-16 index, inclusive. */
  start: number;
  /** UTF-16 index, exclusive. */
  end: number;
  labelId: string | undefined;
  /** A model's suggestion, not yet reviewed. */
  suggested?: boolean;
  /** 0 for a span nothing overlaps from before; deeper for one inside or across others. */
  layer: number;
}

export type SpanInput = Omit<PlacedSpan, 'layer'>;

/** Reading order: by start, the longer (outer) span first. */
export function readingOrder(a: SpanInput, b: SpanInput): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class SpanIndex {
  /** In reading order. */
  readonly spans: PlacedSpan[];
  readonly #byId = new Map<string, PlacedSpan>();
  /** maxEnd[i]: the largest end among spans[0..i], so a point query knows when to stop looking back. */
  #maxEnd: number[] = [];

  constructor(spans: SpanInput[] = []) {
    this.spans = spans.map((s) => ({ ...s, layer: 0 })).sort(readingOrder);
    // Greedy interval colouring: each span takes the lowest layer free at its start.
    const layerEnds: number[] = [];
    for (const span of this.spans) {
      let layer = layerEnds.findIndex((end) => end <= span.start);
      if (layer < 0) layer = layerEnds.length;
      layerEnds[layer] = span.end;
      span.layer = layer;
      this.#byId.set(span.id, span);
    }
    this.#refreshMaxEnd(0);
  }

  get size(): number {
    return this.spans.length;
  }

  get(id: string | null | undefined): PlacedSpan | undefined {
    return id == null ? undefined : this.#byId.get(id);
  }

  /** Place of a span in reading order, or -1. */
  indexOf(id: string | null | undefined): number {
    const span = this.get(id);
    if (!span) return -1;
    const i = this.#lowerBound(span);
    return this.spans[i] === span ? i : -1;
  }

  /** Adds a span on the lowest layer none of the spans it meets uses; the others keep theirs. */
  insert(input: SpanInput): PlacedSpan {
    this.remove(input.id);
    const span: PlacedSpan = { ...input, layer: 0 };
    const used = new Set(this.meeting(span.start, span.end).map((s) => s.layer));
    while (used.has(span.layer)) span.layer++;
    const at = this.#lowerBound(span);
    this.spans.splice(at, 0, span);
    this.#maxEnd.splice(at, 0, Math.max(at > 0 ? this.#maxEnd[at - 1] : 0, span.end));
    this.#byId.set(span.id, span);
    // Later running maxima only grow to this end; past the first that already reaches it, none change.
    for (let i = at + 1; i < this.#maxEnd.length && this.#maxEnd[i] < span.end; i++) this.#maxEnd[i] = span.end;
    return span;
  }

  remove(id: string): PlacedSpan | undefined {
    const at = this.indexOf(id);
    if (at < 0) return undefined;
    const [span] = this.spans.splice(at, 1);
    this.#maxEnd.splice(at, 1);
    this.#byId.delete(id);
    this.#refreshMaxEnd(at);
    return span;
  }

  /** Spans holding the character at `index`, innermost (shortest) first. */
  at(index: number): PlacedSpan[] {
    return this.meeting(index, index + 1).sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  }

  /** Spans that meet [start, end), in no particular order. */
  meeting(start: number, end: number): PlacedSpan[] {
    const found: PlacedSpan[] = [];
    // First span starting at or after `end`: everything before it starts early enough.
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && this.#maxEnd[i] > start; i--) {
      if (this.spans[i].end > start) found.push(this.spans[i]);
    }
    return found;
  }

  #lowerBound(span: SpanInput): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (readingOrder(this.spans[mid], span) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #refreshMaxEnd(from: number): void {
    let max = from > 0 ? this.#maxEnd[from - 1] : 0;
    for (let i = from; i < this.spans.length; i++) {
      max = Math.max(max, this.spans[i].end);
      this.#maxEnd[i] = max;
    }
    this.#maxEnd.length = this.spans.length;
  }
}
