/**
 * Creating and changing spans: each user change is one store step, announced, and told to the
 * placement so that the update after it touches one span, not all of them.
 */
import { createAnnotation, labelIdOf, withLabel, withSelector, type Annotation } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import { textSelectors } from '../core/selectors.js';
import { snapToWords, wordAt, type IndexRange } from './segmentation.js';
import type { SpanCaret } from './span-caret.js';
import { spoken } from './spoken.js';
import type { TaggerParts } from './tagger-parts.js';

export class SpanEditor {
  readonly #host: TaggerParts['host'];
  readonly #parts: TaggerParts;
  readonly #caret: SpanCaret;

  constructor(parts: TaggerParts, caret: SpanCaret) {
    this.#parts = parts;
    this.#caret = caret;
    this.#host = parts.host;
  }

  /** The id of the span `createFrom` last made (a triple-click widens it); the pointer clears it. */
  made: string | null = null;

  /** Tags [start, end) (UTF-16), snapped to the granularity, with the active label. */
  createFrom(range: IndexRange): boolean {
    const { store, placement, labels } = this.#parts;
    const snapped = this.#snap(range);
    const labelId = labels.activeLabel;
    if (snapped === undefined) return this.#later(() => this.createFrom(range));
    if (!snapped) return false;
    this.#caret.collapse(snapped.end);
    const twin = placement.spans.meeting(snapped.start, snapped.end).find((s) => s.start === snapped.start && s.end === snapped.end && s.labelId === labelId);
    if (twin) {
      // The same span with the same label twice is a slip (a double-click on a tagged word).
      this.#host.select(twin.id);
      return true;
    }
    const index = placement.index;
    const selector = textSelectors(index, { start: index.toCodePoint(snapped.start), end: index.toCodePoint(snapped.end) });
    const annotation = createAnnotation({ source: this.#host.source, selector, labelId, annotator: labels.annotator });
    // Anchored where it was made, with no search.
    placement.anchored(annotation, { start: selector[0].start, end: selector[0].end });
    store.create(annotation);
    this.made = annotation.id;
    store.select(annotation.id);
    this.#parts.announcer.announce(msg(str`Tagged ${spoken(selector[1].exact)} as ${labels.nameOf(labelId) || msg('no label')}`));
    return true;
  }

  /** Gives a span a new extent (snapped), as one update. */
  widen(annotation: Annotation, range: IndexRange): void {
    const { store, placement } = this.#parts;
    const snapped = this.#snap(range);
    if (snapped === undefined) return void this.#later(() => this.widen(annotation, range));
    if (!snapped) return;
    const index = placement.index;
    const selector = textSelectors(index, { start: index.toCodePoint(snapped.start), end: index.toCodePoint(snapped.end) });
    const next = withSelector(annotation, selector);
    placement.anchored(next, { start: selector[0].start, end: selector[0].end });
    store.update(next);
    this.#caret.collapse(snapped.end);
  }

  /**
   * [start, end) snapped to the granularity: whole words, or (`char`) whole graphemes, whose code is
   * fetched on demand: undefined while it is on its way. Should it never arrive, whole words are
   * used: a selection may grow, but it never splits a character.
   */
  #snap(range: IndexRange): IndexRange | null | undefined {
    const { text, granularity } = this.#host;
    const extras = granularity === 'char' ? this.#parts.extras.get() : undefined;
    if (extras) return extras.snapToGraphemes(text, range);
    return granularity === 'char' && !this.#parts.extras.failed ? undefined : snapToWords(text, range);
  }

  /**
   * Makes a change once the char snapping is here. The tagger asks for it as soon as a host sets
   * `granularity="char"`, so this waits only when the user is faster than the network; the
   * gesture is kept, not lost, unless the text changed meanwhile.
   */
  #later(change: () => void): boolean {
    const text = this.#host.text;
    void this.#parts.extras.loading?.then(() => {
      if (this.#host.text === text) change();
    });
    return true;
  }

  deleteSelected(): boolean {
    const { store, placement, labels } = this.#parts;
    const annotation = store.selected;
    if (this.#parts.review().decide('reject')) return true;
    if (this.#parts.labels.readonly || !annotation) return false;
    const span = placement.spans.get(annotation.id);
    store.remove(annotation.id);
    if (span) this.#parts.announcer.announce(msg(str`Deleted ${labels.nameOf(span.labelId)}: ${spoken(this.#host.text.slice(span.start, span.end))}`));
    return true;
  }

  /** Enter: tags the draft, or accepts the selected suggestion, or tags the word at the caret. */
  enter(): boolean {
    const caret = this.#caret;
    const readonly = this.#parts.labels.readonly;
    if (caret.anchor !== caret.index) {
      if (readonly) return false;
      return this.createFrom(caret.draft);
    }
    if (this.#parts.review().decide('accept')) return true;
    const word = wordAt(this.#host.text, caret.index);
    return !readonly && word !== null && this.createFrom(word);
  }

  /** A label key: relabels the selected span, or makes the label active. */
  pickLabel(event: KeyboardEvent): boolean {
    const { store, labels } = this.#parts;
    const label = labels.labelForKey(event);
    if (!label) return false;
    if (this.#parts.review().decide('accept', label.id)) return true;
    const selected = store.selected;
    if (selected && !this.#parts.labels.readonly) {
      const relabelled = withLabel(selected, label.id);
      if (labelIdOf(selected) !== label.id) store.update(relabelled);
      this.#parts.announcer.announce(msg(str`Relabelled as ${label.name ?? label.id}`));
    } else labels.setActive(label.id);
    return true;
  }
}
