/**
 * Box outlines in whole device pixels, and a rasteriser that writes them straight into a pixel
 * buffer. With no GPU (our bench machine, locked-down desktops, VMs) the canvas's cost is per
 * draw call, not per pixel: 10,000 boxes are 20,000 `strokeRect` calls (outline and halo), about
 * 15–25 ms of rasterising in the frame after a zoom step, which then misses its frame. Written
 * here as runs of 32-bit pixels and handed over with one `putImageData`, the whole redraw (chips
 * included) measured ~21 → ~9 ms at the fitted view. A crowd is mostly stores to memory (~4.5
 * million at 10,000 boxes), so the painters below go row by row, each row's few pixels of a frame's
 * sides in one pass, with the edges as numbers rather than an object per frame: another ~40% off.
 * Pure: a typed array in, pixels out; the canvas layer decides when to use it.
 */

/** An outline in device pixels: the band between the outer edge [x0, x1)×[y0, y1) and `thick` px in. */
export interface Frame {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  thick: number;
}

/** A dash pattern in device px, measured clockwise from the top-left corner as canvas strokes do. */
export interface Dash {
  on: number;
  period: number;
}

/**
 * The outline a `lineWidth` stroke of the screen rect `(x, y, w, h)` covers, snapped to device
 * pixels: a stroke is centred on the box's edge, so it reaches half its width outside and inside.
 * Snapped, the canvas and the rasteriser draw the very same pixels, with no blurred half-pixel.
 */
export function frameOf(x: number, y: number, w: number, h: number, lineWidth: number, dpr: number): Frame {
  const thick = Math.max(1, Math.round(lineWidth * dpr));
  const x0 = Math.round((x - lineWidth / 2) * dpr);
  const y0 = Math.round((y - lineWidth / 2) * dpr);
  return { x0, y0, x1: Math.max(x0 + thick, Math.round((x + w + lineWidth / 2) * dpr)), y1: Math.max(y0 + thick, Math.round((y + h + lineWidth / 2) * dpr)), thick };
}

/** The same outline grown by `by` device px on every side: the halo under a box's stroke. */
export function grow(f: Frame, by: number): Frame {
  return { x0: f.x0 - by, y0: f.y0 - by, x1: f.x1 + by, y1: f.y1 + by, thick: f.thick + 2 * by };
}

/**
 * Writes the halo of a solid outline as the two rims of `by` px that show beside it, outside and
 * (when the box has an inside) inside: the middle of the halo would be covered by the outline
 * anyway, and not writing it is a third of the pixels.
 */
export function paintRims(pixels: Uint32Array, width: number, height: number, f: Frame, by: number, colour: number): void {
  rimsAt(pixels, width, height, f.x0, f.y0, f.x1, f.y1, f.thick, by, colour);
}

/** `paintRims` of the frame given by its edges (no object per call: this runs for every box of a crowd). */
export function rimsAt(pixels: Uint32Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number, thick: number, by: number, colour: number): void {
  const clear = x0 - by >= 0 && y0 - by >= 0 && x1 + by <= width && y1 + by <= height;
  if (clear && by === 1) return rimsOfOne(pixels, width, x0, y0, x1, y1, thick, colour);
  paintBand(pixels, width, height, x0 - by, y0 - by, x1 + by, y1 + by, by, colour);
  if (x1 - x0 > 2 * thick && y1 - y0 > 2 * thick) paintBand(pixels, width, height, x0 + thick, y0 + thick, x1 - thick, y1 - thick, by, colour);
}

/**
 * The rims of one pixel (a pixel ratio of 1, the usual crowd) of a frame clear of the buffer's
 * edges: per row of the sides, the outer and inner rim pixel of both sides in one pass.
 */
