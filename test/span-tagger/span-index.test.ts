import { expect } from '@open-wc/testing';
import { SpanIndex } from '../../src/span-tagger/span-index.js';

const span = (id: string, start: number, end: number) => ({ id, start, end, labelId: 'x' });

describe('SpanIndex', () => {
  const index = new SpanIndex([span('inner', 4, 6), span('outer', 0, 10), span('cross', 8, 14), span('later', 20, 25)]);

  it('keeps spans in reading order, the outer first', () => {
    expect(index.spans.map((s) => s.id)).to.deep.equal(['outer', 'inner', 'cross', 'later']);
  });

  it('puts nested and overlapping spans on deeper layers so all stay visible', () => {
    expect(Object.fromEntries(index.spans.map((s) => [s.id, s.layer]))).to.deep.equal({ outer: 0, inner: 1, cross: 1, later: 0 });
  });

  it('finds the spans holding a character, innermost first', () => {
    expect(index.at(5).map((s) => s.id)).to.deep.equal(['inner', 'outer']);
    expect(index.at(9).map((s) => s.id)).to.deep.equal(['cross', 'outer']);
    expect(index.at(10).map((s) => s.id)).to.deep.equal(['cross']);
    expect(index.at(15)).to.deep.equal([]);
  });

  it('answers quickly over 10,000 spans (the walk back stops at the running max end)', () => {
    const many = new SpanIndex(Array.from({ length: 10_000 }, (_, i) => span(`s${i}`, i * 10, i * 10 + 5)));
    expect(many.at(50_002).map((s) => s.id)).to.deep.equal(['s5000']);
    expect(many.at(50_007)).to.deep.equal([]);
  });

  it('inserts and removes one span without disturbing the others', () => {
    const live = new SpanIndex([span('a', 0, 10), span('b', 20, 30)]);
    const inner = live.insert(span('c', 2, 5));
    expect(inner.layer).to.equal(1);
    expect(live.spans.map((s) => s.id)).to.deep.equal(['a', 'c', 'b']);
    expect(live.at(3).map((s) => s.id)).to.deep.equal(['c', 'a']);
    const long = live.insert(span('d', 8, 25));
    expect(long.layer).to.equal(1, 'overlaps a and b (layer 0) but not c');
    expect(live.at(22).map((s) => s.id)).to.deep.equal(['b', 'd']);
    live.remove('d');
    expect(live.at(22).map((s) => s.id)).to.deep.equal(['b']);
    expect(live.at(15)).to.deep.equal([]);
    expect(live.indexOf('b')).to.equal(2);
    expect(live.get('d')).to.equal(undefined);
  });
});
