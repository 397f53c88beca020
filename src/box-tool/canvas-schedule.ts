/**
 * When the box canvas is redrawn. A change of boxes, labels, selection or size redraws at once. A
 * change of view alone (zoom, pan) moves the picture already drawn with a CSS transform, a
 * compositor job that fits in the frame at any box count, and redraws it crisp in the first frame
 * after the last view change: a zoom step (a key, a button, a wheel notch) is sharp one frame
 * later, while a continuous gesture (a trackpad pinch, a drag-pan) is not redrawn on every event.
 * A pan that uncovers an edge also redraws every MAX_DEFER ms, so boxes coming into view appear.
 */
import type { Size, Transform } from './geometry.js';

const MAX_DEFER = 200;

export class CanvasSchedule {
  private drawn = { content: '', t: null as Transform | null };
  private frame = 0;
  private since = 0;
  private lastChange = 0;
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

  /** Called after each render with what should be on screen. */
  sync(canvas: HTMLCanvasElement, content: string, t: Transform, viewport: Size): void {
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
    if (!covers && now - this.since > MAX_DEFER) return this.now();
    if (!this.frame) this.frame = requestAnimationFrame(this.onFrame);
  }

  /**
   * Redraws in the first frame that began after the last view change. Input is handled at the
   * start of a frame, after its timestamp: a change in this frame means the gesture goes on.
   */
  private readonly onFrame = (time: number): void => {
    if (this.lastChange >= time) {
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
