/**
 * Draws the unselected boxes on one canvas in screen pixels. A canvas, not an SVG element per box:
 * setting 2,000–10,000 boxes, zooming and panning then cost one pass of batched path calls instead
 * of creating or restyling thousands of DOM nodes. The selected box (the one a drag or a key burst
 * changes) is drawn by the element's SVG overlay, so a drag never redraws this layer.
 */
import type { Rect } from '../core/selectors.js';
import { placeChips } from './chip-placement.js';
import { frameOf, grow, haloRings, packRgba, paintFrame, type Frame } from './outline-raster.js';
import type { Size, Transform } from './geometry.js';

export interface BoxPaint {
  rect: Rect;
  color: string;
  /** Text colour for the label chip, contrasting with `color`. */
  ink: string;
  name: string;
  /** Model suggestions are drawn dashed until accepted. */
  dashed: boolean;
}

export interface LayerStyle {
  lineWidth: number;
  handleSize: number;
  fontSize: number;
  fontFamily: string;
}

/** Below this on-screen size a box shows no chip: at that zoom the names would only be noise. */
const MIN_LABELLED = 12;
const CHIP_PAD = 4;
const MAX_LABELS = 1500;
const DENSE_LABELLED = 32;

const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null = null;

/** Width of a label name in a font, cached: a few labels are measured once, not once per box. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\n${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (!measurer) return text.length * 7;
    measurer.font = font;
    width = measurer.measureText(text).width;
    if (widths.size > 2000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

export function fontOf(style: LayerStyle): string {
  return `600 ${style.fontSize}px ${style.fontFamily}`;
}

/** The chip behind a label name: above the box when there is room, else inside its top edge. */
export function chipRect(screen: Rect, name: string, style: LayerStyle): Rect {
  const h = Math.round(style.fontSize * 1.5);
  const w = Math.ceil(textWidth(name, fontOf(style))) + 2 * CHIP_PAD;
  const above = screen.y - h >= 0;
  return { x: screen.x - style.lineWidth / 2, y: above ? screen.y - h : screen.y, w, h };
}

/** Boxes on screen of one colour and dash style, as device-pixel outlines. */
interface Group {
  color: string;
  dashed: boolean;
  frames: Frame[];
}

/**
 * More outlines than this on screen and they are written into a pixel buffer (outline-raster.ts)
 * rather than stroked: at a few hundred the calls cost nothing, and the buffer would cost a copy
 * of the whole canvas per redraw.
 */
const RASTER_FROM = 1500;
const HALO = 'rgba(0,0,0,0.45)';
/** Suggestions' dash, CSS px (as the overlay's). */
const DASH = [6, 4];

/**
 * Clears and redraws the canvas. Boxes outside the viewport are skipped; label chips go where they
 * cover no other chip and none of `obstacles` (screen rects: the selected box's chip and handles).
 * Returns the chips drawn.
 */
export function drawBoxes(
  canvas: HTMLCanvasElement,
  boxes: readonly BoxPaint[],
  t: Transform,
  viewport: Size,
  style: LayerStyle,
  dpr: number,
  obstacles: readonly Rect[] = [],
): Rect[] {
  const ctx = canvas.getContext('2d');
  if (!ctx) return [];

  // One list per colour (and dash style): thousands of boxes become a handful of style changes.
  const groups = new Map<string, Group>();
  const labelled: Array<[Rect, BoxPaint]> = [];
  let count = 0;
  for (const box of boxes) {
    const r = box.rect;
    const s = { x: r.x * t.scale + t.tx, y: r.y * t.scale + t.ty, w: r.w * t.scale, h: r.h * t.scale };
    if (s.x > viewport.width || s.y > viewport.height || s.x + s.w < 0 || s.y + s.h < 0) continue;
    const key = (box.dashed ? 'd' : 's') + box.color;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { color: box.color, dashed: box.dashed, frames: [] }));
    group.frames.push(frameOf(s.x, s.y, s.w, s.h, style.lineWidth, dpr));
    count++;
    if (s.w >= MIN_LABELLED && s.h >= MIN_LABELLED && box.name) labelled.push([s, box]);
  }

  // A dark halo under every outline keeps light colours visible on light images and vice versa.
  const halo = Math.max(1, Math.round(dpr));
  if (count > RASTER_FROM) rasterOutlines(canvas, ctx, [...groups.values()], halo, dpr);
  else strokeOutlines(canvas, ctx, [...groups.values()], halo, dpr);

  // In a crowd (thousands of boxes on screen) chips of small boxes would only bury each other and
  // the image: then only boxes of DENSE_LABELLED px and up ask for one; zooming in brings the rest.
  const crowded = labelled.length > MAX_LABELS;
  const asking = crowded ? labelled.filter(([s]) => s.w >= DENSE_LABELLED && s.h >= DENSE_LABELLED) : labelled;
  const h = Math.round(style.fontSize * 1.5);
  const font = fontOf(style);
  const chips = placeChips(
    asking.map(([s, box]) => ({ box: s, w: Math.ceil(textWidth(box.name, font)) + 2 * CHIP_PAD, h })),
    viewport,
    obstacles,
    style.lineWidth,
  );
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const drawn: Rect[] = [];
  chips.forEach((chip, i) => {
    if (!chip) return;
    drawn.push(chip);
    // Whole device pixels, so the sprite is copied, not resampled.
    ctx.drawImage(chipSprite(asking[i][1], style, dpr), Math.round(chip.x * dpr) / dpr, Math.round(chip.y * dpr) / dpr, chip.w, chip.h);
  });
  return drawn;
}

