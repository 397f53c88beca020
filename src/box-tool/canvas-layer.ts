/**
 * Draws the unselected boxes on one canvas in screen pixels. A canvas, not an SVG element per box:
 * setting 2,000–10,000 boxes, zooming and panning then cost one pass of batched drawing instead
 * of creating or restyling thousands of DOM nodes. A few hundred boxes are stroked; a crowd is
 * written as pixels into one buffer (outline-raster.ts) and put on the canvas in one call. Both
 * snap outlines and chips to device pixels, so they draw the same. The selected box (the one a
 * drag or a key burst changes) is drawn by the element's SVG overlay, so a drag never redraws
 * this layer.
 */
import type { Rect } from '../core/selectors.js';
import { placeChips } from './chip-placement.js';
import { CHIP_PAD, chipSprite, fontOf, textWidth, type LayerStyle, type Sprite } from './label-chip.js';
import { copyPixels, frameOf, grow, packRgba, paintFrame, paintRims, type Frame } from './outline-raster.js';
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

/** Below this on-screen size a box shows no chip: at that zoom the names would only be noise. */
const MIN_LABELLED = 12;
const MAX_LABELS = 1500;
const DENSE_LABELLED = 32;

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
  // Everything here is in device pixels, snapped.
  ctx.setTransform(1, 0, 0, 1, 0, 0);

  // One list per colour (and dash style): thousands of boxes become a handful of style changes.
  const solid = new Map<string, Group>();
  const dashed = new Map<string, Group>();
  const labelled: Array<[Rect, BoxPaint]> = [];
  let count = 0;
  for (const box of boxes) {
    const r = box.rect;
    const s = { x: r.x * t.scale + t.tx, y: r.y * t.scale + t.ty, w: r.w * t.scale, h: r.h * t.scale };
    if (s.x > viewport.width || s.y > viewport.height || s.x + s.w < 0 || s.y + s.h < 0) continue;
    const groups = box.dashed ? dashed : solid;
    let group = groups.get(box.color);
    if (!group) groups.set(box.color, (group = { color: box.color, dashed: box.dashed, frames: [] }));
    group.frames.push(frameOf(s.x, s.y, s.w, s.h, style.lineWidth, dpr));
    count++;
    if (s.w >= MIN_LABELLED && s.h >= MIN_LABELLED && box.name) labelled.push([s, box]);
  }

  // In a crowd (thousands of boxes on screen) chips of small boxes would only bury each other and
  // the image: then only boxes of DENSE_LABELLED px and up ask for one; zooming in brings the rest.
  const crowded = labelled.length > MAX_LABELS;
  const asking = crowded ? labelled.filter(([s]) => s.w >= DENSE_LABELLED && s.h >= DENSE_LABELLED) : labelled;
  const h = Math.round(style.fontSize * 1.5);
  const font = fontOf(style);
  const places = placeChips(
    asking.map(([s, box]) => ({ box: s, w: Math.ceil(textWidth(box.name, font)) + 2 * CHIP_PAD, h })),
    viewport,
    obstacles,
    style.lineWidth,
  );
  // Chips in whole device pixels, so a sprite is copied, not resampled.
  const chips: Chip[] = [];
  places.forEach((rect, i) => {
    if (rect) chips.push({ rect, sprite: chipSprite(asking[i][1], style, dpr), x: Math.round(rect.x * dpr), y: Math.round(rect.y * dpr) });
  });

  // A dark halo under every outline keeps light colours visible on light images and vice versa.
  const halo = Math.max(1, Math.round(dpr));
  const groups = [...solid.values(), ...dashed.values()];
  let left = chips;
  if (count > RASTER_FROM) left = rasterOutlines(canvas, ctx, groups, halo, dpr, chips);
  else strokeOutlines(canvas, ctx, groups, halo, dpr);
  for (const chip of left) ctx.drawImage(chip.sprite.canvas, chip.x, chip.y);
  return chips.map((c) => c.rect);
}

/** A placed chip: its screen rect, its bitmap and where the bitmap goes in device px. */
interface Chip {
  rect: Rect;
  sprite: Sprite;
  x: number;
  y: number;
}

/** Strokes each outline (few boxes on screen): the halos first, then the colours over all of them. */
function strokeOutlines(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, groups: readonly Group[], halo: number, dpr: number): void {
  // Every frame has the same thickness.
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

/**
 * The pixel buffer of each canvas that has shown a crowd, kept as long as the canvas: made anew
 * per redraw, it (a copy of the canvas's size) would be garbage at every zoom step.
 */
const buffers = new WeakMap<HTMLCanvasElement, { image: ImageData; pixels: Uint32Array }>();

/**
 * Writes every outline, and the chips that cover what is under them, into the canvas's pixel
 * buffer and puts it on the canvas in one call (a crowd). Returns the chips left to draw over it.
 */
function rasterOutlines(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, groups: readonly Group[], halo: number, dpr: number, chips: readonly Chip[]): Chip[] {
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
      else paintRims(pixels, width, height, f, halo, dark);
    }
  }
  const dash = { on: DASH[0] * dpr, period: (DASH[0] + DASH[1]) * dpr };
  for (const g of groups) {
    const colour = rgbaOf(g.color);
    for (const f of g.frames) paintFrame(pixels, width, height, f, colour, g.dashed ? dash : undefined);
  }
  // An opaque chip is copied in; one of a see-through label colour must be blended, by the canvas.
  const left: Chip[] = [];
  for (const chip of chips) {
    const source = chip.sprite.opaquePixels();
    if (source) copyPixels(pixels, width, height, source, chip.sprite.canvas.width, chip.x, chip.y);
    else left.push(chip);
  }
  ctx.putImageData(image, 0, 0);
  return left;
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
    // A colour the canvas cannot parse leaves fillStyle as it was: make that black, not the last label's.
    probe.fillStyle = '#000';
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    value = packRgba(r, g, b, a);
    if (rgba.size > 500) rgba.clear();
    rgba.set(color, value);
  }
  return value;
}