function rimsOfOne(p: Uint32Array, width: number, x0: number, y0: number, x1: number, y1: number, thick: number, colour: number): void {
  const left = x0 - 1;
  const right = x1;
  row(p, (y0 - 1) * width + left, (y0 - 1) * width + x1 + 1, colour);
  row(p, y1 * width + left, y1 * width + x1 + 1, colour);
  const ix0 = x0 + thick;
  const ix1 = x1 - thick;
  const iy0 = y0 + thick;
  const iy1 = y1 - thick;
  if (ix1 <= ix0 || iy1 <= iy0) {
    for (let i = y0 * width, end = y1 * width; i < end; i += width) {
      p[i + left] = colour;
      p[i + right] = colour;
    }
    return;
  }
  for (let i = y0 * width, end = (iy0 + 1) * width; i < end; i += width) {
    p[i + left] = colour;
    p[i + right] = colour;
  }
  for (let i = (iy1 - 1) * width, end = y1 * width; i < end; i += width) {
    p[i + left] = colour;
    p[i + right] = colour;
  }
  row(p, iy0 * width + ix0, iy0 * width + ix1, colour);
  row(p, (iy1 - 1) * width + ix0, (iy1 - 1) * width + ix1, colour);
  const inner = ix1 - 1;
  for (let i = (iy0 + 1) * width, end = (iy1 - 1) * width; i < end; i += width) {
    p[i + left] = colour;
    p[i + ix0] = colour;
    p[i + inner] = colour;
    p[i + right] = colour;
  }
}

function row(p: Uint32Array, from: number, to: number, colour: number): void {
  for (let i = from; i < to; i++) p[i] = colour;
}

/** A colour as the 32-bit value of its RGBA bytes in this machine's byte order (as ImageData holds them). */
export function packRgba(r: number, g: number, b: number, a: number): number {
  return new Uint32Array(new Uint8ClampedArray([r, g, b, a]).buffer)[0];
}

/**
 * Writes frame `f` in `colour` into `pixels` (a `width`×`height` buffer), clipped to it. With
 * `dash`, only the pixels on a dash are written, their distance measured along the band's centre
 * line clockwise from the top-left corner, as a canvas stroke of the rect measures it.
 */
export function paintFrame(pixels: Uint32Array, width: number, height: number, f: Frame, colour: number, dash?: Dash): void {
  if (!dash) return frameAt(pixels, width, height, f.x0, f.y0, f.x1, f.y1, f.thick, colour);
  const x0 = Math.max(0, f.x0);
  const x1 = Math.min(width, f.x1);
  const y0 = Math.max(0, f.y0);
  const y1 = Math.min(height, f.y1);
  if (x0 >= x1 || y0 >= y1) return;
  // The top and bottom bands span the corners; the left and right bands lie between them.
  const top = Math.min(y1, f.y0 + f.thick);
  const bottom = Math.max(top, y0, f.y1 - f.thick);
  const left = Math.min(x1, f.x0 + f.thick);
  const right = Math.max(x0, left, f.x1 - f.thick);
  const middle = Math.max(y0, top);
  const half = f.thick / 2;
  const cx = f.x0 + half;
  const cy = f.y0 + half;
  const w = f.x1 - f.x0 - f.thick;
  const h = f.y1 - f.y0 - f.thick;
  dashedBand(pixels, width, true, x0, x1, y0, top, x0 + 0.5 - cx, 1, colour, dash);
  dashedBand(pixels, width, false, middle, bottom, right, x1, w + (middle + 0.5 - cy), 1, colour, dash);
  dashedBand(pixels, width, true, x0, x1, bottom, y1, w + h + (cx + w - (x0 + 0.5)), -1, colour, dash);
  dashedBand(pixels, width, false, middle, bottom, x0, left, 2 * w + h + (cy + h - (middle + 0.5)), -1, colour, dash);
}

/** A solid `paintFrame` given by its edges (no object per call: this runs for every box of a crowd). */
export function frameAt(pixels: Uint32Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number, thick: number, colour: number): void {
  if (thick === 2 && x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height) return frameOfTwo(pixels, width, x0, y0, x1, y1, colour);
  paintBand(pixels, width, height, x0, y0, x1, y1, thick, colour);
}

