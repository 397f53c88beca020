/**
 * Where each annotation sits in the current text: anchored once per annotation object (CONTRACT
 * §5), kept in a SpanIndex, and brought up to date with the store by object identity, so one edit
 * among 10,000 spans costs microseconds. It also records what changed for the painter.
 */
import { isSuggestion, labelIdOf, type Annotation } from '../core/annotation.js';
import type { AnnotationStore } from '../core/annotation-store.js';
import { CodePointIndex } from '../core/code-points.js';
import type { TextRange } from '../core/selectors.js';
import type { ExtrasSlot } from './extras-slot.js';
import { anchorByPosition } from './position-anchor.js';
import { SpanIndex, type PlacedSpan, type SpanInput } from './span-index.js';

/** More changes than this at once (a new set, an undo of many) are placed from scratch. */
const BULK_CHANGE = 200;

/** What the placement reads of the store. */
export type PlacementSource = Pick<AnnotationStore, 'version' | 'shown' | 'get' | 'changedOnly'>;

/** What the painter has to redraw: everything, or the spans added and the ids removed. */
export interface SpanChanges {
  all: boolean;
  added: PlacedSpan[];
  removed: string[];
}

export class SpanPlacement {
  index = new CodePointIndex('');
  spans = new SpanIndex();
  #anchors = new WeakMap<Annotation, TextRange | null>();
  /** The annotation object each span was placed from, to find what changed since. */
  readonly #placed = new Map<string, { annotation: Annotation; generation: number }>();
  #generation = 0;
  #version = -1;
  #changes: SpanChanges = { all: true, added: [], removed: [] };
  readonly #extras: ExtrasSlot;
  readonly #onOrphan: (annotation: Annotation) => void;

  /** `onOrphan` hears of each annotation that cannot be anchored, once per object and text. */
  constructor(extras: ExtrasSlot, onOrphan: (annotation: Annotation) => void) {
    this.#extras = extras;
    this.#onOrphan = onOrphan;
  }

  setText(text: string): void {
    this.index = new CodePointIndex(text);
    this.#anchors = new WeakMap();
    this.#placed.clear();
    this.#version = -1;
  }

  /** Whether the spans already reflect store version `version`. */
  isCurrent(version: number): boolean {
    return this.#version === version;
  }

  /**
   * Brings the spans up to date with the store. One change to one annotation since the last call
   * (a span made, relabelled, deleted, a review decision, an undo step) touches that span alone;
   * anything else looks through the set for what is new or changed.
   */
  place(store: PlacementSource): void {
    const { version } = store;
    const id = this.#version >= 0 && this.spans.size > 0 ? store.changedOnly(this.#version) : undefined;
    if (id !== undefined) {
      this.#version = version;
      const annotation = store.get(id);
      if (annotation) this.#replace(annotation);
      else {
        this.#placed.delete(id);
        if (this.spans.remove(id)) this.#changes.removed.push(id);
      }
      return;
    }
    this.#scan(store.shown, version);
  }

  #replace(annotation: Annotation): void {
    this.#placed.set(annotation.id, { annotation, generation: this.#generation });
    const span = this.#spanOf(annotation);
    if (span) this.#changes.added.push(this.spans.insert(span));
    else if (this.spans.remove(annotation.id)) this.#changes.removed.push(annotation.id);
  }

  #scan(shown: readonly Annotation[], version: number): void {
    this.#version = version;
    const generation = ++this.#generation;
    const changed: Annotation[] = [];
    for (const annotation of shown) {
      const previous = this.#placed.get(annotation.id);
      if (previous?.annotation === annotation) previous.generation = generation;
      else changed.push(annotation);
    }
    for (const annotation of changed) this.#placed.set(annotation.id, { annotation, generation });
    const removed: string[] = [];
    if (this.#placed.size !== shown.length) {
      for (const [id, entry] of this.#placed) if (entry.generation !== generation) removed.push(id);
      for (const id of removed) this.#placed.delete(id);
    }
    if (this.spans.size === 0 || changed.length + removed.length > BULK_CHANGE) {
      const spans: SpanInput[] = [];
      for (const annotation of shown) {
        const span = this.#spanOf(annotation);
        if (span) spans.push(span);
      }
      this.spans = new SpanIndex(spans);
      this.#changes = { all: true, added: [], removed: [] };
      return;
    }
    for (const id of removed) {
      this.spans.remove(id);
      this.#changes.removed.push(id);
    }
    for (const annotation of changed) this.#replace(annotation);
  }

  /** Records where a span the user just made is, so it is not searched for. */
  anchored(annotation: Annotation, range: TextRange): void {
    this.#anchors.set(annotation, range);
  }

  /** What changed since the last call; asks for a full redraw when `all` is passed. */
  takeChanges(all = false): SpanChanges {
    const changes = this.#changes;
    this.#changes = { all: false, added: [], removed: [] };
    if (all) changes.all = true;
    return changes;
  }

  /** Where an annotation is drawn (anchored once per object and text), or null. */
  #spanOf(annotation: Annotation): SpanInput | null {
    let range = this.#anchors.get(annotation);
    if (range === undefined) {
      // With no text yet, nothing can be anchored and nothing is reported: wait for the text.
      if (this.index.length === 0) return null;
      const placed = anchorByPosition(this.index, annotation);
      const extras = placed === 'search' ? this.#extras.get() : undefined;
      // Not remembered while the search is on its way: placed when it arrives (`replaceAll`). If
      // it cannot be fetched, the span cannot be found: an orphan, kept as given.
      if (placed === 'search' && !extras && !this.#extras.failed) return null;
      range = extras ? extras.searchQuote(this.index, annotation) : placed === 'search' ? null : placed;
      this.#anchors.set(annotation, range);
      if (range === null) this.#onOrphan(annotation);
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

  /**
   * Places every span again at the next `place()`, reusing the anchors already found: the quote
   * search has arrived for the spans that had to wait for it.
   */
  replaceAll(): void {
    this.#placed.clear();
    // From scratch, so a span whose annotation left the set meanwhile is not kept drawn.
    this.spans = new SpanIndex();
    this.#version = -1;
  }
}
