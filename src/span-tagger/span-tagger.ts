import { checkSpanTarget } from '../core/target-checks.js';
import { LitElement, html, type PropertyValues } from 'lit';
import { adoptEarlyProperties } from '../core/early-properties.js';
import { TabWalk } from '../core/tab-walk.js';
import { ReviewSlot, reviewKeyActions } from '../core/review-slot.js';
import type { ReviewState } from '../core/review.js';
import { reportLater } from '../core/host-values.js';
import { plainOrAsGiven } from '../core/plain-data.js';
import { copy, type Annotation, type Annotator, type Label } from '../core/annotation.js';
import { AnnotationStore } from '../core/annotation-store.js';
import { Announcer } from '../core/announcer.js';
import type { CodePointIndex } from '../core/code-points.js';
import { emit } from '../core/events.js';
import { KeyboardController, type Keymap } from '../core/keyboard.js';
import { LabelsController, type LabelledTool } from '../core/labels-controller.js';
import { msg, str, updateWhenLocaleChanges } from '../core/localize.js';
import { UNLABELLED_COLOR } from '../core/palette.js';
import { themeStyles } from '../core/theme.js';
import { warmSegmenters, type Granularity } from './segmentation.js';
import { SpanCaret } from './span-caret.js';
import { SpanEditor } from './span-editor.js';
import { SpanHighlights, safeColor } from './span-highlights.js';
import { SpanOverlays, caretRect } from './span-overlays.js';
import type { PlacedSpan, SpanIndex } from './span-index.js';
import { SpanPlacement } from './span-placement.js';
import { SpanPointer } from './span-pointer.js';
import { spanTaggerStyles } from './span-tagger.styles.js';
import { spoken } from './spoken.js';
import type { TaggerParts } from './tagger-parts.js';
import { BLOCK_TARGET, TextBlocks } from './text-blocks.js';
import { ExtrasSlot } from './extras-slot.js';
import { TextHits } from './text-hits.js';

