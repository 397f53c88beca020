import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/label-set.js';
import type { KolamBoxTool } from '../../src/box-tool.js';
import { box, drag, imageSettled, imageUrl, mount, shadow } from './helpers.js';

const items = (el: KolamBoxTool) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="legend-item"]')].map((b) => ({
    name: b.querySelector('.name')!.textContent!.trim(),
    count: Number(b.querySelector('.count')!.textContent),
    key: b.querySelector('kbd')?.textContent ?? '',
    active: b.getAttribute('aria-pressed') === 'true',
  }));
const hint = (el: KolamBoxTool) => shadow(el).querySelector('[part="hint"]');
const centre = (e: Element): [number, number] => {
  const r = e.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

describe('<kolam-box-tool> legend', () => {
  it('lists each label with its count and key, and marks the label new boxes get', async () => {
    const el = await mount({ annotations: [box({ x: 10, y: 10, w: 100, h: 100 }), box({ x: 300, y: 300, w: 100, h: 100 }, 'car'), box({ x: 600, y: 600, w: 90, h: 90 })] });
    expect(items(el)).to.deep.equal([
      { name: 'Person', count: 2, key: 'p', active: true },
      { name: 'Car', count: 1, key: '2', active: false },
    ]);
  });

  it('counts a box the moment it is drawn', async () => {
    const el = await mount();
    const created = oneEvent(el, 'kolam-create');
    await drag(el, [300, 200], [420, 300]);
    await created;
    await el.updateComplete;
    expect(items(el)[0].count).to.equal(1);
  });

  it('follows the label key pressed, and a click on a label gives new boxes that label', async () => {
    const el = await mount();
    el.focus();
    await sendKeys({ press: '2' });
    await el.updateComplete;
    expect(items(el).map((i) => i.active)).to.deep.equal([false, true]);
    await sendMouse({ type: 'click', position: centre(shadow(el).querySelectorAll('[part~="legend-item"]')[0]) });
    await el.updateComplete;
    expect(items(el).map((i) => i.active)).to.deep.equal([true, false]);
    const created = oneEvent(el, 'kolam-create');
    await drag(el, [300, 200], [420, 300]);
    expect((await created).detail.annotation.body[0].value).to.equal('person');
  });

  it('shows the label new boxes get inside a <kolam-label-set> too', async () => {
    const set = await fixture(html`<kolam-label-set active-label="car" .labels=${[{ id: 'person', name: 'Person' }, { id: 'car', name: 'Car' }]}>
      <kolam-box-tool style="width:600px;height:400px" src=${imageUrl()}></kolam-box-tool>
    </kolam-label-set>`);
    const el = set.querySelector<KolamBoxTool>('kolam-box-tool')!;
    await imageSettled(el);
    expect(items(el).find((i) => i.active)?.name).to.equal('Car');
  });
});

describe('<kolam-box-tool> empty and failed images', () => {
  it('says how to start over an image with no boxes, until the first one is drawn', async () => {
    const el = await mount();
    expect(hint(el)!.textContent).to.match(/drag.*press B/s);
    const created = oneEvent(el, 'kolam-create');
    await drag(el, [300, 200], [420, 300]);
    await created;
    await el.updateComplete;
    expect(hint(el)).to.equal(null);
  });

  it('gives no drawing hint when readonly', async () => {
    const el = await mount({ readonly: true });
    expect(hint(el)).to.equal(null);
  });

  it('shows a failed image as a message, with zoom disabled and no zoom level', async () => {
    const el = await fixture<KolamBoxTool>(html`<kolam-box-tool style="width:600px;height:300px" src="data:image/png;base64,bm90IGFuIGltYWdl"></kolam-box-tool>`);
    await imageSettled(el);
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('could not be loaded');
    expect([...shadow(el).querySelectorAll<HTMLButtonElement>('[part="zoom-button"]')].every((b) => b.disabled)).to.equal(true);
    expect(shadow(el).querySelector('.zoom .level')!.textContent).to.not.match(/\d/);
    el.focus();
    await sendKeys({ press: '+' });
    expect(el.zoom).to.equal(1);
    expect(hint(el)).to.equal(null);
  });
});
