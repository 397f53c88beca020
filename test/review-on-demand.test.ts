/**
 * The review code loads only when a set holds a model's suggestion (core/review-slot.ts): a tool
 * used without a model never fetches it, and with one the first keys and counts are the same as
 * once it is here. This file runs in a page of its own, so "never fetched" means this page.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Annotation } from '../src/core/annotation.js';
import { reviewCode } from '../src/core/review-slot.js';
import { TOOLS, focusKeys, nextFrame, press, selectedId, spanTagger, tagOf } from './tool-cases.js';

const MODEL = { id: 'ner-v3', type: 'Software', name: 'NER v3' };
const fetchedReview = () => performance.getEntriesByType('resource').some((e) => /review-(controller|view)/.test(e.name));

describe('review code on demand', () => {
  it('tools without suggestions draw no review bar, say N has nothing to review, and never fetch the review code', async () => {
    for (const tool of TOOLS) {
      const el = await tool.mount([tool.good('mine')]);
      await tool.settle(el);
      await focusKeys(tool, el);
      await press(el, 'n');
      expect(el.shadowRoot!.querySelector('[part="review"]'), tool.name).to.equal(null);
      expect(el.reviewState, tool.name).to.deep.equal({ pending: 0, accepted: 0, rejected: 0, relabeled: 0 });
      expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent, tool.name).to.contain('No suggestions to review.');
      el.remove();
    }
    expect(fetchedReview()).to.equal(false);
  });

  for (const tool of TOOLS) {
    it(`<${tool.name}>: a suggestion set counts at once, and the first N and Enter work as soon as the keys arrive`, async () => {
      const el = await tool.mount([tool.good('mine')]);
      await tool.settle(el);
      await focusKeys(tool, el);
      const suggestion: Annotation = { ...tool.good('model-1'), creator: MODEL };
      el.annotations = [suggestion];
      // Counted from the set before the review code is here.
      expect(el.reviewState.pending).to.equal(1);
      await press(el, 'n');
      expect(selectedId(el)).to.equal('model-1');
      await press(el, 'Enter');
      const accepted = el.annotations.find((a) => a.id === 'model-1')!;
      expect(accepted.creator).to.not.deep.equal(MODEL);
      expect(accepted.generator).to.deep.equal(MODEL);
      expect(tagOf(accepted)?.value).to.equal(tagOf(suggestion)?.value);
      expect(el.reviewState).to.deep.equal({ pending: 0, accepted: 1, rejected: 0, relabeled: 0 });
      expect(el.shadowRoot!.querySelector('[part="review-progress"]')?.textContent).to.contain('1 of 1');
      expect(fetchedReview()).to.equal(true);
      el.remove();
    });
  }

  it('a review chunk that cannot be fetched leaves the tool working, and updateComplete resolves', async () => {
    const load = reviewCode.load;
    // A real failed fetch: the file is not there.
    reviewCode.load = () => import(/* @vite-ignore */ `${'/no-such-review-chunk'}.js`) as never;
    try {
      const el = await spanTagger.mount([{ ...spanTagger.good('m1'), creator: MODEL }]);
      const settled = await Promise.race([el.updateComplete.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
      expect(settled, 'updateComplete resolved').to.equal(true);
      await focusKeys(spanTagger, el);
      await press(el, 'x');
      expect(el.annotations.map((a) => a.id), 'no review keys: nothing rejected').to.deep.equal(['m1']);
      expect(el.shadowRoot!.querySelector('[part="review"]')).to.equal(null);
      el.remove();
    } finally {
      reviewCode.load = load;
    }
  });

  it('a host that replaces the set while a decision is made gets counts and order from the new set', async () => {
    const [a, b, c] = ['m1', 'm2', 'm3'].map((id) => ({ ...spanTagger.good(id), creator: MODEL }));
    const el = await spanTagger.mount([a, b, c]);
    await spanTagger.settle(el);
    await focusKeys(spanTagger, el);
    await press(el, 'n');
    let once = true;
    el.addEventListener('kolam-change', (e) => {
      if (!once) return;
      once = false;
      // The host keeps its own copy and drops a suggestion its server withdrew.
      el.annotations = (e as CustomEvent<{ annotations: Annotation[] }>).detail.annotations.filter((x) => x.id !== 'm3');
    });
    await press(el, 'a');
    const left = el.annotations.filter((x) => x.creator?.type === 'Software').map((x) => x.id);
    expect(left).to.have.length(1);
    expect(el.reviewState.pending).to.equal(1);
    await press(el, 'n');
    expect(selectedId(el)).to.equal(left[0]);
    el.remove();
  });

  it('a decision pressed while the code loads is dropped if the annotator then picks another item', async () => {
    const [a, b] = ['m1', 'm2'].map((id) => ({ ...spanTagger.good(id), creator: MODEL }));
    const load = reviewCode.load;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    reviewCode.load = () => gate.then(load);
    try {
      const el = await spanTagger.mount([]);
      await spanTagger.settle(el);
      await focusKeys(spanTagger, el);
      el.annotations = [a, b];
      (el as unknown as { select(id: string): void }).select('m1');
      // Not press(): its updateComplete would wait for the held code.
      await sendKeys({ press: 'a' });
      (el as unknown as { select(id: string): void }).select('m2');
      await nextFrame();
      release();
      await el.updateComplete;
      expect(el.annotations.filter((x) => x.creator?.type === 'Software').map((x) => x.id), 'both still pending').to.deep.equal(['m1', 'm2']);
      el.remove();
    } finally {
      reviewCode.load = load;
    }
  });
});
