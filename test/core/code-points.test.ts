import { expect } from '@open-wc/testing';
import { CodePointIndex, codePointLength, codePointToIndex, indexToCodePoint } from '../../src/core/code-points.js';

describe('code points ↔ UTF-16 indices', () => {
  it('counts an emoji as one code point, as Python does', () => {
    expect(codePointLength('a😀b')).to.equal(3);
    expect('a😀b'.length).to.equal(4);
    expect(codePointToIndex('a😀b', 2)).to.equal(3);
    expect(indexToCodePoint('a😀b', 3)).to.equal(2);
  });

  it('counts each code point of a ZWJ family sequence', () => {
    const family = '👨‍👩‍👧'; // man ZWJ woman ZWJ girl: 5 code points, 8 UTF-16 units
    expect(codePointLength(family)).to.equal(5);
    expect([...family].length).to.equal(5);
    const index = new CodePointIndex(`x${family}y`);
    expect(index.toIndex(6)).to.equal(9);
    expect(index.slice(1, 6)).to.equal(family);
  });

  it('agrees with identity for Tamil and Devanagari (no surrogates)', () => {
    const tamil = 'க்ஷ் தமிழ்';
    const hindi = 'क्षत्रिय हिन्दी';
    for (const text of [tamil, hindi]) {
      const index = new CodePointIndex(text);
      expect(index.length).to.equal(text.length);
      for (let i = 0; i <= text.length; i++) expect(index.toIndex(i)).to.equal(i);
    }
  });

  it('round-trips every offset in a mixed text', () => {
    const text = 'Kumar 🇮🇳 went to சென்னை 😀👍🏽 — مرحبا 𝒳';
    const index = new CodePointIndex(text);
    const points = [...text];
    expect(index.length).to.equal(points.length);
    for (let cp = 0; cp <= points.length; cp++) {
      const i = index.toIndex(cp);
      expect(points.slice(0, cp).join('').length).to.equal(i);
      expect(index.toCodePoint(i)).to.equal(cp);
    }
  });

  it('maps an index inside a surrogate pair to the start of its code point', () => {
    const index = new CodePointIndex('a😀b');
    expect(index.toCodePoint(2)).to.equal(1);
  });

  it('clamps offsets outside the text', () => {
    const index = new CodePointIndex('a😀');
    expect(index.toIndex(-3)).to.equal(0);
    expect(index.toIndex(99)).to.equal(3);
    expect(index.toCodePoint(99)).to.equal(2);
  });
});
