/**
 * The quote search (anchoring.ts) loads only when a span's text has moved: spans whose position
 * still holds their quote are placed with no fetch, and a drifted one is drawn (or reported as an
 * orphan) by the time `updateComplete` resolves. This file runs in a page of its own, so "never
 * fetched" means this page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/span-tagger.js';
import type { Annotation } from '../../src/core/annotation.js';
import type { KolamSpanTagger } from '../../src/span-tagger.js';
import { quoteSearchCode } from '../../src/span-tagger/span-placement.js';
import { LABELS, cp, selectorsOf, spanAnnotation } from './helpers.js';

const TEXT = 'Kumar met Priya in Chennai.';
const fetchedSearch = () => performance.getEntriesByType('resource').some((e) => /\/anchoring\.(ts|js)/.test(e.name));

/** The texts the highlights of `el` hold: what the annotator sees tinted. */
function drawn(el: KolamSpanTagger): string[] {
  const prefix = (el as unknown as { painter: { prefix: string } }).painter.prefix;
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(`${prefix}-l`) && !name.startsWith(`${prefix}-u`)) continue;
    for (const range of highlight as Highlight) texts.push((range as Range).toString());
  }
  return texts.sort();
}

async function mount(annotations: Annotation[], errors: unknown[] = []): Promise<KolamSpanTagger> {
  return fixture<KolamSpanTagger>(html`<kolam-span-tagger
    .labels=${LABELS}
    @kolam-error=${(e: CustomEvent) => errors.push(e.detail)}
    .text=${TEXT}
    .annotations=${annotations}
  ></kolam-span-tagger>`);
}

describe('quote search on demand', () => {
  it('places spans whose position holds their quote without fetching the search', async () => {
    const el = await mount([spanAnnotation('a', TEXT, 0, 5), spanAnnotation('b', TEXT, cp(TEXT, 'Priya'), cp(TEXT, 'Priya') + 5)]);
    expect(drawn(el)).to.deep.equal(['Kumar', 'Priya']);
    expect(fetchedSearch()).to.equal(false);
  });

  it('draws a span whose text moved, and reports an orphan, once updateComplete resolves', async () => {
    const old = `Today: ${TEXT}`;
    const moved = spanAnnotation('moved', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place');
    const orphan = spanAnnotation('orphan', old, 0, 5);
    (orphan.target.selector as { exact?: string }[])[1].exact = 'Mumbai';
    const errors: Array<{ code: string; input: Annotation }> = [];
    const el = await mount([spanAnnotation('a', TEXT, 0, 5), moved, orphan], errors);
    expect(fetchedSearch()).to.equal(true);
    expect(drawn(el)).to.deep.equal(['Chennai', 'Kumar']);
    expect(errors.map((e) => [e.code, e.input.id])).to.deep.equal([['orphaned', 'orphan']]);
    // The set is kept as given: re-anchoring moves the drawing, not the host's data.
    expect(el.annotations.map((a) => selectorsOf(a))).to.deep.equal([spanAnnotation('a', TEXT, 0, 5), moved, orphan].map((a) => selectorsOf(a)));
  });

  it('when the search cannot be fetched, draws the spans in place, keeps the rest as given, and throws nothing', async () => {
    const load = quoteSearchCode.load;
    quoteSearchCode.load = () => import(/* @vite-ignore */ `./no-such-chunk-${Date.now()}.js`);
    const old = `Today: ${TEXT}`;
    const moved = spanAnnotation('moved', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place');
    const errors: unknown[] = [];
    try {
      const el = await mount([spanAnnotation('a', TEXT, 0, 5), moved], errors);
      expect(drawn(el)).to.deep.equal(['Kumar']);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'moved']);
      expect(errors).to.deep.equal([]);
      // The next change to the set tries again, and now the search is here.
      quoteSearchCode.load = load;
      el.annotations = [spanAnnotation('a', TEXT, 0, 5), moved, spanAnnotation('b', TEXT, cp(TEXT, 'Priya'), cp(TEXT, 'Priya') + 5)];
      await el.updateComplete;
      expect(drawn(el)).to.deep.equal(['Chennai', 'Kumar', 'Priya']);
    } finally {
      quoteSearchCode.load = load;
    }
  });
});
