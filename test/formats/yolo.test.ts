import { expect } from '@open-wc/testing';
import { fromYolo, toYolo } from '../../src/formats/yolo.js';
import { box, essences, expectFormatError, suggestion } from './helpers.js';

const size = { width: 1600, height: 1200 };

describe('yolo', () => {
  it('round-trips boxes and the class list', () => {
    const ours = [
      box('street.jpg', { x: 200, y: 200, w: 400, h: 200 }, 'person'),
      box('street.jpg', { x: 1, y: 3, w: 1599, h: 1197 }, 'car'),
      box('street.jpg', { x: 777, y: 555, w: 5, h: 7 }, 'person'),
    ];
    const { text, classes } = toYolo(ours, size);
    expect(classes).to.deep.equal(['person', 'car']);
    const back = fromYolo(text, { ...size, classes: classes.join('\n'), source: 'street.jpg' });
    expect(essences(back.annotations)).to.deep.equal(essences(ours));
  });

  it('writes class cx cy w h normalised to 0–1, in the given class order', () => {
    const { text, classes } = toYolo([box('a.jpg', { x: 200, y: 200, w: 400, h: 200 }, 'person')], { ...size, classes: ['car', 'person'] });
    expect(text).to.equal('1 0.25 0.25 0.25 0.166667\n');
    expect(classes).to.deep.equal(['car', 'person']);
  });

  it('round-trips suggestions through the confidence column', () => {
    const ours = [suggestion(box('a.jpg', { x: 10, y: 10, w: 20, h: 20 }, 'dog'), 'yolo', 0.91)];
    const { text, classes } = toYolo(ours, { ...size, withScores: true });
    expect(text.trim().split(' ')).to.have.length(6);
    expect(essences(fromYolo(text, { ...size, classes, source: 'a.jpg' }).annotations)).to.deep.equal(essences(ours));
  });

  it('writes one image per file: asks which when boxes span images', () => {
    const two = [box('a.jpg', { x: 1, y: 1, w: 2, h: 2 }, 'x'), box('b.jpg', { x: 1, y: 1, w: 2, h: 2 }, 'x')];
    expectFormatError(() => toYolo(two, size), 'options.source', 'on 2 images');
    expect(toYolo(two, { ...size, source: 'b.jpg', onSkip: () => {} }).text.trim().split('\n')).to.have.length(1);
  });

  it('rejects malformed lines saying which and why', () => {
    const opts = { ...size, classes: ['a'], source: 'x.jpg' };
    expectFormatError(() => fromYolo('0 0.5 0.5 0.1\n', opts), 'yolo: line 1', 'found 4 fields');
    expectFormatError(() => fromYolo('\n1 0.5 0.5 0.1 0.1', opts), 'line 2', 'class 1 is not in the class list');
    expectFormatError(() => fromYolo('x 0.5 0.5 0.1 0.1', opts), '"x" is not a class number');
    expectFormatError(() => fromYolo('0 0.5 nan 0.1 0.1', opts), '"nan" is not a number');
    expectFormatError(() => fromYolo('0 250 300 40 50', opts), 'outside 0–1');
    expectFormatError(() => fromYolo('0 0.5 0.5 0 0.1', opts), 'empty box');
    expectFormatError(() => fromYolo('0 0.5 0.5 0.1 0.1', { ...opts, width: 0 }), "needs the image's natural width and height");
    expectFormatError(() => fromYolo(null as never, opts), 'should be text');
  });
});
