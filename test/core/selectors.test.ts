import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import {
  boxSelector,
  formatMediaTime,
  formatXywh,
  parseMediaTime,
  parseXywh,
  rectOf,
  textSelectors,
  timeRangeOf,
  timeSelector,
} from '../../src/core/selectors.js';

const withSelector = (selector: unknown) => ({ id: 'a', type: 'Annotation', body: [], target: { source: 's', selector } }) as unknown as Annotation;

describe('xywh selectors', () => {
  it('round-trips a box in whole pixels', () => {
    const rect = { x: 200, y: 200, w: 400, h: 200 };
    expect(formatXywh(rect)).to.equal('xywh=pixel:200,200,400,200');
    expect(parseXywh(formatXywh(rect))).to.deep.equal(rect);
  });

  it('rounds by edges so adjacent boxes stay adjacent', () => {
    expect(formatXywh({ x: 10.4, y: 0.6, w: 10.4, h: 9.8 })).to.equal('xywh=pixel:10,1,11,9');
  });

  it('reads the unit-less form as pixels and refuses percent', () => {
    expect(parseXywh('xywh=1,2,3,4')).to.deep.equal({ x: 1, y: 2, w: 3, h: 4 });
    expect(parseXywh('xywh=percent:1,2,3,4')).to.equal(null);
  });

  it('returns null for garbage, never throws', () => {
    for (const bad of ['', 'xywh=pixel:1,2,3', 'xywh=pixel:a,b,c,d', 't=1,2', 'xywh=pixel:1,2,3,4,5']) expect(parseXywh(bad)).to.equal(null);
  });

  it('keeps negative numbers for validation to reject', () => {
    expect(parseXywh('xywh=pixel:-5,0,10,10')).to.deep.equal({ x: -5, y: 0, w: 10, h: 10 });
  });

  it('finds the box on an annotation, with the media-fragments conformsTo', () => {
    const selector = boxSelector({ x: 1, y: 2, w: 3, h: 4 });
    expect(selector.conformsTo).to.equal('http://www.w3.org/TR/media-frags/');
    expect(rectOf(withSelector(selector))).to.deep.equal({ x: 1, y: 2, w: 3, h: 4 });
    expect(rectOf(withSelector([{ type: 'SvgSelector', value: '<svg/>' }]))).to.equal(null);
  });
});

describe('t= selectors', () => {
  it('round-trips seconds with at most 3 decimals', () => {
    expect(formatMediaTime({ start: 1.23456, end: 2 })).to.equal('t=1.235,2');
    expect(parseMediaTime('t=1.235,2')).to.deep.equal({ start: 1.235, end: 2 });
    expect(timeSelector({ start: 0, end: 0.5 }).value).to.equal('t=0,0.5');
  });

  it('reads npt and clock forms, and open ends', () => {
    expect(parseMediaTime('t=npt:10,20')).to.deep.equal({ start: 10, end: 20 });
    expect(parseMediaTime('t=1:02:03.5,1:02:04')).to.deep.equal({ start: 3723.5, end: 3724 });
    expect(parseMediaTime('t=,5')).to.deep.equal({ start: 0, end: 5 });
    expect(parseMediaTime('t=5')).to.deep.equal({ start: 5, end: Infinity });
  });

  it('returns null for garbage', () => {
    for (const bad of ['t=', 't=a,b', 'xywh=1,2,3,4', 't=1,2,3']) expect(parseMediaTime(bad)).to.equal(null);
  });

  it('finds the range on an annotation', () => {
    expect(timeRangeOf(withSelector(timeSelector({ start: 1, end: 2 })))).to.deep.equal({ start: 1, end: 2 });
  });
});

describe('text selectors', () => {
  it('makes position and quote in code points, with 32-code-point context', () => {
    const text = `${'x'.repeat(40)}😀 Kumar 😀${'y'.repeat(40)}`;
    const [position, quote] = textSelectors(text, { start: 42, end: 47 });
    expect(position).to.deep.equal({ type: 'TextPositionSelector', start: 42, end: 47 });
    expect(quote.exact).to.equal('Kumar');
    expect([...quote.prefix!]).to.have.length(32);
    expect(quote.prefix!.endsWith('😀 ')).to.equal(true);
    expect([...quote.suffix!]).to.have.length(32);
    expect(quote.suffix!.startsWith(' 😀')).to.equal(true);
  });

  it('quotes Tamil exactly as given', () => {
    const text = 'அவர் சென்னைக்குச் சென்றார்';
    const [, quote] = textSelectors(text, { start: 5, end: 17 });
    expect(quote.exact).to.equal('சென்னைக்குச்');
  });
});
