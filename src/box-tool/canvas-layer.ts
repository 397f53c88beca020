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
import { copyPixels, frameAt, packRgba, paintFrame, rimsAt } from './outline-raster.js';
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

/** Boxes on screen of one colour and dash style: a range of `Frames.order`. */
interface Group {
  color: string;
  dashed: boolean;
  start: number;
  end: number;
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
 * The outlines on screen as device-pixel edges, four numbers per box in `edges` (x0, y0, x1, y1),
 * and `order`: their indexes by group. Kept between redraws, grown as needed: a crowd makes no
 * object per box and no garbage per zoom step.
 */
const frames = { edges: new Int32Array(0), group: new Int32Array(0), order: new Int32Array(0) };

function reserve(n: number): void {
  if (frames.group.length >= n) return;
  const size = Math.max(n, frames.group.length * 2, 256);
  frames.edges = new Int32Array(size * 4);
  frames.group = new Int32Array(size);
  frames.order = new Int32Array(size);
}

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

  // One range per colour (and dash style): thousands of boxes become a handful of style changes.
  // Solid groups come first, then dashed ones, each in the order its colour first appears.
  reserve(boxes.length);
  const { edges, group: groupOf, order } = frames;
  const keys = new Map<string, number>();
  const groups: Group[] = [];
  const labelled: number[] = [];
  const lw = style.lineWidth;
  const thick = Math.max(1, Math.round(lw * dpr));
  const { scale, tx, ty } = t;
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    const r = box.rect;
    const x = r.x * scale + tx;
    const y = r.y * scale + ty;
    const w = r.w * scale;
    const h = r.h * scale;
    if (x > viewport.width || y > viewport.height || x + w < 0 || y + h < 0) continue;
    const key = box.dashed ? `-${box.color}` : box.color;
    let g = keys.get(key);
    if (g === undefined) keys.set(key, (g = groups.push({ color: box.color, dashed: box.dashed, start: 0, end: 0 }) - 1));
    groupOf[count] = g;
    // As frameOf snaps it.
    const e = count * 4;
    const x0 = Math.round((x - lw / 2) * dpr);
    const y0 = Math.round((y - lw / 2) * dpr);
    edges[e] = x0;
    edges[e + 1] = y0;
    edges[e + 2] = Math.max(x0 + thick, Math.round((x + w + lw / 2) * dpr));
    edges[e + 3] = Math.max(y0 + thick, Math.round((y + h + lw / 2) * dpr));
    count++;
    if (w >= MIN_LABELLED && h >= MIN_LABELLED && box.name) labelled.push(i);
  }
  // Solid groups before dashed ones (a stable sort keeps the order colours first appear in), and
  // in each the boxes in their own order: a counting sort of the indexes, `end` counting first.
  const ranked = [...groups].sort((a, b) => Number(a.dashed) - Number(b.dashed));
  for (let k = 0; k < count; k++) groups[groupOf[k]].end++;
  let at = 0;
  for (const g of ranked) {
    g.start = at;
    at += g.end;
    g.end = g.start;
  }
  for (let k = 0; k < count; k++) order[groups[groupOf[k]].end++] = k;

  // In a crowd (thousands of boxes on screen) chips of small boxes would only bury each other and
  // the image: then only boxes of DENSE_LABELLED px and up ask for one; zooming in brings the rest.
  const screen = (i: number): Rect => {
    const r = boxes[i].rect;
    return { x: r.x * scale + tx, y: r.y * scale + ty, w: r.w * scale, h: r.h * scale };
  };
  const crowded = labelled.length > MAX_LABELS;
  const minSide = crowded ? DENSE_LABELLED : MIN_LABELLED;
  const asking = labelled.filter((i) => boxes[i].rect.w * scale >= minSide && boxes[i].rect.h * scale >= minSide);
  const h = Math.round(style.fontSize * 1.5);
  const font = fontOf(style);
  const places = placeChips(
    asking.map((i) => ({ box: screen(i), w: Math.ceil(textWidth(boxes[i].name, font)) + 2 * CHIP_PAD, h })),
    viewport,
    obstacles,
    lw,
  );
  // Chips in whole device pixels, so a sprite is copied, not resampled.
  const chips: Chip[] = [];
  places.forEach((rect, k) => {
    if (rect) chips.push({ rect, sprite: chipSprite(boxes[asking[k]], style, dpr), x: Math.round(rect.x * dpr), y: Math.round(rect.y * dpr) });
  });

  // A dark halo under every outline keeps light colours visible on light images and vice versa.
  const halo = Math.max(1, Math.round(dpr));
  let left = chips;
  if (count > RASTER_FROM) left = rasterOutlines(canvas, ctx, ranked, thick, halo, dpr, chips);
  else strokeOutlines(canvas, ctx, ranked, thick, halo, dpr);
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
function strokeOutlines(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, groups: readonly Group[], thick: number, halo: number, dpr: number): void {
  const { edges, order } = frames;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = ctx.fillStyle = HALO;
  ctx.lineWidth = thick + 2 * halo;
  for (const g of groups) {
    for (let k = g.start; k < g.end; k++) {
      const e = order[k] * 4;
      strokeFrame(ctx, edges[e] - halo, edges[e + 1] - halo, edges[e + 2] + halo, edges[e + 3] + halo, thick + 2 * halo);
    }
  }
  ctx.lineWidth = thick;
  for (const g of groups) {
    ctx.setLineDash(g.dashed ? DASH.map((v) => v * dpr) : []);
    ctx.strokeStyle = ctx.fillStyle = g.color;
    for (let k = g.start; k < g.end; k++) {
      const e = order[k] * 4;
      strokeFrame(ctx, edges[e], edges[e + 1], edges[e + 2], edges[e + 3], thick);
    }
  }
  ctx.setLineDash([]);
}

