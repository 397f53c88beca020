import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import '../../src/label-set.js';
import '../../src/span-tagger.js';
import type { KolamSpanTagger } from '../../src/span-tagger.js';
import { LABELS, click, cp, drag, drawn, multiClick, pointOf, selectorsOf, spanAnnotation, textRange } from './helpers.js';

const NEWS = '👩‍👩‍👧 Kumar met Priya in Chennai.\nThe   meeting lasted  two hours.';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

async function tagger(text = NEWS, annotations: Annotation[] = [], attrs: Partial<KolamSpanTagger> = {}) {
  const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger
    source="doc"
    .labels=${LABELS}
    .text=${text}
    .annotations=${annotations}
    .annotator=${{ id: 'worker-17', name: 'Kumar' }}
  ></kolam-span-tagger>`);
  Object.assign(el, attrs);
  await el.updateComplete;
  // A user sees a frame before acting on it.
  await nextFrame();
  return el;
}

const region = (el: KolamSpanTagger) => el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!;

describe('<kolam-span-tagger>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('shows the text exactly as given, as text, with its spaces and line breaks', async () => {
    const text = '<b>not bold</b>\n  two  spaces\r\nand a tab\there';
    const el = await tagger(text);
    const blocks = el.shadowRoot!.querySelector('.blocks')!;
    expect(blocks.textContent).to.equal(text);
    expect(blocks.querySelector('b')).to.equal(null);
    expect(getComputedStyle(blocks).whiteSpace).to.equal('pre-wrap');
  });

  it('creates a span with the active label from a mouse drag, in code points', async () => {
    const el = await tagger();
    const created = oneEvent(el, 'kolam-create');
    await drag(pointOf(el, 'Kumar', 0.5), pointOf(el, 'Priya', 0.4));
    const { annotation } = (await created).detail;
    // The family emoji is one grapheme but 5 code points (8 UTF-16 units): "Kumar" starts at 6.
    expect(selectorsOf(annotation)).to.deep.equal({ start: 6, end: 21, exact: 'Kumar met Priya' });
    expect(annotation.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'person' }]);
    expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
    expect(annotation.target.source).to.equal('doc');
    expect(drawn(el)).to.deep.equal(['Kumar met Priya']);
  });

  it('takes a click right after rendering a short text (its only block is never skipped by content-visibility)', async () => {
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger .labels=${LABELS} .text=${NEWS} .annotations=${[spanAnnotation('a', NEWS, 6, 11)]}></kolam-span-tagger>`);
    const selected = oneEvent(el, 'kolam-select');
    await click(pointOf(el, 'Kumar'));
    expect((await selected).detail.annotation?.id).to.equal('a');
  });

  it('hands kolam-change a copy of the whole set: a host changing it changes nothing here', async () => {
    const el = await tagger(NEWS, [spanAnnotation('a', NEWS, 6, 11)]);
    const changed = oneEvent(el, 'kolam-change');
    await drag(pointOf(el, 'Chennai', 0.2), pointOf(el, 'Chennai', 0.8));
    const detail = (await changed).detail as { annotations: Annotation[] };
    expect(detail.annotations).to.equal(detail.annotations, 'one copy for every reader');
    expect(detail.annotations[0].id).to.equal('a');
    detail.annotations[0].id = 'mutated';
    detail.annotations.pop();
    expect(el.annotations.map((a) => a.id)[0]).to.equal('a');
    expect(el.annotations).to.have.length(2);
  });

  it('keeps a char-granularity drag as it is', async () => {
    const el = await tagger(NEWS, [], { granularity: 'char' });
    const created = oneEvent(el, 'kolam-create');
    await drag(pointOf(el, 'Chennai', 0.3), pointOf(el, 'Chennai', 0.8));
    const { exact, start } = selectorsOf((await created).detail.annotation);
    expect(exact.length).to.be.within(2, 6);
    expect('Chennai'.includes(exact)).to.equal(true);
    expect(start).to.be.above(cp(NEWS, 'Chennai'));
  });

  it('creates a word span from a double-click and a line span from a triple-click', async () => {
    const el = await tagger();
    const created = oneEvent(el, 'kolam-create');
    await multiClick(pointOf(el, 'Chennai'), 2);
    expect(selectorsOf((await created).detail.annotation).exact).to.equal('Chennai');
    // The third click widens the word its second click tagged: one span, not two.
    const line = oneEvent(el, 'kolam-update');
    await multiClick(pointOf(el, 'meeting'), 3);
    expect(selectorsOf((await line).detail.annotation).exact).to.equal('The   meeting lasted  two hours');
    expect(el.annotations).to.have.length(2);
  });

  it('a triple-click on a word tagged before tags the line and leaves that word\'s span as it was', async () => {
    const word = spanAnnotation('earlier', NEWS, cp(NEWS, 'meeting'), cp(NEWS, 'meeting') + 7);
    const el = await tagger(NEWS, [word]);
    const seen: Array<[string, string]> = [];
    for (const type of ['kolam-create', 'kolam-update', 'kolam-delete'] as const)
      el.addEventListener(type, (e) => seen.push([type, selectorsOf(e.detail.annotation).exact]));
    await multiClick(pointOf(el, 'meeting'), 3);
    await el.updateComplete;
    expect(seen).to.deep.equal([
      ['kolam-create', 'The   meeting lasted  two hours'],
    ]);
    expect(el.annotations.find((a) => a.id === 'earlier')).to.deep.equal(word);
  });

  it('gives every label its highlight rules, each one read by the browser (none dropped as invalid)', async () => {
    const el = await tagger();
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).filter((t) => t.includes('::highlight('));
    // Per label and for "no label": four nesting depths and the suggestion; then draft, hover, selected, forced colours.
    expect(rules).to.have.length((LABELS.length + 1) * 5 + 4);
    expect(rules.find((t) => t.includes('-selected') && !t.startsWith('@media'))).to.include('text-decoration-thickness: 3px');
  });

  it('draws spans in emoji, Tamil, Devanagari and Urdu text where their code points say', async () => {
    const text = 'நான் 👍🏽 சென்னை நகரில்\nनई दिल्ली में प्रधानमंत्री\nلاہور میں وزیر اعظم';
    const words = ['👍🏽', 'சென்னை', 'दिल्ली', 'प्रधानमंत्री', 'لاہور', 'وزیر اعظم'];
    const el = await tagger(
      text,
      words.map((w, i) => spanAnnotation(`a${i}`, text, cp(text, w), cp(text, w) + [...w].length, 'place')),
    );
    expect(drawn(el)).to.deep.equal([...words].sort());
    const box = region(el).getBoundingClientRect();
    const urdu = pointOf(el, 'لاہور');
    // An RTL line starts at the right.
    expect(urdu[0]).to.be.above(box.left + box.width / 2);
  });

  it('selects an Urdu word by dragging across it, right to left', async () => {
    const text = 'لاہور میں وزیر اعظم نے خطاب کیا';
    const el = await tagger(text);
    const created = oneEvent(el, 'kolam-create');
    await drag(pointOf(el, 'وزیر', 0.8), pointOf(el, 'وزیر', 0.2));
    const { start, exact } = selectorsOf((await created).detail.annotation);
    expect(exact).to.equal('وزیر');
    expect(start).to.equal(cp(text, 'وزیر'));
  });

  it('tags whole Tamil and Hindi words, conjuncts and vowel signs included, from a drag inside them', async () => {
    const text = 'சென்னை நகரில் முதலமைச்சர் உரையாற்றினார்\nनई दिल्ली में प्रधानमंत्री ने भाषण दिया।';
    const el = await tagger(text);
    for (const word of ['முதலமைச்சர்', 'प्रधानमंत्री']) {
      const created = oneEvent(el, 'kolam-create');
      await drag(pointOf(el, word, 0.35), pointOf(el, word, 0.65));
      const made = selectorsOf((await created).detail.annotation);
      expect(made).to.deep.equal({ start: cp(text, word), end: cp(text, word) + [...word].length, exact: word });
    }
  });

  it('never splits a grapheme in char granularity: a letter with its combining accent, an emoji with its skin tone', async () => {
    const text = 'Cafe\u0301 👍🏽 ok';
    const el = await tagger(text, [], { granularity: 'char' });
    const created = oneEvent(el, 'kolam-create');
    await drag(pointOf(el, 'e\u0301', 0.3), pointOf(el, '👍🏽', 0.7));
    const { exact } = selectorsOf((await created).detail.annotation);
    expect(exact).to.equal('e\u0301 👍🏽');
  });

  it('in a long text, gives Ranges only to spans near the screen, and draws the others as they scroll in', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Line ${i}: Kumar met Priya in Chennai.`).join('\n');
    const first = spanAnnotation('first', text, cp(text, 'Kumar'), cp(text, 'Kumar') + 5);
    const last = spanAnnotation('last', text, cp(text, 'Priya', 1999), cp(text, 'Priya', 1999) + 5, 'place');
    const el = await tagger(text, [first, last]);
    expect(drawn(el)).to.deep.equal(['Kumar']);
    region(el).scrollTop = region(el).scrollHeight;
    // The observer reports after a frame; give it a few, not a fixed time.
    for (let i = 0; i < 20 && drawn(el)[0] !== 'Priya'; i++) await nextFrame();
    expect(drawn(el)).to.deep.equal(['Priya']);
  });

  it('keeps overlapping spans visible and clickable: a click picks the innermost', async () => {
    const outer = spanAnnotation('outer', NEWS, cp(NEWS, 'Kumar'), cp(NEWS, 'Chennai') + 7, 'org');
    const inner = spanAnnotation('inner', NEWS, cp(NEWS, 'Priya'), cp(NEWS, 'Priya') + 5, 'person');
    const cross = spanAnnotation('cross', NEWS, cp(NEWS, 'Chennai'), cp(NEWS, 'meeting') + 7, 'place');
    const el = await tagger(NEWS, [outer, inner, cross]);
    expect(drawn(el)).to.deep.equal(['Chennai.\nThe   meeting', 'Kumar met Priya in Chennai', 'Priya'].sort());
    let selected = oneEvent(el, 'kolam-select');
    await click(pointOf(el, 'Priya'));
    expect((await selected).detail.annotation?.id).to.equal('inner');
    selected = oneEvent(el, 'kolam-select');
    await click(pointOf(el, 'met'));
    expect((await selected).detail.annotation?.id).to.equal('outer');
    selected = oneEvent(el, 'kolam-select');
    await click(pointOf(el, 'Chennai'));
    expect((await selected).detail.annotation?.id).to.equal('cross');
    // The nested span is drawn on a deeper layer than the one around it.
    const prefix = (el as unknown as { painter: { prefix: string } }).painter.prefix;
    expect(CSS.highlights.get(`${prefix}-l0-1`)?.size).to.equal(1);
  });

  it('Tab and Shift+Tab move the selection through spans in reading order', async () => {
    const a = spanAnnotation('a', NEWS, cp(NEWS, 'Kumar'), cp(NEWS, 'Kumar') + 5);
    const b = spanAnnotation('b', NEWS, cp(NEWS, 'Chennai'), cp(NEWS, 'Chennai') + 7, 'place');
    const c = spanAnnotation('c', NEWS, cp(NEWS, 'Priya'), cp(NEWS, 'Priya') + 5);
    const el = await tagger(NEWS, [a, b, c]);
    region(el).focus();
    const ids: (string | undefined)[] = [];
    el.addEventListener('kolam-select', (e) => ids.push(e.detail.annotation?.id));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(ids).to.deep.equal(['a', 'c', 'b', 'c']);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    await el.updateComplete;
    expect(status.textContent).to.contain('Person: Priya');
  });

  it('shows the selected span\'s tag above it, over no text of the next line nor the span', async () => {
    // Bug: on the first line the tag went below the span, over the line the annotator reads next.
    const kumar = spanAnnotation('kumar', NEWS, cp(NEWS, 'Kumar'), cp(NEWS, 'Kumar') + 5);
    const meeting = spanAnnotation('meeting', NEWS, cp(NEWS, 'meeting'), cp(NEWS, 'meeting') + 7, 'org');
    const el = await tagger(NEWS, [kumar, meeting]);
    const tag = el.shadowRoot!.querySelector<HTMLElement>('[part="tag"]')!;
    const box = (needle: string) => textRange(el, el.text.indexOf(needle), el.text.indexOf(needle) + needle.length).getClientRects()[0];
    const overlap = (a: DOMRect, b: DOMRect) => Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

    el.select('kumar');
    await el.updateComplete;
    let rect = tag.getBoundingClientRect();
    expect(getComputedStyle(tag).display).to.equal('block');
    expect(rect.bottom).to.be.at.most(box('Kumar').top + 1);
    expect(rect.top).to.be.at.least(region(el).getBoundingClientRect().top);
    expect(overlap(rect, box('The'))).to.equal(0);

    // On the second line it sits in the gap: at most the descenders of the line above.
    el.select('meeting');
    await el.updateComplete;
    rect = tag.getBoundingClientRect();
    expect(tag.textContent).to.equal('Organisation');
    expect(rect.bottom).to.be.at.most(box('meeting').top + 1);
    expect(overlap(rect, box('Kumar'))).to.be.below(box('Kumar').height * 0.3);
  });

  it('shows the label names of the spans under the pointer', async () => {
    const outer = spanAnnotation('outer', NEWS, cp(NEWS, 'Kumar'), cp(NEWS, 'Priya') + 5, 'org');
    const inner = spanAnnotation('inner', NEWS, cp(NEWS, 'Priya'), cp(NEWS, 'Priya') + 5, 'person');
    const el = await tagger(NEWS, [outer, inner]);
    await sendMouse({ type: 'move', position: pointOf(el, 'Priya') });
    await nextFrame();
    const tooltip = el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
    expect(getComputedStyle(tooltip).display).to.equal('block');
    expect(tooltip.textContent).to.equal('Person › Organisation');
  });

  it('tags with the keyboard alone: arrows move word by word, Shift extends, Enter creates', async () => {
    const el = await tagger();
    region(el).focus();
    // Caret at 0; → ends "Kumar", → ends "met", Shift+→ takes "Priya", then "in", Shift+← gives "in" back.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowLeft' });
    const created = oneEvent(el, 'kolam-create');
    await sendKeys({ press: 'Enter' });
    expect(selectorsOf((await created).detail.annotation).exact).to.equal('Priya');
  });

  it('follows a keymap: Ctrl+Enter creates, plain Enter no longer does', async () => {
    const el = await tagger(NEWS, [], { keymap: { create: ['Ctrl+Enter'] } });
    region(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    expect(el.annotations).to.have.length(0);
    const created = oneEvent(el, 'kolam-create');
    await sendKeys({ press: 'Control+Enter' });
    expect(selectorsOf((await created).detail.annotation).exact).to.equal('Kumar');
  });

  it('relabels with a label key, deletes with Delete and clears with Escape', async () => {
    const el = await tagger(NEWS, [spanAnnotation('a', NEWS, cp(NEWS, 'Kumar'), cp(NEWS, 'Kumar') + 5)]);
    region(el).focus();
    await sendKeys({ press: 'Tab' });
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: '2' });
    const { annotation, previous } = (await updated).detail;
    expect(annotation.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'place' }]);
    expect(previous.body[0]).to.include({ value: 'person' });
    const cleared = oneEvent(el, 'kolam-select');
    await sendKeys({ press: 'Escape' });
    expect((await cleared).detail.annotation).to.equal(null);
    // After Escape the next Tab leaves the text (CONTRACT §9); coming back, Tab walks again.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === region(el)).to.equal(false);
    region(el).focus();
    await sendKeys({ press: 'Tab' });
    const deleted = oneEvent(el, 'kolam-delete');
    await sendKeys({ press: 'Delete' });
    expect((await deleted).detail.annotation.id).to.equal('a');
    expect(el.annotations).to.deep.equal([]);
    expect(drawn(el)).to.deep.equal([]);
  });

  it('N picks the least sure suggestion and Enter accepts it, keeping the model as generator', async () => {
    const model = { id: 'ner-v2', type: 'Software' };
    const sure = spanAnnotation('sure', NEWS, cp(NEWS, 'Kumar'), cp(NEWS, 'Kumar') + 5, 'person', { creator: model });
    const unsure = spanAnnotation('unsure', NEWS, cp(NEWS, 'Chennai'), cp(NEWS, 'Chennai') + 7, 'place', { creator: model });
    (sure.body[0] as { score?: number }).score = 0.9;
    (unsure.body[0] as { score?: number }).score = 0.4;
    const el = await tagger(NEWS, [sure, unsure]);
    region(el).focus();
    const selected = oneEvent(el, 'kolam-select');
    await sendKeys({ press: 'n' });
    expect((await selected).detail.annotation?.id).to.equal('unsure');
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Enter' });
    const { annotation } = (await updated).detail;
    expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
    expect(annotation.generator).to.deep.equal(model);
    expect(el.annotations).to.have.length(2);
  });

  it('undoes and redoes with keys, firing the matching events', async () => {
    const el = await tagger();
    const events: string[] = [];
    for (const name of ['kolam-create', 'kolam-delete'] as const) el.addEventListener(name, () => events.push(name));
    await drag(pointOf(el, 'Kumar', 0.2), pointOf(el, 'Kumar', 0.8));
    region(el).focus();
    await sendKeys({ press: 'Control+z' });
    expect(el.annotations).to.have.length(0);
    await sendKeys({ press: 'Control+Shift+z' });
    expect(el.annotations).to.have.length(1);
    expect(events).to.deep.equal(['kolam-create', 'kolam-delete', 'kolam-create']);
    await el.updateComplete;
    expect(drawn(el)).to.deep.equal(['Kumar']);
  });

  it('re-anchors drifted spans by quote and keeps orphans, untouched, with an orphaned error', async () => {
    const old = 'Kumar met Priya in Chennai.';
    const drifted = spanAnnotation('drifted', old, cp(old, 'Chennai'), cp(old, 'Chennai') + 7, 'place');
    const orphan = spanAnnotation('orphan', old, 0, 5);
    (orphan.target.selector as { exact?: string }[])[1].exact = 'Mumbai';
    const errors: unknown[] = [];
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger
      .labels=${LABELS}
      @kolam-error=${(e: CustomEvent) => errors.push(e.detail)}
      .text=${NEWS}
      .annotations=${[drifted, orphan]}
    ></kolam-span-tagger>`);
    expect(drawn(el)).to.deep.equal(['Chennai']);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'orphaned' });
    expect((errors[0] as { input: Annotation }).input.id).to.equal('orphan');
    expect(el.annotations).to.deep.equal([drifted, orphan]);
  });

  it('anchors annotations given before their text once the text arrives, and re-anchors on a new text', async () => {
    const errors: string[] = [];
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger .labels=${LABELS} @kolam-error=${(e: CustomEvent) => errors.push(e.detail.code)}></kolam-span-tagger>`);
    el.annotations = [spanAnnotation('a', NEWS, cp(NEWS, 'Priya'), cp(NEWS, 'Priya') + 5)];
    await el.updateComplete;
    el.text = NEWS;
    await el.updateComplete;
    expect(drawn(el)).to.deep.equal(['Priya']);
    el.text = `Breaking: ${NEWS}`;
    await el.updateComplete;
    expect(drawn(el)).to.deep.equal(['Priya']);
    expect(errors).to.deep.equal([]);
  });

  it('shows what a host sets from inside a kolam-create listener', async () => {
    const el = await tagger();
    const replacement = [spanAnnotation('host', NEWS, cp(NEWS, 'Chennai'), cp(NEWS, 'Chennai') + 7, 'place')];
    el.addEventListener('kolam-create', () => (el.annotations = replacement), { once: true });
    await drag(pointOf(el, 'Kumar', 0.2), pointOf(el, 'Kumar', 0.8));
    await el.updateComplete;
    expect(drawn(el)).to.deep.equal(['Chennai']);
  });

  it('fires nothing but errors when annotations are set from code (no echo)', async () => {
    const el = await tagger();
    const events: string[] = [];
    for (const name of ['kolam-create', 'kolam-update', 'kolam-delete', 'kolam-change'] as const) el.addEventListener(name, () => events.push(name));
    el.annotations = [spanAnnotation('a', NEWS, 6, 11)];
    await el.updateComplete;
    el.annotations = [...el.annotations];
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    expect(drawn(el)).to.deep.equal(['Kumar']);
  });

  it('reports bad annotations and draws the good ones', async () => {
    const errors: string[] = [];
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger
      .labels=${LABELS}
      @kolam-error=${(e: CustomEvent) => errors.push(e.detail.code)}
      .text=${NEWS}
      .annotations=${[spanAnnotation('ok', NEWS, 6, 11), spanAnnotation('bad', NEWS, 11, 6), spanAnnotation('nolabel', NEWS, 6, 11, 'ghost')]}
    ></kolam-span-tagger>`);
    expect(errors).to.deep.equal(['invalid-geometry', 'unknown-label']);
    expect(drawn(el)).to.deep.equal(['Kumar']);
    expect(el.annotations).to.have.length(3);
  });

  it('in readonly mode, a drag creates nothing and a click still selects', async () => {
    const el = await tagger(NEWS, [spanAnnotation('a', NEWS, cp(NEWS, 'Priya'), cp(NEWS, 'Priya') + 5)], { readonly: true });
    let created = false;
    el.addEventListener('kolam-create', () => (created = true));
    await drag(pointOf(el, 'Kumar', 0.1), pointOf(el, 'met', 0.9));
    const selected = oneEvent(el, 'kolam-select');
    await click(pointOf(el, 'Priya'));
    expect((await selected).detail.annotation?.id).to.equal('a');
    region(el).focus();
    await sendKeys({ press: 'Delete' });
    expect(created).to.equal(false);
    expect(el.annotations).to.have.length(1);
  });

  it('takes labels and the active label from a surrounding label set', async () => {
    const set = await fixture(html`<kolam-label-set active-label="place" .labels=${LABELS}>
      <kolam-span-tagger .text=${NEWS}></kolam-span-tagger>
    </kolam-label-set>`);
    const el = set.querySelector('kolam-span-tagger')!;
    await el.updateComplete;
    const created = oneEvent(el, 'kolam-create');
    await drag(pointOf(el, 'Chennai', 0.2), pointOf(el, 'Chennai', 0.7));
    expect((await created).detail.annotation.body[0]).to.include({ value: 'place' });
  });

  it('is focusable, named and accessible, and removes only its own highlights', async () => {
    CSS.highlights.set('page-own', new Highlight());
    const el = await tagger(NEWS, [spanAnnotation('a', NEWS, 6, 11)]);
    const text = region(el);
    expect(text.tabIndex).to.equal(0);
    expect(text.getAttribute('aria-label')).to.equal('Text to tag');
    await expect(el).to.be.accessible();
    const ours = [...CSS.highlights.keys()].filter((k) => k.startsWith((el as unknown as { painter: { prefix: string } }).painter.prefix));
    expect(ours.length).to.be.above(0);
    expect(ours.every((name) => /^[a-z][a-z0-9-]*$/.test(name))).to.equal(true);
    el.remove();
    expect(ours.some((name) => CSS.highlights.has(name))).to.equal(false);
    expect(CSS.highlights.has('page-own')).to.equal(true);
    CSS.highlights.delete('page-own');
  });

  it('prints no Lit warnings while used', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await tagger(NEWS, [spanAnnotation('a', NEWS, 6, 11)]);
      await drag(pointOf(el, 'Priya', 0.2), pointOf(el, 'Priya', 0.8));
      await click(pointOf(el, 'Kumar'));
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
  });
});