/** A frame two pixels thick (the default outline at a pixel ratio of 1) clear of the buffer's edges, row by row. */
function frameOfTwo(p: Uint32Array, width: number, x0: number, y0: number, x1: number, y1: number, colour: number): void {
  const top = Math.min(y1, y0 + 2);
  const bottom = Math.max(top, y1 - 2);
  for (let y = y0; y < top; y++) row(p, y * width + x0, y * width + x1, colour);
  for (let y = bottom; y < y1; y++) row(p, y * width + x0, y * width + x1, colour);
  if (x1 - x0 < 4) {
    for (let y = top; y < bottom; y++) row(p, y * width + x0, y * width + x1, colour);
    return;
  }
  const right = x1 - 2;
  for (let i = top * width, end = bottom * width; i < end; i += width) {
    p[i + x0] = colour;
    p[i + x0 + 1] = colour;
    p[i + right] = colour;
    p[i + right + 1] = colour;
  }
}

/** A solid frame given by its edges (no object per call: this runs for every box of a crowd). */
function paintBand(pixels: Uint32Array, width: number, height: number, fx0: number, fy0: number, fx1: number, fy1: number, thick: number, colour: number): void {
  const x0 = Math.max(0, fx0);
  const x1 = Math.min(width, fx1);
  const y0 = Math.max(0, fy0);
  const y1 = Math.min(height, fy1);
  if (x0 >= x1 || y0 >= y1) return;
  const top = Math.min(y1, fy0 + thick);
  const bottom = Math.max(top, y0, fy1 - thick);
  const left = Math.min(x1, fx0 + thick);
  const right = Math.max(x0, left, fx1 - thick);
  // Whole rows for the top and bottom edges. Between them the left and right edges go column by
  // column: a band a few pixels wide and many rows tall is a few long strided runs (measured faster
  // than two short runs per row).
  for (let y = y0; y < top; y++) for (let i = y * width + x0, end = y * width + x1; i < end; i++) pixels[i] = colour;
  for (let y = bottom; y < y1; y++) for (let i = y * width + x0, end = y * width + x1; i < end; i++) pixels[i] = colour;
  const first = Math.max(y0, top) * width;
  const last = bottom * width;
  for (let x = x0; x < left; x++) for (let i = first + x; i < last; i += width) pixels[i] = colour;
  for (let x = right; x < x1; x++) for (let i = first + x; i < last; i += width) pixels[i] = colour;
}

/**
 * Rows `[b0, b1)` × columns `[a0, a1)` (`horizontal`), or columns `[b0, b1)` × rows `[a0, a1)`,
 * where along `a` the distance on the outline starts at `d0` and moves by `dir` per pixel.
 */
function dashedBand(pixels: Uint32Array, width: number, horizontal: boolean, a0: number, a1: number, b0: number, b1: number, d0: number, dir: 1 | -1, colour: number, dash: Dash): void {
  if (b0 >= b1) return;
  const { on, period } = dash;
  let phase = ((d0 % period) + period) % period;
  for (let a = a0; a < a1; a++) {
    if (phase < on) {
      if (horizontal) for (let b = b0; b < b1; b++) pixels[b * width + a] = colour;
      else for (let i = a * width + b0, end = a * width + b1; i < end; i++) pixels[i] = colour;
    }
    phase += dir;
    if (phase >= period) phase -= period;
    else if (phase < 0) phase += period;
  }
}

/**
 * Copies a `sourceWidth`-wide bitmap into `pixels` with its top-left corner at (`x`, `y`),
 * clipped to the buffer (a label chip, over the outlines).
 */
export function copyPixels(pixels: Uint32Array, width: number, height: number, source: Uint32Array, sourceWidth: number, x: number, y: number): void {
  const rows = source.length / sourceWidth;
  const from = Math.max(0, -x);
  const to = Math.min(sourceWidth, width - x);
  if (from >= to) return;
  for (let r = Math.max(0, -y); r < rows && y + r < height; r++) {
    pixels.set(source.subarray(r * sourceWidth + from, r * sourceWidth + to), (y + r) * width + x + from);
  }
}
