import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LABELS, at, box, drag, mount, shadow, xywh } from './helpers.js';

describe('<kolam-box-tool> pointer', () => {
  it('creates a box from a drag, in natural pixels, with the active label and the annotator', async () => {
    const el = await mount();
    const created = oneEvent(el, 'kolam-create');
    await drag(el, [100, 100], [300, 200]);
    const { annotation } = (await created).detail;
    expect(annotation.target.selector).to.deep.equal({
      type: 'FragmentSelector',
      conformsTo: 'http://www.w3.org/TR/media-frags/',
      value: 'xywh=pixel:200,200,400,200',
    });
    expect(annotation.target.source).to.equal('street.png');
    expect(annotation.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'person' }]);
    expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
    expect(el.annotations).to.have.length(1);
    expect(el.store.selectedId).to.equal(annotation.id);
  });

  it('emits one create and one change per drag, none per move', async () => {
    const el = await mount();
    const events: string[] = [];
    for (const name of ['kolam-create', 'kolam-update', 'kolam-change'] as const) el.addEventListener(name, () => events.push(name));
    await drag(el, [100, 100], [300, 200]);
    expect(events).to.deep.equal(['kolam-create', 'kolam-change']);
  });

  it('does not create a box smaller than min-size', async () => {
    const el = await mount({ minSize: 20 });
    let created = false;
    el.addEventListener('kolam-create', () => (created = true));
    await drag(el, [100, 100], [108, 300]); // 16 natural px wide
    expect(created).to.equal(false);
    expect(el.annotations).to.deep.equal([]);
  });

  it('clamps a drawn box to the image', async () => {
    const el = await mount({ width: 800, height: 700 }); // image 800×600 on screen, 50 px bands above and below
    const created = oneEvent(el, 'kolam-create');
    await drag(el, [700, 600], [790, 690]);
    expect(xywh((await created).detail.annotation)).to.equal('1400,1100,180,100');
  });

  it('moves a box by dragging it: one update with the previous state', async () => {
    const original = box({ x: 200, y: 200, w: 400, h: 200 });
    const el = await mount({ annotations: [original] });
    const updated = oneEvent(el, 'kolam-update');
    await drag(el, [200, 150], [250, 180]);
    const { annotation, previous } = (await updated).detail;
    expect(xywh(annotation)).to.equal('300,260,400,200');
    expect(xywh(previous)).to.equal('200,200,400,200');
    expect(annotation.id).to.equal(original.id);
  });

  it('keeps a moved box inside the image', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    const updated = oneEvent(el, 'kolam-update');
    await drag(el, [200, 150], [-100, -100]);
    expect(xywh((await updated).detail.annotation)).to.equal('0,0,400,200');
  });

  it('resizes a box by its bottom-right handle, the opposite corner staying put', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    await sendMouse({ type: 'click', position: at(el, 200, 150) });
    const updated = oneEvent(el, 'kolam-update');
    await drag(el, [300, 200], [400, 250]);
    expect(xywh((await updated).detail.annotation)).to.equal('200,200,600,300');
  });

  it('resizes by the top edge handle, and shows eight handles on the selection', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    await sendMouse({ type: 'click', position: at(el, 200, 150) });
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="handle"]')).to.have.length(8);
    const updated = oneEvent(el, 'kolam-update');
    await drag(el, [200, 100], [200, 60]);
    expect(xywh((await updated).detail.annotation)).to.equal('200,120,400,280');
  });

  it('grabs a handle as far as it is drawn, following --kolam-box-handle-size', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    el.style.setProperty('--kolam-box-handle-size', '30px');
    await sendMouse({ type: 'click', position: at(el, 200, 150) });
    await el.updateComplete;
    const updated = oneEvent(el, 'kolam-update');
    // 12px beside the bottom-right corner: beyond a 10px handle's reach, inside a 30px one.
    await drag(el, [312, 212], [400, 250]);
    expect(xywh((await updated).detail.annotation)).to.equal('200,200,600,300');
  });

  it('cancels a drag with Escape, restoring the box and emitting nothing', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    let events = 0;
    el.addEventListener('kolam-update', () => events++);
    await drag(el, [200, 150], [300, 300], { release: false });
    expect(xywh(el.store.selected!)).to.equal('400,500,400,200');
    await sendKeys({ press: 'Escape' });
    await sendMouse({ type: 'up' });
    expect(events).to.equal(0);
    expect(xywh(el.annotations[0])).to.equal('200,200,400,200');
  });

  it('cancels a draw with Escape', async () => {
    const el = await mount();
    let created = false;
    el.addEventListener('kolam-create', () => (created = true));
    await drag(el, [100, 100], [300, 200], { release: false });
    await sendKeys({ press: 'Escape' });
    await sendMouse({ type: 'up' });
    expect(created).to.equal(false);
  });

  it('selects by click, fires kolam-select, and clears the selection on a click on empty image', async () => {
    const a = box({ x: 200, y: 200, w: 400, h: 200 });
    const el = await mount({ annotations: [a] });
    const selected = oneEvent(el, 'kolam-select');
    await sendMouse({ type: 'click', position: at(el, 200, 150) });
    expect((await selected).detail.annotation?.id).to.equal(a.id);
    const cleared = oneEvent(el, 'kolam-select');
    await sendMouse({ type: 'click', position: at(el, 600, 500) });
    expect((await cleared).detail.annotation).to.equal(null);
  });

  it('picks the smaller of two nested boxes', async () => {
    const big = box({ x: 0, y: 0, w: 1000, h: 1000 });
    const small = box({ x: 200, y: 200, w: 100, h: 100 }, 'car');
    const el = await mount({ annotations: [small, big] });
    await sendMouse({ type: 'click', position: at(el, 125, 125) });
    expect(el.store.selectedId).to.equal(small.id);
  });

  it('highlights the hovered box and shows a crosshair over empty image', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    await sendMouse({ type: 'move', position: at(el, 200, 150) });
    await el.updateComplete;
    expect(shadow(el).querySelector('.hovered')).to.exist;
    expect(shadow(el).querySelector('.hovered text')!.textContent).to.equal('Person');
    await sendMouse({ type: 'move', position: at(el, 600, 500) });
    await el.updateComplete;
    expect(shadow(el).querySelector('.hovered')).to.not.exist;
    expect(shadow(el).querySelector('[part="crosshair"]')).to.exist;
  });

  it('shows no crosshair beside the image', async () => {
    const el = await mount({ width: 800, height: 700 }); // 50 px bands above and below the image
    await sendMouse({ type: 'move', position: at(el, 400, 20) });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="crosshair"]')).to.not.exist;
    await sendMouse({ type: 'move', position: at(el, 400, 300) });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="crosshair"]')).to.exist;
  });

  it('in readonly mode selects but never draws or moves', async () => {
    const a = box({ x: 200, y: 200, w: 400, h: 200 });
    const el = await mount({ readonly: true, annotations: [a] });
    const events: string[] = [];
    for (const name of ['kolam-create', 'kolam-update', 'kolam-delete'] as const) el.addEventListener(name, () => events.push(name));
    await drag(el, [200, 150], [300, 250]);
    await sendKeys({ press: 'Delete' });
    expect(el.store.selectedId).to.equal(a.id);
    expect(shadow(el).querySelectorAll('[part="handle"]')).to.have.length(0);
    await drag(el, [700, 500], [750, 550]);
    expect(events).to.deep.equal([]);
    expect(xywh(el.annotations[0])).to.equal('200,200,400,200');
  });

  it('works with touch pointers (pointer events with pointerType "touch")', async () => {
    const el = await mount();
    const target = shadow(el).querySelector('[part="viewport"]')!;
    const created = oneEvent(el, 'kolam-create');
    const fire = (type: string, x: number, y: number) => {
      const [cx, cy] = at(el, x, y);
      target.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: cx, clientY: cy, bubbles: true, composed: true, cancelable: true, button: 0, buttons: 1 }));
    };
    fire('pointerdown', 100, 100);
    fire('pointermove', 200, 150);
    fire('pointermove', 300, 200);
    fire('pointerup', 300, 200);
    expect(xywh((await created).detail.annotation)).to.equal('200,200,400,200');
    expect(LABELS[0].id).to.equal('person');
  });

  it('zooms with a two-finger pinch about the fingers, cancelling the one-finger draw it began as', async () => {
    const el = await mount();
    const target = shadow(el).querySelector('[part="viewport"]')!;
    let created = false;
    el.addEventListener('kolam-create', () => (created = true));
    const fire = (type: string, id: number, x: number, y: number) => {
      const [cx, cy] = at(el, x, y);
      target.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: cx, clientY: cy, bubbles: true, composed: true, cancelable: true, button: 0, buttons: 1 }));
    };
    fire('pointerdown', 1, 300, 300);
    fire('pointermove', 1, 310, 300);
    fire('pointerdown', 2, 500, 300);
    fire('pointermove', 1, 200, 300);
    fire('pointermove', 2, 600, 300);
    fire('pointerup', 1, 200, 300);
    fire('pointerup', 2, 600, 300);
    expect(el.zoom).to.be.closeTo(400 / 190, 1e-9); // fingers 190 px apart, then 400
    expect(created).to.equal(false);
    expect(el.drawing).to.equal(null);
  });
});
