/**
 * CONTRACT §8 on every tool, from one table: the review order, wrap, unscored last, accept /
 * reject / relabel / undo, the threshold, read-only, and a label hotkey winning over a command.
 * Real keys throughout; assertions on the emitted events and the set.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { Annotation, Body } from '../src/core/annotation.js';
import { confusionFrom, type KolamReviewDetail } from '../src/core/review.js';
import { ANNOTATOR, TOOLS, focusKeys, nextFrame, press, record, selectedId, tagOf, type Tool, type ToolCase } from './tool-cases.js';

const MODEL = { id: 'ner-v3', type: 'Software', name: 'NER v3' };

/** A model's suggestion on the tool's good annotation: a score, or a Choice of [label, score] pairs. */
function suggestion(tool: ToolCase, id: string, tag: number | Array<[string, number]> | undefined): Annotation {
  const a = tool.good(id);
  const body: Body[] = a.body.map((b) => {
    if (!('purpose' in b) || b.purpose !== 'tagging') return b;
    if (Array.isArray(tag)) return { type: 'Choice', items: tag.map(([value, score]) => ({ type: 'TextualBody', purpose: 'tagging', value, score })) };
    return tag === undefined ? b : { ...b, score: tag };
  });
  return { ...a, creator: MODEL, body };
}

const reviews = (el: Tool) => record(el, ['kolam-review']) as unknown as Array<{ name: string; detail: KolamReviewDetail }>;

async function reviewing(tool: ToolCase, annotations: Annotation[], attrs: Record<string, string> = {}, readonly = false): Promise<Tool> {
  const el = await tool.mount(annotations, readonly);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  await tool.settle(el);
  await focusKeys(tool, el);
  return el;
}

