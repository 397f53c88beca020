import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { KolamBoxTool } from '../../src/box-tool.js';
import { at, box, drag, mount, shadow, viewport, xywh } from './helpers.js';

/** Screen position (from the element's corner) of an image point, read from the img's rendered box. */
function screenOf(el: KolamBoxTool, x: number, y: number): [number, number] {
  const img = shadow(el).querySelector('img')!.getBoundingClientRect();
  const host = el.getBoundingClientRect();
  const scale = img.width / el.imageSize!.width;
  return [img.left - host.left + x * scale, img.top - host.top + y * scale];
}

function wheel(el: KolamBoxTool, x: number, y: number, deltaY: number) {
  const [cx, cy] = at(el, x, y);
  viewport(el).dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY, bubbles: true, composed: true, cancelable: true }));
}

describe('<kolam-box-tool> view', () => {
  it('shows the image contained and centred', async () => {
    const el = await mount({ width: 800, height: 700 });
    const [x0, y0] = screenOf(el, 0, 0);
    const [x1, y1] = screenOf(el, 1600, 1200);
    expect([x0, y0, x1, y1].map(Math.round)).to.deep.equal([0, 50, 800, 650]);
  });

  it('zooms with the wheel about the pointer, and still draws in natural pixels', async () => {
    const el = await mount();
    const before = screenOf(el, 400, 300);
    wheel(el, 200, 150, -300);
    await el.updateComplete;
    expect(el.zoom).to.be.greaterThan(1.5);
    const after = screenOf(el, 400, 300);
    expect(after[0]).to.be.closeTo(before[0], 0.5);
    expect(after[1]).to.be.closeTo(before[1], 0.5);
    const created = oneEvent(el, 'kolam-create');
    const s = (x: number, y: number) => screenOf(el, x, y).map(Math.round) as [number, number];
    await drag(el, s(400, 300), s(500, 380));
    expect(xywh((await created).detail.annotation)).to.match(/^(399|400|401),(299|300|301),(99|100|101),(79|80|81)$/);
  });

  it('+ and - zoom about the centre, 0 fits, within limits', async () => {
    const el = await mount();
    viewport(el).focus();
    await sendKeys({ press: '+' });
    expect(el.zoom).to.be.closeTo(1.25, 1e-9);
    await sendKeys({ press: '-' });
    expect(el.zoom).to.be.closeTo(1, 1e-9);
    for (let i = 0; i < 40; i++) await sendKeys({ press: '=' });
    expect(el.zoom).to.equal(64);
    await sendKeys({ press: '0' });
    expect(el.zoom).to.equal(1);
    for (let i = 0; i < 10; i++) await sendKeys({ press: '-' });
    expect(el.zoom).to.equal(0.5);
  });

  it('has on-screen zoom buttons with names', async () => {
    const el = await mount();
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="zoom-button"]')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Zoom out', 'Zoom in', 'Fit image']);
    const r = buttons[1].getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    expect(el.zoom).to.be.closeTo(1.25, 1e-9);
  });

  it('pans with Space+drag without touching the boxes', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    el.zoom = 2;
    await el.updateComplete;
    viewport(el).focus();
    const before = screenOf(el, 0, 0);
    await sendKeys({ down: ' ' });
    await drag(el, [400, 300], [300, 250]);
    await sendKeys({ up: ' ' });
    const after = screenOf(el, 0, 0);
    expect(after[0] - before[0]).to.be.closeTo(-100, 1);
    expect(after[1] - before[1]).to.be.closeTo(-50, 1);
    expect(xywh(el.annotations[0])).to.equal('200,200,400,200');
  });

  it('pans with a middle-button drag', async () => {
    const el = await mount();
    el.zoom = 2;
    await el.updateComplete;
    const before = screenOf(el, 0, 0);
    let created = false;
    el.addEventListener('kolam-create', () => (created = true));
    await drag(el, [400, 300], [450, 320], { button: 'middle' });
    const after = screenOf(el, 0, 0);
    expect(after[0] - before[0]).to.be.closeTo(50, 1);
    expect(created).to.equal(false);
  });

  it('keeps boxes on their objects when the element resizes', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    el.style.width = '400px';
    el.style.height = '300px';
    for (let i = 0; i < 10 && el.viewport.width !== 400; i++) await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    // Now 0.25 screen px per image px: the box's corner is at (50, 50) and a click there selects it.
    expect(screenOf(el, 200, 200).map(Math.round)).to.deep.equal([50, 50]);
    await sendMouse({ type: 'click', position: at(el, 60, 60) });
    expect(el.store.selectedId).to.equal(el.annotations[0].id);
  });

  it('redraws a zoom step in the frame that shows it, but a wheel gesture only once it rests', async () => {
    const el = await mount({ annotations: [box({ x: 700, y: 500, w: 200, h: 100 })] });
    const canvas = shadow(el).querySelector('canvas')!;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    // A step: moved at once, sharp by the paint of the next frame (its requestAnimationFrame).
    el.zoom = 1.5;
    await el.updateComplete;
    expect(canvas.style.transform).to.contain('scale(1.5)');
    await frame();
    await new Promise((r) => setTimeout(r));
    expect(canvas.style.transform).to.equal('');
    // A wheel event at the start of each of six frames, as Chromium delivers a gesture's input:
    // the picture is only moved meanwhile, then redrawn sharp within two frames of the last one.
    const moved: string[] = [];
    for (let i = 0; i < 6; i++) {
      await frame();
      wheel(el, 200, 150, -20);
      await el.updateComplete;
      moved.push(canvas.style.transform);
    }
    expect(moved.every((t) => t.includes('scale(')), JSON.stringify(moved)).to.equal(true);
    let frames = 0;
    while (canvas.style.transform && frames < 10) (await frame(), frames++);
    expect(frames).to.be.at.most(2);
  });

  it('moves the drawn boxes with a zoom at once, then redraws them crisp where the image shows them', async () => {
    const el = await mount({ annotations: [box({ x: 700, y: 500, w: 200, h: 100 })] });
    const canvas = shadow(el).querySelector('canvas')!;
    el.zoom = 2;
    await el.updateComplete;
    expect(canvas.style.transform).to.contain('scale(2)');
    while (canvas.style.transform) await new Promise((r) => requestAnimationFrame(r));
    // A point on the box's left edge, and one inside it (boxes are outlines: empty within).
    const [x, y] = screenOf(el, 700, 550);
    const ctx = canvas.getContext('2d')!;
    const dpr = window.devicePixelRatio;
    expect(ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data[3]).to.be.greaterThan(0);
    expect(ctx.getImageData(Math.round((x + 40) * dpr), Math.round(y * dpr), 1, 1).data[3]).to.equal(0);
  });
});
