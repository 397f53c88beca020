import { expect } from '@open-wc/testing';
import { createAnnotation, type Annotation } from '../../src/core/annotation.js';
import { CodePointIndex } from '../../src/core/code-points.js';
import { textSelectors } from '../../src/core/selectors.js';
import { anchorSpan } from '../../src/span-tagger/anchoring.js';

function span(selector: Annotation['target']['selector']): Annotation {
  return createAnnotation({ source: 'doc', selector, labelId: 'person' });
}

describe('anchorSpan', () => {
  it('trusts the position when the text there is the quote (code points, emoji included)', () => {
    const text = '👩‍👩‍👧 Kumar met Priya';
    const index = new CodePointIndex(text);
    const a = span(textSelectors(index, { start: 6, end: 11 }));
    expect(index.slice(6, 11)).to.equal('Kumar');
    expect(anchorSpan(index, a)).to.deep.equal({ start: 6, end: 11, drifted: false });
  });

  it('re-anchors by quote when the text moved, prefix and suffix choosing among repeats', () => {
    const original = new CodePointIndex('Paris is big. I love Paris in spring. Paris again.');
    const a = span(textSelectors(original, { start: 21, end: 26 }));
    const edited = new CodePointIndex('NEW INTRO. Paris is big. I love Paris in spring. Paris again.');
    const found = anchorSpan(edited, a)!;
    expect(found.drifted).to.equal(true);
    expect(edited.slice(found.start, found.end)).to.equal('Paris');
    expect(found.start).to.equal(32);
  });

  it('uses the context it has when the prefix changed too, and the old position to break ties', () => {
    const a = span([
      { type: 'TextPositionSelector', start: 40, end: 43 },
      { type: 'TextQuoteSelector', exact: 'cat', prefix: 'the black ', suffix: ' sat' },
    ]);
    const index = new CodePointIndex('a cat here, the white cat sat there, a cat');
    const found = anchorSpan(index, a)!;
    expect(found.start).to.equal(22);
  });

  it('anchors by quote alone, and by position alone', () => {
    const index = new CodePointIndex('நகரில் முதலமைச்சர்');
    const byQuote = span({ type: 'TextQuoteSelector', exact: 'முதலமைச்சர்' });
    expect(anchorSpan(index, byQuote)).to.deep.equal({ start: 7, end: index.length, drifted: true });
    const byPosition = span({ type: 'TextPositionSelector', start: 0, end: 6 });
    expect(anchorSpan(index, byPosition)).to.deep.equal({ start: 0, end: 6, drifted: false });
  });

  it('returns null for what cannot be found: an orphan', () => {
    const index = new CodePointIndex('short text');
    expect(anchorSpan(index, span({ type: 'TextQuoteSelector', exact: 'missing' }))).to.equal(null);
    expect(anchorSpan(index, span({ type: 'TextPositionSelector', start: 5, end: 500 }))).to.equal(null);
  });
});
