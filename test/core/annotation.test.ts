import { expect } from '@open-wc/testing';
import {
  acceptSuggestion,
  copy,
  createAnnotation,
  isSuggestion,
  labelIdOf,
  newId,
  scoreOf,
  withLabel,
  type Annotation,
} from '../../src/core/annotation.js';
import { boxSelector } from '../../src/core/selectors.js';

describe('annotation helpers', () => {
  it('creates the W3C shape of CONTRACT §2', () => {
    const a = createAnnotation({ source: 'https://example.org/street.jpg', selector: boxSelector({ x: 1, y: 2, w: 3, h: 4 }), labelId: 'person', annotator: { id: 'worker-17', name: 'Kumar' } });
    expect(a['@context']).to.equal('http://www.w3.org/ns/anno.jsonld');
    expect(a.id).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a.type).to.equal('Annotation');
    expect(a.motivation).to.equal('tagging');
    expect(a.created).to.equal(a.modified);
    expect(new Date(a.created!).toISOString()).to.equal(a.created);
    expect(a.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
    expect(a.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'person' }]);
    expect(a.target).to.deep.equal({ source: 'https://example.org/street.jpg', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:1,2,3,4' } });
  });

  it('makes unique ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).to.equal(1000);
  });

  it('relabels by replacing the tagging body and keeps the id', () => {
    const a = createAnnotation({ source: 's', selector: boxSelector({ x: 0, y: 0, w: 1, h: 1 }), labelId: 'person', bodies: [{ type: 'TextualBody', value: 'note', purpose: 'commenting' }] });
    const b = withLabel(a, 'car');
    expect(b.id).to.equal(a.id);
    expect(labelIdOf(b)).to.equal('car');
    expect(b.body).to.have.length(2);
    expect(labelIdOf(a)).to.equal('person');
  });

  describe('suggestions', () => {
    const suggestion: Annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:1',
      type: 'Annotation',
      creator: { id: 'yolo-v9', type: 'Software', name: 'YOLO v9' },
      body: [{ type: 'Choice', items: [{ type: 'TextualBody', purpose: 'tagging', value: 'cat', score: 0.61 }, { type: 'TextualBody', purpose: 'tagging', value: 'dog', score: 0.3 }] }],
      target: { source: 's', selector: boxSelector({ x: 0, y: 0, w: 1, h: 1 }) },
    };

    it('reads a Choice body as its best item', () => {
      expect(isSuggestion(suggestion)).to.equal(true);
      expect(labelIdOf(suggestion)).to.equal('cat');
      expect(scoreOf(suggestion)).to.equal(0.61);
    });

    it('accepting makes it the annotator\'s own and keeps the model as generator', () => {
      const accepted = acceptSuggestion(suggestion, { id: 'w1', name: 'Priya' });
      expect(accepted.creator).to.deep.equal({ id: 'w1', type: 'Person', name: 'Priya' });
      expect(accepted.generator).to.deep.equal(suggestion.creator);
      expect(accepted.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'cat', score: 0.61 }]);
      expect(isSuggestion(accepted)).to.equal(false);
      expect(accepted.id).to.equal(suggestion.id);
    });

    it('accepting with another label picks that item', () => {
      expect(labelIdOf(acceptSuggestion(suggestion, { id: 'w1' }, 'dog'))).to.equal('dog');
    });
  });

  it('copies deeply', () => {
    const a = createAnnotation({ source: 's', selector: boxSelector({ x: 0, y: 0, w: 1, h: 1 }), labelId: 'x' });
    const b = copy(a);
    (b.body[0] as { value: string }).value = 'changed';
    expect(labelIdOf(a)).to.equal('x');
  });
});
