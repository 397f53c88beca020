/**
 * The mouse on the text: a press-and-release gesture (a drag, double- or triple-click tags; a click
 * selects the innermost span under it) and the hover (a mark and a tooltip naming the spans under
 * the pointer, one hit test per frame).
 */
import type { ReactiveController } from 'lit';
import { clearSelection } from './dom-selection.js';
import type { SpanCaret } from './span-caret.js';
import type { SpanEditor } from './span-editor.js';
import type { PlacedSpan } from './span-index.js';
import type { TaggerParts } from './tagger-parts.js';

export class SpanPointer implements ReactiveController {
  /** The span under the pointer (innermost), or null. */
  hoverId: string | null = null;
  #pendingHover: { x: number; y: number } | null = null;
  #lastPointer: { x: number; y: number } | null = null;
  #pointerActive = false;
  /** The last release was a double-click's: a third click widens the span it made (`editor.made`). */
  #afterDoubleClick = false;
  readonly #host: TaggerParts['host'];
  readonly #parts: TaggerParts;
  readonly #caret: SpanCaret;
  readonly #editor: SpanEditor;

  constructor(parts: TaggerParts, caret: SpanCaret, editor: SpanEditor) {
    this.#parts = parts;
    this.#caret = caret;
    this.#editor = editor;
    this.#host = parts.host;
    this.#host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /**
   * Drops a selection gesture in progress: the text under it changed (a host set `text`) or the
   * tagger left the page, so the release must not make a span on what is there now.
   */
  cancel(): void {
    if (!this.#pointerActive) return;
    document.removeEventListener('mouseup', this.#onMouseUp, true);
    this.#pointerActive = false;
    clearSelection();
  }

  readonly onPointerDown = (event: PointerEvent): void => {
    const scroller = this.#parts.scroller();
    // A press on the scrollbar scrolls; it neither selects nor clears the selection.
    const onScrollbar = event.target === scroller && (event.offsetX >= scroller.clientWidth || event.offsetY >= scroller.clientHeight);
    if (event.button !== 0 || onScrollbar) return;
    this.#pointerActive = true;
    document.addEventListener('mouseup', this.#onMouseUp, true);
  };

  /** On release the gesture is over: a selection becomes a span, a click picks one. */
  readonly #onMouseUp = (event: MouseEvent): void => {
    document.removeEventListener('mouseup', this.#onMouseUp, true);
    this.#pointerActive = false;
    const { store } = this.#parts;
    const caret = this.#caret;
    const afterDoubleClick = this.#afterDoubleClick;
    this.#afterDoubleClick = false;
    const hits = this.#parts.hits();
    const selected = hits?.selection() ?? null;
    if (selected && selected.end > selected.start) {
      caret.index = selected.end;
      caret.anchor = selected.start;
      if (this.#parts.labels.readonly) caret.anchor = caret.index;
      else {
        // A triple-click passes through a double-click: widen the word it just tagged to the line.
        // Only a span it made: one already there, which the double-click merely selected, is the
        // annotator's earlier work and keeps its extent. (With char snapping still on its way the
        // double-click's span is not made yet, and the line becomes a span of its own.)
        const word = event.detail === 3 && afterDoubleClick ? store.get(this.#editor.made) : undefined;
        if (word) this.#editor.widen(word, selected);
        else {
          this.#editor.made = null;
          this.#editor.createFrom(selected);
        }
        this.#afterDoubleClick = event.detail === 2;
        clearSelection();
      }
      this.#host.requestUpdate();
      return;
    }
    const at = hits?.charAt(event.clientX, event.clientY) ?? null;
    const index = hits?.caretAt(event.clientX, event.clientY) ?? null;
    if (index !== null) caret.collapse(index);
    this.#host.select(at === null ? null : (this.#parts.placement.spans.at(at)[0]?.id ?? null));
    this.#host.requestUpdate();
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    if (this.#pointerActive || event.buttons) return;
    // While scrolling, the browser sends moves at the same point as the text slides under it:
    // the hover was cleared on scroll and waits for the pointer itself to move.
    const last = this.#lastPointer;
    this.#lastPointer = { x: event.clientX, y: event.clientY };
    if (last && last.x === event.clientX && last.y === event.clientY) return;
    // One hit test per frame, however fast the pointer moves.
    if (!this.#pendingHover) requestAnimationFrame(() => this.#hover());
    this.#pendingHover = { x: event.clientX, y: event.clientY };
  };

  readonly onScroll = (): void => {
    if (this.hoverId !== null || this.#pendingHover) {
      this.#pendingHover = null;
      this.#setHover([], 0, 0);
    }
  };

  readonly onPointerLeave = (): void => {
    this.#pendingHover = null;
    this.#lastPointer = null;
    this.#setHover([], 0, 0);
  };

  #hover(): void {
    const point = this.#pendingHover;
    this.#pendingHover = null;
    if (!point) return;
    const at = this.#parts.hits()?.charAt(point.x, point.y) ?? null;
    this.#setHover(at === null ? [] : this.#parts.placement.spans.at(at), point.x, point.y);
  }

  #setHover(hits: PlacedSpan[], x: number, y: number): void {
    const id = hits[0]?.id ?? null;
    this.#parts.overlays()?.tooltip(hits.map((s) => this.#parts.labelName(s.labelId)).join(' › '), x, y);
    if (id !== this.hoverId) {
      this.hoverId = id;
      this.#parts.drawMarks();
    }
  }
}
