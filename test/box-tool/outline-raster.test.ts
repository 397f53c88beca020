import { expect } from '@open-wc/testing';
import { copyPixels, frameOf, grow, packRgba, paintFrame, paintRims, type Frame } from '../../src/box-tool/outline-raster.js';

const W = 12;
const H = 10;

/** The pixels of a `W`×`H` buffer that hold `colour`, as "x,y". */
function lit(pixels: Uint32Array, colour = 1): string[] {
  const out: string[] = [];
  pixels.forEach((v, i) => v === colour && out.push(`${i % W},${Math.floor(i / W)}`));
  return out;
}

/** What a frame should cover, from its definition: inside the outer edge and not `thick` px inside it. */
function band(f: Frame): string[] {
  const out: string[] = [];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const outer = x >= f.x0 && x < f.x1 && y >= f.y0 && y < f.y1;
      const inner = x >= f.x0 + f.thick && x < f.x1 - f.thick && y >= f.y0 + f.thick && y < f.y1 - f.thick;
      if (outer && !inner) out.push(`${x},${y}`);
    }
  return out;
}

describe('box outline raster', () => {
  it('snaps a stroke of a screen rect to the device pixels it covers, half outside and half inside', () => {
    expect(frameOf(10, 20, 30, 40, 2, 1)).to.deep.equal({ x0: 9, y0: 19, x1: 41, y1: 61, thick: 2 });
    expect(frameOf(10, 20, 30, 40, 2, 2)).to.deep.equal({ x0: 18, y0: 38, x1: 82, y1: 122, thick: 4 });
    // A fractional position lands on the nearest pixel edge; a box thinner than its stroke stays a stroke wide.
    expect(frameOf(10.4, 20.6, 0.2, 0.2, 2, 1)).to.deep.equal({ x0: 9, y0: 20, x1: 12, y1: 22, thick: 2 });
    expect(frameOf(10.4, 20.6, 0, 0, 3, 1)).to.deep.equal({ x0: 9, y0: 19, x1: 12, y1: 22, thick: 3 });
  });

  it('writes exactly the band of a frame and leaves its inside and outside alone', () => {
    const pixels = new Uint32Array(W * H);
    const f = { x0: 2, y0: 1, x1: 10, y1: 8, thick: 2 };
    paintFrame(pixels, W, H, f, 1);
    expect(lit(pixels)).to.deep.equal(band(f));
    expect(lit(pixels)).to.include('2,4').and.include('9,7').and.not.include('4,4');
  });

  it('clips a frame at the buffer’s edges without spilling into the next row', () => {
    const pixels = new Uint32Array(W * H);
    const f = { x0: -3, y0: -2, x1: 4, y1: 5, thick: 2 };
    paintFrame(pixels, W, H, f, 1);
    expect(lit(pixels)).to.deep.equal(band(f));
    const right = { x0: 9, y0: 6, x1: 15, y1: 13, thick: 1 };
    const other = new Uint32Array(W * H);
    paintFrame(other, W, H, right, 1);
    expect(lit(other)).to.deep.equal(band(right));
    expect(lit(other).every((p) => Number(p.split(',')[0]) >= 9)).to.equal(true);
  });

  it('writes only a frame that is wholly outside the buffer as nothing', () => {
    const pixels = new Uint32Array(W * H);
    paintFrame(pixels, W, H, { x0: 20, y0: 2, x1: 30, y1: 6, thick: 2 }, 1);
    paintFrame(pixels, W, H, { x0: 2, y0: -9, x1: 6, y1: -1, thick: 2 }, 1);
    expect(lit(pixels)).to.deep.equal([]);
  });

  it('dashes a frame clockwise from its top-left corner: 6 on, 4 off along the top, back along the bottom', () => {
    const wide = 40;
    const pixels = new Uint32Array(wide * 4);
    // A one-pixel outline 40 wide: its centre line starts at x = 0.5 on the top row.
    paintFrame(pixels, wide, 4, { x0: 0, y0: 0, x1: wide, y1: 4, thick: 1 }, 1, { on: 6, period: 10 });
    const row = (y: number) => [...pixels.slice(y * wide, (y + 1) * wide)].map((v) => (v ? '#' : '.')).join('');
    expect(row(0)).to.equal('######....######....######....######....');
    // Along the top (39 px of centre line), down the right side (3), then the bottom from right to
    // left: its last pixel is 42 px on, 2 into a dash.
    expect(row(3)).to.equal('##....######....######....######....####');
  });

  it('draws a solid outline’s halo as its two rims, which with the outline cover the whole halo band', () => {
    const f = { x0: 3, y0: 2, x1: 9, y1: 8, thick: 2 };
    const rims = new Uint32Array(W * H);
    paintRims(rims, W, H, f, 1, 1);
    paintFrame(rims, W, H, f, 2);
    const whole = new Uint32Array(W * H);
    paintFrame(whole, W, H, grow(f, 1), 1);
    paintFrame(whole, W, H, f, 2);
    expect([...rims]).to.deep.equal([...whole]);
    // A box with no inside has only the outer rim, and is all outline within it.
    const full = new Uint32Array(W * H);
    paintRims(full, W, H, { x0: 3, y0: 2, x1: 7, y1: 6, thick: 2 }, 1, 1);
    expect(lit(full)).to.deep.equal(band({ x0: 2, y0: 1, x1: 8, y1: 7, thick: 1 }));
  });

  it('writes the same pixels by its row-by-row fast paths as the definition says, inside the buffer, at its edges and past them', () => {
    // Frames of every size the fast paths special-case (thick 2, a one-pixel halo, boxes with and
    // without an inside), some clear of the edges and some crossing them.
    let seed = 3;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const bad: string[] = [];
    for (let n = 0; n < 400; n++) {
      const thick = 1 + rand(3);
      const by = 1 + rand(2);
      const x0 = rand(W + 4) - 3;
      const y0 = rand(H + 4) - 3;
      const f = { x0, y0, x1: x0 + thick + rand(9), y1: y0 + thick + rand(9), thick };
      const band2 = new Uint32Array(W * H);
      paintFrame(band2, W, H, f, 1);
      if (lit(band2).join() !== band(f).join()) bad.push(`frame ${JSON.stringify(f)}`);
      // Rims then outline: exactly the grown halo band, the outline's pixels its own.
      const rims = new Uint32Array(W * H);
      paintRims(rims, W, H, f, by, 1);
      paintFrame(rims, W, H, f, 2);
      const g = grow(f, by);
      if ([...lit(rims, 1), ...lit(rims, 2)].sort().join() !== band(g).sort().join() || lit(rims, 2).join() !== band(f).join()) bad.push(`rims ${by} ${JSON.stringify(f)}`);
    }
    expect(bad).to.deep.equal([]);
  });

  it('copies a bitmap in at a place, clipped to the buffer', () => {
    const pixels = new Uint32Array(W * H);
    // 3×2, each pixel its own value.
    const chip = new Uint32Array([1, 2, 3, 4, 5, 6]);
    copyPixels(pixels, W, H, chip, 3, 4, 5);
    expect([...pixels.slice(5 * W + 4, 5 * W + 7)]).to.deep.equal([1, 2, 3]);
    expect([...pixels.slice(6 * W + 4, 6 * W + 7)]).to.deep.equal([4, 5, 6]);
    const clipped = new Uint32Array(W * H);
    copyPixels(clipped, W, H, chip, 3, W - 1, H - 1);
    copyPixels(clipped, W, H, chip, 3, -2, -1);
    expect(lit(clipped, 1)).to.deep.equal(['11,9']);
    expect(lit(clipped, 6)).to.deep.equal(['0,0']);
    expect(clipped.filter((v) => v).length).to.equal(2);
  });

  it('packs a colour in the byte order ImageData holds', () => {
    const packed = new Uint32Array([packRgba(230, 25, 75, 115)]);
    expect([...new Uint8ClampedArray(packed.buffer)]).to.deep.equal([230, 25, 75, 115]);
  });
});
