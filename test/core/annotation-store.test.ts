import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createAnnotation, labelIdOf, withLabel, withSelector, type Annotation } from '../../src/core/annotation.js';
import { AnnotationStore } from '../../src/core/annotation-store.js';
import type { KolamEventName } from '../../src/core/events.js';
import { boxSelector, rectOf } from '../../src/core/selectors.js';

class StoreHost extends LitElement {
  store = new AnnotationStore(this);
}
customElements.define('store-host', StoreHost);

const box = (x: number, label = 'person') => createAnnotation({ source: 'img', selector: boxSelector({ x, y: 0, w: 10, h: 10 }), labelId: label });

async function setup() {
  const el = await fixture<StoreHost>(html`<store-host></store-host>`);
  const events: Array<{ type: string; detail: any }> = [];
  for (const type of ['kolam-create', 'kolam-update', 'kolam-delete', 'kolam-change', 'kolam-select'] as KolamEventName[])
    el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  return { el, store: el.store, events };
}

describe('AnnotationStore', () => {
  it('loads from code without firing events, keeping rejected input in place', async () => {
    const { store, events } = await setup();
    const a = box(1);
    const bad = { id: 'bad', target: { selector: { type: 'FragmentSelector', value: 'xywh=pixel:-1,0,1,1' } } };
    const errors = store.load([a, bad, box(2)], { kind: 'box' });
    expect(events).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-geometry']);
    expect(store.shown).to.have.length(2);
    expect(store.all[1]).to.equal(bad);
  });

  it('fires create then change with copies for a user create', async () => {
    const { store, events } = await setup();
    const a = box(1);
    store.create(a);
    expect(events.map((e) => e.type)).to.deep.equal(['kolam-create', 'kolam-change']);
    expect(events[0].detail.annotation).to.deep.equal(a);
    expect(events[0].detail.annotation).not.to.equal(a);
    events[0].detail.annotation.body[0].value = 'mutated by host';
    expect(labelIdOf(store.get(a.id)!)).to.equal('person');
  });

  it('undoes a create as a delete and redoes it as a create', async () => {
    const { store, events } = await setup();
    const a = box(1);
    store.create(a);
    events.length = 0;
    store.undo();
    expect(events.map((e) => e.type)).to.deep.equal(['kolam-delete', 'kolam-change']);
    expect(store.shown).to.deep.equal([]);
    store.redo();
    expect(events.map((e) => e.type).slice(2)).to.deep.equal(['kolam-create', 'kolam-change']);
    expect(store.shown[0].id).to.equal(a.id);
  });

  it('undoes an update with the matching update event', async () => {
    const { store, events } = await setup();
    const a = box(1);
    store.load([a], { kind: 'box' });
    const b = withLabel(a, 'car');
    store.update(b);
    store.undo();
    const updates = events.filter((e) => e.type === 'kolam-update');
    expect(updates).to.have.length(2);
    expect(labelIdOf(updates[0].detail.annotation)).to.equal('car');
    expect(labelIdOf(updates[0].detail.previous)).to.equal('person');
    expect(labelIdOf(updates[1].detail.annotation)).to.equal('person');
  });

  it('undoes a delete as a create in the same place', async () => {
    const { store, events } = await setup();
    const [a, b, c] = [box(1), box(2), box(3)];
    store.load([a, b, c], { kind: 'box' });
    store.remove(b.id);
    store.undo();
    expect(store.shown.map((x) => x.id)).to.deep.equal([a.id, b.id, c.id]);
    expect(events.map((e) => e.type)).to.deep.equal(['kolam-delete', 'kolam-change', 'kolam-create', 'kolam-change']);
  });

  it('turns a gesture of many previews into one update and one undo step', async () => {
    const { store, events } = await setup();
    const a = box(1);
    store.load([a], { kind: 'box' });
    let current: Annotation = a;
    for (let x = 2; x <= 30; x++) {
      current = withSelector(current, boxSelector({ x, y: 0, w: 10, h: 10 }));
      store.preview(current);
    }
    expect(events).to.deep.equal([]);
    store.commitGesture();
    expect(events.map((e) => e.type)).to.deep.equal(['kolam-update', 'kolam-change']);
    expect(rectOf(events[0].detail.previous)!.x).to.equal(1);
    expect(rectOf(events[0].detail.annotation)!.x).to.equal(30);
    store.undo();
    expect(rectOf(store.get(a.id)!)!.x).to.equal(1);
    expect(store.canUndo).to.equal(false);
  });

  it('cancels a gesture back to where it started, silently', async () => {
    const { store, events } = await setup();
    const a = box(1);
    store.load([a], { kind: 'box' });
    store.preview(withSelector(a, boxSelector({ x: 50, y: 0, w: 10, h: 10 })));
    store.cancelGesture();
    expect(store.get(a.id)).to.equal(a);
    expect(events).to.deep.equal([]);
  });

  it('keeps undo history when the host echoes back what we emitted', async () => {
    const { el, store } = await setup();
    const a = box(1);
    store.create(a);
    const { detail } = await Promise.all([oneEvent(el, 'kolam-change'), store.create(box(2))]).then(([e]) => e);
    expect(store.load(detail.annotations, { kind: 'box' })).to.deep.equal([]);
    expect(store.canUndo).to.equal(true);
  });

  it('fires kolam-select only when the selection changes', async () => {
    const { store, events } = await setup();
    const a = box(1);
    store.load([a], { kind: 'box' });
    store.select(a.id);
    store.select(a.id);
    store.select('nope');
    expect(events.map((e) => [e.type, e.detail.annotation?.id ?? null])).to.deep.equal([
      ['kolam-select', a.id],
      ['kolam-select', null],
    ]);
  });
});
