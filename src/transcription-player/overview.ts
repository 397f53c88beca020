/**
 * The overview strip of a long recording: the whole file at once — its waveform, where segments
 * are, the window the waveform shows and the playhead — shown whenever the waveform is zoomed in
 * past the whole file. A press or drag on it moves the view there (the playhead stays put, as a
 * scrollbar would). When the playhead is outside the view, a button says where it is and brings
 * it back, so the clock and the ruler never seem to disagree. Loaded on demand (overview-slot.ts).
 */
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import { labelIdOf, type Annotation } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import { extentAt, type PeakLevels } from './peaks.js';
import { rangeOf } from './segments.js';
import { formatClock } from './time-format.js';
import type { WaveformView } from './waveform-view.js';

/** Height of the strip, CSS px: wave above, a segment lane below. */
export const OVERVIEW_HEIGHT = 28;
const LANE = 5;

export interface OverviewSource {
  duration(): number;
  time(): number;
  levels(): PeakLevels | null;
  /** The segments in time order. */
  segments(): readonly Annotation[];
  colorOf(labelId: string | undefined): string;
}

export class OverviewStrip implements ReactiveController {
  private canvas: HTMLCanvasElement | null = null;
  private dragging = false;
  private readonly extent: [number, number] = [0, 0];

  constructor(
    private readonly host: LitElement,
    private readonly view: WaveformView,
    private readonly source: OverviewSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The stretch of time the waveform shows, seconds. */
  get window(): { start: number; end: number } {
    const px = this.view.pxPerSecond;
    return { start: this.view.left / px, end: (this.view.left + this.view.width) / px };
  }

  private get playheadInView(): boolean {
    const { start, end } = this.window;
    const t = this.source.time();
    return t >= start - 1e-6 && t <= end + 1e-6;
  }

  /** Called by the slot (overview-slot.ts) only while the waveform shows less than the whole file. */
  render() {
    const time = this.source.time();
    return html`<div part="overview">
      <canvas
        aria-hidden="true"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
      ></canvas>
      ${this.playheadInView
        ? nothing
        : html`<button type="button" part="reveal-playhead" @click=${() => this.view.reveal(time)}>
            ${msg(str`Playhead at ${formatClock(time)}: show`)}
          </button>`}
      <span class="probe accent"></span><span class="probe playhead"></span>
    </div>`;
  }

  /** Call from the host's `updated`. */
  paint(): void {
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('[part~="overview"] canvas');
    this.canvas = canvas;
    if (!canvas) return;
    const width = canvas.clientWidth;
    const dpr = devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(OVERVIEW_HEIGHT * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(OVERVIEW_HEIGHT * dpr);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx || width === 0) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, OVERVIEW_HEIGHT);
    const duration = this.source.duration();
    const scale = width / duration;
    const colors = this.colors();
    this.drawWave(ctx, width, scale, colors.wave);
    for (const segment of this.source.segments()) {
      const { start, end } = rangeOf(segment);
      ctx.fillStyle = this.source.colorOf(labelIdOf(segment));
      ctx.fillRect(start * scale, OVERVIEW_HEIGHT - LANE, Math.max(1, (end - start) * scale), LANE);
    }
    const { start, end } = this.window;
    const x = start * scale;
    const w = Math.max(2, (end - start) * scale);
    ctx.globalAlpha = 0.18;
    ctx.fillStyle = colors.accent;
    ctx.fillRect(x, 0, w, OVERVIEW_HEIGHT);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(x + 1, 1, w - 2, OVERVIEW_HEIGHT - 2);
    ctx.fillStyle = colors.playhead;
    ctx.fillRect(Math.min(width - 2, this.source.time() * scale), 0, 2, OVERVIEW_HEIGHT);
  }

  private drawWave(ctx: CanvasRenderingContext2D, width: number, scale: number, color: string): void {
    const levels = this.source.levels();
    if (!levels) return;
    const level = levels.forRate(scale);
    const half = (OVERVIEW_HEIGHT - LANE - 2) / 2;
    const mid = 1 + half;
    ctx.fillStyle = color;
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    for (let c = 0; c < width; c++) {
      const e = extentAt(level, c / scale, (c + 1) / scale, this.extent);
      if (!e) break;
      ctx.rect(c, mid - e[1] * half, 1, Math.max(1, (e[1] - e[0]) * half));
    }
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  private colors(): { wave: string; accent: string; playhead: string } {
    const read = (selector: string) => {
      const el = this.host.renderRoot.querySelector(selector);
      return el ? getComputedStyle(el).color : 'gray';
    };
    return { wave: read('.probe.wave'), accent: read('[part~="overview"] .probe.accent'), playhead: read('[part~="overview"] .probe.playhead') };
  }

  /** Centres the waveform's view on the time under the pointer. */
  private moveViewTo(clientX: number): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const rect = canvas.getBoundingClientRect();
    const time = ((clientX - rect.left) / rect.width) * this.source.duration();
    const scroller = this.view.scroller;
    scroller.scrollLeft = Math.max(0, time * this.view.pxPerSecond - this.view.width / 2);
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.dragging = true;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.moveViewTo(event.clientX);
    event.preventDefault();
  };

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (this.dragging) this.moveViewTo(event.clientX);
  };

  private readonly onPointerUp = (): void => {
    this.dragging = false;
  };
}
