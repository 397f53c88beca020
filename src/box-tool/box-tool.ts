import { checkBoxTarget } from '../core/target-checks.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { cssom } from '../core/cssom-style.js';
import { TabWalk } from '../core/tab-walk.js';
import { ReviewSlot, reviewKeyActions } from '../core/review-slot.js';
import type { ReviewState } from '../core/review.js';
import { adoptEarlyProperties } from '../core/early-properties.js';
import { plainOrAsGiven } from '../core/plain-data.js';
import { checkNumber, reportLater } from '../core/host-values.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { copy, isSuggestion, labelIdOf, type Annotation, type Annotator, type Label } from '../core/annotation.js';
import { GestureStore } from '../core/gesture-store.js';
import { Announcer } from '../core/announcer.js';
import { emit, type KolamErrorDetail } from '../core/events.js';
import { KeyboardController, type Keymap } from '../core/keyboard.js';
import { LabelsController } from '../core/labels-controller.js';
import { localized, msg, str } from '../core/localize.js';
import type { Rect } from '../core/selectors.js';
import { themeStyles } from '../core/theme.js';
import { boxToolStyles } from './box-tool.styles.js';
import { legendStyles, renderLegend } from './legend.js';
import { CanvasController } from './canvas-controller.js';
import { describeBox } from './describe.js';
import { EditingController } from './editing-controller.js';
import { fittedView, toScreen, transformOf, zoomAbout, type Point, type Size, type Transform, type View } from './geometry.js';
import { boxKeyActions } from './key-actions.js';
import { PointerGestures } from './pointer-gestures.js';
import { renderOverlay, type OverlayBox } from './overlay.js';
import { cachedRect } from './rect-cache.js';

/**
 * @tagname kolam-box-tool
 * Draws, moves, resizes and labels boxes on an image; emits W3C Web Annotations whose selectors are
 * `xywh=pixel:` in the image's natural pixels, whatever the zoom.
 *
 * Keys (focus on the image): arrows move the selected box (Shift ×10), Alt+arrows move its
 * right/bottom edge, Tab/Shift+Tab walk the boxes, Delete removes, 1–9 or a label's hotkey
 * relabels, `+`/`-`/`0` zoom and fit, Space+drag pans. Keyboard-only drawing: B starts a box in
 * the middle of the view, arrows and Alt+arrows place and size it, Enter adds it, Escape drops it.
 * Review of a model's suggestions (the same in every tool): N / Shift+N next / previous in
 * `review-order`, Enter or A accept, X (or Delete) reject, a label key relabels, Shift+Enter accepts
 * all at or above `accept-threshold`.
 *
 * @fires kolam-create - The user drew a box (or undid a delete).
 * @fires kolam-update - The user moved, resized, relabelled or accepted a box (once per gesture or key burst).
 * @fires kolam-delete - The user removed a box (or undid a create).
 * @fires kolam-select - The selection changed.
 * @fires kolam-change - After each create, update or delete: the whole set.
 * @fires kolam-error - The image failed to load, or a given annotation was rejected.
 * @fires kolam-active-label-change - A label key changed the active label.
 * @csspart viewport - The focusable image area (a listbox of the boxes).
 * @csspart image - The `<img>`.
 * @csspart boxes - The canvas the unselected boxes are drawn on.
 * @csspart overlay - The SVG with the selected and hovered box, handles, the box being drawn and the crosshair.
 * @csspart handle - A resize handle of the selected box.
 * @csspart zoom-controls - The zoom buttons and level.
 * @csspart zoom-button - One zoom button.
 * @csspart error - The message shown when the image fails to load.
 * @csspart legend - Each label with its colour, box count and key; the label new boxes get is marked.
 * @csspart legend-item - One label in the legend; also `active` on the label new boxes get.
 * @csspart hint - How to start, shown on an image with no boxes.
 * @csspart review - The review bar (shown while there are suggestions): progress and alternatives.
 * @csspart review-progress - "12 of 40 reviewed · 3 rejected".
 * @csspart alternatives - The selected suggestion's choices, best first, with scores and keys.
 * @cssprop --kolam-box-tool-height - Height of the element (default 480px).
 * @cssprop --kolam-box-stroke-width - Box outline width in CSS px (default 2).
 * @cssprop --kolam-box-handle-size - Resize handle size in CSS px (default 10).
 * @cssprop --kolam-box-label-size - Font size of box labels in CSS px (default 12).
 * @cssprop --kolam-box-crosshair-color - Colour of the drawing guide lines.
 */
