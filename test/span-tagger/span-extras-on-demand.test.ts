/**
 * The span tagger's on-demand code (span-extras.ts: long texts, spans whose text moved, char
 * snapping) is fetched only when a text needs it, and what waited for it is drawn by the time
 * `updateComplete` resolves; when it cannot be fetched the tagger still shows and keeps everything.
 * This file runs in a page of its own, so "never fetched" means this page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/span-tagger.js';
import type { Annotation } from '../../src/core/annotation.js';
import type { KolamSpanTagger } from '../../src/span-tagger.js';
import { extrasCode } from '../../src/span-tagger/extras-slot.js';
import { LABELS, cp, drag, drawn, pointOf, selectorsOf, spanAnnotation } from './helpers.js';

const TEXT = 'Kumar met Priya in Chennai.';
const LONG = Array.from({ length: 400 }, (_, i) => `Line ${i}: Kumar met Priya in Chennai.`).join('\n');
const fetchedExtras = () => performance.getEntriesByType('resource').some((e) => /\/(span-extras|long-text|anchoring|grapheme-snap)\.(ts|js)/.test(e.name));

const blocks = (el: KolamSpanTagger) => [...el.shadowRoot!.querySelectorAll('.block')];

async function mount(text: string, annotations: Annotation[], errors: unknown[] = [], granularity = 'word'): Promise<KolamSpanTagger> {
  return fixture<KolamSpanTagger>(html`<kolam-span-tagger
    .labels=${LABELS}
    granularity=${granularity}
    @kolam-error=${(e: CustomEvent) => errors.push(e.detail)}
    .text=${text}
    .annotations=${annotations}
  ></kolam-span-tagger>`);
}

/** Makes the on-demand chunk unreachable for the length of `run`. */
async function offline(run: () => Promise<void>): Promise<void> {
  const load = extrasCode.load;
  extrasCode.load = () => import(/* @vite-ignore */ `./no-such-chunk-${Date.now()}.js`);
  try {
    await run();
  } finally {
    extrasCode.load = load;
  }
}

