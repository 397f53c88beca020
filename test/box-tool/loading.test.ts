import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/box-tool.js';
import '../../src/label-set.js';
import type { KolamBoxTool } from '../../src/box-tool.js';
import type { KolamErrorDetail } from '../../src/core/events.js';
import { box, imageSettled, imageUrl, mount, shadow, viewport, xywh } from './helpers.js';

describe('<kolam-box-tool> loading', () => {
  it('renders annotations set from code without emitting anything', async () => {
    const el = await mount();
    const events: string[] = [];
    for (const name of ['kolam-create', 'kolam-update', 'kolam-delete', 'kolam-change', 'kolam-select', 'kolam-error'] as const)
      el.addEventListener(name, () => events.push(name));
    const list = [box({ x: 10, y: 10, w: 100, h: 100 }), box({ x: 500, y: 500, w: 60, h: 80 }, 'car')];
    el.annotations = list;
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    expect(el.annotations).to.deep.equal(list);
    expect(viewport(el).getAttribute('aria-label')).to.equal('Image boxes: 2');
  });

  it('draws the boxes on the canvas where the image shows them', async () => {
    const el = await mount({ annotations: [box({ x: 200, y: 200, w: 400, h: 200 })] });
    const canvas = shadow(el).querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const dpr = window.devicePixelRatio;
    // The left edge of the box is at screen x = 100 (image 200 × 0.5): drawn there, not beside it.
    const on = ctx.getImageData(Math.round(100 * dpr), Math.round(150 * dpr), 1, 1).data;
    const off = ctx.getImageData(Math.round(150 * dpr), Math.round(150 * dpr), 1, 1).data;
    expect(on[3]).to.be.greaterThan(0);
    expect(off[3]).to.equal(0);
  });

  it('reports each bad box with kolam-error, shows the rest, and keeps everything in annotations', async () => {
    const good = box({ x: 10, y: 10, w: 100, h: 100 });
    const negative = box({ x: -5, y: 10, w: 100, h: 100 });
    const outside = box({ x: 1500, y: 10, w: 200, h: 100 });
    const noSelector = { ...box({ x: 1, y: 1, w: 1, h: 1 }), target: { source: 'x', selector: { type: 'SvgSelector', value: '<svg/>' } } };
    const el = await mount();
    const errors: KolamErrorDetail[] = [];
    el.addEventListener('kolam-error', (e) => errors.push(e.detail));
    el.annotations = [good, negative, outside, noSelector as never];
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-geometry', 'out-of-bounds', 'unknown-selector']);
    expect(errors.every((e) => e.message.length > 10)).to.equal(true);
    expect(el.store.shown.map((a) => a.id)).to.deep.equal([good.id]);
    expect(el.annotations).to.deep.equal([good, negative, outside, noSelector]);
  });

  it('checks boxes against the image size once it has loaded', async () => {
    const outside = box({ x: 1500, y: 10, w: 200, h: 100 });
    const el = document.createElement('kolam-box-tool');
    el.labels = [{ id: 'person' }];
    el.src = imageUrl(1600, 1200);
    el.annotations = [outside];
    const error = oneEvent(el, 'kolam-error');
    document.body.append(el);
    expect((await error).detail.code).to.equal('out-of-bounds');
    el.remove();
  });

  it('keeps annotations set before the element was defined', async () => {
    const early = document.createElement('kolam-box-tool-late') as KolamBoxTool;
    const list = [box({ x: 10, y: 10, w: 100, h: 100 })];
    early.setAttribute('src', imageUrl(800, 600));
    early.annotations = list;
    customElements.define('kolam-box-tool-late', class extends (customElements.get('kolam-box-tool') as typeof KolamBoxTool) {});
    document.body.append(early);
    await imageSettled(early);
    expect(early.store.shown.map((a) => a.id)).to.deep.equal([list[0].id]);
    early.remove();
  });

  it('fires kolam-error "image-error" for an image that fails to load, and says so', async () => {
    const el = document.createElement('kolam-box-tool');
    el.src = '/does-not-exist.png';
    const error = oneEvent(el, 'kolam-error');
    document.body.append(el);
    const { detail } = await error;
    expect(detail.code).to.equal('image-error');
    expect(detail.input).to.equal('/does-not-exist.png');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('could not be loaded');
    el.remove();
  });

  it('event details are copies', async () => {
    const a = box({ x: 10, y: 10, w: 100, h: 100 });
    const el = await mount({ annotations: [a] });
    const selected = oneEvent(el, 'kolam-select');
    el.select(a.id);
    const { annotation } = (await selected).detail;
    annotation!.body.length = 0;
    expect(el.annotations[0].body).to.have.length(1);
  });

  it('takes labels, active label and readonly from a surrounding <kolam-label-set>', async () => {
    const set = await fixture(html`<kolam-label-set active-label="car">
      <kolam-label id="person" color="#e6194b">Person</kolam-label>
      <kolam-label id="car" color="#3cb44b">Car</kolam-label>
      <kolam-box-tool style="width:400px;height:300px" src=${imageUrl(800, 600)}></kolam-box-tool>
    </kolam-label-set>`);
    const el = set.querySelector('kolam-box-tool') as KolamBoxTool;
    await imageSettled(el);
    el.focus();
    const created = oneEvent(el, 'kolam-create');
    el.startKeyboardBox();
    el.acceptOrCommit();
    expect((await created).detail.annotation.body[0]).to.include({ value: 'car' });
    expect(el.annotations.map(xywh)).to.have.length(1);
  });

  it('is accessible, empty and with boxes', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    el.annotations = [box({ x: 10, y: 10, w: 100, h: 100 })];
    el.select(el.annotations[0].id);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('prints no Lit dev-mode warnings', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await mount({ annotations: [box({ x: 10, y: 10, w: 100, h: 100 })] });
      el.select(el.annotations[0].id);
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => String(w).includes('Lit') || String(w).includes('kolam'))).to.deep.equal([]);
  });
});
