/**
 * Box outlines in whole device pixels, and a rasteriser that writes them straight into a pixel
 * buffer. With no GPU (our bench machine, locked-down desktops, VMs) the canvas's cost is per
 * draw call, not per pixel: 10,000 boxes are 20,000 `strokeRect` calls (outline and halo), about
 * 15–25 ms of rasterising in the frame after a zoom step, which then misses its frame. Written
 * here as runs of 32-bit pixels and handed over with one `putImageData`, the same outlines take a
 * third of that. Pure: a typed array in, pixels out; the canvas layer decides when to use it.
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
 * The halo of a solid outline as the two rings of `by` px that show beside it, outside and (when
 * the box has an inside) inside: the middle of the halo is covered by the outline anyway, and not
 * writing it is a third of the pixels.
 */
export function haloRings(f: Frame, by: number): Frame[] {
  const outer = { x0: f.x0 - by, y0: f.y0 - by, x1: f.x1 + by, y1: f.y1 + by, thick: by };
  const inner = { x0: f.x0 + f.thick, y0: f.y0 + f.thick, x1: f.x1 - f.thick, y1: f.y1 - f.thick, thick: by };
  return inner.x1 > inner.x0 && inner.y1 > inner.y0 ? [outer, inner] : [outer];
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
  if (!dash) {
    band(pixels, width, true, x0, x1, y0, top, colour);
    band(pixels, width, true, x0, x1, bottom, y1, colour);
    band(pixels, width, false, middle, bottom, x0, left, colour);
    band(pixels, width, false, middle, bottom, right, x1, colour);
    return;
  }
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

/** Fills rows `[b0, b1)` × columns `[a0, a1)` (`horizontal`), or columns `[b0, b1)` × rows `[a0, a1)`. */
function band(pixels: Uint32Array, width: number, horizontal: boolean, a0: number, a1: number, b0: number, b1: number, colour: number): void {
  if (horizontal) {
    for (let y = b0; y < b1; y++) for (let i = y * width + a0, end = y * width + a1; i < end; i++) pixels[i] = colour;
  } else {
    // Column by column: a band a few pixels wide and many rows tall is a few long strided runs.
    const end = a1 * width;
    for (let x = b0; x < b1; x++) for (let i = a0 * width + x; i < end; i += width) pixels[i] = colour;
  }
}

/** As `band`, where along `a` the distance on the outline starts at `d0` and moves by `dir` per pixel. */
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
