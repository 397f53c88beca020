import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  acceptSuggestion,
  copy,
  createAnnotation,
  isSuggestion,
  labelIdOf,
  scoreOf,
  withLabel,
  withSelector,
  type Annotation,
  type Annotator,
  type Label,
} from '../core/annotation.js';
import { AnnotationStore } from '../core/annotation-store.js';
import { Announcer } from '../core/announcer.js';
import type { CodePointIndex } from '../core/code-points.js';
import { emit } from '../core/events.js';
import { KeyboardController, type Keymap } from '../core/keyboard.js';
import { LabelsController, type LabelledTool } from '../core/labels-controller.js';
import { localized, msg, str } from '../core/localize.js';
import { UNLABELLED_COLOR } from '../core/palette.js';
import { textSelectors } from '../core/selectors.js';
import { themeStyles } from '../core/theme.js';
import { clearSelection } from './dom-selection.js';
import { isRtlParagraph, nextWordEnd, warmSegmenters, previousWordStart, snapRange, wordAt, type Granularity, type IndexRange } from './segmentation.js';
import { SpanHighlights, safeColor } from './span-highlights.js';
import { SpanOverlays, caretRect } from './span-overlays.js';
import type { PlacedSpan, SpanIndex } from './span-index.js';
import { SpanPlacement } from './span-placement.js';
import { spanTaggerStyles } from './span-tagger.styles.js';
import { TextBlocks } from './text-blocks.js';
import { TextHits } from './text-hits.js';

/** Quotes read aloud are cut here: a screen reader should not recite a whole clause. */
const SPOKEN_QUOTE = 80;

/**
 * Tags spans of plain text with labels. The text is shown exactly as given (whitespace and line
 * breaks kept); selecting with the mouse (drag, double-click, triple-click) or the keyboard creates
 * a span with the active label. Offsets are Unicode code points. Spans may overlap and nest; each
 * stays visible (a tint per span, an underline per nesting level) and clickable (innermost wins).
 * Drawn with the CSS Custom Highlight API: no element per span.
 *
 * Keys (while focused): ←/→ move a caret word by word, Shift+←/→ extend, Enter tags (or accepts a
 * selected suggestion), Tab/Shift+Tab select spans in reading order, 1–9 or a label's hotkey pick or
 * relabel, Delete removes, Escape clears, Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, N next
 * suggestion.
 *
 * @tagname kolam-span-tagger
 * @fires kolam-create - The user tagged a span (or undid a delete). `{ annotation }`
 * @fires kolam-update - The user relabelled or accepted a span. `{ annotation, previous }`
 * @fires kolam-delete - The user removed a span (or undid a create). `{ annotation }`
 * @fires kolam-select - The selected span changed. `{ annotation | null }`
 * @fires kolam-change - After each create, update or delete. `{ annotations }`
 * @fires kolam-error - Bad input, or a span that cannot be anchored (`orphaned`). `{ code, message, input }`
 * @fires kolam-active-label-change - A label key changed the active label. `{ activeLabel }`
 * @csspart text - The focusable, scrolling text region.
 * @csspart caret - The keyboard caret.
 * @csspart tag - The label name shown above the selected span.
 * @csspart tooltip - The label names of the spans under the pointer.
 * @cssprop --kolam-span-tagger-max-height - Height after which the text scrolls (default 32rem).
 * @cssprop --kolam-span-line-height - Line height of the text (default 1.7em).
 * @cssprop --kolam-span-tint - How strongly a span is tinted with its label colour (default 30%).
 * @cssprop --kolam-span-draft-color - Background of a keyboard selection not yet tagged.
 * @cssprop --kolam-span-selected-color - Background of the selected span.
 * @cssprop --kolam-span-selected-text-color - Text colour of the selected span.
 */
@localized()
export class KolamSpanTagger extends LitElement implements LabelledTool {
  static override styles = [themeStyles, spanTaggerStyles];

