import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createAnnotation, labelIdOf, withLabel, withSelector, type Annotation } from '../../src/core/annotation.js';
import { AnnotationStore } from '../../src/core/annotation-store.js';
import { GestureStore } from '../../src/core/gesture-store.js';
import type { KolamEventName } from '../../src/core/events.js';
import { boxSelector, rectOf } from '../../src/core/selectors.js';
import { checkBoxTarget } from '../../src/core/target-checks.js';

/** A host of each store: the span tagger's (AnnotationStore) and the box tool's and player's (GestureStore). */
class StoreHost extends LitElement {
  store: AnnotationStore = new AnnotationStore(this);
}
customElements.define('store-host', StoreHost);
class GestureHost extends LitElement {
  store = new GestureStore(this);
}
customElements.define('gesture-host', GestureHost);

const box = (x: number, label = 'person') => createAnnotation({ source: 'img', selector: boxSelector({ x, y: 0, w: 10, h: 10 }), labelId: label });

async function setup<H extends StoreHost | GestureHost = StoreHost>(withGestures = false) {
  const el = (withGestures ? await fixture<GestureHost>(html`<gesture-host></gesture-host>`) : await fixture<StoreHost>(html`<store-host></store-host>`)) as H;
  const events: Array<{ type: string; detail: any }> = [];
  for (const type of ['kolam-create', 'kolam-update', 'kolam-delete', 'kolam-change', 'kolam-select'] as KolamEventName[])
    el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  return { el, store: el.store as H['store'], events };
}

