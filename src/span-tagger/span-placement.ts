/**
 * Where each annotation sits in the current text: anchored once per annotation object (CONTRACT
 * §5), kept in a SpanIndex, and brought up to date with the store by object identity, so one edit
 * among 10,000 spans costs microseconds. It also records what changed for the painter.
 */
import { isSuggestion, labelIdOf, type Annotation } from '../core/annotation.js';
import { CodePointIndex } from '../core/code-points.js';
import type { TextRange } from '../core/selectors.js';
import { anchorSpan } from './anchoring.js';
import { SpanIndex, type PlacedSpan, type SpanInput } from './span-index.js';

/** More changes than this at once (a new set, an undo of many) are placed from scratch. */
const BULK_CHANGE = 200;

/** What the painter has to redraw: everything, or the spans added and the ids removed. */
export interface SpanChanges {
  all: boolean;
  added: PlacedSpan[];
  removed: string[];
}

export class SpanPlacement {
  index = new CodePointIndex('');
  spans = new SpanIndex();
  private anchors = new WeakMap<Annotation, TextRange | null>();
  /** The annotation object each span was placed from, to find what changed since. */
  private readonly placed = new Map<string, { annotation: Annotation; generation: number }>();
  private generation = 0;
  private version = -1;
  private changes: SpanChanges = { all: true, added: [], removed: [] };
  private expected: { version: number; added?: Annotation; removedId?: string } | null = null;

  /** `onOrphan` hears of each annotation that cannot be anchored, once per object and text. */
  constructor(private readonly onOrphan: (annotation: Annotation) => void) {}

  setText(text: string): void {
    this.index = new CodePointIndex(text);
    this.anchors = new WeakMap();
    this.placed.clear();
    this.version = -1;
  }

  /** Whether the spans already reflect store version `version`. */
  isCurrent(version: number): boolean {
    return this.version === version;
  }

  /** Anchors what is new or changed in `shown` (the store's valid annotations, at `version`). */
  place(shown: () => readonly Annotation[], version: number): void {
    const expected = this.expected;
    this.expected = null;
    if (expected?.version === version && this.version === version - 1 && this.spans.size > 0) {
      // The one change the tool itself just made: no need to look through the whole set.
      this.version = version;
      if (expected.removedId !== undefined && this.spans.remove(expected.removedId)) this.changes.removed.push(expected.removedId);
      if (expected.removedId !== undefined) this.placed.delete(expected.removedId);
      if (expected.added) this.replace(expected.added);
      return;
    }
    this.scan(shown(), version);
  }

  /**
   * Tells the placement which single change the store's next version holds (a span the user made,
   * relabelled or deleted), so placing it skips the scan of every annotation.
   */
  expect(version: number, change: { added?: Annotation; removedId?: string }): void {
    this.expected = { version, ...change };
  }

  private replace(annotation: Annotation): void {
    this.placed.set(annotation.id, { annotation, generation: this.generation });
    const span = this.spanOf(annotation);
    if (span) this.changes.added.push(this.spans.insert(span));
    else if (this.spans.remove(annotation.id)) this.changes.removed.push(annotation.id);
  }

  private scan(shown: readonly Annotation[], version: number): void {
    this.version = version;
    const generation = ++this.generation;
    const changed: Annotation[] = [];
    for (const annotation of shown) {
      const previous = this.placed.get(annotation.id);
      if (previous?.annotation === annotation) previous.generation = generation;
      else changed.push(annotation);
    }
    for (const annotation of changed) this.placed.set(annotation.id, { annotation, generation });
    const removed: string[] = [];
    if (this.placed.size !== shown.length) {
      for (const [id, entry] of this.placed) if (entry.generation !== generation) removed.push(id);
      for (const id of removed) this.placed.delete(id);
    }
    if (this.spans.size === 0 || changed.length + removed.length > BULK_CHANGE) {
      const spans: SpanInput[] = [];
      for (const annotation of shown) {
        const span = this.spanOf(annotation);
        if (span) spans.push(span);
      }
      this.spans = new SpanIndex(spans);
      this.changes = { all: true, added: [], removed: [] };
      return;
    }
    for (const id of removed) {
      this.spans.remove(id);
      this.changes.removed.push(id);
    }
    for (const annotation of changed) this.replace(annotation);
  }

  /** Records where a span the user just made is, so it is not searched for. */
  anchored(annotation: Annotation, range: TextRange): void {
    this.anchors.set(annotation, range);
  }

  /** What changed since the last call; asks for a full redraw when `all` is passed. */
  takeChanges(all = false): SpanChanges {
    const changes = this.changes;
    this.changes = { all: false, added: [], removed: [] };
    if (all) changes.all = true;
    return changes;
  }

  /** Where an annotation is drawn (anchored once per object and text), or null. */
  private spanOf(annotation: Annotation): SpanInput | null {
    let range = this.anchors.get(annotation);
    if (range === undefined) {
      // With no text yet, nothing can be anchored and nothing is reported: wait for the text.
      if (this.index.length === 0) return null;
      range = anchorSpan(this.index, annotation);
      this.anchors.set(annotation, range);
      if (range === null) this.onOrphan(annotation);
    }
    if (!range) return null;
    return {
      id: annotation.id,
      start: this.index.toIndex(range.start),
      end: this.index.toIndex(range.end),
      labelId: labelIdOf(annotation),
      suggested: isSuggestion(annotation),
    };
  }
}
