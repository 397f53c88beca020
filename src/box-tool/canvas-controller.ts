/**
 * The canvas of unselected boxes: what it shows (rects and paints derived from the store, cached
 * per store version and label set), the style it is painted with, and when it is redrawn.
 */
import type { ReactiveController } from 'lit';
import { isSuggestion, labelIdOf, type Annotation, type Label } from '../core/annotation.js';
import { contrastText } from '../core/palette.js';
import type { Rect } from '../core/selectors.js';
import type { KolamBoxTool } from './box-tool.js';
import { drawBoxes, type BoxPaint } from './canvas-layer.js';
import { chipRect, type LayerStyle } from './label-chip.js';
import { CanvasSchedule } from './canvas-schedule.js';
import { readingOrder, toScreen } from './geometry.js';
import { handleRects } from './handle-layout.js';
import { cachedRect } from './rect-cache.js';

export class CanvasController implements ReactiveController {
  private readonly tool: KolamBoxTool;
  private readonly canvas: () => HTMLCanvasElement | null;
  private readonly schedule = new CanvasSchedule(() => this.draw());
  private cache = { version: -1, labels: null as readonly Label[] | null, labelsStamp: 0, rects: [] as Rect[], paints: [] as BoxPaint[], order: [] as number[] };
  /**
   * From the custom properties, for the overlay and the canvas. Read at the first render, then
   * after each render's frame has painted (`checkLayout`): read at the start of every render it
   * was a forced style recalculation (the DOM just changed) per key and per pointer move.
   */
  style: LayerStyle = { lineWidth: 2, handleSize: 10, fontSize: 12, fontFamily: 'sans-serif' };
  private styleKey = '';
  /** The label chips on the canvas at its last redraw, screen px (none overlaps another). */
  chips: Rect[] = [];
  /**
   * The legend and zoom controls over the view, in canvas px, as last measured. Read during a
   * redraw, right after a render changed the DOM, they cost a forced layout (~1.4 ms per review
   * decision); so they are measured once, then again after each redraw's frame has painted, where
   * layout is fresh (see `checkLayout`). A ResizeObserver on them is no use: a render inside the
   * tool's own observer callback resizes them (the zoom level's text), a "ResizeObserver loop".
   */
  private controlRects: Rect[] | null = null;
  private checking = 0;

  constructor(tool: KolamBoxTool, canvas: () => HTMLCanvasElement | null) {
    this.tool = tool;
    this.canvas = canvas;
    tool.addController(this);
  }

  hostDisconnected(): void {
    this.schedule.stop();
    // Measured again when it is back: it may come back elsewhere, at another size.
    this.controlRects = null;
    this.styleKey = '';
  }

  hostUpdate(): void {
    if (!this.styleKey) this.setStyle(this.readStyle());
  }

  /** Set by a gesture (wheel, pinch, drag-pan) as it moves the view, until the next render. */
  continuousView = false;

  hostUpdated(): void {
    const canvas = this.canvas();
    if (canvas) this.schedule.sync(canvas, this.contentKey(), this.tool.transform, this.tool.viewport, this.continuousView);
    this.continuousView = false;
    this.checkLayout();
  }

  private setStyle(style: LayerStyle): boolean {
    const key = `${style.lineWidth} ${style.handleSize} ${style.fontSize} ${style.fontFamily}`;
    if (key === this.styleKey) return false;
    this.style = style;
    this.styleKey = key;
    return true;
  }

  private get derived() {
    const c = this.cache;
    const { store, labelsCtl } = this.tool;
    const labels = labelsCtl.labels;
    if (c.version !== store.version || c.labels !== labels) {
      const shown = store.shown;
      c.rects = shown.map(cachedRect);
      // One ink per colour, not per box: the set is rebuilt on every change (each review decision).
      const inks = new Map<string, string>();
      c.paints = shown.map((a, i) => {
        const id = labelIdOf(a);
        const color = labelsCtl.colorOf(id);
        let ink = inks.get(color);
        if (ink === undefined) inks.set(color, (ink = contrastText(color)));
        return { rect: c.rects[i], color, ink, name: labelsCtl.nameOf(id), dashed: isSuggestion(a) };
      });
      c.order = [];
      c.version = store.version;
      if (c.labels !== labels) c.labelsStamp++;
      c.labels = labels;
    }
    return c;
  }

  /** Rects of `store.shown`, same order. */
  get rects(): Rect[] {
    return this.derived.rects;
  }

  /** Indexes into `store.shown` in reading order. */
  get order(): number[] {
    const d = this.derived;
    if (d.order.length !== d.rects.length) d.order = readingOrder(d.rects);
    return d.order;
  }