/**
 * Tags spans of plain text with labels. The text is shown exactly as given (whitespace and line
 * breaks kept); selecting with the mouse (drag, double-click, triple-click) or the keyboard creates
 * a span with the active label. Offsets are Unicode code points. Spans may overlap and nest; each
 * stays visible (a tint per span, an underline per nesting level) and clickable (innermost wins).
 * Drawn with the CSS Custom Highlight API: no element per span.
 *
 * Keys (while focused): ←/→ move a caret word by word, Shift+←/→ extend, Enter tags (or accepts a
 * selected suggestion), Tab/Shift+Tab select spans in reading order, 1–9 or a label's hotkey pick or
 * relabel, Delete removes, Escape clears, Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo. Review of a
 * model's suggestions (the same in every tool): N / Shift+N next / previous in `review-order`,
 * Enter or A accept, X (or Delete) reject, a label key relabels, Shift+Enter accepts all at or
 * above `accept-threshold`.
 *
 * @tagname kolam-span-tagger
 * @fires kolam-create - The user tagged a span (or undid a delete). `{ annotation }`
 * @fires kolam-update - The user relabelled or accepted a span. `{ annotation, previous }`
 * @fires kolam-delete - The user removed a span (or undid a create). `{ annotation }`
 * @fires kolam-select - The selected span changed. `{ annotation | null }`
 * @fires kolam-change - After each create, update or delete. `{ annotations }`
 * @fires kolam-error - Bad input, or a span that cannot be anchored (`orphaned`). `{ code, message, input }`
 * @fires kolam-active-label-change - A label key changed the active label. `{ activeLabel }`
 * @csspart review - The review bar (shown while there are suggestions): progress and alternatives.
 * @csspart review-progress - "12 of 40 reviewed · 3 rejected".
 * @csspart alternatives - The selected suggestion's choices, best first, with scores and keys.
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
export class KolamSpanTagger extends LitElement implements LabelledTool {
  // What `@localized()` does, without a decorator: a decorated class has its `#private` members
  // compiled to WeakMaps, which would cost more than the decorator saves.
  static {
    this.addInitializer(updateWhenLocaleChanges);
  }

  // Declared here rather than by decorators: the entry then carries no decorator runtime.
  static override properties = {
    text: { attribute: false },
    labels: { attribute: false },
    activeLabel: { attribute: 'active-label' },
    annotator: { attribute: false },
    readonly: { type: Boolean, reflect: true },
    source: {},
    granularity: {},
    reviewOrder: { attribute: 'review-order' },
    acceptThreshold: { type: Number, attribute: 'accept-threshold' },
    keymap: { attribute: false },
  };

  static override styles = [themeStyles, spanTaggerStyles];

  /** The plain text to tag, shown exactly as given. Offsets count its code points. */
  text = '';

  /** Labels; if unset, taken from the nearest `<kolam-label-set>`. */
  labels: Label[] | undefined;

  /** Id of the label given to new spans; default: the first label. */
  activeLabel: string | undefined;

  /** The person annotating; becomes `creator` (type Person) of new spans. */
  annotator: Annotator | undefined;

  /** View and select only. */
  readonly = false;

  /** IRI written to `target.source`. */
  source = '';

  /** `word` widens selections to whole words; `char` keeps them but never splits a grapheme. */
  granularity: Granularity = 'word';

  /** Order of review (N): `margin` (default, most confused first), `score` (lowest first) or `reading`. */
  reviewOrder: string | undefined;

  /** Shift+Enter accepts every pending suggestion scored at or above this; unset: none. */
  acceptThreshold: number | undefined;

  /** Review counts `{ pending, accepted, rejected, relabeled }` (CONTRACT §8). */
  get reviewState(): ReviewState {
    return this.#review.state;
  }

  /** Key binding overrides: action name → bindings (see README). */
  keymap: Keymap = {};

  // `store` and `painter` keep plain names: the tests read the selection and the highlights there.
  private readonly store = new AnnotationStore(this);
  readonly #labelsCtl = new LabelsController(this);
  readonly #keys = new KeyboardController(this);
  readonly #announcer = new Announcer(this);
  /** The focusable region that scrolls the text. */
  get #scroller(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part="text"]')!;
  }

  /** The on-demand code: what arrives is placed and drawn at once. */
  readonly #extras = new ExtrasSlot(() => {
    this.#placement.replaceAll();
    // Spans placed only now join the review's reading order, the set itself unchanged.
    this.#review.refresh();
    this.requestUpdate();
  });
  readonly #placement = new SpanPlacement(this.#extras, (annotation) =>
    emit(this, 'kolam-error', {
      code: 'orphaned',
      message: msg(str`Annotation ${JSON.stringify(annotation.id)} could not be found in the text; it is kept unchanged.`),
      input: copy(annotation),
    }),
  );
  #blocks: TextBlocks | undefined;
  #hits: TextHits | undefined;
  private painter: SpanHighlights | undefined;
  #painterLabels: readonly Label[] | undefined;
  #overlays: SpanOverlays | undefined;
  readonly #marks: Partial<Record<'selected' | 'hover', { span: PlacedSpan; range: Range }>> = {};
  // After the store, labels, announcer and placement: field initialisers run in order.
  readonly #parts: TaggerParts = {
    host: this,
    store: this.store,
    placement: this.#placement,
    labels: this.#labelsCtl,
    announcer: this.#announcer,
    tabs: new TabWalk(this),
    extras: this.#extras,
    review: () => this.#review,
    blocks: () => this.#blocks,
    hits: () => this.#hits,
    overlays: () => this.#overlays,
    scroller: () => this.#scroller,
    labelName: (labelId) => this.#labelName(labelId),
    drawMarks: () => this.#drawMarks(),
  };
  readonly #review = new ReviewSlot(this, {
    store: this.store,
    labels: this.#labelsCtl,
    announcer: this.#announcer,
    // Placed now if the set changed since the last update: a host may read `reviewState` at once.
    readingOrder: () => (this.#placeSpans(), this.#placement.spans.spans).map((s) => this.store.get(s.id)).filter((a): a is Annotation => a !== undefined),
    reveal: (a) => this.select(a.id),
    canEdit: () => !this.#labelsCtl.readonly,
  });
  readonly #caret = new SpanCaret(this.#parts);
  readonly #editor = new SpanEditor(this.#parts, this.#caret);
  readonly #pointer = new SpanPointer(this.#parts, this.#caret, this.#editor);

  /** The whole set, rejected inputs and orphans included: a copy. */
  get annotations(): Annotation[] {
    return copy(this.store.all) as Annotation[];
  }

  /** Replaces the set from code: no create/update/delete/change; bad ones fire `kolam-error`. */
  set annotations(value: Annotation[]) {
    this.#extras.failed = false;
    const errors = this.store.load(value, { target: checkSpanTarget, labels: this.#labelsCtl.labels, textLength: this.#index.length });
    for (const error of errors) emit(this, 'kolam-error', copy(error));
  }

  undo(): void {
    this.store.undo();
  }

  redo(): void {
    this.store.redo();
  }

  /**
   * Focuses the text region, where the keys work (CONTRACT §4: the element is focusable). Not
   * `delegatesFocus`, which would also move focus on clicks anywhere in the shadow root.
   */
  override focus(options?: FocusOptions): void {
    const region = this.renderRoot?.querySelector<HTMLElement>('[part="text"]');
    if (region) region.focus(options);
    else super.focus(options);
  }

  /** Selects a span by annotation id (null clears), scrolls it into view and announces it. */
  select(id: string | null): void {
    this.store.select(id);
    const span = this.#spans.get(this.store.selectedId);
    if (span) {
      this.#caret.collapse(span.start);
      void this.updateComplete.then(() => this.#caret.scrollTo(span.start));
      this.#announce(span);
    }
  }

  constructor() {
    super();
    this.#keys.define({
      undo: { keys: ['Mod+z'], run: () => (this.#labelsCtl.readonly ? false : this.store.undo()) },
      redo: { keys: ['Mod+Shift+z', 'Ctrl+y'], run: () => (this.#labelsCtl.readonly ? false : this.store.redo()) },
      delete: { keys: ['Delete', 'Backspace'], run: () => this.#editor.deleteSelected() },
      escape: { keys: ['Escape'], run: () => this.#caret.escape() },
      create: { keys: ['Enter'], run: () => this.#editor.enter() },
      next: { keys: ['Tab'], run: () => this.#caret.cycle(1) },
      previous: { keys: ['Shift+Tab'], run: () => this.#caret.cycle(-1) },
      'caret-forward': { keys: ['ArrowRight'], run: () => this.#caret.move('right', false) },
      'caret-back': { keys: ['ArrowLeft'], run: () => this.#caret.move('left', false) },
      'extend-forward': { keys: ['Shift+ArrowRight'], run: () => this.#caret.move('right', true) },
      'extend-back': { keys: ['Shift+ArrowLeft'], run: () => this.#caret.move('left', true) },
      ...reviewKeyActions(this.#review),
    });
    this.#keys.isLabelKey = (event) => this.#labelsCtl.isHotkey(event);
    this.#keys.fallback = (event, typing) => !typing && this.#editor.pickLabel(event);
  }

  /**
   * Also waits for the on-demand code (a long text, a moved span) and for the review code when the
   * set has suggestions, so what a host awaits is drawn: the text, the spans re-anchored, the bar.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const loading = this.#extras.loading;
    if (loading) {
      await loading;
      done = await super.getUpdateComplete();
    }
    return this.#review.settled(done);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptEarlyProperties(this, ['annotations']);
    this.painter?.attach();
    if (this.#blocks) this.#watchScreen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.painter?.detach();
    this.#stopWatching();
  }

  get #index(): CodePointIndex {
    return this.#placement.index;
  }

  get #spans(): SpanIndex {
    return this.#placement.spans;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('keymap')) this.#keys.keymap = this.keymap;
    if (changed.has('granularity') && this.granularity !== 'word') {
      // Fetched now, so it is here before the first selection needs it.
      if (this.granularity === 'char') this.#extras.get();
      else {
        if (this.granularity != null) reportLater(this, [{ code: 'invalid-property', message: '"granularity" must be "word" or "char"; "word" is used.', input: plainOrAsGiven(this.granularity) }]);
        this.granularity = 'word';
      }
    }
    if (changed.has('text')) {
      if (this.text !== undefined && this.text !== null && typeof this.text !== 'string') {
        reportLater(this, [{ code: 'invalid-property', message: `"text" must be a string, got ${typeof this.text}; no text is shown.`, input: plainOrAsGiven(this.text) }]);
        this.text = '';
      }
      this.#pointer.cancel();
      this.#extras.failed = false;
      this.#placement.setText(this.text ?? '');
      this.#caret.collapse(0);
    }
    this.#placeSpans();
  }

  /** Places the set's spans in the text, if the set changed since they were placed. */
  #placeSpans(): void {
    if (!this.#placement.isCurrent(this.store.version)) this.#placement.place(this.store);
  }

  protected override firstUpdated(): void {
    this.painter = SpanHighlights.supported ? new SpanHighlights(this.renderRoot as ShadowRoot) : undefined;
    this.#overlays = new SpanOverlays(this.renderRoot as ShadowRoot);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warmSegmenters);
    else setTimeout(warmSegmenters, 200);
  }

  protected override updated(changed: PropertyValues<this>): void {
    let redrawAll = false;
    if (changed.has('text') || !this.#blocks) {
      const text = this.text ?? '';
      const container = this.renderRoot.querySelector<HTMLElement>('.blocks')!;
      const extras = text.length > BLOCK_TARGET ? this.#extras.get() : undefined;
      if (text.length > BLOCK_TARGET && !extras && !this.#extras.failed) {
        // Shown once the code that cuts it is here (a frame or so), never laid out as one block;
        // should it not arrive, it is shown as one block rather than not at all.
        this.#blocks = this.#hits = undefined;
        this.#stopWatching();
        container.replaceChildren();
        return;
      }
      this.#blocks = new TextBlocks(container, text, extras);
      this.#hits = new TextHits(this.renderRoot as ShadowRoot, this.#blocks, this);
      // Removed while the text waited for the on-demand code: watched again on reconnect.
      if (this.isConnected) this.#watchScreen();
      redrawAll = true;
    }
    const labels = this.#labelsCtl.labels;
    if (this.painter && this.#painterLabels !== labels) {
      this.#painterLabels = labels;
      this.painter.setLabels(labels.map((l) => ({ id: l.id, color: this.#colorOf(l.id) })), UNLABELLED_COLOR);
      redrawAll = true;
    }
    const { all, added, removed } = this.#placement.takeChanges(redrawAll);
    if (this.painter && all) {
      this.painter.drawAll(this.#spans.spans, this.#blocks);
      this.#updateWindow();
    } else if (this.painter) {
      for (const id of removed) this.painter.remove(id);
      for (const span of added) this.painter.add(span, this.#blocks);
    }
    this.#drawMarks();
  }

  /**
   * Gives Ranges to the spans on screen and a screen or so either side (SpanHighlights.setWindow).
   * Measured once when the text is drawn, so the first frame shows its spans; then kept up by an
   * IntersectionObserver as the reader scrolls.
   */
  #updateWindow(): void {
    const blocks = this.#blocks;
    if (!blocks || !this.painter) return;
    const { start, end } = blocks.nearScreen(this.#scroller);
    this.painter.setWindow(start, end, blocks, this.#spans);
  }

  #watchScreen(): void {
    this.#stopWatching();
    const blocks = this.#blocks!;
    this.#stopWatching = blocks.watchNearScreen((start, end) => this.painter?.setWindow(start, end, blocks, this.#spans));
  }

  #stopWatching: () => void = () => {};

  #colorOf(labelId: string | undefined): string {
    return safeColor(this.#labelsCtl.colorOf(labelId), UNLABELLED_COLOR);
  }

  /** The selected, hovered and draft marks, the caret and the selected span's label tag. */
  #drawMarks(): void {
    const blocks = this.#blocks;
    if (!blocks) return;
    const selected = this.#spans.get(this.store.selectedId);
    const { start: from, end: to } = this.#caret.draft;
    const hovered = this.#pointer.hoverId !== selected?.id ? this.#spans.get(this.#pointer.hoverId) : undefined;
    this.painter?.mark('selected', selected ? this.#markRange('selected', selected) : null);
    this.painter?.mark('hover', hovered ? this.#markRange('hover', hovered) : null);
    this.painter?.mark('draft', to > from ? blocks.range(from, to) : null);
    // Every read before any write, so the browser lays out once, not once per overlay.
    const rect = selected ? blocks.range(selected.start, selected.end).getClientRects()[0] : undefined;
    const tag = selected && rect ? { rect, name: this.#labelName(selected.labelId), color: this.#colorOf(selected.labelId) } : undefined;
    this.#overlays?.draw(tag, caretRect(blocks, this.#caret.index));
  }

  /** The Range of a mark, reused while it shows the same span (so the highlight is not redone). */
  #markRange(kind: 'selected' | 'hover', span: PlacedSpan): Range {
    const cached = this.#marks[kind];
    if (cached?.span === span) return cached.range;
    const range = this.#blocks!.range(span.start, span.end);
    this.#marks[kind] = { span, range };
    return range;
  }

  #announce(span: PlacedSpan): void {
    this.#announcer.announce(`${this.#labelName(span.labelId)}: ${spoken(this.text.slice(span.start, span.end))}`);
  }

  #labelName(labelId: string | undefined): string {
    return this.#labelsCtl.nameOf(labelId) || msg('No label');
  }

  override render() {
    return html`${this.#review.render(this.store.selected)}<div
        part="text"
        tabindex="0"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label=${this.readonly ? msg('Tagged text') : msg('Text to tag')}
        @pointerdown=${this.#pointer.onPointerDown}
        @pointermove=${this.#pointer.onPointerMove}
        @pointerleave=${this.#pointer.onPointerLeave}
        @scroll=${this.#pointer.onScroll}
      >
        <div class="blocks"></div>
        <div part="caret" aria-hidden="true"></div>
        <div part="tag" aria-hidden="true"></div>
        <div part="tooltip" aria-hidden="true"></div>
      </div>
      ${this.#announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-span-tagger': KolamSpanTagger;
  }
}