@localized()
export class KolamBoxTool extends LitElement {
  // Declared here rather than by decorators: the entry then carries no decorator runtime.
  static override properties = {
    src: {},
    source: {},
    labels: { attribute: false },
    activeLabel: { attribute: 'active-label' },
    annotator: { attribute: false },
    readonly: { type: Boolean, reflect: true },
    minSize: { type: Number, attribute: 'min-size' },
    reviewOrder: { attribute: 'review-order' },
    acceptThreshold: { type: Number, attribute: 'accept-threshold' },
    keymap: { attribute: false },
    imageSize: { state: true, attribute: false },
    viewport: { state: true, attribute: false },
    view: { state: true, attribute: false },
    drawing: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    hoverId: { state: true, attribute: false },
    pointer: { state: true, attribute: false },
    cursor: { state: true, attribute: false },
    imageFailed: { state: true, attribute: false },
  };

  static override styles = [themeStyles, boxToolStyles, legendStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The image URL. */
  src = '';

  /** IRI written to `target.source`; defaults to `src`. */
  source: string | undefined;

  /** Labels `{ id, name?, color?, hotkey? }`; unset: from the nearest `<kolam-label-set>`. */
  labels: Label[] | undefined;

  /** Label id given to new boxes; default: the first label. */
  activeLabel: string | undefined;

  /** The person annotating; becomes `creator` of what they make. */
  annotator: Annotator | undefined;

  /** View and select only. */
  readonly = false;

  /** Boxes smaller than this (natural px, either side) are not created. */
  minSize = 4;

  /** Order of review (N): `margin` (default, most confused first), `score` (lowest first) or `reading`. */
  reviewOrder: string | undefined;

  /** Shift+Enter accepts every pending suggestion scored at or above this; unset: none. */
  acceptThreshold: number | undefined;

  /** Review counts `{ pending, accepted, rejected, relabeled }` (CONTRACT §8). */
  get reviewState(): ReviewState {
    return this.review.state;
  }

  /** Overrides of key bindings: action name → keys, e.g. `{ newBox: ['Insert'] }`. */
  get keymap(): Keymap {
    return this.keys.keymap;
  }
  set keymap(value: Keymap) {
    this.keys.keymap = value;
  }

  /**
   * The whole set, including rejected inputs (kept so nothing the host gave is lost). Read: copies.
   * A plain accessor, not a Lit property: Lit would call the getter (a deep copy) on every set.
   */
  get annotations(): Annotation[] {
    return copy((this.pending ? (this.pending.value ?? []) : this.store.all) as Annotation[]);
  }
  set annotations(value: Annotation[]) {
    this.pending = { value: plainOrAsGiven(value) };
    if (!this.src || this.imageSize || this.imageFailed) this.loadPending();
    this.requestUpdate('annotations');
  }

  /** Zoom relative to the fitted image (1 = whole image visible). */
  get zoom(): number {
    return this.view.zoom;
  }
  set zoom(value: number) {
    if (this.imageSize) this.view = zoomAbout(this.view, value / this.view.zoom, this.centre, this.viewport, this.imageSize);
  }

  /** @internal */ readonly store = new GestureStore(this);
  /** @internal */ readonly labelsCtl = new LabelsController(this);
  private readonly keys = new KeyboardController(this, boxKeyActions(this));
  /** @internal */ readonly announcer = new Announcer(this);
  /** @internal */ readonly tabs = new TabWalk(this);
  /** @internal */ readonly gestures = new PointerGestures(this);
  /** @internal */ readonly editing = new EditingController(this);
  /** @internal */ readonly layer = new CanvasController(this, () => this.renderRoot?.querySelector('canvas') ?? null);
  /** @internal */ readonly review = new ReviewSlot(this, {
    store: this.store,
    labels: this.labelsCtl,
    announcer: this.announcer,
    readingOrder: () => this.layer.order.map((i) => this.store.shown[i]),
    reveal: (a) => {
      this.store.select(a.id);
      this.revealBox(cachedRect(a));
    },
    canEdit: () => this.canEdit,
  });

  /** @internal */ imageSize: Size | null = null;
  /** @internal */ viewport: Size = { width: 0, height: 0 };
  /** @internal */ view: View = { zoom: 1, cx: 0, cy: 0 };
  /** @internal The box being drawn by pointer. */ drawing: Rect | null = null;
  /** @internal The box being placed by keyboard, not yet added. */ draft: Rect | null = null;
  /** @internal */ hoverId: string | null = null;
  /** @internal Pointer position for the crosshair, screen px. */ pointer: Point | null = null;
  /** @internal */ cursor = 'crosshair';
  private imageFailed = false;
  /** @internal */ spaceHeld = false;

  /** @internal */
  get viewportElement(): HTMLDivElement | null {
    return this.renderRoot?.querySelector('.viewport') ?? null;
  }

  /** A set given before the image's size is known, to check against it (may be anything). */
  private pending: { value: unknown } | null = null;
  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.keys.define(reviewKeyActions(this.review));
    this.keys.isLabelKey = (event) => this.labelsCtl.isHotkey(event);
    this.keys.fallback = (event, typing) => !typing && this.editing.relabelByKey(event);
  }