for (const withGestures of [false, true]) {
  describe(withGestures ? 'GestureStore, what it shares with AnnotationStore' : 'AnnotationStore', () => {
    it('names the one annotation a single change touched, and nothing after a load or two changes', async () => {
      const { store } = await setup(withGestures);
      const [a, b] = [box(1), box(2)];
      store.load([a], { target: checkBoxTarget });
      let since = store.version;
      expect(store.changedOnly(since - 1)).to.equal(undefined);
      store.create(b);
      expect(store.changedOnly(since)).to.equal(b.id);
      since = store.version;
      store.update(withLabel(a, 'car'));
      store.remove(b.id);
      expect(store.changedOnly(since)).to.equal(undefined);
      expect(store.changedOnly(since + 1)).to.equal(b.id);
      since = store.version;
      store.undo();
      expect(store.changedOnly(since)).to.equal(b.id);
    });

    it('loads from code without firing events, keeping rejected input in place', async () => {
      const { store, events } = await setup(withGestures);
      const a = box(1);
      const bad = { id: 'bad', target: { selector: { type: 'FragmentSelector', value: 'xywh=pixel:-1,0,1,1' } } };
      const errors = store.load([a, bad, box(2)], { target: checkBoxTarget });
      expect(events).to.deep.equal([]);
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-geometry']);
      expect(store.shown).to.have.length(2);
      expect(store.all[1]).to.deep.equal(bad);
      expect(store.all[1]).not.to.equal(bad, 'a copy: the host keeps its own object');
    });

    it('fires create then change with copies for a user create', async () => {
      const { store, events } = await setup(withGestures);
      const a = box(1);
      store.create(a);
      expect(events.map((e) => e.type)).to.deep.equal(['kolam-create', 'kolam-change']);
      expect(events[0].detail.annotation).to.deep.equal(a);
      expect(events[0].detail.annotation).not.to.equal(a);
      events[0].detail.annotation.body[0].value = 'mutated by host';
      expect(labelIdOf(store.get(a.id)!)).to.equal('person');
    });

    it('undoes a create as a delete and redoes it as a create', async () => {
      const { store, events } = await setup(withGestures);
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
      const { store, events } = await setup(withGestures);
      const a = box(1);
      store.load([a], { target: checkBoxTarget });
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
      const { store, events } = await setup(withGestures);
      const [a, b, c] = [box(1), box(2), box(3)];
      store.load([a, b, c], { target: checkBoxTarget });
      store.remove(b.id);
      store.undo();
      expect(store.shown.map((x) => x.id)).to.deep.equal([a.id, b.id, c.id]);
      expect(events.map((e) => e.type)).to.deep.equal(['kolam-delete', 'kolam-change', 'kolam-create', 'kolam-change']);
    });

    it('keeps undo history when the host echoes back what we emitted', async () => {
      const { el, store } = await setup(withGestures);
      const a = box(1);
      store.create(a);
      const { detail } = await Promise.all([oneEvent(el, 'kolam-change'), store.create(box(2))]).then(([e]) => e);
      expect(store.load(detail.annotations, { target: checkBoxTarget })).to.deep.equal([]);
      store.undo();
      expect(store.shown.map((x) => x.id)).to.deep.equal([a.id]);
    });

    it('fires kolam-select only when the selection changes', async () => {
      const { store, events } = await setup(withGestures);
      const a = box(1);
      store.load([a], { target: checkBoxTarget });
      store.select(a.id);
      store.select(a.id);
      store.select('nope');
      expect(events.map((e) => [e.type, e.detail.annotation?.id ?? null])).to.deep.equal([
        ['kolam-select', a.id],
        ['kolam-select', null],
      ]);
    });

    it('keeps undo history when the host echoes the set back with its keys in another order', async () => {
      const { el, store } = await setup(withGestures);
      const changed = oneEvent(el, 'kolam-change');
      store.create(box(1));
      const { annotations } = (await changed).detail;
      const reordered = annotations.map((a: Annotation) => Object.fromEntries(Object.entries(a).reverse()));
      expect(Object.keys(reordered[0])).not.to.deep.equal(Object.keys(annotations[0]));
      expect(store.load(reordered, { target: checkBoxTarget })).to.deep.equal([]);
      store.undo();
      expect(store.shown).to.deep.equal([]);
    });

    it('keeps undo history when the host echoes back an empty set after the last delete', async () => {
      const { el, store } = await setup(withGestures);
      const a = box(1);
      store.create(a);
      const changed = oneEvent(el, 'kolam-change');
      store.remove(a.id);
      expect((await changed).detail.annotations).to.deep.equal([]);
      store.load([], { target: checkBoxTarget });
      store.undo();
      expect(store.shown.map((x) => x.id)).to.deep.equal([a.id]);
    });

    it('reads a reactive Proxy (as Vue and MobX give) as plain data, and events stay cloneable', async () => {
      const { el, store } = await setup(withGestures);
      const reactive = <T extends object>(target: T): T =>
        new Proxy(target, { get: (t, key, receiver) => { const v = Reflect.get(t, key, receiver); return v && typeof v === 'object' ? reactive(v) : v; } });
      const given = reactive([box(1), box(2)]);
      expect(() => structuredClone(given)).to.throw();
      expect(store.load(given, { target: checkBoxTarget })).to.deep.equal([]);
      const changed = oneEvent(el, 'kolam-change');
      store.remove(store.shown[0].id);
      expect((await changed).detail.annotations).to.have.length(1);
      expect(() => structuredClone(store.all)).not.to.throw();
    });

    it('reads functions, Symbols and DOM nodes out of a value, and getters through it', async () => {
      const { store } = await setup(withGestures);
      const a = box(1) as Annotation & Record<string, unknown>;
      const odd = { ...a, onClick: () => 1, [Symbol('vue')]: true, node: document.body };
      Object.defineProperty(odd, 'motivation', { get: () => 'tagging', enumerable: true });
      expect(store.load([Object.freeze(odd)], { target: checkBoxTarget })).to.deep.equal([]);
      expect(store.all[0]).to.deep.equal({ ...a, motivation: 'tagging' });
    });

    for (const [why, make] of [
      ['a null body', (a: Annotation) => ({ ...a, body: [null] })],
      ['a Choice without items', (a: Annotation) => ({ ...a, body: [{ type: 'Choice' }] })],
      ['a Choice with a null item', (a: Annotation) => ({ ...a, body: [{ type: 'Choice', items: [null] }] })],
      ['a body value that is not a string', (a: Annotation) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'tagging', value: 7 }] })],
      ['a cycle', (a: Annotation) => { const c: Record<string, unknown> = { ...a }; c.self = c; return c; }],
    ] as const) {
      it(`rejects an annotation with ${why} with an error, loads the good ones and drops the previous set`, async () => {
        const { store } = await setup(withGestures);
        store.load([box(9)], { target: checkBoxTarget, labels: [{ id: 'person' }] });
        const good = box(1);
        const errors = store.load([make(box(2)), good], { target: checkBoxTarget, labels: [{ id: 'person' }] });
        expect(errors.map((e) => e.code)).to.deep.equal(['invalid-annotation']);
        expect(store.shown.map((a) => a.id)).to.deep.equal([good.id]);
        expect(store.all).to.have.length(2);
      });
    }

    for (const value of [null, undefined]) {
      it(`reads ${value} as an empty set, without an error`, async () => {
        const { store } = await setup(withGestures);
        store.load([box(1)], { target: checkBoxTarget });
        expect(store.load(value, { target: checkBoxTarget })).to.deep.equal([]);
        expect(store.all).to.deep.equal([]);
      });
    }

    it('reports a value that is not an array and never keeps the previous set', async () => {
      const { store } = await setup(withGestures);
      store.load([box(1)], { target: checkBoxTarget });
      const errors = store.load({ 0: box(2) }, { target: checkBoxTarget });
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-annotation']);
      expect(store.all).to.deep.equal([]);
    });

    it('reports a value it cannot read (a getter that throws) and never keeps the previous set', async () => {
      const { store } = await setup(withGestures);
      store.load([box(1)], { target: checkBoxTarget });
      const trap = [Object.defineProperty({}, 'id', { get: () => { throw new Error('revoked'); }, enumerable: true })];
      const errors = store.load(trap, { target: checkBoxTarget });
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-annotation']);
      expect(store.all).to.deep.equal([]);
    });
  });
}

