import { expect } from '@open-wc/testing';
import { fromDoccano, toDoccano } from '../../src/formats/doccano.js';
import { essences, expectFormatError, span } from './helpers.js';

const documents = [
  { source: 'urn:doc:1', text: 'EU rejects German call 🙅 to boycott British lamb.' },
  { source: 'urn:doc:2', text: 'Peter Blackburn' },
  { source: 'urn:doc:3', text: 'No entities here.' },
];

describe('doccano', () => {
  const ours = [
    span('urn:doc:1', documents[0].text, 0, 2, 'ORG'),
    span('urn:doc:1', documents[0].text, 11, 17, 'MISC'),
    span('urn:doc:1', documents[0].text, 36, 43, 'MISC'),
    span('urn:doc:2', documents[1].text, 0, 15, 'PER'),
  ];

  it('round-trips documents and spans as JSONL (label layout)', () => {
    const jsonl = toDoccano(ours, { documents });
    expect(jsonl.trim().split('\n')).to.have.length(3);
    expect(JSON.parse(jsonl.split('\n')[0]).label).to.deep.equal([[0, 2, 'ORG'], [11, 17, 'MISC'], [36, 43, 'MISC']]);
    const back = fromDoccano(jsonl);
    expect(back.documents).to.deep.equal(documents);
    expect(essences(back.annotations)).to.deep.equal(essences(ours));
  });

  it('round-trips the entities layout with UTF-16 offsets when asked', () => {
    const jsonl = toDoccano(ours, { documents, layout: 'entities', offsets: 'utf16' });
    const first = JSON.parse(jsonl.split('\n')[0]);
    // After the emoji, UTF-16 offsets are one more than code points.
    expect(first.entities[2]).to.deep.equal({ id: 3, label: 'MISC', start_offset: 37, end_offset: 44 });
    expect(essences(fromDoccano(jsonl, { offsets: 'utf16' }).annotations)).to.deep.equal(essences(ours));
  });

  it('reads a doccano export without our source key by record id', () => {
    const { annotations, documents: docs } = fromDoccano('{"id": 7, "text": "Kumar", "label": [[0, 5, "PER"]], "Comments": []}\n');
    expect(docs).to.deep.equal([{ source: '7', text: 'Kumar' }]);
    expect(annotations[0].target.source).to.equal('7');
  });

  it('rejects malformed lines saying which and why', () => {
    expectFormatError(() => fromDoccano('{"text": "a", "label": []}\n{"text": "b", ', { strict: true }), 'doccano: line 2: is not valid JSON');
    expectFormatError(() => fromDoccano('[1, 2]', { strict: true }), 'line 1: should be an object');
    expectFormatError(() => fromDoccano('{"label": []}', { strict: true }), 'line 1 text (column 1): should be a string');
    expectFormatError(() => fromDoccano('{"text": "abc", "label": ["spam"]}', { strict: true }), 'line 1 label[0]', 'text classification');
    expectFormatError(() => fromDoccano('{"text": "abc", "label": [[0, 9, "X"]]}', { strict: true }), 'line 1 label[0]', 'outside the text');
    expectFormatError(() => fromDoccano('{"text": "abc", "entities": [{"start_offset": 0, "label": "X"}]}', { strict: true }), 'entities[0]', 'whole numbers');
    expectFormatError(() => fromDoccano(5), 'JSONL text or an array');
  });
});
