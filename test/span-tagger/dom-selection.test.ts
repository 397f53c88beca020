import { expect, fixture, html } from '@open-wc/testing';
import { offsetInNode } from '../../src/span-tagger/dom-selection.js';

describe('offsetInNode (hit-testing by geometry, for engines whose caret API stops at shadow roots)', () => {
  it('finds the character under a point on any line', async () => {
    const text = 'First line of text\nsecond line, longer than the first one\nthird';
    const el = await fixture<HTMLDivElement>(html`<div style="white-space: pre-wrap; font: 16px/1.5 sans-serif; width: 600px">${text}</div>`);
    const node = [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && (n as Text).data === text)!;
    for (const word of ['First', 'longer', 'third']) {
      const at = text.indexOf(word);
      const range = new Range();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const rect = range.getBoundingClientRect();
      const offset = offsetInNode(node, rect.left + 1, rect.top + rect.height / 2);
      expect(offset, word).to.equal(at + 1);
    }
  });
});
