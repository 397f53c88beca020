import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/span-tagger.js';
import type { KolamSpanTagger } from '../../src/span-tagger.js';
import { createAnnotation } from '../../src/core/annotation.js';
import { textSelectors } from '../../src/core/selectors.js';
import { LABELS, drag, pointOf } from './helpers.js';

const TEXT = 'The Bank of England raised rates on Thursday.';

function span(text: string, exact: string, labelId: string) {
  // ASCII text: UTF-16 index = code point index.
  const start = text.indexOf(exact);
  return createAnnotation({ source: 'doc', selector: textSelectors(text, { start, end: start + exact.length }), labelId });
}

/** The names of our highlights whose ranges cover exactly `exact`, and the computed style of each. */
function highlightsOver(el: KolamSpanTagger, exact: string): CSSStyleDeclaration[] {
  const block = el.shadowRoot!.querySelector('.block')!;
  const styles: CSSStyleDeclaration[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if ([...highlight].some((r) => r.toString() === exact)) styles.push(getComputedStyle(block, `::highlight(${name})`));
  }
  return styles;
}
const alpha = (colour: string) => {
  const m = /\/\s*([\d.]+)\)|rgba\([^)]*,\s*([\d.]+)\)/.exec(colour);
  return m ? Number(m[1] ?? m[2]) : colour === 'transparent' ? 0 : 1;
};

describe('<kolam-span-tagger> display', () => {
  it('shows nesting depth: the inner span is underlined lower than the span around it', async () => {
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger .labels=${LABELS} .text=${TEXT} .annotations=${[span(TEXT, 'The Bank of England', 'org'), span(TEXT, 'England', 'place')]}></kolam-span-tagger>`);
    await el.updateComplete;
    const [outer] = highlightsOver(el, 'The Bank of England');
    const [inner] = highlightsOver(el, 'England');
    for (const s of [outer, inner]) expect(s.textDecorationLine).to.contain('underline');
    expect(parseFloat(inner.textUnderlineOffset)).to.be.greaterThan(parseFloat(outer.textUnderlineOffset) + 2);
  });

  it('keeps the spans under the selection visible: the selection is translucent', async () => {
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger .labels=${LABELS} .text=${TEXT} .annotations=${[span(TEXT, 'The Bank of England', 'org'), span(TEXT, 'England', 'place')]}></kolam-span-tagger>`);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!.focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const styles = highlightsOver(el, 'The Bank of England');
    // The org span's own highlight and the selection over it.
    expect(styles.length).to.equal(2);
    for (const s of styles) expect(alpha(s.backgroundColor), s.backgroundColor).to.be.lessThan(0.5);
  });

  it('lets the span colours show through the browser’s own selection when readonly', async () => {
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger readonly .labels=${LABELS} .text=${TEXT} .annotations=${[span(TEXT, 'Thursday', 'org')]}></kolam-span-tagger>`);
    await el.updateComplete;
    await drag(pointOf(el, 'rates', 0.1), pointOf(el, 'Thursday', 0.9));
    const block = el.shadowRoot!.querySelector('.block')!;
    const selection = getComputedStyle(block, '::selection');
    // Our own, translucent (the browser's default reads as "no colour" here and paints opaque).
    expect(alpha(selection.backgroundColor), selection.backgroundColor).to.be.within(0.05, 0.5);
    expect(el.annotations).to.have.length(1);
  });
});
