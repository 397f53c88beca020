/**
 * Paints the waveform and its time axis into canvases of CHUNK_WIDTH CSS px placed side by side in
 * the scrolled content. Only chunks near the visible range exist; each is drawn once per zoom, so
 * scrolling is the compositor's work and a three-hour file costs what its visible part costs.
 */
import { extentAt, type PeakLevels } from './peaks.js';
import { formatClock, tickDecimals, tickSteps } from './time-format.js';

export const CHUNK_WIDTH = 1024;
export const AXIS_HEIGHT = 20;

export interface WaveformColors {
  wave: string;
  axis: string;
  text: string;
  font: string;
}

export class WaveformCanvas {
  private readonly chunks = new Map<number, HTMLCanvasElement>();
  private readonly spare: HTMLCanvasElement[] = [];
  private readonly extent: [number, number] = [0, 0];

  levels: PeakLevels | null = null;
  pxPerSecond = 100;
  /** Seconds the axis and drawing cover (the media's duration, or the peaks'). */
  duration = 0;
  height = 120;
  colors: WaveformColors = { wave: '#0b57d0', axis: '#c9ced6', text: '#57606a', font: '11px system-ui' };

  constructor(private readonly layer: HTMLElement) {}

  /** Forgets every drawn chunk: after a zoom, new peaks, a resize or new colours. */
  invalidate(): void {
    for (const canvas of this.chunks.values()) {
      canvas.remove();
      this.spare.push(canvas);
    }
    this.chunks.clear();
  }

  /** Makes sure the chunks over [left, left + width] CSS px (plus one on each side) are drawn. */
  paint(left: number, width: number): void {
    const total = Math.ceil(this.duration * this.pxPerSecond);
    const first = Math.max(0, Math.floor(left / CHUNK_WIDTH) - 1);
    const last = Math.min(Math.ceil(total / CHUNK_WIDTH) - 1, Math.floor((left + width) / CHUNK_WIDTH) + 1);
    for (const [index, canvas] of this.chunks) {
      if (index < first || index > last) {
        canvas.remove();
        this.chunks.delete(index);
        this.spare.push(canvas);
      }
    }
    for (let index = first; index <= last; index++) {
      if (!this.chunks.has(index)) this.drawChunk(index, Math.min(CHUNK_WIDTH, total - index * CHUNK_WIDTH));
    }
  }

  /** How many chunk canvases exist now (tests check the drawing stays lazy). */
  get chunkCount(): number {
    return this.chunks.size;
  }

  private drawChunk(index: number, width: number): void {
    if (width <= 0) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const canvas = this.spare.pop() ?? document.createElement('canvas');
    canvas.width = Math.ceil(width * dpr);
    canvas.height = Math.ceil(this.height * dpr);
    canvas.style.cssText = `position:absolute;top:0;left:${index * CHUNK_WIDTH}px;width:${width}px;height:${this.height}px`;
    const ctx = canvas.getContext('2d', { alpha: true });
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, this.height);
    const x0 = index * CHUNK_WIDTH;
    this.drawAxis(ctx, x0, width);
    this.drawWave(ctx, x0, width, dpr);
    this.layer.append(canvas);
    this.chunks.set(index, canvas);
  }

  private drawAxis(ctx: CanvasRenderingContext2D, x0: number, width: number): void {
    const { major, minor } = tickSteps(this.pxPerSecond);
    const t0 = x0 / this.pxPerSecond;
    const t1 = (x0 + width) / this.pxPerSecond;
    ctx.fillStyle = this.colors.axis;
    ctx.fillRect(0, AXIS_HEIGHT - 1, width, 1);
    ctx.beginPath();
    // Step by whole multiples so ticks line up across chunk boundaries.
    for (let n = Math.floor(t0 / minor); n * minor <= t1; n++) {
      const t = n * minor;
      const x = Math.round(t * this.pxPerSecond - x0) + 0.5;
      const isMajor = Math.abs(t / major - Math.round(t / major)) < 1e-6;
      ctx.rect(x - 0.5, isMajor ? AXIS_HEIGHT - 8 : AXIS_HEIGHT - 4, 1, isMajor ? 7 : 3);
    }
    ctx.fill();
    ctx.fillStyle = this.colors.text;
    ctx.font = this.colors.font;
    ctx.textBaseline = 'top';
    const decimals = tickDecimals(major);
    // A label starting just before this chunk still shows its tail here.
    for (let n = Math.floor(t0 / major) - 1; n * major <= t1; n++) {
      if (n < 0) continue;
      const x = n * major * this.pxPerSecond - x0;
      ctx.fillText(formatClock(n * major, decimals), x + 3, 2);
    }
  }

  private drawWave(ctx: CanvasRenderingContext2D, x0: number, width: number, dpr: number): void {
    if (!this.levels) return;
    const top = AXIS_HEIGHT + 2;
    const half = (this.height - top - 2) / 2;
    const mid = top + half;
    const columns = Math.ceil(width * dpr);
    const secondsPerColumn = 1 / (this.pxPerSecond * dpr);
    const start = x0 / this.pxPerSecond;
    const end = Math.min(this.duration, (x0 + width) / this.pxPerSecond);
    const level = this.levels.forRate(this.pxPerSecond * dpr, start, end + secondsPerColumn);
    ctx.fillStyle = this.colors.wave;
    ctx.beginPath();
    const column = 1 / dpr;
    for (let c = 0; c < columns; c++) {
      const t = start + c * secondsPerColumn;
      if (t >= end) break;
      const e = extentAt(level, t, t + secondsPerColumn, this.extent);
      if (!e) break;
      const y = mid - e[1] * half;
      // At least one device pixel tall, so silence still reads as a line.
      ctx.rect(c * column, y, column, Math.max(column, (e[1] - e[0]) * half));
    }
    ctx.fill();
  }
}
