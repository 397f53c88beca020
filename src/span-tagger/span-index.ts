/**
 * The spans on screen, in reading order, with what hit-testing and drawing need: which spans hold
 * a character (innermost first) and how deep each span is nested under the ones it overlaps.
 * Pure data; indices are UTF-16, as the DOM counts.
 */

export interface PlacedSpan {
  id: string;
  /** UTF-16 index, inclusive. */
  start: number;
  /** UTF-16 index, exclusive. */
  end: number;
  labelId: string | undefined;
  /** 0 for a span nothing overlaps from before; 1 for one inside or across a layer-0 span; … */
  layer: number;
}

/** Reading order: by start, the longer (outer) span first. */
export function readingOrder(a: { start: number; end: number; id: string }, b: { start: number; end: number; id: string }): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class SpanIndex {
  /** In reading order. */
  readonly spans: PlacedSpan[];
  private readonly position = new Map<string, number>();
  /** maxEnd[i]: the largest end among spans[0..i], so a point query knows when to stop looking back. */
  private readonly maxEnd: Int32Array;

  constructor(spans: Omit<PlacedSpan, 'layer'>[]) {
    this.spans = spans.map((s) => ({ ...s, layer: 0 })).sort(readingOrder);
    this.maxEnd = new Int32Array(this.spans.length);
    // Greedy interval colouring: each span takes the lowest layer free at its start, so a span
    // nested or overlapping another lands on a deeper layer and stays visible.
    const layerEnds: number[] = [];
    let max = 0;
    this.spans.forEach((span, i) => {
      let layer = layerEnds.findIndex((end) => end <= span.start);
      if (layer < 0) layer = layerEnds.length;
      layerEnds[layer] = span.end;
      span.layer = layer;
      max = Math.max(max, span.end);
      this.maxEnd[i] = max;
      this.position.set(span.id, i);
    });
  }

  get(id: string | null | undefined): PlacedSpan | undefined {
    const i = id == null ? undefined : this.position.get(id);
    return i === undefined ? undefined : this.spans[i];
  }

  /** Place of a span in reading order, or -1. */
  indexOf(id: string | null | undefined): number {
    return id == null ? -1 : (this.position.get(id) ?? -1);
  }

  /** Spans holding the character at `index`, innermost (shortest) first. */
  at(index: number): PlacedSpan[] {
    const found: PlacedSpan[] = [];
    // Last span starting at or before index.
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start <= index) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && this.maxEnd[i] > index; i--) {
      if (this.spans[i].end > index) found.push(this.spans[i]);
    }
    return found.sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  }

  /** Spans that meet [start, end), in reading order. */
  overlapping(start: number, end: number): PlacedSpan[] {
    const found: PlacedSpan[] = [];
    for (let i = 0; i < this.spans.length && this.spans[i].start < end; i++) if (this.spans[i].end > start) found.push(this.spans[i]);
    return found;
  }
}
