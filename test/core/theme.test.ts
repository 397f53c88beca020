import { expect, fixture, html } from '@open-wc/testing';
import '../../src/label-set.js';
import type { KolamLabelSet } from '../../src/label-set.js';

// A base letter and the same letter with a non-spacing mark (virama, virama, fatha). In a font that
// has the script the mark sits on the letter; with no font, each code point is its own empty box, so
// the pair is twice as wide. That is what an annotator would see as "boxes instead of Tamil".
const scripts = [
  { name: 'Tamil', base: 'க', marked: 'க்' },
  { name: 'Devanagari', base: 'क', marked: 'क्' },
  { name: 'Arabic', base: 'ب', marked: 'بَ' },
];

describe('the default font stack', () => {
  it('names the fonts users already have for Tamil, Devanagari and Arabic script', async () => {
    const set = await fixture<KolamLabelSet>(html`<kolam-label-set .labels=${[{ id: 'a', name: 'தமிழ்' }]}></kolam-label-set>`);
    const family = getComputedStyle(set).fontFamily;
    for (const font of ['Noto Sans Tamil', 'Noto Sans Devanagari', 'Noto Sans Arabic', 'Nirmala UI', 'Latha', 'Mangal']) {
      expect(family).to.contain(font);
    }
    expect(family.trim().endsWith('sans-serif')).to.equal(true);
  });

  it('gives way to --kolam-font', async () => {
    const set = await fixture<KolamLabelSet>(html`<kolam-label-set style="--kolam-font: serif"></kolam-label-set>`);
    expect(getComputedStyle(set).fontFamily).to.equal('serif');
  });

  for (const { name, base, marked } of scripts) {
    it(`draws ${name} with real glyphs, not empty boxes (fonts-noto-core from scripts/setup.mjs)`, async () => {
      const set = await fixture<KolamLabelSet>(html`<kolam-label-set></kolam-label-set>`);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `20px ${getComputedStyle(set).fontFamily}`;
      const one = ctx.measureText(base).width;
      const pair = ctx.measureText(marked).width;
      expect(one).to.be.greaterThan(0);
      expect(pair / one).to.be.lessThan(1.5);
    });
  }
});
