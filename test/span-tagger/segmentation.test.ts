import { expect } from '@open-wc/testing';
import {
  isRtlParagraph,
  nextWordEnd,
  previousWordStart,
  snapToWords,
  wordAt,
} from '../../src/span-tagger/segmentation.js';
import { snapToGraphemes } from '../../src/span-tagger/grapheme-snap.js';

/** [start, end) of the first `needle` in `text`, UTF-16. */
function at(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length };
}

describe('segmentation', () => {
  describe('snapToWords', () => {
    it('widens a sloppy drag to whole words and trims spaces and end punctuation', () => {
      const text = 'Barack Obama met Angela Merkel, in Berlin.';
      expect(snapToWords(text, { start: 9, end: 20 })).to.deep.equal(at(text, 'Obama met Angela'));
      expect(snapToWords(text, at(text, ' Merkel, '))).to.deep.equal(at(text, 'Merkel'));
      expect(snapToWords(text, at(text, 'Berlin.'))).to.deep.equal(at(text, 'Berlin'));
    });

    it('keeps punctuation inside the selection', () => {
      const text = 'She said: “Hello, world!” and left.';
      expect(snapToWords(text, at(text, 'Hello, wor'))).to.deep.equal(at(text, 'Hello, world'));
    });

    it('returns null for whitespace only', () => {
      expect(snapToWords('a   b', { start: 1, end: 4 })).to.equal(null);
    });

    it('finds Tamil and Hindi words whole, conjuncts and vowel signs included', () => {
      const tamil = 'சென்னை நகரில் முதலமைச்சர் உரையாற்றினார்';
      const t = at(tamil, 'நகரில்');
      expect(snapToWords(tamil, { start: t.start + 1, end: t.start + 2 })).to.deep.equal(t);
      const hindi = 'नई दिल्ली में प्रधानमंत्री ने भाषण दिया।';
      const h = at(hindi, 'प्रधानमंत्री');
      expect(snapToWords(hindi, { start: h.start + 2, end: h.start + 3 })).to.deep.equal(h);
    });

    it('finds Thai and Chinese words without spaces', () => {
      const thai = 'ฉันรักภาษาไทย';
      const snapped = snapToWords(thai, { start: 4, end: 5 })!;
      expect(snapped.start).to.be.at.most(4);
      expect(snapped.end).to.be.at.least(5);
      expect(snapped.end - snapped.start).to.be.below(thai.length);
      const chinese = '我们在北京开会';
      const word = snapToWords(chinese, { start: 3, end: 4 })!;
      expect(chinese.slice(word.start, word.end)).to.equal('北京');
    });

    it('finds words in a 1 MB text by looking only near the selection', () => {
      const text = 'lorem ipsum '.repeat(90_000) + 'Kolam';
      const end = text.length;
      expect(snapToWords(text, { start: end - 3, end: end - 2 })).to.deep.equal({ start: end - 5, end });
    });
  });

  describe('snapToGraphemes', () => {
    it('never splits an emoji ZWJ sequence, a flag or a combining mark', () => {
      const family = 'a 👩‍👩‍👧 b';
      expect(snapToGraphemes(family, { start: 3, end: 5 })).to.deep.equal({ start: 2, end: 2 + '👩‍👩‍👧'.length });
      const flag = 'x🇮🇳y';
      expect(snapToGraphemes(flag, { start: 2, end: 3 })).to.deep.equal({ start: 1, end: 5 });
      const combining = 'cafe\u0301!';
      expect(snapToGraphemes(combining, { start: 3, end: 4 })).to.deep.equal({ start: 3, end: 5 });
    });

    it('keeps a Tamil conjunct and a Devanagari conjunct whole', () => {
      const tamil = 'க்ஷ';
      expect(snapToGraphemes(tamil, { start: 0, end: 1 })!.end).to.be.at.least(2);
      const hindi = 'क्षत्रिय';
      const snapped = snapToGraphemes(hindi, { start: 0, end: 1 })!;
      expect(hindi.slice(snapped.start, snapped.end)).to.equal('क्ष');
    });

    it('keeps a selection that already has whole graphemes', () => {
      expect(snapToGraphemes('abc def', { start: 1, end: 5 })).to.deep.equal({ start: 1, end: 5 });
    });
  });

  describe('caret movement', () => {
    const text = 'One two, three\nfour';
    it('moves forward to the end of the next word', () => {
      expect(nextWordEnd(text, 0)).to.equal(3);
      expect(nextWordEnd(text, 3)).to.equal(7);
      expect(nextWordEnd(text, 7)).to.equal(14);
      expect(nextWordEnd(text, 14)).to.equal(19);
      expect(nextWordEnd(text, 19)).to.equal(19);
    });

    it('moves back to the start of the previous word', () => {
      expect(previousWordStart(text, 19)).to.equal(15);
      expect(previousWordStart(text, 15)).to.equal(9);
      expect(previousWordStart(text, 9)).to.equal(4);
      expect(previousWordStart(text, 0)).to.equal(0);
    });

    it('finds the word under a bare caret', () => {
      expect(wordAt(text, 5)).to.deep.equal({ start: 4, end: 7 });
      expect(wordAt(text, 7)).to.deep.equal({ start: 4, end: 7 });
    });

    it('knows which lines read right to left', () => {
      const mixed = 'English line\nلاہور میں وزیر اعظم\n123 עברית';
      expect(isRtlParagraph(mixed, 3)).to.equal(false);
      expect(isRtlParagraph(mixed, 16)).to.equal(true);
      expect(isRtlParagraph(mixed, mixed.length - 1)).to.equal(true);
    });
  });
});
