/**
 * The waveform's view: its zoom (fit to the width, or px per second), the stretch of time scrolled
 * into view, and the time under a pointer. Drawing is the WaveformCanvas's; this keeps it sized,
 * coloured and painted, and keeps the playhead or a chosen time in view.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { PeakLevels } from './peaks.js';
import { WaveformCanvas } from './waveform.js';

/** Deepest zoom, px per second of audio. */
export const MAX_ZOOM = 1000;

export interface ViewSource {
  duration(): number;
  /** The playhead's time. */
  time(): number;
}

export class WaveformView implements ReactiveController {
  private fit = true;
  private zoomPx = 100;
  /** Scroll offset and width of the view, px. */
  left = 0;
  width = 0;
  private height = 0;
  /** The scrolling waveform element, once rendered. */
  scroller!: HTMLElement;
  private canvas: WaveformCanvas | null = null;
  private pendingScroll: number | null = null;
  private scrollFrame = 0;
  /** Observers and listeners live while the host is connected, so a removed player leaks nothing. */
  private watching: { disconnect(): void } | null = null;

  constructor(
    private readonly host: LitElement,
    private readonly source: ViewSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.scroller) this.watch();
  }

  hostDisconnected(): void {
    this.watching?.disconnect();
    this.watching = null;
  }

  /** Wires the scroller and the canvas's layer (once the host has rendered them). */
  attach(root: ParentNode): void {
    this.scroller = root.querySelector('[part~="waveform"]')!;
    this.canvas = new WaveformCanvas(root.querySelector('.chunks')!);
    this.readColors();
    if (this.host.isConnected) this.watch();
  }

  private watch(): void {
    this.watching?.disconnect();
    const resize = new ResizeObserver(() => this.measure());
    resize.observe(this.scroller);
    // Canvas colours are read from CSS: read again when the theme can have changed.
    const reread = () => {
      this.readColors();
      this.host.requestUpdate();
    };
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', reread);
    const attributes = new MutationObserver(reread);
    attributes.observe(this.host, { attributes: true, attributeFilter: ['class', 'style'] });
    this.watching = {
      disconnect: () => {
        resize.disconnect();
        scheme.removeEventListener('change', reread);
        attributes.disconnect();
      },
    };
  }

  get pxPerSecond(): number {
    const duration = this.source.duration();
    const fit = duration > 0 && this.width > 0 ? this.width / duration : 100;
    return this.fit ? fit : Math.min(MAX_ZOOM, Math.max(fit, this.zoomPx));
  }

  /** Where the zoom is between fit (0) and the deepest (1), on a log scale, for the toolbar's slider. */
  get zoomLevel(): number {
    const fitPx = this.toolbarFitPx();
    return Math.log(this.pxPerSecond / fitPx) / Math.log(Math.max(1.0001, MAX_ZOOM / fitPx));
  }

  set zoomLevel(level: number) {
    const fitPx = this.toolbarFitPx();
    this.zoomTo(fitPx * Math.pow(MAX_ZOOM / fitPx, level), this.playheadAnchor());
  }

  private toolbarFitPx(): number {
    const duration = this.source.duration();
    return duration > 0 && this.width > 0 ? this.width / duration : 1;
  }

  /** Brings the canvas up to date and paints what is in view; call from the host's `updated`. */
  paint(levels: PeakLevels | null): void {
    const waveform = this.canvas;
    if (!waveform) return;
    const px = this.pxPerSecond;
    const duration = this.source.duration();
    const scroller = this.scroller;
    // Measured by the resize observer: reading it here would force a layout on every drag move.
    const height = this.height || scroller.clientHeight;
    if (waveform.levels !== levels || waveform.pxPerSecond !== px || waveform.duration !== duration || waveform.height !== height) {
      waveform.levels = levels;
      waveform.pxPerSecond = px;
      waveform.duration = duration;
      waveform.height = height;
      waveform.invalidate();
    }
    if (this.pendingScroll !== null) {
      // left was set with it; should the browser clamp, the scroll event corrects it.
      scroller.scrollLeft = this.pendingScroll;
      this.pendingScroll = null;
    }
    waveform.paint(this.left, this.width);
  }

  private readColors(): void {
    const read = (cls: string) => getComputedStyle(this.host.renderRoot.querySelector(`.probe.${cls}`)!).color;
    if (!this.canvas) return;
    const font = getComputedStyle(this.host).fontFamily;
    this.canvas.colors = { wave: read('wave'), axis: read('axis'), text: read('text'), font: `11px ${font}` };
    this.canvas.invalidate();
  }

  private measure(): void {
    const scroller = this.scroller;
    const width = scroller?.clientWidth ?? 0;
    this.width = width;
    this.height = scroller?.clientHeight ?? 0;
    this.canvas?.invalidate();
    this.host.requestUpdate();
  }

  timeAt(clientX: number): number {
    const scroller = this.scroller;
    const rect = scroller.getBoundingClientRect();
    const t = (clientX - rect.left + scroller.scrollLeft) / this.pxPerSecond;
    return Math.max(0, Math.min(this.source.duration() || Infinity, t));
  }

  /** Zooms to `px` per second keeping the time under `anchorX` (px from the scroller's left) still. */
  zoomTo(px: number, anchorX: number): void {
    const duration = this.source.duration();
    if (!(duration > 0) || !(this.width > 0)) return;
    const fitPx = this.width / duration;
    const next = Math.min(MAX_ZOOM, Math.max(fitPx, px));
    const time = (this.scroller.scrollLeft + anchorX) / this.pxPerSecond;
    const fit = next <= fitPx + 1e-9;
    const changed = fit !== this.fit || next !== this.zoomPx;
    this.fit = fit;
    this.zoomPx = next;
    this.pendingScroll = Math.max(0, Math.min(time * next - anchorX, duration * next - this.width));
    // These were reactive state: an update only if one changed (else the scroll waits for the next).
    if (changed) this.host.requestUpdate();
    this.setLeft(this.pendingScroll);
  }

  /** Where zoom keys zoom about: the playhead if it is in view, else the middle. */
  playheadAnchor(): number {
    const x = this.source.time() * this.pxPerSecond - this.scroller.scrollLeft;
    return x >= 0 && x <= this.width ? x : this.width / 2;
  }

  readonly onWheel = (event: WheelEvent): void => {
    // Horizontal wheels and Shift+wheel scroll the waveform; a vertical wheel zooms about the pointer.
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY) || !this.source.duration()) return;
    event.preventDefault();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    const rect = this.scroller.getBoundingClientRect();
    this.zoomTo(this.pxPerSecond * Math.exp(-delta * 0.002), event.clientX - rect.left);
  };

  readonly onScroll = (): void => {
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => {
      this.setLeft(this.scroller.scrollLeft);
      this.canvas?.paint(this.left, this.width);
    });
  };

  /** Keeps the playhead in view while playing: the view pages along with it. */
  followPlayhead(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const x = this.source.time() * this.pxPerSecond;
    const left = scroller.scrollLeft;
    if (x < left || x > left + this.width - 8) {
      scroller.scrollLeft = Math.max(0, x - this.width * 0.1);
      this.setLeft(scroller.scrollLeft);
    }
  }

  /** Scrolls `time` into view if it is not. */
  reveal(time: number): void {
    const scroller = this.scroller;
    const x = time * this.pxPerSecond;
    if (x < scroller.scrollLeft || x > scroller.scrollLeft + this.width - 20) {
      scroller.scrollLeft = Math.max(0, x - this.width * 0.1);
    }
  }

  private setLeft(left: number): void {
    if (left === this.left) return;
    this.left = left;
    this.host.requestUpdate();
  }
}
