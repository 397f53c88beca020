/**
 * CONTRACT §9: under a strict Content Security Policy (no inline styles) every tool still lays out
 * right. The policy is added as a `<meta>` before the tools render, which Chromium enforces for
 * everything after it; a violation by our code fails the test.
 */
import { expect } from '@open-wc/testing';
import { imageSettled, mount as mountBox } from './box-tool/helpers.js';
import { segment, shadow, speechPlayer } from './transcription-player/helpers.js';
import '../src/label-set.js';

const violations: string[] = [];
before(() => {
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'";
  document.head.append(meta);
});
afterEach(() => expect(violations).to.deep.equal([]));

describe('under style-src \'self\' (no inline styles)', () => {
  it('box tool: the image is scaled to fit, so boxes land on the right pixels', async () => {
    const el = await mountBox();
    await imageSettled(el);
    await el.updateComplete;
    const img = el.shadowRoot!.querySelector('img')!.getBoundingClientRect();
    // 1600×1200 contained in 800×600: drawn at half size.
    expect(Math.round(img.width)).to.equal(800);
    expect(Math.round(img.height)).to.equal(600);
  });

  it('player: segments are as wide as their time, and coloured by their speaker', async () => {
    const el = await speechPlayer([segment('a', 1, 3, 'x', 'ana')], { labels: [{ id: 'ana', color: '#0072b2' }] });
    await el.updateComplete;
    const seg = shadow(el).querySelector<HTMLElement>('[data-segment="a"]')!;
    const pxPerSecond = el.zoom;
    expect(seg.getBoundingClientRect().width).to.be.closeTo(2 * pxPerSecond, 1);
    expect(getComputedStyle(seg).getPropertyValue('--_color').trim()).to.equal('#0072b2');
  });

  it('label set: each swatch shows its colour', async () => {
    const set = document.createElement('kolam-label-set');
    set.innerHTML = '<kolam-label id="p" color="rgb(230, 25, 75)">Person</kolam-label>';
    document.body.append(set);
    await set.updateComplete;
    const swatch = set.shadowRoot!.querySelector<HTMLElement>('[part="swatch"]')!;
    expect(getComputedStyle(swatch).backgroundColor).to.equal('rgb(230, 25, 75)');
    set.remove();
  });
});
