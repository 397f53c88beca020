/**
 * CONTRACT §9's races, each as a host met it: a re-render while the annotator types, a tool moved
 * in the DOM, text replaced mid-selection, a quote that is half an emoji. Real input throughout.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Annotation } from '../src/core/annotation.js';
import type { KolamSpanTagger } from '../src/span-tagger.js';
import { drag as boxDrag, imageSettled, mount as mountBox, xywh } from './box-tool/helpers.js';
import { drag as spanDrag, pointOf, selectorsOf, spanAnnotation } from './span-tagger/helpers.js';
import { fieldOf, segment, speechPlayer } from './transcription-player/helpers.js';
import { nextFrame, record, spanTagger } from './tool-cases.js';

const transcript = (a: Annotation) => (a.body.find((b) => b.type === 'TextualBody' && !('purpose' in b && b.purpose)) as { value: string }).value;

describe('a transcript being typed (CONTRACT §9)', () => {
  it('survives the host setting annotations (a re-render) before the commit, and is committed after', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, ''), segment('b', 3.8, 7.4, '')]);
    fieldOf(el, 'a').focus();
    await sendKeys({ type: 'vanakkam' });
    // The host re-renders with its own copy of the set (it has not seen the words yet).
    el.annotations = [segment('a', 0.3, 3.2, ''), segment('b', 3.8, 7.4, ''), segment('c', 8, 9, '')];
    await el.updateComplete;
    expect(fieldOf(el, 'a').value).to.equal('vanakkam');
    await sendKeys({ type: ' ulagam' });
    const updated = oneEvent(el, 'kolam-update');
    fieldOf(el, 'a').blur();
    expect(transcript((await updated).detail.annotation)).to.equal('vanakkam ulagam');
    expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('survives the host making the player read-only mid-word: the words typed are committed', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, '')]);
    fieldOf(el, 'a').focus();
    await sendKeys({ type: 'not lost' });
    const updated = oneEvent(el, 'kolam-update');
    el.readonly = true;
    expect(transcript((await updated).detail.annotation)).to.equal('not lost');
    await el.updateComplete;
    expect(fieldOf(el, 'a').value).to.equal('not lost');
  });

  it('is in annotations when the host reads them (its own Save button), without commitPendingEdits()', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, '')]);
    fieldOf(el, 'a').focus();
    await sendKeys({ type: 'the last words' });
    expect(transcript(el.annotations[0])).to.equal('the last words');
  });

  it('never commits half an IME composition, and commits the composed word when it ends', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, '')]);
    const seen = record(el, ['kolam-update']);
    fieldOf(el, 'a').focus();
    await executeServerCommand('ime', { compose: 'வண' });
    expect(transcript(el.annotations[0])).to.equal('', 'reading mid-composition commits nothing');
    el.annotations = [segment('a', 0.3, 3.2, '')];
    await el.updateComplete;
    expect(seen).to.deep.equal([]);
    await executeServerCommand('ime', { commit: 'வணக்கம்' });
    expect(fieldOf(el, 'a').value).to.equal('வணக்கம்');
    const updated = oneEvent(el, 'kolam-update');
    fieldOf(el, 'a').blur();
    expect(transcript((await updated).detail.annotation)).to.equal('வணக்கம்');
  });
});

describe('a tool moved in the DOM (CONTRACT §9)', () => {
  afterEach(() => resetMouse());

  it('box tool: re-appended then resized, it still saves natural pixels', async () => {
    const el = await mountBox();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await imageSettled(el);
    // Half the size: the 1600×1200 image now shows at 0.25 scale, so 200 CSS px are 800 natural px.
    el.style.width = '400px';
    el.style.height = '300px';
    await setViewport({ width: 900, height: 700 });
    for (let i = 0; i < 60 && el.viewport.width !== 400; i++) await nextFrame();
    expect(el.viewport.width).to.equal(400);
    const created = oneEvent(el, 'kolam-create');
    await boxDrag(el, [50, 50], [150, 100]);
    expect(xywh((await created).detail.annotation)).to.equal('200,200,400,200');
  });

  it('box tool: removed mid-drag, the drag is dropped and nothing is created when it comes back', async () => {
    const el = await mountBox();
    const seen = record(el, ['kolam-create', 'kolam-update']);
    const rect = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [rect.left + 100, rect.top + 100] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [rect.left + 200, rect.top + 150] });
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await imageSettled(el);
    await sendMouse({ type: 'move', position: [rect.left + 300, rect.top + 200] });
    await sendMouse({ type: 'up' });
    await nextFrame();
    expect(seen).to.deep.equal([]);
    expect(el.drawing).to.equal(null);
  });

  it('player: removed, it stops listening to the colour scheme and the page; re-appended, it draws again', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, 'x')]);
    const parent = el.parentElement!;
    el.remove();
    let renders = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
      renders++;
      return original(...args);
    };
    el.classList.add('kolam-theme-dark'); // the MutationObserver a connected player keeps
    await nextFrame();
    expect(renders).to.equal(0, 'a removed player does not react');
    parent.append(el);
    await el.updateComplete;
    el.classList.remove('kolam-theme-dark');
    await nextFrame();
    expect(renders).to.be.greaterThan(0, 'a re-appended player reacts again');
  });
});

describe('the span tagger under a host (CONTRACT §9)', () => {
  afterEach(() => resetMouse());

  it('makes no span when the host replaces the text while the user is selecting', async () => {
    const el = (await spanTagger.mount()) as KolamSpanTagger;
    const seen = record(el, ['kolam-create']);
    const [x1, y] = pointOf(el, 'Chennai', 0.1);
    const [x2] = pointOf(el, 'Chennai', 0.9);
    await sendMouse({ type: 'move', position: [x1, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x2, y] });
    el.text = 'A completely different document arrived from the host.';
    await el.updateComplete;
    await sendMouse({ type: 'up' });
    await nextFrame();
    expect(seen).to.deep.equal([]);
    expect(el.annotations).to.deep.equal([]);
  });

  it('reports a span whose quote is a lone surrogate as orphaned, and keeps it', async () => {
    const text = 'Smile 😀 please';
    const el = (await spanTagger.mount()) as KolamSpanTagger;
    el.text = text;
    await el.updateComplete;
    const half = spanAnnotation('half', text, 0, 1);
    half.target.selector = [{ type: 'TextQuoteSelector', exact: '\uD83D' }];
    const errored = oneEvent(el, 'kolam-error');
    el.annotations = [half];
    const { detail } = await errored;
    expect(detail.code).to.equal('orphaned');
    expect(el.annotations).to.deep.equal([half]);
  });

  it('reports text that is not a string and shows none', async () => {
    const el = (await spanTagger.mount()) as KolamSpanTagger;
    const errored = oneEvent(el, 'kolam-error');
    el.text = 42 as unknown as string;
    expect((await errored).detail.code).to.equal('invalid-property');
    await el.updateComplete;
    expect(el.text).to.equal('');
  });

  it('reports a granularity that is neither word nor char, and snaps a drag to whole words', async () => {
    for (const bad of ['chars', 5, Object.freeze({ granularity: 'char' })]) {
      const el = (await spanTagger.mount()) as KolamSpanTagger;
      const errored = oneEvent(el, 'kolam-error');
      el.granularity = bad as unknown as 'word';
      const { detail } = await errored;
      expect(detail.code, String(bad)).to.equal('invalid-property');
      expect(detail.message).to.contain('granularity');
      await el.updateComplete;
      expect(el.granularity).to.equal('word');
      const made = oneEvent(el, 'kolam-create');
      await spanDrag(pointOf(el, 'Chennai', 0.2), pointOf(el, 'Chennai', 0.8));
      expect(selectorsOf((await made).detail.annotation).exact).to.equal('Chennai');
      el.remove();
    }
  });
});