  /** Also waits for the review code when the set has suggestions, so the review bar is drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    return this.review.settled(await super.getUpdateComplete());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Attributes such as `src` are read by now, so early `annotations` wait for the image as usual.
    adoptEarlyProperties(this, ['annotations', 'keymap', 'zoom']);
    // Created here, not in a field: a removed and re-appended tool observes its viewport again
    // (else boxes are saved in stale pixels after a resize), and SSR has no ResizeObserver.
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      this.viewport = { width, height };
    });
    void this.updateComplete.then(() => {
      if (this.isConnected && this.viewportElement) this.resizeObserver?.observe(this.viewportElement);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    // A drag cannot go on in a tool that left the page: drop it, keep what was committed.
    this.gestures.cancel();
  }

  /** @internal */
  get transform(): Transform {
    return transformOf(this.view, this.viewport, this.imageSize ?? { width: 1, height: 1 });
  }

  /** @internal */
  get selectedRect(): Rect | null {
    const a = this.store.selected;
    return a ? cachedRect(a) : null;
  }

  /** @internal */
  get canEdit(): boolean {
    return !this.labelsCtl.readonly && this.imageSize !== null;
  }

  private get centre(): Point {
    return { x: this.viewport.width / 2, y: this.viewport.height / 2 };
  }

  // ——— loading ———

  private loadPending(): void {
    if (!this.pending) return;
    const input = this.pending.value;
    this.pending = null;
    const errors = this.store.load(input, { target: checkBoxTarget, labels: this.labelsCtl.labels, imageSize: this.imageSize ?? undefined });
    this.report(errors);
  }

