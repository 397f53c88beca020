import { expect } from '@open-wc/testing';
import {
  fittedView,
  growRect,
  handleAt,
  hitTest,
  moveRect,
  readingOrder,
  rectFromPoints,
  resizeRect,
  toImage,
  toScreen,
  transformOf,
  zoomAbout,
} from '../../src/box-tool/geometry.js';

const image = { width: 1600, height: 1200 };
const viewport = { width: 800, height: 700 };

describe('box geometry', () => {
  it('fits the image contained and centred at zoom 1', () => {
    const t = transformOf(fittedView(image), viewport, image);
    expect(t).to.deep.equal({ scale: 0.5, tx: 0, ty: 50 });
    expect(toImage(t, { x: 100, y: 150 })).to.deep.equal({ x: 200, y: 200 });
    expect(toScreen(t, { x: 200, y: 200, w: 400, h: 200 })).to.deep.equal({ x: 100, y: 150, w: 200, h: 100 });
  });

  it('zooms about an anchor, which stays under the pointer', () => {
    const view = fittedView(image);
    const anchor = { x: 123, y: 456 };
    const before = toImage(transformOf(view, viewport, image), anchor);
    const zoomed = zoomAbout(view, 3, anchor, viewport, image);
    const after = toImage(transformOf(zoomed, viewport, image), anchor);
    expect(zoomed.zoom).to.equal(3);
    expect(after.x).to.be.closeTo(before.x, 1e-9);
    expect(after.y).to.be.closeTo(before.y, 1e-9);
  });

  it('limits zoom to 0.5–64', () => {
    const view = fittedView(image);
    expect(zoomAbout(view, 1000, { x: 0, y: 0 }, viewport, image).zoom).to.equal(64);
    expect(zoomAbout(view, 0.001, { x: 0, y: 0 }, viewport, image).zoom).to.equal(0.5);
  });

  it('spans a rectangle from two points in any order, clamped to the image', () => {
    expect(rectFromPoints({ x: 300, y: 50 }, { x: -20, y: 1300 }, image)).to.deep.equal({ x: 0, y: 50, w: 300, h: 1150 });
  });

  it('moves a box keeping its size and keeping it inside', () => {
    const r = { x: 100, y: 100, w: 200, h: 100 };
    expect(moveRect(r, 50, -20, image)).to.deep.equal({ x: 150, y: 80, w: 200, h: 100 });
    expect(moveRect(r, 5000, 5000, image)).to.deep.equal({ x: 1400, y: 1100, w: 200, h: 100 });
  });

  it('resizes by a handle, flipping past the opposite edge', () => {
    const r = { x: 100, y: 100, w: 200, h: 100 };
    expect(resizeRect(r, 'se', { x: 400, y: 300 }, image)).to.deep.equal({ x: 100, y: 100, w: 300, h: 200 });
    expect(resizeRect(r, 'w', { x: 350, y: 0 }, image)).to.deep.equal({ x: 300, y: 100, w: 50, h: 100 });
    expect(resizeRect(r, 'n', { x: 0, y: -50 }, image)).to.deep.equal({ x: 100, y: 0, w: 200, h: 200 });
  });

  it('grows the right and bottom edges, never below the minimum or past the image', () => {
    const r = { x: 1500, y: 100, w: 50, h: 10 };
    expect(growRect(r, 100, -20, image, 4)).to.deep.equal({ x: 1500, y: 100, w: 100, h: 4 });
  });

  it('hit-tests the smallest box under the point', () => {
    const rects = [
      { x: 0, y: 0, w: 1000, h: 1000 },
      { x: 100, y: 100, w: 50, h: 50 },
      { x: 90, y: 90, w: 200, h: 200 },
    ];
    expect(hitTest(rects, { x: 120, y: 120 })).to.equal(1);
    expect(hitTest(rects, { x: 500, y: 500 })).to.equal(0);
    expect(hitTest(rects, { x: 1500, y: 1500 })).to.equal(-1);
  });

  it('finds the handle near a point', () => {
    const r = { x: 100, y: 100, w: 200, h: 100 };
    expect(handleAt(r, { x: 303, y: 198 }, 7)).to.equal('se');
    expect(handleAt(r, { x: 200, y: 96 }, 7)).to.equal('n');
    expect(handleAt(r, { x: 200, y: 150 }, 7)).to.equal(undefined);
  });

  it('orders boxes top to bottom, then left to right', () => {
    expect(readingOrder([{ x: 500, y: 10, w: 1, h: 1 }, { x: 10, y: 10, w: 1, h: 1 }, { x: 0, y: 0, w: 1, h: 1 }])).to.deep.equal([2, 1, 0]);
  });
});