  /** The plain text to tag, shown exactly as given. Offsets count its code points. */
  @property({ attribute: false }) text = '';

  /** Labels; if unset, taken from the nearest `<kolam-label-set>`. */
  @property({ attribute: false }) labels: Label[] | undefined;

  /** Id of the label given to new spans; default: the first label. */
  @property({ attribute: 'active-label' }) activeLabel: string | undefined;

  /** The person annotating; becomes `creator` (type Person) of new spans. */
  @property({ attribute: false }) annotator: Annotator | undefined;

  /** View and select only. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** IRI written to `target.source`. */
  @property() source = '';

  /** `word` widens selections to whole words; `char` keeps them but never splits a grapheme. */
  @property() granularity: Granularity = 'word';

  /** Key binding overrides: action name → bindings (see README). */
  @property({ attribute: false }) keymap: Keymap = {};

  private readonly store = new AnnotationStore(this);
  private readonly labelsCtl = new LabelsController(this);
  private readonly keys = new KeyboardController(this);
  private readonly announcer = new Announcer(this);
  /** The focusable region that scrolls the text. */
  private get scroller(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part="text"]')!;
  }


  private readonly placement = new SpanPlacement((annotation) =>
    emit(this, 'kolam-error', {
      code: 'orphaned',
      message: msg(str`Annotation ${JSON.stringify(annotation.id)} could not be found in the text; it is kept unchanged.`),
      input: copy(annotation),
    }),
  );
  private blocks: TextBlocks | undefined;
  private hits: TextHits | undefined;
  private painter: SpanHighlights | undefined;
  private painterLabels: readonly Label[] | undefined;
  private overlays: SpanOverlays | undefined;
  private readonly marks: Partial<Record<'selected' | 'hover', { span: PlacedSpan; range: Range }>> = {};
  private hoverId: string | null = null;
  private pendingHover: { x: number; y: number } | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  /** The keyboard caret and the other end of a keyboard selection, UTF-16 indices. */
  private caret = 0;
  private anchor = 0;
  private pointerActive = false;
  /** The span a double-click just made, which a third click widens instead of adding another. */
  private doubleClickId: string | null = null;

  /** The whole set, rejected inputs and orphans included: a copy. */
  get annotations(): Annotation[] {
    return copy(this.store.all) as Annotation[];
  }

  /** Replaces the set from code: no create/update/delete/change; bad ones fire `kolam-error`. */
  set annotations(value: Annotation[]) {
    const errors = this.store.load(value, { kind: 'span', labels: this.labelsCtl.labels, textLength: this.index.length });
    for (const error of errors) emit(this, 'kolam-error', copy(error));
  }

  undo(): void {
    this.store.undo();
  }

  redo(): void {
    this.store.redo();
  }

  /** Selects a span by annotation id (null clears), scrolls it into view and announces it. */
  select(id: string | null): void {
    this.store.select(id);
    const span = this.spans.get(this.store.selectedId);
    if (span) {
      this.caret = this.anchor = span.start;
      void this.updateComplete.then(() => this.scrollToIndex(span.start));
      this.announce(span);
    }
  }

  constructor() {
    super();
    this.keys.define({
      undo: { keys: ['Mod+z'], run: () => (this.readonly ? false : this.store.undo()) },
      redo: { keys: ['Mod+Shift+z', 'Ctrl+y'], run: () => (this.readonly ? false : this.store.redo()) },
      delete: { keys: ['Delete', 'Backspace'], run: () => this.deleteSelected() },
      escape: { keys: ['Escape'], run: () => this.escape() },
      create: { keys: ['Enter'], run: () => this.enter() },
      next: { keys: ['Tab'], run: () => this.cycle(1) },
      previous: { keys: ['Shift+Tab'], run: () => this.cycle(-1) },
      'caret-forward': { keys: ['ArrowRight'], run: () => this.moveCaret('right', false) },
      'caret-back': { keys: ['ArrowLeft'], run: () => this.moveCaret('left', false) },
      'extend-forward': { keys: ['Shift+ArrowRight'], run: () => this.moveCaret('right', true) },
      'extend-back': { keys: ['Shift+ArrowLeft'], run: () => this.moveCaret('left', true) },
      'next-suggestion': { keys: ['n'], run: () => this.nextSuggestion() },
    });
    this.keys.fallback = (event, typing) => !typing && this.pickLabel(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.painter?.attach();
    if (this.blocks) this.watchScreen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.painter?.detach();
    this.stopWatching();
    document.removeEventListener('mouseup', this.onMouseUp, true);
  }

  private get index(): CodePointIndex {
    return this.placement.index;
  }

  private get spans(): SpanIndex {
    return this.placement.spans;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.keys.keymap = this.keymap;
    if (changed.has('text')) {
      this.placement.setText(this.text ?? '');
      this.caret = this.anchor = 0;
    }
    if (!this.placement.isCurrent(this.store.version)) this.placement.place(() => this.store.shown, this.store.version);
  }

  protected override firstUpdated(): void {
    this.painter = SpanHighlights.supported ? new SpanHighlights(this.renderRoot as ShadowRoot) : undefined;
    this.overlays = new SpanOverlays(this.renderRoot as ShadowRoot);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warmSegmenters);
    else setTimeout(warmSegmenters, 200);
  }

  protected override updated(changed: PropertyValues<this>): void {
    let redrawAll = false;
    if (changed.has('text') || !this.blocks) {
      this.blocks = new TextBlocks(this.renderRoot.querySelector<HTMLElement>('.blocks')!, this.text ?? '');
      this.hits = new TextHits(this.renderRoot as ShadowRoot, this.blocks, this);
      this.watchScreen();
      redrawAll = true;
    }
    const labels = this.labelsCtl.labels;
    if (this.painter && this.painterLabels !== labels) {
      this.painterLabels = labels;
      this.painter.setLabels(labels.map((l) => ({ id: l.id, color: this.colorOf(l.id) })), UNLABELLED_COLOR);
      redrawAll = true;
    }
    const { all, added, removed } = this.placement.takeChanges(redrawAll);
    if (this.painter && all) {
      this.painter.drawAll(this.spans.spans, this.blocks);
      this.updateWindow();
    } else if (this.painter) {
      for (const id of removed) this.painter.remove(id);
      for (const span of added) this.painter.add(span, this.blocks);
    }
    this.drawMarks();
  }

  /**
   * Gives Ranges to the spans on screen and a screen or so either side (SpanHighlights.setWindow).
   * Measured once when the text is drawn, so the first frame shows its spans; then kept up by an
   * IntersectionObserver as the reader scrolls.
   */
  private updateWindow(): void {
    const blocks = this.blocks;
    if (!blocks || !this.painter) return;
    const { start, end } = blocks.nearScreen(this.scroller);
    this.painter.setWindow(start, end, blocks, this.spans);
  }

  private watchScreen(): void {
    this.stopWatching();
    const blocks = this.blocks!;
    this.stopWatching = blocks.watchNearScreen((start, end) => this.painter?.setWindow(start, end, blocks, this.spans));
  }

  private stopWatching: () => void = () => {};

  private colorOf(labelId: string | undefined): string {
    return safeColor(this.labelsCtl.colorOf(labelId), UNLABELLED_COLOR);
  }

  /** The selected, hovered and draft marks, the caret and the selected span's label tag. */
  private drawMarks(): void {
    const blocks = this.blocks;
    if (!blocks) return;
    const selected = this.spans.get(this.store.selectedId);
    const [from, to] = [Math.min(this.anchor, this.caret), Math.max(this.anchor, this.caret)];
    const hovered = this.hoverId !== selected?.id ? this.spans.get(this.hoverId) : undefined;
    this.painter?.mark('selected', selected ? this.markRange('selected', selected) : null);
    this.painter?.mark('hover', hovered ? this.markRange('hover', hovered) : null);
    this.painter?.mark('draft', to > from ? blocks.range(from, to) : null);
    // Every read before any write, so the browser lays out once, not once per overlay.
    const rect = selected ? blocks.range(selected.start, selected.end).getClientRects()[0] : undefined;
    const tag = selected && rect ? { rect, name: this.labelsCtl.nameOf(selected.labelId) || msg('No label'), color: this.colorOf(selected.labelId) } : undefined;
    this.overlays?.draw(tag, caretRect(blocks, this.caret));
  }

  /** The Range of a mark, reused while it shows the same span (so the highlight is not redone). */
  private markRange(kind: 'selected' | 'hover', span: PlacedSpan): Range {
    const cached = this.marks[kind];
    if (cached?.span === span) return cached.range;
    const range = this.blocks!.range(span.start, span.end);
    this.marks[kind] = { span, range };
    return range;
  }

  // ——— Pointer ———

  private onPointerDown(event: PointerEvent): void {
    const scroller = this.scroller;
    // A press on the scrollbar scrolls; it neither selects nor clears the selection.
    const onScrollbar = event.target === scroller && (event.offsetX >= scroller.clientWidth || event.offsetY >= scroller.clientHeight);
    if (event.button !== 0 || onScrollbar) return;
    this.pointerActive = true;
    document.addEventListener('mouseup', this.onMouseUp, true);
  }

  /** On release the gesture is over: a selection becomes a span, a click picks one. */
  private readonly onMouseUp = (event: MouseEvent): void => {
    document.removeEventListener('mouseup', this.onMouseUp, true);
    this.pointerActive = false;
    const selected = this.hits?.selection() ?? null;
    if (selected && selected.end > selected.start) {
      this.caret = selected.end;
      this.anchor = selected.start;
      if (this.readonly) this.anchor = this.caret;
      else {
        // A triple-click passes through a double-click: widen the word it just tagged to the line.
        const word = event.detail === 3 ? this.store.get(this.doubleClickId) : undefined;
        if (word) this.widen(word, selected);
        else this.createFrom(selected);
        this.doubleClickId = event.detail === 2 ? this.store.selectedId : null;
        clearSelection();
      }
      this.requestUpdate();
      return;
    }
    const at = this.hits?.charAt(event.clientX, event.clientY) ?? null;
    const caret = this.hits?.caretAt(event.clientX, event.clientY) ?? null;
    if (caret !== null) this.caret = this.anchor = caret;
    this.select(at === null ? null : (this.spans.at(at)[0]?.id ?? null));
    this.requestUpdate();
  };

  private onPointerMove(event: PointerEvent): void {
    if (this.pointerActive || event.buttons) return;
    // While scrolling, the browser sends moves at the same point as the text slides under it:
    // the hover was cleared on scroll and waits for the pointer itself to move.
    const last = this.lastPointer;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (last && last.x === event.clientX && last.y === event.clientY) return;
    // One hit test per frame, however fast the pointer moves.
    if (!this.pendingHover) requestAnimationFrame(() => this.hover());
    this.pendingHover = { x: event.clientX, y: event.clientY };
  }

  private onScroll(): void {
    if (this.hoverId !== null || this.pendingHover) {
      this.pendingHover = null;
      this.setHover([], 0, 0);
    }
  }

  private onPointerLeave(): void {
    this.pendingHover = null;
    this.lastPointer = null;
    this.setHover([], 0, 0);
  }

  private hover(): void {
    const point = this.pendingHover;
    this.pendingHover = null;
    if (!point) return;
    const at = this.hits?.charAt(point.x, point.y) ?? null;
    this.setHover(at === null ? [] : this.spans.at(at), point.x, point.y);
  }

  private setHover(hits: PlacedSpan[], x: number, y: number): void {
    const id = hits[0]?.id ?? null;
    this.overlays?.tooltip(hits.map((s) => this.labelsCtl.nameOf(s.labelId) || msg('No label')).join(' › '), x, y);
    if (id !== this.hoverId) {
      this.hoverId = id;
      this.drawMarks();
    }
  }

  // ——— Creating and changing spans ———

  /** Tags [start, end) (UTF-16), snapped to the granularity, with the active label. */
  private createFrom(range: IndexRange): boolean {
    const snapped = snapRange(this.text, range, this.granularity);
    const labelId = this.labelsCtl.activeLabel;
    if (!snapped) return false;
    this.caret = this.anchor = snapped.end;
    const twin = this.spans.meeting(snapped.start, snapped.end).find((s) => s.start === snapped.start && s.end === snapped.end && s.labelId === labelId);
    if (twin) {
      // The same span with the same label twice is a slip (a double-click on a tagged word).
      this.select(twin.id);
      return true;
    }
    const selector = textSelectors(this.index, { start: this.index.toCodePoint(snapped.start), end: this.index.toCodePoint(snapped.end) });
    const annotation = createAnnotation({ source: this.source, selector, labelId, annotator: this.labelsCtl.annotator });
    // Anchored where it was made, with no search.
    this.placement.anchored(annotation, { start: selector[0].start, end: selector[0].end });
    this.commit({ added: annotation }, () => this.store.create(annotation));
    this.store.select(annotation.id);
    this.announcer.announce(msg(str`Tagged ${this.spoken(selector[1].exact)} as ${this.labelsCtl.nameOf(labelId) || msg('no label')}`));
    return true;
  }

  /**
   * Runs one user change through the store, telling the placement what it is so the update after
   * it touches one span, not all of them. If the store did not move by exactly one version (a
   * no-op, or a host listener that loaded a new set), the hint is dropped and the set is scanned.
   */
  private commit(change: { added?: Annotation; removedId?: string }, run: () => void): void {
    const version = this.store.version + 1;
    this.placement.expect(version, change);
    run();
    if (this.store.version !== version) this.placement.expect(-1, {});
  }

  /** Gives a span a new extent (snapped), as one update. */
  private widen(annotation: Annotation, range: IndexRange): void {
    const snapped = snapRange(this.text, range, this.granularity);
    if (!snapped) return;
    const selector = textSelectors(this.index, { start: this.index.toCodePoint(snapped.start), end: this.index.toCodePoint(snapped.end) });
    const next = withSelector(annotation, selector);
    this.placement.anchored(next, { start: selector[0].start, end: selector[0].end });
    this.commit({ added: next }, () => this.store.update(next));
    this.caret = this.anchor = snapped.end;
  }

  private deleteSelected(): boolean {
    const annotation = this.store.selected;
    if (this.readonly || !annotation) return false;
    const span = this.spans.get(annotation.id);
    this.commit({ removedId: annotation.id }, () => this.store.remove(annotation.id));
    if (span) this.announcer.announce(msg(str`Deleted ${this.labelsCtl.nameOf(span.labelId)}: ${this.spoken(this.text.slice(span.start, span.end))}`));
    return true;
  }

  private escape(): boolean {
    if (this.anchor !== this.caret) {
      this.anchor = this.caret;
      this.requestUpdate();
      return true;
    }
    if (this.store.selectedId === null) return false;
    this.select(null);
    return true;
  }

  private enter(): boolean {
    const selected = this.store.selected;
    if (this.anchor !== this.caret) {
      if (this.readonly) return false;
      return this.createFrom({ start: Math.min(this.anchor, this.caret), end: Math.max(this.anchor, this.caret) });
    }
    if (selected && isSuggestion(selected) && !this.readonly) {
      const accepted = acceptSuggestion(selected, this.labelsCtl.annotator);
      this.commit({ added: accepted }, () => this.store.update(accepted));
      this.announcer.announce(msg('Suggestion accepted'));
      return true;
    }
    const word = wordAt(this.text, this.caret);
    return !this.readonly && word !== null && this.createFrom(word);
  }

  /** A label key: relabels the selected span, or makes the label active. */
  private pickLabel(event: KeyboardEvent): boolean {
    const label = this.labelsCtl.labelForKey(event);
    if (!label) return false;
    const selected = this.store.selected;
    if (selected && !this.readonly) {
      const relabelled = withLabel(selected, label.id);
      if (labelIdOf(selected) !== label.id) this.commit({ added: relabelled }, () => this.store.update(relabelled));
      this.announcer.announce(msg(str`Relabelled as ${label.name ?? label.id}`));
    } else this.labelsCtl.setActive(label.id);
    return true;
  }

  /** Tab / Shift+Tab: the next span in reading order; past the last one, focus leaves. */
  private cycle(step: 1 | -1): boolean {
    const list = this.spans.spans;
    if (list.length === 0) return false;
    const current = this.spans.indexOf(this.store.selectedId);
    const next = current < 0 ? (step > 0 ? this.firstFrom(this.caret) : this.lastBefore(this.caret)) : current + step;
    if (next < 0 || next >= list.length) {
      this.select(null);
      return false;
    }
    this.select(list[next].id);
    return true;
  }

  private firstFrom(index: number): number {
    return this.spans.spans.findIndex((s) => s.end > index);
  }

  private lastBefore(index: number): number {
    return this.spans.spans.findLastIndex((s) => s.start < index);
  }

  /** N: the unreviewed suggestion with the lowest score. */
  private nextSuggestion(): boolean {
    const suggestions = this.store.shown.filter((a) => isSuggestion(a) && this.spans.get(a.id));
    if (suggestions.length === 0) return false;
    suggestions.sort((a, b) => (scoreOf(a) ?? 0) - (scoreOf(b) ?? 0));
    this.select(suggestions[0].id);
    return true;
  }

  /** Arrow keys: word by word, in the visual direction of the line (RTL lines reverse it). */
  private moveCaret(direction: 'left' | 'right', extend: boolean): boolean {
    if (!this.text) return false;
    const forward = (direction === 'right') !== isRtlParagraph(this.text, this.caret);
    this.caret = forward ? nextWordEnd(this.text, this.caret) : previousWordStart(this.text, this.caret);
    if (!extend) this.anchor = this.caret;
    else {
      const [from, to] = [Math.min(this.anchor, this.caret), Math.max(this.anchor, this.caret)];
      if (to > from) this.announcer.announce(msg(str`Selected: ${this.spoken(this.text.slice(from, to))}`));
    }
    this.requestUpdate();
    void this.updateComplete.then(() => this.scrollToIndex(this.caret));
    return true;
  }

  private scrollToIndex(index: number): void {
    const scroller = this.scroller;
    const rect = this.blocks?.range(index, Math.min(index + 1, this.blocks.length)).getBoundingClientRect();
    if (!scroller || !rect) return;
    const box = scroller.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) scroller.scrollTop += rect.top - box.top - scroller.clientHeight / 3;
  }

  private announce(span: PlacedSpan): void {
    this.announcer.announce(`${this.labelsCtl.nameOf(span.labelId) || msg('No label')}: ${this.spoken(this.text.slice(span.start, span.end))}`);
  }

  private spoken(quote: string): string {
    return quote.length > SPOKEN_QUOTE ? `${quote.slice(0, SPOKEN_QUOTE)}…` : quote;
  }

  override render() {
    return html`<div
        part="text"
        tabindex="0"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label=${this.readonly ? msg('Tagged text') : msg('Text to tag')}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerleave=${this.onPointerLeave}
        @scroll=${this.onScroll}
      >
        <div class="blocks"></div>
        <div part="caret" aria-hidden="true"></div>
        <div part="tag" aria-hidden="true"></div>
        <div part="tooltip" aria-hidden="true"></div>
      </div>
      ${this.announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-span-tagger': KolamSpanTagger;
  }
}