/**
 * The frame as one stroke (of `ctx.lineWidth`, its thickness) along its centre line; a box
 * thinner than its outline is all outline.
 */
function strokeFrame(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, thick: number): void {
  const w = x1 - x0 - thick;
  const h = y1 - y0 - thick;
  if (w <= 0 || h <= 0) return ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  ctx.strokeRect(x0 + thick / 2, y0 + thick / 2, w, h);
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
function rasterOutlines(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, groups: readonly Group[], thick: number, halo: number, dpr: number, chips: readonly Chip[]): Chip[] {
  const { width, height } = canvas;
  let buffer = buffers.get(canvas);
  if (buffer?.image.width !== width || buffer.image.height !== height) {
    const image = new ImageData(width, height);
    buffers.set(canvas, (buffer = { image, pixels: new Uint32Array(image.data.buffer) }));
  } else buffer.pixels.fill(0);
  const { image, pixels } = buffer;
  const { edges, order } = frames;
  const dark = rgbaOf(HALO);
  for (const g of groups) {
    for (let k = g.start; k < g.end; k++) {
      const e = order[k] * 4;
      const x0 = edges[e];
      const y0 = edges[e + 1];
      const x1 = edges[e + 2];
      const y1 = edges[e + 3];
      // Under a dashed outline the whole halo shows, in the gaps; beside a solid one only its rims.
      if (g.dashed) frameAt(pixels, width, height, x0 - halo, y0 - halo, x1 + halo, y1 + halo, thick + 2 * halo, dark);
      else rimsAt(pixels, width, height, x0, y0, x1, y1, thick, halo, dark);
    }
  }
  const dash = { on: DASH[0] * dpr, period: (DASH[0] + DASH[1]) * dpr };
  for (const g of groups) {
    const colour = rgbaOf(g.color);
    for (let k = g.start; k < g.end; k++) {
      const e = order[k] * 4;
      if (g.dashed) paintFrame(pixels, width, height, { x0: edges[e], y0: edges[e + 1], x1: edges[e + 2], y1: edges[e + 3], thick }, colour, dash);
      else frameAt(pixels, width, height, edges[e], edges[e + 1], edges[e + 2], edges[e + 3], thick, colour);
    }
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