describe('span tagger code on demand', () => {
  it('tags a short text whose spans sit where they were made without fetching it', async () => {
    const el = await mount(TEXT, [spanAnnotation('a', TEXT, 0, 5), spanAnnotation('b', TEXT, cp(TEXT, 'Priya'), cp(TEXT, 'Priya') + 5)]);
    expect(drawn(el)).to.deep.equal(['Kumar', 'Priya']);
    const made = new Promise<CustomEvent>((resolve) => el.addEventListener('kolam-create', resolve as EventListener, { once: true }));
    await drag(pointOf(el, 'Chennai', 0.2), pointOf(el, 'Chennai', 0.8));
    expect(selectorsOf((await made).detail.annotation).exact).to.equal('Chennai');
    expect(fetchedExtras()).to.equal(false);
  });

  it('draws a span whose text moved, and reports an orphan, once updateComplete resolves', async () => {
    const old = `Today: ${TEXT}`;
    const moved = spanAnnotation('moved', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place');
    const orphan = spanAnnotation('orphan', old, 0, 5);
    (orphan.target.selector as { exact?: string }[])[1].exact = 'Mumbai';
    const errors: Array<{ code: string; input: Annotation }> = [];
    const el = await mount(TEXT, [spanAnnotation('a', TEXT, 0, 5), moved, orphan], errors);
    expect(fetchedExtras()).to.equal(true);
    expect(drawn(el)).to.deep.equal(['Chennai', 'Kumar']);
    expect(errors.map((e) => [e.code, e.input.id])).to.deep.equal([['orphaned', 'orphan']]);
    // The set is kept as given: re-anchoring moves the drawing, not the host's data.
    expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'moved', 'orphan']);
    expect(selectorsOf(el.annotations[1])).to.deep.equal(selectorsOf(moved));
  });

  it('cuts a long text into blocks, its spans drawn, once updateComplete resolves', async () => {
    const el = await mount(LONG, [spanAnnotation('first', LONG, cp(LONG, 'Kumar'), cp(LONG, 'Kumar') + 5)]);
    expect(blocks(el).length).to.be.above(1);
    expect(blocks(el).map((b) => b.textContent).join('')).to.equal(LONG);
    expect(drawn(el)).to.deep.equal(['Kumar']);
  });

  it('counts a moved suggestion in the review once the code to place it arrives after the review code', async () => {
    const load = extrasCode.load;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    extrasCode.load = () => held.then(load);
    try {
      const model = { id: 'ner', type: 'Software' };
      const old = `Today: ${TEXT}`;
      const here = { ...spanAnnotation('here', TEXT, 0, 5), creator: model };
      const moved = { ...spanAnnotation('moved', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place'), creator: model };
      const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger .labels=${LABELS} .text=${TEXT}></kolam-span-tagger>`);
      el.annotations = [here, moved];
      // The review code is here and its bar drawn, while the moved span still waits for the quote search.
      await waitUntil(() => el.shadowRoot!.querySelector('[part="review-progress"]'), 'review bar drawn');
      expect(drawn(el)).to.deep.equal(['Kumar']);
      release();
      await el.updateComplete;
      expect(drawn(el)).to.deep.equal(['Chennai', 'Kumar']);
      expect(el.reviewState.pending).to.equal(2);
      expect(el.shadowRoot!.querySelector('[part="review-progress"]')!.textContent).to.contain('2');
    } finally {
      extrasCode.load = load;
    }
  });

  it('offline: draws the spans in place, keeps a moved one as given and reports it orphaned, shows a long text whole, and throws nothing', async () => {
    await offline(async () => {
      const old = `Today: ${TEXT}`;
      const moved = spanAnnotation('moved', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place');
      const errors: Array<{ code: string; input: Annotation }> = [];
      const el = await mount(TEXT, [spanAnnotation('a', TEXT, 0, 5), moved], errors);
      await waitUntil(() => errors.length > 0, 'the moved span reported', { timeout: 3000 });
      expect(drawn(el)).to.deep.equal(['Kumar']);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'moved']);
      // Not drawn, so the host hears of it, once: it could not be placed without the search.
      await el.updateComplete;
      expect(errors.map((e) => [e.code, e.input.id])).to.deep.equal([['orphaned', 'moved']]);

      const long = await mount(LONG, [spanAnnotation('first', LONG, cp(LONG, 'Kumar'), cp(LONG, 'Kumar') + 5)]);
      expect(blocks(long).map((b) => b.textContent).join('')).to.equal(LONG);
      expect(drawn(long)).to.deep.equal(['Kumar']);
    });
  });

  it('after a failed fetch, tries again on the next set: the moved span is drawn once the code is reachable', async () => {
    const old = `Today: ${TEXT}`;
    const moved = spanAnnotation('moved', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place');
    const errors: unknown[] = [];
    let el: KolamSpanTagger | undefined;
    await offline(async () => {
      el = await mount(TEXT, [moved], errors);
      await waitUntil(() => errors.length > 0, 'the moved span reported', { timeout: 3000 });
    });
    expect(drawn(el!)).to.deep.equal([]);
    // The next set (the same set echoed back changes nothing, so nothing is fetched for it).
    el!.annotations = [moved, spanAnnotation('kumar', TEXT, 0, 5)];
    await waitUntil(() => drawn(el!).length > 1, 'the moved span drawn', { timeout: 3000 });
    expect(drawn(el!)).to.deep.equal(['Chennai', 'Kumar']);
    expect(errors).to.have.length(1);
  });

  it('offline, char granularity still tags a drag, by whole words rather than splitting a character', async () => {
    await offline(async () => {
      const el = await mount(TEXT, [], [], 'char');
      const made = new Promise<CustomEvent>((resolve) => el.addEventListener('kolam-create', resolve as EventListener, { once: true }));
      await drag(pointOf(el, 'Chennai', 0.2), pointOf(el, 'Chennai', 0.8));
      expect(selectorsOf((await made).detail.annotation).exact).to.equal('Chennai');
    });
  });
});
