/**
 * CONTRACT §9 on every tool: what real hosts hand over (Vue's reactive Proxies, a controlled React
 * host echoing `kolam-change` back, a database reordering keys, malformed values) never throws,
 * never loses work and never leaves a previous set live. Real input throughout.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import type { Annotation } from '../src/core/annotation.js';
import { TOOLS, clone, focusKeys, nextFrame, press, record, type Tool } from './tool-cases.js';

/** What Vue's `ref()` / `reactive()` hands an element: a deep Proxy that structuredClone refuses. */
function reactive<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver);
      return value && typeof value === 'object' ? reactive(value) : value;
    },
  });
}

/** A database round trip: same content, keys in another order, deep. */
function reorderKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)])) as T;
}

/** A controlled host (React `useState` fed by `kolam-change`): every change is set back at once. */
function controlled(el: Tool, transform: (list: Annotation[]) => Annotation[] = (x) => x): void {
  el.addEventListener('kolam-change', (e) => {
    el.annotations = transform((e as CustomEvent<{ annotations: Annotation[] }>).detail.annotations);
  });
}

for (const tool of TOOLS) {
  describe(`<${tool.name}> with real hosts (CONTRACT §9)`, () => {
    afterEach(() => resetMouse());

    it('takes a Vue-style reactive Proxy: what the user makes reaches the host, and the getter reads', async () => {
      const el = await tool.mount();
      expect(() => structuredClone(reactive([tool.good('a')]))).to.throw();
      el.annotations = reactive([tool.good('a')]);
      await tool.settle(el);
      const changed = oneEvent(el, 'kolam-change');
      await tool.create(el);
      const { annotations } = (await changed).detail;
      expect(annotations.map((a: Annotation) => a.id)[0]).to.equal('a');
      expect(annotations).to.have.length(2);
      expect(el.annotations).to.deep.equal(annotations);
    });

    it('takes frozen objects and values with functions and Symbols as plain data', async () => {
      const el = await tool.mount();
      const seen = record(el, ['kolam-error']);
      const odd = Object.freeze({ ...tool.good('a'), toString: () => 'x', [Symbol('mobx')]: 1 });
      el.annotations = Object.freeze([odd]) as unknown as Annotation[];
      await tool.settle(el);
      await nextFrame();
      expect(seen).to.deep.equal([]);
      expect(el.annotations).to.deep.equal([tool.good('a')]);
      expect(tool.shown(el)).to.equal(1);
    });

    it('keeps undo and redo for a controlled host that echoes every change back, down to an empty set', async () => {
      const el = await tool.mount([tool.good('a')]);
      controlled(el);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'Delete');
      await deleted;
      expect(el.annotations).to.deep.equal([]);
      const restored = oneEvent(el, 'kolam-create');
      await press(el, 'Control+z');
      expect((await restored).detail.annotation).to.deep.equal(tool.good('a'));
      const redone = oneEvent(el, 'kolam-delete');
      await press(el, 'Control+Shift+z');
      await redone;
      expect(el.annotations).to.deep.equal([]);
    });

    it('keeps undo for a host whose storage gives the set back with its keys in another order', async () => {
      const el = await tool.mount();
      controlled(el, reorderKeys);
      const created = oneEvent(el, 'kolam-create');
      await tool.create(el);
      const { annotation } = (await created).detail;
      await focusKeys(tool, el);
      const undone = oneEvent(el, 'kolam-delete');
      await press(el, 'Control+z');
      expect((await undone).detail.annotation).to.deep.equal(annotation);
    });

    for (const [why, bad] of [
      ['a null body', (a: Annotation) => ({ ...a, id: 'bad', body: [null] })],
      ['a Choice without items', (a: Annotation) => ({ ...a, id: 'bad', body: [{ type: 'Choice' }] })],
      ['a cycle', (a: Annotation) => { const c: Record<string, unknown> = { ...a, id: 'bad' }; c.self = c; return c; }],
    ] as const) {
      it(`reports an annotation with ${why}, loads the good ones, and the next item's set never keeps the old one`, async () => {
        const el = await tool.mount([tool.good('old')]);
        const seen = record(el, ['kolam-error']);
        el.annotations = [bad(tool.good('x')) as Annotation, tool.good('new')];
        await tool.settle(el);
        await nextFrame();
        expect(seen.map((s) => (s.detail as { code: string }).code)).to.deep.equal(['invalid-annotation']);
        expect(tool.shown(el)).to.equal(1);
        const changed = oneEvent(el, 'kolam-change');
        await tool.create(el);
        const ids = (await changed).detail.annotations.map((a: Annotation) => a.id);
        expect(ids).to.include('new').and.not.include('old');
      });
    }

    for (const value of [{ length: 1, 0: null }, 'annotations', 42]) {
      it(`reports a set that is not an array (${JSON.stringify(value)}) and drops the previous set`, async () => {
        const el = await tool.mount([tool.good('old')]);
        const errored = oneEvent(el, 'kolam-error');
        el.annotations = value as unknown as Annotation[];
        expect((await errored).detail.code).to.equal('invalid-annotation');
        await tool.settle(el);
        expect(tool.shown(el)).to.equal(0);
        expect(el.annotations.map((a) => a.id)).not.to.include('old');
      });
    }

    it('reads null as an empty set, without an error', async () => {
      const el = await tool.mount([tool.good('old')]);
      const seen = record(el, ['kolam-error']);
      el.annotations = null as unknown as Annotation[];
      await tool.settle(el);
      await nextFrame();
      expect(seen).to.deep.equal([]);
      expect(el.annotations).to.deep.equal([]);
    });

    it('keeps its keys when the keymap is set to null, and reports a keymap of the wrong type', async () => {
      const el = await tool.mount([tool.good('a')]);
      (el as { keymap: unknown }).keymap = null;
      await el.updateComplete;
      const errored = oneEvent(el, 'kolam-error');
      (el as { keymap: unknown }).keymap = 'Delete';
      expect((await errored).detail.code).to.equal('invalid-property');
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'Delete');
      expect((await deleted).detail.annotation.id).to.equal('a');
    });

    it('reports labels with a colour that is not a CSS colour or a numeric hotkey, and still works', async () => {
      const el = await tool.mount([tool.good('a')]);
      const seen = record(el, ['kolam-error']);
      el.labels = [
        { id: tool.labels[0].id, color: 'red;position:fixed;inset:0;background:url(https://evil.example/x)' },
        { id: tool.labels[1].id, hotkey: 7 as unknown as string, color: 12 as unknown as string },
      ];
      await el.updateComplete;
      await nextFrame();
      expect(seen.map((s) => (s.detail as { code: string }).code)).to.deep.equal(['invalid-labels', 'invalid-labels']);
      expect(tool.shown(el)).to.equal(1);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const updated = oneEvent(el, 'kolam-update');
      await press(el, '7');
      expect((await updated).detail.annotation.body).to.deep.include({ type: 'TextualBody', purpose: 'tagging', value: tool.labels[1].id });
    });

    it('keeps properties set before the element was defined (a lazy chunk, React before import)', async () => {
      const Base = customElements.get(tool.name)!;
      const name = `${tool.name}-late-${Math.random().toString(36).slice(2, 8)}`;
      const early = document.createElement(name) as Tool;
      early.annotations = [tool.good('a')];
      const mounted = await tool.mount();
      // Same attributes and media as the mounted one, then defined and upgraded in its place.
      for (const attr of mounted.getAttributeNames()) early.setAttribute(attr, mounted.getAttribute(attr)!);
      for (const key of ['text', 'labels', 'annotator', 'peaks'] as const)
        if ((mounted as unknown as Record<string, unknown>)[key] !== undefined) (early as unknown as Record<string, unknown>)[key] = clone((mounted as unknown as Record<string, unknown>)[key]);
      mounted.replaceWith(early);
      customElements.define(name, class extends (Base as typeof HTMLElement) {});
      await tool.settle(early);
      await nextFrame();
      expect(early.annotations.map((a) => a.id)).to.deep.equal(['a']);
      expect(tool.shown(early)).to.equal(1);
      early.remove();
    });
  });
}

describe('<kolam-box-tool> number properties (CONTRACT §9)', () => {
  it('reports a min-size that is not a number and keeps the default', async () => {
    const el = (await TOOLS[0].mount()) as Tool & { minSize: unknown };
    const errored = oneEvent(el, 'kolam-error');
    el.minSize = 'big';
    expect((await errored).detail.code).to.equal('invalid-property');
    await el.updateComplete;
    expect(el.minSize).to.equal(4);
  });
});
