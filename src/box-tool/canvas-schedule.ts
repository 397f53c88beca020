/**
 * When the box canvas is redrawn. A change of boxes, labels, selection or size redraws at once. A
 * change of view alone (zoom, pan) moves the picture already drawn with a CSS transform, a
 * compositor job that fits in the frame at any box count, and redraws it crisp in the next frame's
 * requestAnimationFrame, before that frame paints: a zoom step (a key, a button, the `zoom`
 * property) is sharp in the very frame that shows it. A continuous gesture (a wheel, a trackpad
 * pinch, a drag-pan), whose events come at the start of each frame, is redrawn in the first frame
 * without one, not on every event. A pan that uncovers an edge also redraws every MAX_DEFER ms,
 * so boxes coming into view appear.
 */
import type { Size, Transform } from './geometry.js';

const MAX_DEFER = 200;

export class CanvasSchedule {
  private drawn = { content: '', t: null as Transform | null };
  private frame = 0;
  private since = 0;
  private lastChange = 0;
  private continuous = false;
  private readonly redraw: () => void;

  /** `redraw` paints the canvas at the current view and reports it with `painted`. */
  constructor(redraw: () => void) {
    this.redraw = redraw;
  }

  /** True when the canvas shows `content` (a key of what is drawn: boxes' version, selection, size). */
  shows(content: string): boolean {
    return this.drawn.content === content;
  }

  /** Records that the canvas now shows `content` at `t` (after a redraw, or a change it need not show). */
  painted(content: string, t: Transform | null = this.drawn.t): void {
    this.drawn = { content, t };
  }

  /** True when the canvas shows `content` at the view `t`: sharp, not a moved picture. */
  isSharp(content: string, t: Transform): boolean {
    const was = this.drawn.t;
    return this.drawn.content === content && was !== null && was.scale === t.scale && was.tx === t.tx && was.ty === t.ty;
  }

  /** Called after each render with what should be on screen; `continuous` when a gesture moved the view. */
  sync(canvas: HTMLCanvasElement, content: string, t: Transform, viewport: Size, continuous = false): void {
    const was = this.drawn.t;
    if (this.drawn.content !== content || !was) return this.now();
    if (t.scale === was.scale && t.tx === was.tx && t.ty === was.ty) return;
    const k = t.scale / was.scale;
    const dx = t.tx - k * was.tx;
    const dy = t.ty - k * was.ty;
    canvas.style.transform = `translate(${dx}px,${dy}px) scale(${k})`;
    // Zooming in, the moved picture still covers the view: only its sharpness waits. Zooming out or
    // panning uncovers an edge, where boxes must appear during a long gesture too.
    const covers = dx <= 0 && dy <= 0 && dx + viewport.width * k >= viewport.width && dy + viewport.height * k >= viewport.height;
    const now = performance.now();
    if (!this.frame) this.since = now;
    this.lastChange = now;
    this.continuous = continuous;
    if (!covers && now - this.since > MAX_DEFER) return this.now();
    if (!this.frame) this.frame = requestAnimationFrame(this.onFrame);
  }

  /**
   * Redraws now, or for a gesture in the first frame that began after its last event. Its input
   * is handled at the start of a frame, after the frame's timestamp: a change in this frame means
   * the gesture goes on. (A key is handled in a task of its own, which may run after the frame's
   * timestamp too: that test would put off a single step by a frame for nothing.)
   */
  private readonly onFrame = (time: number): void => {
    if (this.continuous && this.lastChange >= time) {
      this.frame = requestAnimationFrame(this.onFrame);
      return;
    }
    this.frame = 0;
    this.now();
  };

  /** Redraws now, dropping any deferred redraw. */
  now(): void {
    this.stop();
    this.redraw();
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
