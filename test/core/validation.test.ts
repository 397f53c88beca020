import { checkBoxTarget, checkSegmentTarget, checkSpanTarget } from '../../src/core/target-checks.js';
import { expect } from '@open-wc/testing';
import { createAnnotation } from '../../src/core/annotation.js';
import { boxSelector, textSelectors, timeSelector } from '../../src/core/selectors.js';
import { validateAnnotations } from '../../src/core/validation.js';

const box = (value: string, extra: object = {}) => ({
  ...createAnnotation({ source: 'img.jpg', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value }, labelId: 'person' }),
  ...extra,
});
const labels = [{ id: 'person' }, { id: 'car' }];

describe('validateAnnotations', () => {
  it('passes good annotations through untouched (same objects)', () => {
    const good = [box('xywh=pixel:1,2,3,4'), box('xywh=pixel:0,0,10,10')];
    const { valid, errors } = validateAnnotations(good, { target: checkBoxTarget, labels });
    expect(errors).to.deep.equal([]);
    expect(valid[0]).to.equal(good[0]);
    expect(valid[1]).to.equal(good[1]);
  });

  const cases: Array<[string, unknown, string]> = [
    ['a non-object', 42, 'invalid-annotation'],
    ['a missing id', { ...box('xywh=pixel:1,2,3,4'), id: undefined }, 'missing-id'],
    ['an unknown selector', box('xywh=pixel:1,2,3,4', { target: { source: 'x', selector: { type: 'SvgSelector', value: '<svg/>' } } }), 'unknown-selector'],
    ['NaN geometry', box('xywh=pixel:NaN,2,3,4'), 'unknown-selector'],
    ['negative geometry', box('xywh=pixel:-1,2,3,4'), 'invalid-geometry'],
    ['an empty box', box('xywh=pixel:1,2,0,4'), 'invalid-geometry'],
    ['a box outside the image', box('xywh=pixel:90,90,20,20'), 'out-of-bounds'],
    ['an unknown label', { ...box('xywh=pixel:1,2,3,4'), body: [{ type: 'TextualBody', purpose: 'tagging', value: 'dog' }] }, 'unknown-label'],
  ];
  for (const [what, input, code] of cases) {
    it(`rejects ${what} with code ${code} and a sentence`, () => {
      const { valid, errors } = validateAnnotations([input], { target: checkBoxTarget, labels, imageSize: { width: 100, height: 100 } });
      expect(valid).to.deep.equal([]);
      expect(errors).to.have.length(1);
      expect(errors[0].code).to.equal(code);
      expect(errors[0].message).to.match(/\w+ .*\w+/);
      expect(errors[0].input).to.equal(input);
    });
  }

  it('rejects a duplicate id, keeping the first', () => {
    const a = box('xywh=pixel:1,2,3,4');
    const { valid, errors } = validateAnnotations([a, { ...a }], { target: checkBoxTarget });
    expect(valid).to.deep.equal([a]);
    expect(errors.map((e) => e.code)).to.deep.equal(['duplicate-id']);
  });

  it('rejects input that is not an array', () => {
    const { errors } = validateAnnotations({ nope: 1 }, { target: checkBoxTarget });
    expect(errors[0].code).to.equal('invalid-annotation');
  });

  it('checks segments: inverted, empty and past the end', () => {
    const seg = (start: number, end: number) =>
      createAnnotation({ source: 'a.wav', selector: { ...timeSelector({ start: 0, end: 1 }), value: `t=${start},${end}` }, motivation: 'supplementing' });
    const { valid, errors } = validateAnnotations([seg(1, 2), seg(3, 2), seg(2, 2), seg(50, 60)], { target: checkSegmentTarget, duration: 10 });
    expect(valid).to.have.length(1);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-geometry', 'invalid-geometry', 'out-of-bounds']);
  });

  it('checks spans: needs a position or a quote, with whole code points', () => {
    const good = createAnnotation({ source: 'doc', selector: textSelectors('hello world', { start: 0, end: 5 }) });
    const quoteOnly = createAnnotation({ source: 'doc', selector: { type: 'TextQuoteSelector', exact: 'world' } });
    const fractional = createAnnotation({ source: 'doc', selector: { type: 'TextPositionSelector', start: 0.5, end: 3 } });
    const none = createAnnotation({ source: 'doc', selector: boxSelector({ x: 0, y: 0, w: 1, h: 1 }) });
    const { valid, errors } = validateAnnotations([good, quoteOnly, fractional, none], { target: checkSpanTarget });
    expect(valid).to.deep.equal([good, quoteOnly]);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-geometry', 'unknown-selector']);
  });
});