  /** Where a box of the current store version is in the derived lists; -1 when they are stale. */
  indexOf(box: Annotation): number {
    const store = this.tool.store;
    return this.cache.version === store.version ? store.shown.indexOf(box) : -1;
  }

  /**
   * Patches the one box at `index` after a preview replaced it, instead of rebuilding the lists per
   * pointer move: at 10,000 boxes the rebuild was most of a move's work (and its garbage).
   */
  patch(index: number, rect: Rect): void {
    const c = this.cache;
    c.rects[index] = rect;
    c.paints[index] = { ...c.paints[index], rect };
    c.order = [];
    c.version = this.tool.store.version;
  }

  /** True when the canvas shows what it should (but for the view). */
  get isCurrent(): boolean {
    return this.schedule.shows(this.contentKey());
  }

  /** True when the canvas shows what it should at the current view (not a moved picture awaiting its redraw). */
  get isSharp(): boolean {
    return this.schedule.isSharp(this.contentKey(), this.tool.transform);
  }

  /** Records that the canvas still shows the right picture after a change it need not show. */
  keepCurrent(): void {
    this.schedule.painted(this.contentKey());
  }

  private readStyle(): LayerStyle {
    const cs = getComputedStyle(this.tool);
    const num = (name: string, fallback: number) => parseFloat(cs.getPropertyValue(name)) || fallback;
    return {
      lineWidth: num('--kolam-box-stroke-width', 2),
      handleSize: num('--kolam-box-handle-size', 10),
      fontSize: num('--kolam-box-label-size', 12),
      fontFamily: cs.fontFamily || 'sans-serif',
    };
  }

  /** What the canvas shows, but for the view: redraw when it changes. */
  private contentKey(): string {
    const { store, viewport, imageSize } = this.tool;
    const { width, height } = viewport;
    const d = this.derived;
    return `${store.version}|${d.labelsStamp}|${this.styleKey}|${width}x${height}@${window.devicePixelRatio}|${store.selectedId}|${imageSize !== null}`;
  }

  /** What the overlay draws for the selected box (its chip and handles): no canvas chip may cover it. */
  private selectedObstacles(): Rect[] {
    const tool = this.tool;
    const selected = tool.store.selected;
    if (!selected || !tool.imageSize) return [];
    const screen = toScreen(tool.transform, cachedRect(selected));
    const name = tool.labelsCtl.nameOf(labelIdOf(selected));
    return [...(name ? [chipRect(screen, name, this.style)] : []), ...(tool.canEdit ? handleRects(screen, this.style.handleSize) : [])];
  }

  /** The legend and zoom controls drawn over the view, in canvas px: chips under them would be hidden. */
  private readControls(canvas: HTMLCanvasElement): Rect[] {
    const origin = canvas.getBoundingClientRect();
    return [...this.tool.renderRoot.querySelectorAll('[part~="legend"], [part~="zoom-controls"]')].map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
    });
  }

  /**
   * Reads the style and measures the controls again in a task after the frame that shows the
   * last render has painted (style and layout done: nothing forced). A new style renders again; a
   * control that grew over a chip redraws the canvas, which showed it under the control that frame.
   */
  private checkLayout(): void {
    if (this.checking) return;
    this.checking = requestAnimationFrame(() =>
      setTimeout(() => {
        this.checking = 0;
        const canvas = this.canvas();
        if (!canvas || !this.tool.isConnected) return;
        if (this.setStyle(this.readStyle())) return this.tool.requestUpdate();
        if (!this.controlRects) return;
        const rects = this.readControls(canvas);
        const key = (list: Rect[]) => list.map((r) => `${r.x},${r.y},${r.w},${r.h}`).join(' ');
        if (key(rects) === key(this.controlRects)) return;
        this.controlRects = rects;
        const under = (c: Rect) => rects.some((r) => c.x < r.x + r.w && r.x < c.x + c.w && c.y < r.y + r.h && r.y < c.y + c.h);
        if (this.chips.some(under)) this.schedule.now();
      }),
    );
  }

  /** Redraws every unselected box on the canvas at the current view. */
  private draw(): void {
    const canvas = this.canvas();
    if (!canvas) return;
    const tool = this.tool;
    const dpr = window.devicePixelRatio || 1;
    const { width, height } = tool.viewport;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const d = this.derived;
    const t = tool.transform;
    const selected = tool.store.selectedId;
    const shown = tool.store.shown;
    const paints = selected ? d.paints.filter((_, i) => shown[i].id !== selected) : d.paints;
    this.chips = drawBoxes(canvas, tool.imageSize ? paints : [], t, tool.viewport, this.style, dpr, [...this.selectedObstacles(), ...(this.controlRects ??= this.readControls(canvas))]);
    canvas.style.transform = '';
    this.schedule.painted(this.contentKey(), t);
    this.checkLayout();
  }
}
