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
    expect(family).to.contain('sans-serif');
  });

  it('ends with the colour emoji fonts of Apple, Windows and Linux', async () => {
    const set = await fixture<KolamLabelSet>(html`<kolam-label-set></kolam-label-set>`);
    const fonts = getComputedStyle(set).fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
    expect(fonts.slice(-4)).to.deep.equal(['sans-serif', 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji']);
  });

  for (const emoji of ['😀', '👩🏽‍💻', '🇮🇳']) {
    it(`draws ${emoji} in colour, not as a text font's black outline (fonts-noto-color-emoji from scripts/setup.mjs)`, async () => {
      const set = await fixture<KolamLabelSet>(html`<kolam-label-set></kolam-label-set>`);
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.font = `40px ${getComputedStyle(set).fontFamily}`;
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'top';
      ctx.fillText(emoji, 4, 4);
      const data = ctx.getImageData(0, 0, 64, 64).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      }
      expect(coloured).to.be.greaterThan(100);
    });
  }

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
