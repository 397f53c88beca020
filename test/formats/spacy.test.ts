import { expect } from '@open-wc/testing';
import { fromSpacy, toSpacy } from '../../src/formats/spacy.js';
import { essences, expectFormatError, span } from './helpers.js';

// Emoji and a Tamil word: code points differ from UTF-16 units after the emoji.
const text = 'Kumar 👋 met சென்னை friends in New York.';

describe('spacy', () => {
  it('round-trips spans in code points, as Python counts', () => {
    const ours = [span('doc', text, 0, 5, 'PER'), span('doc', text, 12, 18, 'LOC'), span('doc', text, 30, 38, 'LOC')];
    const example = toSpacy(ours, { text });
    // What Python would give: text[12:18] == 'சென்னை'.
    expect(example).to.deep.equal([text, { entities: [[0, 5, 'PER'], [12, 18, 'LOC'], [30, 38, 'LOC']] }]);
    const back = fromSpacy(JSON.stringify(example), { source: 'doc' });
    expect(back.text).to.equal(text);
    expect(essences(back.annotations)).to.deep.equal(essences(ours));
  });

  it('reads Doc.to_json() and { text, entities } shapes', () => {
    const a = fromSpacy({ text, ents: [{ start: 30, end: 38, label: 'GPE' }] }, { source: 'doc' });
    expect(a.annotations[0].target.selector).to.deep.include({ type: 'TextQuoteSelector', exact: 'New York', prefix: 'Kumar 👋 met சென்னை friends in ', suffix: '.' });
    const b = fromSpacy({ text, entities: [[0, 5, 'PER']] }, { source: 'doc', labels: [{ id: 'person', name: 'PER' }] });
    expect(b.annotations[0].body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'person' }]);
  });

  it('rejects malformed examples saying where and why', () => {
    expectFormatError(() => fromSpacy('[', { source: 'd' }), 'spacy: input: is not valid JSON');
    expectFormatError(() => fromSpacy(['a', 'b', 'c'], { source: 'd' }), 'array of 3');
    expectFormatError(() => fromSpacy([text, { entities: [[0, 5]] }], { source: 'd', strict: true }), 'entities[0]', 'found 2 items');
    expectFormatError(() => fromSpacy([text, { entities: [[5, 2, 'X']] }], { source: 'd', strict: true }), 'entities[0]', 'inverted');
    expectFormatError(() => fromSpacy([text, { entities: [[0, 99, 'X']] }], { source: 'd', strict: true }), 'outside the text');
    expectFormatError(() => fromSpacy([text, { entities: [[0.5, 2, 'X']] }], { source: 'd', strict: true }), 'whole numbers');
    expectFormatError(() => fromSpacy([text, { entities: [[0, 2, 7]] }], { source: 'd', strict: true }), 'label', 'should be a string');
    expectFormatError(() => fromSpacy({ ents: [] }, { source: 'd' }), 'text: should be a string');
  });

  it('refuses a span whose quote no longer matches the text', () => {
    const stale = span('doc', 'Ravi met Kumar', 0, 4, 'PER');
    expectFormatError(() => toSpacy([stale], { text }), 'quotes "Ravi"', 're-anchor');
  });
});
