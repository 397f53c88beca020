/**
 * Pointer input on the image: draw, move, resize by a handle, pan (Space+drag, middle-drag, or any
 * drag when readonly), wheel zoom, hover and the crosshair. Pointer events, so touch and pen work
 * as the mouse does. A gesture previews through the store (no events) and commits once on release.
 */
import type { ReactiveController } from 'lit';
import type { Rect } from '../core/selectors.js';
import { handleCentres } from './handle-layout.js';
import { handleAt, hitTest, moveRect, panBy, rectFromPoints, resizeRect, toImage, toScreen, transformOf, zoomAbout, type Handle, type Point, type View } from './geometry.js';
import type { KolamBoxTool } from './box-tool.js';

type Gesture =
  | { kind: 'draw'; start: Point }
  | { kind: 'move'; id: string; origin: Rect; start: Point; moved: boolean }
  | { kind: 'resize'; id: string; origin: Rect; handle: Handle }
  | { kind: 'pan'; last: Point }
  | { kind: 'pinch'; distance: number; mid: Point };

/** Screen pixels a press may wander before it counts as a drag (so a click never nudges a box). */
const DRAG_SLOP = 3;
/** Screen pixels beyond a handle's drawn edge that still grab it, so a mouse need not be exact. */
const HANDLE_SLACK = 2;
/** The least reach around a handle's centre for a pen or a finger: a finger is wider than a mouse. */
const HANDLE_REACH = { pen: 9, touch: 16 } as Record<string, number>;

export class PointerGestures implements ReactiveController {
  private readonly tool: KolamBoxTool;
  private gesture: Gesture | null = null;
  private pointerId = -1;
  private bounds: DOMRect | null = null;
  /** Touch points down on the image: two make a pinch (zoom about their middle, pan with it). */
  private readonly touches = new Map<number, Point>();

  constructor(tool: KolamBoxTool) {
    this.tool = tool;
    tool.addController(this);
  }

  hostConnected(): void {}

  get isActive(): boolean {
    return this.gesture !== null;
  }

  /** Escape, lost capture or pointercancel: put everything back as it was before the press. */
  cancel(): void {
    if (!this.gesture) return;
    const tool = this.tool;
    if (this.gesture.kind === 'move' || this.gesture.kind === 'resize') tool.store.cancelGesture();
    tool.drawing = null;
    this.end();
  }

  private end(): void {
    const target = this.tool.viewportElement;
    if (target?.hasPointerCapture(this.pointerId)) target.releasePointerCapture(this.pointerId);
    this.gesture = null;
    this.pointerId = -1;
  }

  private local(event: PointerEvent | WheelEvent, fresh = false): Point {
    if (fresh || !this.bounds) this.bounds = this.tool.viewportElement!.getBoundingClientRect();
    return { x: event.clientX - this.bounds.left, y: event.clientY - this.bounds.top };
  }