for (const tool of TOOLS) {
  const [first, second] = tool.labels.map((l) => l.id);
  // Three items in reading order a, b, c: b the most confused, c unscored.
  const three = () => [
    suggestion(tool, 'a', [[first, 0.9], [second, 0.1]]),
    suggestion(tool, 'b', [[first, 0.5], [second, 0.45]]),
    suggestion(tool, 'c', undefined),
  ];
  // The three tools' good() annotations share one geometry; reading order is their order in the set.

  describe(`<${tool.name}> review of suggestions (CONTRACT §8)`, () => {
    it('N walks the pending suggestions most confused first (margin), unscored last, and wraps; Shift+N goes back', async () => {
      const el = await reviewing(tool, three());
      const order: Array<string | null> = [];
      for (let i = 0; i < 4; i++) {
        await press(el, 'n');
        order.push(selectedId(el));
      }
      expect(order).to.deep.equal(['b', 'a', 'c', 'b']);
      await press(el, 'Shift+N');
      expect(selectedId(el)).to.equal('c');
    });

    it('review-order="score" puts the lowest top score first; "reading" keeps the tool\'s order', async () => {
      const el = await reviewing(tool, [suggestion(tool, 'a', 0.7), suggestion(tool, 'b', 0.2), suggestion(tool, 'c', 0.9)], { 'review-order': 'score' });
      await press(el, 'n');
      expect(selectedId(el)).to.equal('b');
      await press(el, 'n');
      expect(selectedId(el)).to.equal('a');
      el.setAttribute('review-order', 'reading');
      await el.updateComplete;
      el.select(null);
      await press(el, 'n');
      expect(['a', 'b', 'c']).to.include(selectedId(el));
    });

    it('Enter accepts: the annotator becomes creator, the model generator; kolam-review says so, and the next is selected', async () => {
      const el = await reviewing(tool, three());
      const seen = reviews(el);
      await press(el, 'n');
      const updated = oneEvent(el, 'kolam-update');
      await press(el, 'Enter');
      const { annotation, previous } = (await updated).detail;
      expect(annotation.creator).to.deep.equal({ id: ANNOTATOR.id, type: 'Person', name: ANNOTATOR.name });
      expect(annotation.generator).to.deep.equal(MODEL);
      expect(tagOf(annotation)?.value).to.equal(first);
      expect(previous).to.deep.equal(three()[1]);
      expect(seen).to.have.length(1);
      const detail = seen[0].detail;
      expect(detail.decision).to.equal('accept');
      expect(detail.suggestion).to.deep.equal(three()[1]);
      expect(detail.annotation).to.deep.equal(annotation);
      expect(detail.elapsed).to.be.a('number').and.at.least(0);
      expect([detail.pending, detail.reviewed]).to.deep.equal([2, 1]);
      expect(selectedId(el)).to.equal('a');
      expect(el.reviewState).to.deep.equal({ pending: 2, accepted: 1, rejected: 0, relabeled: 0 });
    });

    it('X rejects (a kolam-delete) and Ctrl+Z brings the suggestion back exactly, pending again', async () => {
      const el = await reviewing(tool, three());
      const seen = reviews(el);
      await press(el, 'n');
      const deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'x');
      expect((await deleted).detail.annotation).to.deep.equal(three()[1]);
      expect(seen.map((s) => s.detail.decision)).to.deep.equal(['reject']);
      expect(el.reviewState).to.deep.equal({ pending: 2, accepted: 0, rejected: 1, relabeled: 0 });
      const restored = oneEvent(el, 'kolam-create');
      await press(el, 'Control+z');
      expect((await restored).detail.annotation).to.deep.equal(three()[1]);
      expect(el.reviewState).to.deep.equal({ pending: 3, accepted: 0, rejected: 0, relabeled: 0 });
    });

    it('Delete on a suggestion rejects it too', async () => {
      const el = await reviewing(tool, three());
      const seen = reviews(el);
      await press(el, 'n');
      await press(el, 'Delete');
      expect(seen.map((s) => s.detail.decision)).to.deep.equal(['reject']);
    });

    it('a label key relabels: accepted with that label, the model\'s choice kept in the event, ready for a confusion matrix', async () => {
      const el = await reviewing(tool, three());
      const seen = reviews(el);
      await press(el, 'n');
      const updated = oneEvent(el, 'kolam-update');
      await press(el, '2');
      expect(tagOf((await updated).detail.annotation)?.value).to.equal(second);
      expect(seen[0].detail.decision).to.equal('relabel');
      await press(el, 'Enter'); // a, accepted as the model said
      expect(confusionFrom(seen)).to.deep.equal({ [first]: { [second]: 1, [first]: 1 } });
      expect(el.reviewState).to.deep.equal({ pending: 1, accepted: 1, rejected: 0, relabeled: 1 });
    });

    it('Shift+Enter accepts every suggestion at or above accept-threshold, as one undo step', async () => {
      const el = await reviewing(tool, [suggestion(tool, 'a', 0.95), suggestion(tool, 'b', 0.3), suggestion(tool, 'c', 0.8)], { 'accept-threshold': '0.8' });
      const seen = reviews(el);
      await press(el, 'Shift+Enter');
      expect(seen.map((s) => s.detail.suggestion.id).sort()).to.deep.equal(['a', 'c']);
      expect(el.reviewState.pending).to.equal(1);
      await press(el, 'Control+z');
      expect(el.reviewState).to.deep.equal({ pending: 3, accepted: 0, rejected: 0, relabeled: 0 });
    });

    it('accept-threshold: a host\'s string works; no number is one kolam-error and accepts nothing; blank is unset', async () => {
      const el = await reviewing(tool, [suggestion(tool, 'a', 0.95), suggestion(tool, 'b', 0.3), suggestion(tool, 'c', 0.5)]);
      const errors = record(el, ['kolam-error']);
      const seen = reviews(el);
      const codes = () => errors.map((e) => [(e.detail as { code: string }).code, (e.detail as { input: unknown }).input]);
      el.setAttribute('accept-threshold', 'high');
      await el.updateComplete;
      await press(el, 'Shift+Enter');
      await press(el, 'Shift+Enter');
      expect(seen).to.deep.equal([]);
      expect(codes(), 'once, though pressed twice').to.deep.equal([['invalid-property', NaN]]);
      el.removeAttribute('accept-threshold');
      (el as unknown as { acceptThreshold: unknown }).acceptThreshold = '0.9';
      await el.updateComplete;
      await press(el, 'Shift+Enter');
      expect(seen.map((s) => s.detail.suggestion.id)).to.deep.equal(['a']);
      // Lit reads a blank attribute as 0: that must not accept every scored suggestion.
      el.setAttribute('accept-threshold', '');
      el.select(null);
      await el.updateComplete;
      await press(el, 'Shift+Enter');
      expect(seen).to.have.length(1);
      expect(codes()).to.have.length(1);
    });

    it('an unknown review-order is a kolam-error, once, and the default (margin) is used', async () => {
      const el = await tool.mount(three(), false);
      const errors = record(el, ['kolam-error']);
      el.setAttribute('review-order', 'confused-first');
      await tool.settle(el);
      await focusKeys(tool, el);
      await press(el, 'n');
      await press(el, 'n');
      expect(selectedId(el)).to.equal('a');
      // A decision changes the set, so the queue is worked out again with the same bad value.
      await press(el, 'Enter');
      await press(el, 'n');
      expect(errors.map((e) => [(e.detail as { code: string }).code, (e.detail as { input: unknown }).input])).to.deep.equal([['invalid-property', 'confused-first']]);
    });

    it('at the end, focus stays and the tool says review is done', async () => {
      const el = await reviewing(tool, [suggestion(tool, 'a', 0.5)]);
      await press(el, 'n');
      await press(el, 'Enter');
      await nextFrame();
      expect(el.shadowRoot!.activeElement === tool.keyTarget(el)).to.equal(true);
      expect(el.shadowRoot!.textContent).to.include('Review done');
    });

    it('is read-only: no key decides anything', async () => {
      const el = await reviewing(tool, three(), {}, true);
      const seen = record(el, ['kolam-review', 'kolam-update', 'kolam-delete']);
      await press(el, 'n');
      for (const key of ['Enter', 'x', 'Delete', '2', 'Shift+Enter']) await press(el, key);
      expect(seen).to.deep.equal([]);
    });

    it('reads the old action names in a keymap: next-suggestion and remove', async () => {
      const el = await reviewing(tool, three());
      (el as { keymap: unknown }).keymap = { 'next-suggestion': ['j'], remove: ['k'] };
      await el.updateComplete;
      await press(el, 'j');
      expect(selectedId(el)).to.equal('b');
      const seen = reviews(el);
      await press(el, 'k');
      expect(seen.map((s) => s.detail.decision)).to.deep.equal(['reject']);
    });

    it('a label whose hotkey is a command letter (x, n, a) wins over the command; Delete and digits still decide', async () => {
      const el = await reviewing(tool, three());
      el.labels = [{ id: first, hotkey: 'n' }, { id: second, hotkey: 'x' }];
      await el.updateComplete;
      el.select('b');
      await el.updateComplete;
      const seen = reviews(el);
      await press(el, 'x');
      expect(seen.map((s) => [s.detail.decision, tagOf(s.detail.annotation)?.value])).to.deep.equal([['relabel', second]]);
      await press(el, 'Delete'); // now on the next pending: rejected
      expect(seen.map((s) => s.detail.decision)).to.deep.equal(['relabel', 'reject']);
    });
  });
}