/** Strokes each outline (few boxes on screen): the halos first, then the colours over all of them. */
function strokeOutlines(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, groups: readonly Group[], halo: number, dpr: number): void {
  buffers.delete(canvas);
  // Device pixels, in which the frames are snapped. Every frame has the same thickness.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const thick = groups[0]?.frames[0]?.thick ?? 1;
  ctx.strokeStyle = ctx.fillStyle = HALO;
  ctx.lineWidth = thick + 2 * halo;
  for (const g of groups) for (const f of g.frames) strokeFrame(ctx, grow(f, halo));
  ctx.lineWidth = thick;
  for (const g of groups) {
    ctx.setLineDash(g.dashed ? DASH.map((v) => v * dpr) : []);
    ctx.strokeStyle = ctx.fillStyle = g.color;
    for (const f of g.frames) strokeFrame(ctx, f);
  }
  ctx.setLineDash([]);
}

/**
 * The frame as one stroke (of `ctx.lineWidth`, its thickness) along its centre line; a box
 * thinner than its outline is all outline.
 */
function strokeFrame(ctx: CanvasRenderingContext2D, f: Frame): void {
  const w = f.x1 - f.x0 - f.thick;
  const h = f.y1 - f.y0 - f.thick;
  if (w <= 0 || h <= 0) return ctx.fillRect(f.x0, f.y0, f.x1 - f.x0, f.y1 - f.y0);
  ctx.strokeRect(f.x0 + f.thick / 2, f.y0 + f.thick / 2, w, h);
}

const buffers = new WeakMap<HTMLCanvasElement, { image: ImageData; pixels: Uint32Array }>();

/** Writes every outline into the canvas's pixel buffer and puts it on the canvas in one call (a crowd). */
function rasterOutlines(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, groups: readonly Group[], halo: number, dpr: number): void {
  const { width, height } = canvas;
  let buffer = buffers.get(canvas);
  if (buffer?.image.width !== width || buffer.image.height !== height) {
    const image = new ImageData(width, height);
    buffers.set(canvas, (buffer = { image, pixels: new Uint32Array(image.data.buffer) }));
  } else buffer.pixels.fill(0);
  const { image, pixels } = buffer;
  const dark = rgbaOf(HALO);
  for (const g of groups) {
    for (const f of g.frames) {
      // Under a dashed outline the whole halo shows, in the gaps; beside a solid one only its rims.
      if (g.dashed) paintFrame(pixels, width, height, grow(f, halo), dark);
      else for (const ring of haloRings(f, halo)) paintFrame(pixels, width, height, ring, dark);
    }
  }
  const dash = { on: DASH[0] * dpr, period: (DASH[0] + DASH[1]) * dpr };
  for (const g of groups) {
    const colour = rgbaOf(g.color);
    for (const f of g.frames) paintFrame(pixels, width, height, f, colour, g.dashed ? dash : undefined);
  }
  ctx.putImageData(image, 0, 0);
}

const rgba = new Map<string, number>();
let probe: CanvasRenderingContext2D | null = null;

/** A CSS colour (a label's, any syntax) as packed RGBA bytes, read back from a one-pixel canvas. */
function rgbaOf(color: string): number {
  let value = rgba.get(color);
  if (value === undefined) {
    probe ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
    if (!probe) return 0;
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    value = packRgba(r, g, b, a);
    if (rgba.size > 500) rgba.clear();
    rgba.set(color, value);
  }
  return value;
}

const sprites = new Map<string, HTMLCanvasElement>();

/**
 * A label's chip (colour, name in contrasting ink) drawn once and then copied per box: thousands
 * of `fillText` calls (text shaping and glyph rasterising each time) cost frames on a zoom; copying
 * a small bitmap does not.
 */
function chipSprite(box: BoxPaint, style: LayerStyle, dpr: number): HTMLCanvasElement {
  const font = fontOf(style);
  const key = `${box.name}\n${box.color}\n${box.ink}\n${font}\n${dpr}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    const chip = chipRect({ x: 0, y: 0, w: 0, h: 0 }, box.name, style);
    sprite = document.createElement('canvas');
    sprite.width = Math.ceil(chip.w * dpr);
    sprite.height = Math.ceil(chip.h * dpr);
    const ctx = sprite.getContext('2d')!;
    ctx.scale(dpr, dpr);
    ctx.fillStyle = box.color;
    ctx.fillRect(0, 0, chip.w, chip.h);
    ctx.font = font;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = box.ink;
    ctx.fillText(box.name, CHIP_PAD, chip.h / 2);
    if (sprites.size > 500) sprites.clear();
    sprites.set(key, sprite);
  }
  return sprite;
}
