/**
 * The common contract (CONTRACT §3 events, §4 API and keys, §6 bad input), checked the same way on
 * every tool. Each tool gives a small table: how to show it, a good annotation, some bad ones, and
 * how a user makes one annotation by real input.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { Annotation } from '../src/core/annotation.js';
import { EDITS, TOOLS, clone, focusKeys, nextFrame, press, record, tagOf } from './tool-cases.js';

for (const tool of TOOLS) {
  describe(`<${tool.name}> common contract`, () => {
    afterEach(() => resetMouse());

    it('emits no create, update, delete or change when annotations are set from code, and gives back what it was given', async () => {
      const el = await tool.mount();
      const seen = record(el, EDITS);
      const given = [tool.good('a'), ...tool.bad.map((b) => b.annotation)];
      const snapshot = clone(given);
      el.annotations = given;
      await el.updateComplete;
      await nextFrame();
      expect(seen).to.deep.equal([]);
      expect(el.annotations).to.deep.equal(snapshot);
      expect(given).to.deep.equal(snapshot, 'the host\'s own objects are not changed');
    });

    for (const bad of tool.bad) {
      it(`reports a malformed annotation (${bad.why}) with kolam-error "${[bad.code].flat().join('" or "')}", and still shows the others`, async () => {
        const el = await tool.mount();
        const seen = record(el, ['kolam-error']);
        el.annotations = [tool.good('a'), bad.annotation, tool.good('b')];
        await el.updateComplete;
        await nextFrame();
        const errors = seen.map((s) => s.detail as { code: string; message: string; input: unknown });
        // A NaN or minus sign that does not even parse as the selector's grammar may be reported as either.
        expect(errors).to.have.length(1);
        expect([bad.code].flat()).to.include(errors[0].code);
        expect(errors[0].message).to.be.a('string').and.not.equal('');
        expect(errors[0].input).to.deep.equal(bad.annotation);
        expect(tool.shown(el)).to.equal(2);
      });
    }

    it('creates by real input: kolam-create then kolam-change, by the annotator with the active label, on the source', async () => {
      const el = await tool.mount();
      const seen = record(el, ['kolam-create', 'kolam-change']);
      const changed = oneEvent(el, 'kolam-change');
      await tool.create(el);
      const { annotations } = (await changed).detail;
      expect(seen.map((s) => s.name)).to.deep.equal(['kolam-create', 'kolam-change']);
      const { annotation } = seen[0].detail as { annotation: Annotation };
      expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
      expect(annotation.body).to.deep.include({ type: 'TextualBody', purpose: 'tagging', value: tool.labels[0].id });
      expect(annotation.target.source).to.equal(el.getAttribute('source') ?? tool.defaultSource?.(el));
      expect(annotations).to.deep.equal([annotation]);
      expect(el.annotations).to.deep.equal([annotation]);
    });

    it('writes the source attribute to target.source', async () => {
      const el = await tool.mount();
      el.setAttribute('source', 'https://example.org/item-7');
      await el.updateComplete;
      const created = oneEvent(el, 'kolam-create');
      await tool.create(el);
      expect((await created).detail.annotation.target.source).to.equal('https://example.org/item-7');
    });

    if (tool.defaultSource) {
      it('defaults target.source to src when no source is set', async () => {
        const el = await tool.mount();
        el.removeAttribute('source');
        await el.updateComplete;
        const created = oneEvent(el, 'kolam-create');
        await tool.create(el);
        const source = (await created).detail.annotation.target.source;
        expect(source).to.be.a('string').and.not.equal('');
        expect(source).to.equal(tool.defaultSource!(el));
      });
    }

    it('hands out copies: mutating a detail changes nothing in the element', async () => {
      const el = await tool.mount([tool.good('a')]);
      const created = oneEvent(el, 'kolam-create');
      const changed = oneEvent(el, 'kolam-change');
      await tool.create(el);
      const { annotation } = (await created).detail;
      const { annotations } = (await changed).detail;
      const before = clone(el.annotations);
      annotation.body.push({ type: 'TextualBody', purpose: 'tagging', value: 'hacked' });
      annotation.target.source = 'hacked';
      annotations.pop();
      annotations[0].id = 'hacked';
      expect(el.annotations).to.deep.equal(before);
      // The getter hands out copies too.
      el.annotations[0].id = 'hacked again';
      expect(el.annotations).to.deep.equal(before);
    });

    it('undoes a create with Ctrl+Z (kolam-delete) and redoes it with Ctrl+Shift+Z and Ctrl+Y (kolam-create)', async () => {
      const el = await tool.mount();
      const created = oneEvent(el, 'kolam-create');
      await tool.create(el);
      const { annotation } = (await created).detail;
      await focusKeys(tool, el);

      let deleted = oneEvent(el, 'kolam-delete');
      let changed = oneEvent(el, 'kolam-change');
      await press(el, 'Control+z');
      expect((await deleted).detail.annotation).to.deep.equal(annotation);
      expect((await changed).detail.annotations).to.deep.equal([]);

      let redone = oneEvent(el, 'kolam-create');
      changed = oneEvent(el, 'kolam-change');
      await press(el, 'Control+Shift+z');
      expect((await redone).detail.annotation).to.deep.equal(annotation);
      expect((await changed).detail.annotations).to.deep.equal([annotation]);

      deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'Control+z');
      await deleted;
      redone = oneEvent(el, 'kolam-create');
      await press(el, 'Control+y');
      expect((await redone).detail.annotation).to.deep.equal(annotation);
      expect(el.annotations).to.deep.equal([annotation]);
    });

    it('deletes the selection with Delete', async () => {
      const el = await tool.mount([tool.good('a'), tool.good('b')]);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(el, 'kolam-delete');
      const changed = oneEvent(el, 'kolam-change');
      await press(el, 'Delete');
      expect((await deleted).detail.annotation.id).to.equal('a');
      expect((await changed).detail.annotations.map((a: Annotation) => a.id)).to.deep.equal(['b']);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['b']);
    });

    it('deletes the selection with Backspace too, and Ctrl+Z brings it back (kolam-create)', async () => {
      const el = await tool.mount([tool.good('a')]);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'Backspace');
      expect((await deleted).detail.annotation).to.deep.equal(tool.good('a'));
      const restored = oneEvent(el, 'kolam-create');
      await press(el, 'Control+z');
      expect((await restored).detail.annotation).to.deep.equal(tool.good('a'));
      expect(el.annotations).to.deep.equal([tool.good('a')]);
    });

    if (tool.escapeClears) {
      it('clears the selection with Escape (kolam-select with null)', async () => {
        const el = await tool.mount([tool.good('a')]);
        await focusKeys(tool, el);
        el.select('a');
        await el.updateComplete;
        const selected = oneEvent(el, 'kolam-select');
        await press(el, 'Escape');
        expect((await selected).detail.annotation).to.equal(null);
      });
    }

    it('relabels the selection with a digit key (kolam-update with previous)', async () => {
      const el = await tool.mount([tool.good('a')]);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const updated = oneEvent(el, 'kolam-update');
      await press(el, '2');
      const { annotation, previous } = (await updated).detail;
      expect(annotation.id).to.equal('a');
      expect(tagOf(annotation)?.value).to.equal(tool.labels[1].id);
      expect(previous).to.deep.equal(tool.good('a'));
      expect(tagOf(el.annotations[0])?.value).to.equal(tool.labels[1].id);
    });

    it('is readonly: real input neither creates nor deletes', async () => {
      const el = await tool.mount([tool.good('a')], true);
      const seen = record(el, EDITS);
      await tool.create(el);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      await press(el, 'Delete');
      await press(el, 'Backspace');
      await nextFrame();
      expect(seen).to.deep.equal([]);
      expect(el.annotations).to.deep.equal([tool.good('a')]);
    });

    it('is focusable, by Tab and by focus(), with an accessible name', async () => {
      const el = await tool.mount();
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      // Compare identities: chai printing a whole element on failure can hang the page.
      expect(document.activeElement === el).to.equal(true, 'Tab moves focus into the element');
      const inner = el.shadowRoot!.activeElement as HTMLElement;
      expect(inner.getAttribute('aria-label') ?? inner.textContent?.trim()).to.be.a('string').and.not.equal('');
      before.focus();
      el.focus();
      expect(document.activeElement === el).to.equal(true, 'focus() on the element focuses it');
      expect(el.shadowRoot!.activeElement === tool.keyTarget(el)).to.equal(true, 'focus() lands where the keys work');
      expect(tool.keyTarget(el).getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      before.remove();
    });

    it('fires events that bubble and are composed: they reach a host shadow root and the document', async () => {
      const el = await tool.mount([tool.good('a')]);
      const host = document.createElement('div');
      el.before(host);
      const root = host.attachShadow({ mode: 'open' });
      root.append(el);
      await tool.settle(el);
      const onHost = record(host, ['kolam-delete', 'kolam-change']);
      const onDocument = record(document, ['kolam-delete']);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(host, 'kolam-delete');
      await press(el, 'Delete');
      const event = await deleted;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.target === host).to.equal(true, 'retargeted to the host outside its shadow root');
      expect(onHost.map((s) => s.name)).to.deep.equal(['kolam-delete', 'kolam-change']);
      expect(onDocument).to.have.length(1);
      host.remove();
    });
  });
}