  private pinchOf(): { distance: number; mid: Point } {
    const [a, b] = [...this.touches.values()];
    return { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  }

  readonly onPointerDown = (event: PointerEvent): void => {
    const tool = this.tool;
    const image = tool.imageSize;
    if (!image) return;
    if (event.pointerType === 'touch') {
      this.touches.set(event.pointerId, this.local(event, true));
      if (this.touches.size === 2) {
        // A second finger turns whatever the first began into a pinch; the first one's edit is undone.
        this.cancel();
        this.gesture = { kind: 'pinch', ...this.pinchOf() };
        event.preventDefault();
        return;
      }
    }
    if (this.gesture || (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1)) return;
    const p = this.local(event, true);
    const t = tool.transform;
    const at = toImage(t, p);
    const pan = event.button === 1 || tool.spaceHeld;
    let gesture: Gesture | null = null;
    if (!pan) {
      const selected = tool.selectedRect;
      const handle = this.handleAt(p, event.pointerType);
      if (selected && handle) gesture = { kind: 'resize', id: tool.store.selectedId!, origin: selected, handle };
      else {
        const hit = hitTest(tool.layer.rects, at, 2 / t.scale);
        const annotation = hit >= 0 ? tool.store.shown[hit] : undefined;
        if (annotation) {
          tool.store.select(annotation.id);
          if (tool.canEdit) gesture = { kind: 'move', id: annotation.id, origin: tool.layer.rects[hit], start: at, moved: false };
        } else {
          tool.store.select(null);
          const inside = at.x >= 0 && at.y >= 0 && at.x <= image.width && at.y <= image.height;
          if (tool.canEdit && inside) gesture = { kind: 'draw', start: at };
        }
      }
    }
    // Readonly (or a press beside the image) drags the view: there is nothing else it could mean.
    gesture ??= { kind: 'pan', last: p };
    this.gesture = gesture;
    this.pointerId = event.pointerId;
    // Capture keeps the drag ours when the pointer leaves the element; a synthetic event has no
    // active pointer to capture, which must not break the gesture.
    try {
      tool.viewportElement!.setPointerCapture(event.pointerId);
    } catch {
      // Nothing to capture: the gesture still works while the pointer stays over the element.
    }
    tool.viewportElement!.focus({ preventScroll: true });
    event.preventDefault();
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    const tool = this.tool;
    const image = tool.imageSize;
    if (!image) return;
    const p = this.local(event, !this.gesture);
    const t = tool.transform;
    const at = toImage(t, p);
    tool.pointer = p;
    const g = this.gesture;
    if (!g) return this.hover(p, at);
    if (this.touches.has(event.pointerId)) this.touches.set(event.pointerId, p);
    if (g.kind === 'pinch') {
      if (this.touches.size < 2) return;
      const now = this.pinchOf();
      const zoomed = zoomAbout(tool.view, now.distance / g.distance, now.mid, tool.viewport, image);
      tool.layer.continuousView = true;
      tool.view = panBy(zoomed, now.mid.x - g.mid.x, now.mid.y - g.mid.y, transformOf(zoomed, tool.viewport, image), image);
      Object.assign(g, now);
      return;
    }
    if (event.pointerId !== this.pointerId) return;
    if (g.kind === 'pan') {
      tool.layer.continuousView = true;
      tool.view = panBy(tool.view, p.x - g.last.x, p.y - g.last.y, t, image);
      g.last = p;
    } else if (g.kind === 'draw') {
      tool.drawing = rectFromPoints(g.start, at, image);
    } else if (g.kind === 'move') {
      const dx = at.x - g.start.x;
      const dy = at.y - g.start.y;
      if (!g.moved && Math.hypot(dx * t.scale, dy * t.scale) < DRAG_SLOP) return;
      g.moved = true;
      tool.editing.previewRect(g.id, moveRect(g.origin, dx, dy, image));
    } else {
      tool.editing.previewRect(g.id, resizeRect(g.origin, g.handle, at, image));
    }
  };

  readonly onPointerUp = (event: PointerEvent): void => {
    this.touches.delete(event.pointerId);
    const g = this.gesture;
    if (g?.kind === 'pinch') {
      if (this.touches.size < 2) this.gesture = null;
      return;
    }
    if (!g || event.pointerId !== this.pointerId) return;
    const tool = this.tool;
    if (g.kind === 'draw') {
      const rect = tool.drawing;
      tool.drawing = null;
      if (rect) tool.editing.createBox(rect);
    } else if (g.kind === 'move' || g.kind === 'resize') tool.editing.commitEdit();
    this.end();
  };

  readonly onPointerCancel = (event: PointerEvent): void => {
    if (this.gesture?.kind === 'pinch') return this.onPointerUp(event);
    this.touches.delete(event.pointerId);
    if (event.pointerId === this.pointerId) this.cancel();
  };

  /** The browser took the pointer away (e.g. a system gesture): as pointercancel, for our own pointer only. */
  readonly onLostCapture = (event: PointerEvent): void => {
    if (event.pointerId === this.pointerId && this.gesture?.kind !== 'pinch') this.cancel();
  };

  readonly onPointerLeave = (): void => {
    if (this.gesture) return;
    this.tool.pointer = null;
    this.tool.hoverId = null;
  };

  readonly onWheel = (event: WheelEvent): void => {
    const tool = this.tool;
    const image = tool.imageSize;
    if (!image) return;
    event.preventDefault();
    // Lines or pages (Firefox) are ~16× a pixel delta; trackpad pinches arrive as Ctrl+wheel.
    const delta = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1);
    const factor = Math.exp(-delta * (event.ctrlKey ? 0.01 : 0.002));
    tool.layer.continuousView = true;
    tool.view = zoomAbout(tool.view, factor, this.local(event, true), tool.viewport, image) satisfies View;
  };

  /** The selected box's handle under `p`, reached as far as the handle is drawn (`--kolam-box-handle-size`). */
  private handleAt(p: Point, pointerType: string): Handle | undefined {
    const tool = this.tool;
    const selected = tool.selectedRect;
    if (!selected || !tool.canEdit) return undefined;
    const reach = Math.max(tool.layer.style.handleSize / 2 + HANDLE_SLACK, HANDLE_REACH[pointerType] ?? 0);
    const screen = toScreen(tool.transform, selected);
    return handleAt(screen, p, reach, handleCentres(screen, tool.layer.style.handleSize));
  }

  private hover(p: Point, at: Point): void {
    const tool = this.tool;
    const t = tool.transform;
    const handle = this.handleAt(p, 'mouse');
    const hit = handle ? -1 : hitTest(tool.layer.rects, at, 2 / t.scale);
    tool.hoverId = hit >= 0 ? tool.store.shown[hit].id : null;
    const image = tool.imageSize!;
    const onImage = at.x >= 0 && at.y >= 0 && at.x <= image.width && at.y <= image.height;
    // The crosshair (cursor and guide lines) only where a drag would draw: over the image.
    tool.cursor = tool.spaceHeld
      ? 'grab'
      : handle
        ? `${handle}-resize`
        : hit >= 0
          ? tool.canEdit ? 'move' : 'pointer'
          : tool.canEdit && onImage ? 'crosshair' : 'grab';
  }
}