describe('GestureStore', () => {
  it('turns a gesture of many previews into one update and one undo step', async () => {
    const { store, events } = await setup<GestureHost>(true);
    const a = box(1);
    store.load([a], { target: checkBoxTarget });
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
    // The gesture was the one step: a second undo has nothing to take back.
    const fired = events.length;
    store.undo();
    expect(events.length).to.equal(fired);
  });

  it('cancels a gesture back to where it started, silently', async () => {
    const { store, events } = await setup<GestureHost>(true);
    const a = box(1);
    store.load([a], { target: checkBoxTarget });
    store.preview(withSelector(a, boxSelector({ x: 50, y: 0, w: 10, h: 10 })));
    store.cancelGesture();
    expect(store.get(a.id)).to.deep.equal(a);
    expect(events).to.deep.equal([]);
  });

  it('does not bring back an annotation deleted during a gesture when the gesture is cancelled', async () => {
    const { store } = await setup<GestureHost>(true);
    const [a, b] = [box(1), box(2)];
    store.load([a, b], { target: checkBoxTarget });
    store.preview(withSelector(a, boxSelector({ x: 50, y: 0, w: 10, h: 10 })));
    store.remove(a.id);
    store.cancelGesture();
    expect(store.get(a.id)).to.equal(undefined);
    expect(store.shown.map((x) => x.id)).to.deep.equal([b.id]);
  });

  it('a delete during a gesture ends it and carries what the host last saw', async () => {
    const { store, events } = await setup<GestureHost>(true);
    const a = box(1);
    store.load([a], { target: checkBoxTarget });
    store.preview(withSelector(a, boxSelector({ x: 50, y: 0, w: 10, h: 10 })));
    store.remove(a.id);
    expect(store.isGestureActive).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['kolam-delete', 'kolam-change']);
    expect(events[0].detail.annotation).to.deep.equal(a);
    store.undo();
    expect(store.get(a.id)).to.deep.equal(a);
  });
});
