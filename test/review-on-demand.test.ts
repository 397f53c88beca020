/**
 * The review code loads only when a set holds a model's suggestion (core/review-slot.ts): a tool
 * used without a model never fetches it, and with one the first keys and counts are the same as
 * once it is here. This file runs in a page of its own, so "never fetched" means this page.
 */
import { expect } from '@open-wc/testing';
import type { Annotation } from '../src/core/annotation.js';
import { TOOLS, focusKeys, press, tagOf, type Tool } from './tool-cases.js';

const MODEL = { id: 'ner-v3', type: 'Software', name: 'NER v3' };
const fetchedReview = () => performance.getEntriesByType('resource').some((e) => /review-(controller|view)/.test(e.name));
const selectedId = (el: Tool) => (el as unknown as { store: { selectedId: string | null } }).store.selectedId;

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
});