  private report(errors: KolamErrorDetail[]): void {
    for (const error of errors) emit(this, 'kolam-error', { ...error, input: copy(error.input) });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('minSize')) {
      const { value, errors } = checkNumber('minSize', this.minSize, 4, 1, 10000);
      reportLater(this, errors);
      this.minSize = value;
    }
    if (changed.has('src') && changed.get('src') !== undefined) {
      // A new image may have another size: check the boxes again once it has loaded.
      this.imageSize = null;
      this.imageFailed = false;
      if (!this.pending && this.store.all.length) {
        this.pending = { value: this.store.all };
        this.store.load([], { target: checkBoxTarget });
      }
    }
  }

  private onImageLoad(event: Event): void {
    const img = event.target as HTMLImageElement;
    this.imageSize = { width: img.naturalWidth, height: img.naturalHeight };
    this.view = fittedView(this.imageSize);
    this.imageFailed = false;
    this.loadPending();
  }

  private onImageError(): void {
    if (!this.src) return;
    this.imageFailed = true;
    emit(this, 'kolam-error', { code: 'image-error', message: msg(str`The image ${this.src} could not be loaded.`), input: this.src });
    this.loadPending();
  }

  /** @internal Kept on the element for tests that drive the keyboard draft directly. */
  startKeyboardBox(): boolean {
    return this.editing.startKeyboardBox();
  }

  /** @internal */
  acceptOrCommit(): boolean {
    return this.editing.acceptOrCommit();
  }

  // ——— view ———

  /** @internal */
  zoomBy(factor: number, anchor: Point = this.centre): boolean {
    if (!this.imageSize) return false;
    this.view = zoomAbout(this.view, factor, anchor, this.viewport, this.imageSize);
    return true;
  }

  /** Shows the whole image, centred. */
  fit(): boolean {
    if (!this.imageSize) return false;
    this.view = fittedView(this.imageSize);
    return true;
  }

  /** @internal Pans so a box reached by keyboard is on screen. */
  revealBox(rect: Rect): void {
    if (!this.imageSize) return;
    const s = toScreen(this.transform, rect);
    if (s.x >= 0 && s.y >= 0 && s.x + s.w <= this.viewport.width && s.y + s.h <= this.viewport.height) return;
    this.view = { ...this.view, cx: rect.x + rect.w / 2, cy: rect.y + rect.h / 2 };
  }

  // ——— public methods (CONTRACT §4) ———

  undo(): void {
    this.store.undo();
  }

  redo(): void {
    this.store.redo();
  }

  select(id: string | null): void {
    this.store.select(id);
  }

  // ——— rendering ———

  private overlayBox(a: Annotation | undefined): OverlayBox | undefined {
    if (!a) return undefined;
    const id = labelIdOf(a);
    return { rect: cachedRect(a), color: this.labelsCtl.colorOf(id), name: this.labelsCtl.nameOf(id), dashed: isSuggestion(a) };
  }

  private renderOverlay(t: Transform) {
    const hovered = this.hoverId && this.hoverId !== this.store.selectedId ? this.store.get(this.hoverId) : undefined;
    const sketch = this.drawing ?? this.draft;
    const guide = this.canEdit && !this.gestures.isActive && this.cursor === 'crosshair';
    return renderOverlay({
      t,
      style: this.layer.style,
      viewport: this.viewport,
      selected: this.overlayBox(this.store.selected),
      handles: this.canEdit,
      hovered: this.overlayBox(hovered),
      sketch: sketch ? { rect: sketch, color: this.labelsCtl.colorOf(this.labelsCtl.activeLabel) } : null,
      crosshair: guide ? this.pointer : null,
    });
  }

  override render() {
    const image = this.imageSize;
    const t = this.transform;
    const shown = this.store.shown;
    const selected = this.store.selected;
    const index = selected ? shown.indexOf(selected) : -1;
    const name = selected ? describeBox(selected, this.labelsCtl.nameOf(labelIdOf(selected)), cachedRect(selected)) : '';
    const imgStyle = image
      ? { width: `${image.width}px`, height: `${image.height}px`, transform: `translate(${t.tx}px,${t.ty}px) scale(${t.scale})` }
      : { width: null, height: null, transform: null };
    const percent = Math.round(t.scale * 100);
    return html`
      <div
        part="viewport"
        class="viewport"
        tabindex="0"
        role="listbox"
        aria-label=${msg(str`Image boxes: ${shown.length}`)}
        aria-describedby="help"
        aria-activedescendant=${selected ? 'current' : nothing}
        ${cssom({ cursor: this.cursor })}
        @pointerdown=${this.gestures.onPointerDown}
        @pointermove=${this.gestures.onPointerMove}
        @pointerup=${this.gestures.onPointerUp}
        @pointercancel=${this.gestures.onPointerCancel}
        @lostpointercapture=${this.gestures.onLostCapture}
        @pointerleave=${this.gestures.onPointerLeave}
        @wheel=${this.gestures.onWheel}
      >
        <img part="image" class=${image ? 'ready' : ''} src=${ifDefined(this.src || undefined)} alt="" draggable="false" ${cssom(imgStyle)} @load=${this.onImageLoad} @error=${this.onImageError} />
        <canvas part="boxes" aria-hidden="true"></canvas>
        <svg part="overlay" class="overlay" aria-hidden="true">${image ? this.renderOverlay(t) : nothing}</svg>
        ${selected
          ? html`<div id="current" role="option" aria-selected="true" aria-posinset=${index + 1} aria-setsize=${shown.length} class="visually-hidden">${name}</div>`
          : nothing}
      </div>
      ${this.imageFailed ? html`<div part="error" class="error" role="alert">${msg('The image could not be loaded.')}</div>` : nothing}
      ${this.review.render(selected)}
      ${renderLegend({
        labels: this.labelsCtl.labels,
        shown,
        active: this.labelsCtl.activeLabel,
        readonly: this.labelsCtl.readonly,
        imageReady: image !== null,
        colorOf: (id) => this.labelsCtl.colorOf(id),
        nameOf: (id) => this.labelsCtl.nameOf(id),
        pick: (id) => this.labelsCtl.setActive(id),
      })}
      <div part="zoom-controls" class="zoom">
        <button part="zoom-button" type="button" aria-label=${msg('Zoom out')} ?disabled=${!image} @click=${() => this.zoomBy(0.8)}>−</button>
        <span class="level" aria-hidden="true">${image ? `${percent}%` : '–'}</span>
        <button part="zoom-button" type="button" aria-label=${msg('Zoom in')} ?disabled=${!image} @click=${() => this.zoomBy(1.25)}>+</button>
        <button part="zoom-button" type="button" aria-label=${msg('Fit image')} ?disabled=${!image} @click=${() => this.fit()}>${msg('Fit')}</button>
      </div>
      <div id="help" class="visually-hidden">
        ${this.labelsCtl.readonly
          ? msg('Tab moves between boxes. Plus and minus zoom, 0 fits.')
          : msg('Drag to draw a box. B starts a box by keyboard: arrows move it, Alt+arrows size it, Enter adds it. Tab moves between boxes, Delete removes, number keys relabel. Plus and minus zoom, 0 fits.')}
      </div>
      ${this.announcer.render()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-box-tool': KolamBoxTool;
  }
}
