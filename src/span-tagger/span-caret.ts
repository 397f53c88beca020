/**
 * The keyboard caret and the other end of a keyboard selection (the draft, not yet a span), and
 * the keys that move them: arrows word by word, Escape, Tab through the spans, N to the next
 * suggestion.
 */
import { msg, str } from '../core/localize.js';
import { isRtlParagraph, nextWordEnd, previousWordStart, type IndexRange } from './segmentation.js';
import { spoken } from './spoken.js';
import type { TaggerParts } from './tagger-parts.js';

export class SpanCaret {
  /** The caret and the other end of the draft, UTF-16 indices. */
  index = 0;
  anchor = 0;

  readonly #host: TaggerParts['host'];
  readonly #parts: TaggerParts;

  constructor(parts: TaggerParts) {
    this.#parts = parts;
    this.#host = parts.host;
  }

  /** Puts the caret at `index` with no draft. */
  collapse(index: number): void {
    this.index = this.anchor = index;
  }

  /** The draft, start before end; empty when there is none. */
  get draft(): IndexRange {
    return { start: Math.min(this.anchor, this.index), end: Math.max(this.anchor, this.index) };
  }

  /** Arrow keys: word by word, in the visual direction of the line (RTL lines reverse it). */
  move(direction: 'left' | 'right', extend: boolean): boolean {
    const text = this.#host.text;
    if (!text) return false;
    const forward = (direction === 'right') !== isRtlParagraph(text, this.index);
    this.index = forward ? nextWordEnd(text, this.index) : previousWordStart(text, this.index);
    if (!extend) this.anchor = this.index;
    else {
      const { start, end } = this.draft;
      if (end > start) this.#parts.announcer.announce(msg(str`Selected: ${spoken(text.slice(start, end))}`));
    }
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.scrollTo(this.index));
    return true;
  }

  /** Escape: drops the draft, or else the selection. */
  escape(): boolean {
    if (this.anchor !== this.index) {
      this.anchor = this.index;
      this.#host.requestUpdate();
      return true;
    }
    if (this.#parts.store.selectedId === null) return false;
    this.#host.select(null);
    this.#parts.tabs.rest();
    return true;
  }

  /** Tab / Shift+Tab: the next span in reading order; past the last one, focus leaves. */
  cycle(step: 1 | -1): boolean {
    const spans = this.#parts.placement.spans;
    const list = spans.spans;
    if (list.length === 0) return false;
    let current = spans.indexOf(this.#parts.store.selectedId);
    // With nothing selected, the walk starts at the caret: the span after it (or before, going back).
    if (current < 0) current = step > 0 ? list.findIndex((s) => s.end > this.index) - 1 : list.findLastIndex((s) => s.start < this.index) + 1;
    if (current < 0 && step > 0 && list.findIndex((s) => s.end > this.index) < 0) current = list.length - 1;
    const next = this.#parts.tabs.step(list.length, current, step);
    if (next === null) {
      this.#host.select(null);
      return false;
    }
    this.#host.select(list[next].id);
    return true;
  }

  /** Scrolls the text so that `index` shows, a third of the way down, if it is out of view. */
  scrollTo(index: number): void {
    const scroller = this.#parts.scroller();
    const blocks = this.#parts.blocks();
    const rect = blocks?.range(index, Math.min(index + 1, blocks.length)).getBoundingClientRect();
    if (!scroller || !rect) return;
    const box = scroller.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) scroller.scrollTop += rect.top - box.top - scroller.clientHeight / 3;
  }
}
