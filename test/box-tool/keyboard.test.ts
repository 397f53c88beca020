import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { KolamBoxTool } from '../../src/box-tool.js';
import { at, box, mount, shadow, viewport, xywh } from './helpers.js';

async function focused(el: KolamBoxTool) {
  viewport(el).focus();
  await el.updateComplete;
  return el;
}

describe('<kolam-box-tool> keyboard', () => {
  it('is focusable with an accessible name', async () => {
    const el = await mount({ annotations: [box({ x: 0, y: 0, w: 10, h: 10 })] });
    el.focus();
    expect(shadow(el).activeElement).to.equal(viewport(el));
    expect(viewport(el).getAttribute('aria-label')).to.equal('Image boxes: 1');
  });

  it('Tab and Shift+Tab walk the boxes in reading order, announcing label and position', async () => {
    const top = box({ x: 800, y: 100, w: 50, h: 50 });
    const left = box({ x: 100, y: 500, w: 50, h: 50 }, 'car');
    const right = box({ x: 900, y: 500, w: 50, h: 50 });
    const el = await focused(await mount({ annotations: [right, left, top] }));
    await sendKeys({ press: 'Tab' });
    expect(el.store.selectedId).to.equal(top.id);
    await sendKeys({ press: 'Tab' });
    expect(el.store.selectedId).to.equal(left.id);
    await el.updateComplete;
    const option = shadow(el).getElementById(viewport(el).getAttribute('aria-activedescendant')!)!;
    expect(option.getAttribute('role')).to.equal('option');
    expect(option.textContent).to.equal('Car, at 100, 500, 50 by 50 pixels');
    expect(option.getAttribute('aria-posinset')).to.equal('2');
    expect(option.getAttribute('aria-setsize')).to.equal('3');
    await sendKeys({ press: 'Shift+Tab' });
    expect(el.store.selectedId).to.equal(top.id);
  });

  it('Tab past the last box leaves the element', async () => {
    const el = await focused(await mount({ annotations: [box({ x: 0, y: 0, w: 50, h: 50 })] }));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.not.equal(viewport(el));
  });

  it('a held arrow is one kolam-update and one undo step', async () => {
    const a = box({ x: 100, y: 100, w: 50, h: 50 });
    const el = await focused(await mount({ annotations: [a] }));
    el.select(a.id);
    const updates: string[] = [];
    el.addEventListener('kolam-update', (e) => updates.push(xywh(e.detail.annotation)));
    for (let i = 0; i < 5; i++) await sendKeys({ down: 'ArrowRight' });
    expect(updates).to.deep.equal([]);
    expect(xywh(el.store.selected!)).to.equal('105,100,50,50');
    await sendKeys({ up: 'ArrowRight' });
    expect(updates).to.deep.equal(['105,100,50,50']);
    const undone = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Control+z' });
    expect(xywh((await undone).detail.annotation)).to.equal('100,100,50,50');
  });

  it('Shift+arrows move 10 px, Alt+arrows move the right and bottom edges', async () => {
    const a = box({ x: 100, y: 100, w: 50, h: 50 });
    const el = await focused(await mount({ annotations: [a] }));
    el.select(a.id);
    await sendKeys({ press: 'Shift+ArrowDown' });
    expect(xywh(el.annotations[0])).to.equal('100,110,50,50');
    await sendKeys({ press: 'Alt+ArrowRight' });
    await sendKeys({ press: 'Alt+ArrowUp' });
    expect(xywh(el.annotations[0])).to.equal('100,110,51,49');
  });

  it('draws a box with the keyboard alone: B, arrows, Alt+arrows, Enter', async () => {
    const el = await focused(await mount());
    await sendKeys({ press: 'b' });
    expect(el.draft).to.deep.equal({ x: 600, y: 450, w: 400, h: 300 });
    await sendKeys({ press: 'Shift+ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Alt+Shift+ArrowRight' });
    await sendKeys({ press: 'Alt+ArrowDown' });
    const created = oneEvent(el, 'kolam-create');
    await sendKeys({ press: 'Enter' });
    const { annotation } = (await created).detail;
    expect(xywh(annotation)).to.equal('590,449,410,301');
    expect(el.store.selectedId).to.equal(annotation.id);
  });

  it('Escape drops a keyboard draft, then clears the selection', async () => {
    const a = box({ x: 100, y: 100, w: 50, h: 50 });
    const el = await focused(await mount({ annotations: [a] }));
    await sendKeys({ press: 'b' });
    await sendKeys({ press: 'Escape' });
    expect(el.draft).to.equal(null);
    el.select(a.id);
    await sendKeys({ press: 'Escape' });
    expect(el.store.selectedId).to.equal(null);
  });

  it('Delete removes the selection; undo brings it back with kolam-create; redo deletes again', async () => {
    const a = box({ x: 100, y: 100, w: 50, h: 50 });
    const el = await focused(await mount({ annotations: [a] }));
    el.select(a.id);
    const deleted = oneEvent(el, 'kolam-delete');
    await sendKeys({ press: 'Delete' });
    expect((await deleted).detail.annotation.id).to.equal(a.id);
    expect(el.annotations).to.deep.equal([]);
    const created = oneEvent(el, 'kolam-create');
    await sendKeys({ press: 'Control+z' });
    expect((await created).detail.annotation.id).to.equal(a.id);
    const again = oneEvent(el, 'kolam-delete');
    await sendKeys({ press: 'Control+Shift+z' });
    expect((await again).detail.annotation.id).to.equal(a.id);
  });

  it('a digit or a label hotkey relabels the selection and becomes the active label', async () => {
    const a = box({ x: 100, y: 100, w: 50, h: 50 });
    const el = await focused(await mount({ annotations: [a] }));
    el.select(a.id);
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: '2' });
    expect((await updated).detail.annotation.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'car' }]);
    expect(el.activeLabel).to.equal('car');
    const back = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'p' });
    expect((await back).detail.annotation.body[0]).to.include({ value: 'person' });
  });

  it('Enter accepts a selected suggestion, keeping the model as generator; N visits suggestions lowest score first', async () => {
    const model = { id: 'yolo-v9', type: 'Software' };
    const sure = box({ x: 100, y: 100, w: 50, h: 50 }, 'car', { creator: model });
    (sure.body[0] as { score?: number }).score = 0.9;
    const unsure = box({ x: 300, y: 100, w: 50, h: 50 }, 'car', { creator: model });
    (unsure.body[0] as { score?: number }).score = 0.3;
    const el = await focused(await mount({ annotations: [sure, unsure] }));
    await sendKeys({ press: 'n' });
    expect(el.store.selectedId).to.equal(unsure.id);
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Enter' });
    const { annotation } = (await updated).detail;
    expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
    expect(annotation.generator).to.deep.equal(model);
    await sendKeys({ press: 'n' });
    expect(el.store.selectedId).to.equal(sure.id);
  });

  it('announces changes politely', async () => {
    const el = await focused(await mount());
    await sendKeys({ press: 'b' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const status = shadow(el).querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent).to.contain('Added Person, at 600, 450, 400 by 300 pixels');
  });

  it('keymap overrides a binding', async () => {
    const el = await focused(await mount());
    el.keymap = { newBox: ['Insert'] };
    await sendKeys({ press: 'b' });
    expect(el.draft).to.equal(null);
    await sendKeys({ press: 'Insert' });
    expect(el.draft).to.not.equal(null);
  });

  it('readonly ignores editing keys but still selects with Tab', async () => {
    const a = box({ x: 100, y: 100, w: 50, h: 50 });
    const el = await focused(await mount({ readonly: true, annotations: [a] }));
    await sendKeys({ press: 'Tab' });
    expect(el.store.selectedId).to.equal(a.id);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'b' });
    await sendKeys({ press: 'Delete' });
    expect(el.draft).to.equal(null);
    expect(xywh(el.annotations[0])).to.equal('100,100,50,50');
    await sendMouse({ type: 'move', position: at(el, 0, 0) });
  });
});
