/**
 * The common contract (CONTRACT §3 events, §4 API and keys, §6 bad input), checked the same way on
 * every tool. Each tool gives a small table: how to show it, a good annotation, some bad ones, and
 * how a user makes one annotation by real input.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Annotation } from '../src/core/annotation.js';
import type { KolamEventName } from '../src/core/events.js';
import type { KolamBoxTool } from '../src/box-tool.js';
import type { KolamSpanTagger } from '../src/span-tagger.js';
import type { KolamTranscriptionPlayer } from '../src/transcription-player.js';
import { LABELS as BOX_LABELS, box, drag as boxDrag, imageSettled, mount as mountBox, viewport } from './box-tool/helpers.js';
import '../src/span-tagger.js';
import { LABELS as SPAN_LABELS, drag as spanDrag, pointOf, spanAnnotation } from './span-tagger/helpers.js';
import { mediaOf, pointAt, segment, speechPlayer, waveformOf } from './transcription-player/helpers.js';

type Tool = KolamBoxTool | KolamSpanTagger | KolamTranscriptionPlayer;

const ANNOTATOR = { id: 'worker-17', name: 'Kumar' };
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const tagOf = (a: Annotation) => a.body.find((b) => 'purpose' in b && b.purpose === 'tagging') as { value: string } | undefined;
const clone = <T>(value: T): T => structuredClone(value);
/** The same annotation for the same id, every time (timestamps included). */
function memo(make: (id: string) => Annotation): (id: string) => Annotation {
  const made = new Map<string, Annotation>();
  return (id) => clone(made.get(id) ?? made.set(id, make(id)).get(id)!);
}

interface ToolCase {
  name: string;
  /** The labels the tool is given; the first is the default active label. */
  labels: { id: string }[];
  /** Shows the tool with its media or text, labels and annotator; readonly when asked. */
  mount(annotations?: Annotation[], readonly?: boolean): Promise<Tool>;
  /** Waits until the tool is ready for input again, after being moved in the DOM. */
  settle(el: Tool): Promise<void>;
  /** A well-formed annotation tagged with the first label. */
  good(id: string): Annotation;
  /** Malformed annotations and the error code each must produce. */
  bad: { why: string; annotation: Annotation; code: string | string[] }[];
  /** One new annotation by real input (drag), with the default active label. */
  create(el: Tool): Promise<void>;
  /** Where keyboard focus sits while working. */
  keyTarget(el: Tool): HTMLElement;
  /** How many annotations are on screen. */
  shown(el: Tool): number;
  /** `target.source` expected when no `source` attribute is set (media tools: `src`). */
  defaultSource?(el: Tool): string;
  /** Escape clears the selection (the player's Escape is play/pause instead, CONTRACT §5). */
  escapeClears: boolean;
}

const BOX_TEXT = 'xywh=pixel:';
const boxWithValue = (id: string, value: string): Annotation => {
  const a = box({ x: 10, y: 10, w: 50, h: 50 }, 'person', { id });
  return { ...a, target: { ...a.target, selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: BOX_TEXT + value } } };
};

const boxTool: ToolCase = {
  name: 'kolam-box-tool',
  labels: BOX_LABELS,
  mount: async (annotations = [], readonly = false) => mountBox({ annotations, readonly }),
  settle: async (el) => imageSettled(el as KolamBoxTool),
  good: memo((id) => box({ x: 200, y: 600, w: 200, h: 200 }, 'person', { id })),
  bad: [
    { why: 'missing id', annotation: { ...box({ x: 1, y: 1, w: 9, h: 9 }), id: undefined as unknown as string }, code: 'missing-id' },
    { why: 'NaN geometry', annotation: boxWithValue('nan', 'NaN,10,50,50'), code: ['invalid-geometry', 'unknown-selector'] },
    { why: 'negative geometry', annotation: boxWithValue('neg', '10,10,-5,50'), code: 'invalid-geometry' },
    { why: 'unknown selector', annotation: { ...box({ x: 1, y: 1, w: 9, h: 9 }, 'person', { id: 'svg' }), target: { source: 'street.png', selector: { type: 'SvgSelector', value: '<svg/>' } as never } }, code: 'unknown-selector' },
    { why: 'unknown label', annotation: box({ x: 1, y: 1, w: 9, h: 9 }, 'nobody', { id: 'who' }), code: 'unknown-label' },
  ],
  // 100,100 → 300,200 on the 800×600 element: well inside the contained image.
  create: (el) => boxDrag(el, [100, 100], [300, 200]),
  keyTarget: (el) => viewport(el as KolamBoxTool),
  shown: (el) => Number(/\d+/.exec(viewport(el as KolamBoxTool).getAttribute('aria-label') ?? '')?.[0]),
  defaultSource: (el) => (el as KolamBoxTool).src,
  escapeClears: true,
};

const NEWS = 'Kumar met Priya in Chennai.\nThe meeting lasted two hours.';
const spanTagger: ToolCase = {
  name: 'kolam-span-tagger',
  labels: SPAN_LABELS,
  mount: async (annotations = [], readonly = false) => {
    const el = await fixture<KolamSpanTagger>(html`<kolam-span-tagger
      source="doc"
      ?readonly=${readonly}
      .labels=${SPAN_LABELS}
      .text=${NEWS}
      .annotations=${annotations}
      .annotator=${ANNOTATOR}
    ></kolam-span-tagger>`);
    await el.updateComplete;
    await nextFrame();
    return el;
  },
  settle: async (el) => {
    await el.updateComplete;
    await nextFrame();
  },
  good: memo((id) => spanAnnotation(id, NEWS, 10, 15)),
  bad: [
    { why: 'missing id', annotation: spanAnnotation('', NEWS, 0, 5), code: 'missing-id' },
    { why: 'NaN geometry', annotation: { ...spanAnnotation('nan', NEWS, 0, 5), target: { source: 'doc', selector: [{ type: 'TextPositionSelector', start: NaN, end: 5 }] } }, code: 'invalid-geometry' },
    { why: 'negative geometry', annotation: { ...spanAnnotation('neg', NEWS, 0, 5), target: { source: 'doc', selector: [{ type: 'TextPositionSelector', start: -3, end: 5 }] } }, code: 'invalid-geometry' },
    { why: 'unknown selector', annotation: { ...spanAnnotation('css', NEWS, 0, 5), target: { source: 'doc', selector: { type: 'CssSelector', value: 'p' } as never } }, code: 'unknown-selector' },
    { why: 'unknown label', annotation: spanAnnotation('who', NEWS, 0, 5, 'nobody'), code: 'unknown-label' },
  ],
  create: async (el) => spanDrag(pointOf(el as KolamSpanTagger, 'Chennai', 0.2), pointOf(el as KolamSpanTagger, 'Chennai', 0.8)),
  keyTarget: (el) => el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!,
  shown: (el) => {
    const prefix = (el as unknown as { painter: { prefix: string } }).painter.prefix;
    let count = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith(`${prefix}-l`)) count += (highlight as Highlight).size;
    return count;
  },
  escapeClears: true,
};

const SPEAKERS = [
  { id: 'ana', name: 'Ana' },
  { id: 'bala', name: 'Bala' },
];
const segmentWithValue = (id: string, value: string): Annotation => {
  const a = segment(id, 1, 2, '', 'ana');
  return { ...a, target: { ...a.target, selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value } } };
};
async function playerDrag(from: [number, number], to: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / 6), to[1]] });
  await sendMouse({ type: 'up' });
}
const playerReady = (el: KolamTranscriptionPlayer) => waitUntil(() => el.duration > 0 && mediaOf(el).readyState >= 1 && el.waveformReady, 'waveform painted', { timeout: 10000 });

const transcriptionPlayer: ToolCase = {
  name: 'kolam-transcription-player',
  labels: SPEAKERS,
  mount: async (annotations = [], readonly = false) => {
    const el = await speechPlayer(annotations, { labels: SPEAKERS, annotator: ANNOTATOR, readonly });
    await el.updateComplete;
    return el;
  },
  settle: async (el) => {
    await playerReady(el as KolamTranscriptionPlayer);
    await el.updateComplete;
  },
  good: memo((id) => segment(id, 2, 3, 'vanakkam', 'ana')),
  bad: [
    { why: 'missing id', annotation: { ...segment('x', 1, 2, '', 'ana'), id: undefined as unknown as string }, code: 'missing-id' },
    { why: 'NaN geometry', annotation: segmentWithValue('nan', 't=NaN,2'), code: ['invalid-geometry', 'unknown-selector'] },
    { why: 'negative geometry', annotation: segmentWithValue('neg', 't=-2,1'), code: ['invalid-geometry', 'unknown-selector'] },
    { why: 'unknown selector', annotation: { ...segment('tps', 1, 2, '', 'ana'), target: { source: 'x', selector: { type: 'TextPositionSelector', start: 0, end: 1 } } }, code: 'unknown-selector' },
    { why: 'unknown label', annotation: segment('who', 1, 2, '', 'nobody'), code: 'unknown-label' },
  ],
  create: (el) => playerDrag(pointAt(el as KolamTranscriptionPlayer, 4), pointAt(el as KolamTranscriptionPlayer, 7)),
  keyTarget: (el) => waveformOf(el as KolamTranscriptionPlayer),
  shown: (el) => el.shadowRoot!.querySelectorAll('li[data-id]').length,
  defaultSource: (el) => (el as KolamTranscriptionPlayer).src,
  escapeClears: false,
};

const EDITS: KolamEventName[] = ['kolam-create', 'kolam-update', 'kolam-delete', 'kolam-change'];

/** Records every Kolam event the element fires, by name, in order. */
function record(target: EventTarget, names: KolamEventName[] = [...EDITS, 'kolam-select', 'kolam-error']) {
  const seen: { name: string; detail: unknown }[] = [];
  for (const name of names) target.addEventListener(name, (e) => seen.push({ name, detail: (e as CustomEvent).detail }));
  return seen;
}

async function focusKeys(tool: ToolCase, el: Tool): Promise<void> {
  tool.keyTarget(el).focus();
  await el.updateComplete;
}

async function press(el: Tool, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

for (const tool of [boxTool, spanTagger, transcriptionPlayer]) {
  describe(`<${tool.name}> common contract`, () => {
    afterEach(() => resetMouse());

    it('emits no create, update, delete or change when annotations are set from code, and gives back what it was given', async () => {
      const el = await tool.mount();
      const seen = record(el, EDITS);
      const given = [tool.good('a'), ...tool.bad.map((b) => b.annotation)];
      const snapshot = clone(given);
      el.annotations = given;
      await el.updateComplete;
      await nextFrame();
      expect(seen).to.deep.equal([]);
      expect(el.annotations).to.deep.equal(snapshot);
      expect(given).to.deep.equal(snapshot, 'the host\'s own objects are not changed');
    });

    for (const bad of tool.bad) {
      it(`reports a malformed annotation (${bad.why}) with kolam-error "${[bad.code].flat().join('" or "')}", and still shows the others`, async () => {
        const el = await tool.mount();
        const seen = record(el, ['kolam-error']);
        el.annotations = [tool.good('a'), bad.annotation, tool.good('b')];
        await el.updateComplete;
        await nextFrame();
        const errors = seen.map((s) => s.detail as { code: string; message: string; input: unknown });
        // A NaN or minus sign that does not even parse as the selector's grammar may be reported as either.
        expect(errors).to.have.length(1);
        expect([bad.code].flat()).to.include(errors[0].code);
        expect(errors[0].message).to.be.a('string').and.not.equal('');
        expect(errors[0].input).to.deep.equal(bad.annotation);
        expect(tool.shown(el)).to.equal(2);
      });
    }

    it('creates by real input: kolam-create then kolam-change, by the annotator with the active label, on the source', async () => {
      const el = await tool.mount();
      const seen = record(el, ['kolam-create', 'kolam-change']);
      const changed = oneEvent(el, 'kolam-change');
      await tool.create(el);
      const { annotations } = (await changed).detail;
      expect(seen.map((s) => s.name)).to.deep.equal(['kolam-create', 'kolam-change']);
      const { annotation } = seen[0].detail as { annotation: Annotation };
      expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
      expect(annotation.body).to.deep.include({ type: 'TextualBody', purpose: 'tagging', value: tool.labels[0].id });
      expect(annotation.target.source).to.equal(el.getAttribute('source') ?? tool.defaultSource?.(el));
      expect(annotations).to.deep.equal([annotation]);
      expect(el.annotations).to.deep.equal([annotation]);
    });

    it('writes the source attribute to target.source', async () => {
      const el = await tool.mount();
      el.setAttribute('source', 'https://example.org/item-7');
      await el.updateComplete;
      const created = oneEvent(el, 'kolam-create');
      await tool.create(el);
      expect((await created).detail.annotation.target.source).to.equal('https://example.org/item-7');
    });

    if (tool.defaultSource) {
      it('defaults target.source to src when no source is set', async () => {
        const el = await tool.mount();
        el.removeAttribute('source');
        await el.updateComplete;
        const created = oneEvent(el, 'kolam-create');
        await tool.create(el);
        const source = (await created).detail.annotation.target.source;
        expect(source).to.be.a('string').and.not.equal('');
        expect(source).to.equal(tool.defaultSource!(el));
      });
    }

    it('hands out copies: mutating a detail changes nothing in the element', async () => {
      const el = await tool.mount([tool.good('a')]);
      const created = oneEvent(el, 'kolam-create');
      const changed = oneEvent(el, 'kolam-change');
      await tool.create(el);
      const { annotation } = (await created).detail;
      const { annotations } = (await changed).detail;
      const before = clone(el.annotations);
      annotation.body.push({ type: 'TextualBody', purpose: 'tagging', value: 'hacked' });
      annotation.target.source = 'hacked';
      annotations.pop();
      annotations[0].id = 'hacked';
      expect(el.annotations).to.deep.equal(before);
      // The getter hands out copies too.
      el.annotations[0].id = 'hacked again';
      expect(el.annotations).to.deep.equal(before);
    });

    it('undoes a create with Ctrl+Z (kolam-delete) and redoes it with Ctrl+Shift+Z and Ctrl+Y (kolam-create)', async () => {
      const el = await tool.mount();
      const created = oneEvent(el, 'kolam-create');
      await tool.create(el);
      const { annotation } = (await created).detail;
      await focusKeys(tool, el);

      let deleted = oneEvent(el, 'kolam-delete');
      let changed = oneEvent(el, 'kolam-change');
      await press(el, 'Control+z');
      expect((await deleted).detail.annotation).to.deep.equal(annotation);
      expect((await changed).detail.annotations).to.deep.equal([]);

      let redone = oneEvent(el, 'kolam-create');
      changed = oneEvent(el, 'kolam-change');
      await press(el, 'Control+Shift+z');
      expect((await redone).detail.annotation).to.deep.equal(annotation);
      expect((await changed).detail.annotations).to.deep.equal([annotation]);

      deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'Control+z');
      await deleted;
      redone = oneEvent(el, 'kolam-create');
      await press(el, 'Control+y');
      expect((await redone).detail.annotation).to.deep.equal(annotation);
      expect(el.annotations).to.deep.equal([annotation]);
    });

    it('deletes the selection with Delete', async () => {
      const el = await tool.mount([tool.good('a'), tool.good('b')]);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(el, 'kolam-delete');
      const changed = oneEvent(el, 'kolam-change');
      await press(el, 'Delete');
      expect((await deleted).detail.annotation.id).to.equal('a');
      expect((await changed).detail.annotations.map((a: Annotation) => a.id)).to.deep.equal(['b']);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['b']);
    });

    it('deletes the selection with Backspace too, and Ctrl+Z brings it back (kolam-create)', async () => {
      const el = await tool.mount([tool.good('a')]);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(el, 'kolam-delete');
      await press(el, 'Backspace');
      expect((await deleted).detail.annotation).to.deep.equal(tool.good('a'));
      const restored = oneEvent(el, 'kolam-create');
      await press(el, 'Control+z');
      expect((await restored).detail.annotation).to.deep.equal(tool.good('a'));
      expect(el.annotations).to.deep.equal([tool.good('a')]);
    });

    if (tool.escapeClears) {
      it('clears the selection with Escape (kolam-select with null)', async () => {
        const el = await tool.mount([tool.good('a')]);
        await focusKeys(tool, el);
        el.select('a');
        await el.updateComplete;
        const selected = oneEvent(el, 'kolam-select');
        await press(el, 'Escape');
        expect((await selected).detail.annotation).to.equal(null);
      });
    }

    it('relabels the selection with a digit key (kolam-update with previous)', async () => {
      const el = await tool.mount([tool.good('a')]);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const updated = oneEvent(el, 'kolam-update');
      await press(el, '2');
      const { annotation, previous } = (await updated).detail;
      expect(annotation.id).to.equal('a');
      expect(tagOf(annotation)?.value).to.equal(tool.labels[1].id);
      expect(previous).to.deep.equal(tool.good('a'));
      expect(tagOf(el.annotations[0])?.value).to.equal(tool.labels[1].id);
    });

    it('is readonly: real input neither creates nor deletes', async () => {
      const el = await tool.mount([tool.good('a')], true);
      const seen = record(el, EDITS);
      await tool.create(el);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      await press(el, 'Delete');
      await press(el, 'Backspace');
      await nextFrame();
      expect(seen).to.deep.equal([]);
      expect(el.annotations).to.deep.equal([tool.good('a')]);
    });

    it('is focusable, by Tab and by focus(), with an accessible name', async () => {
      const el = await tool.mount();
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      // Compare identities: chai printing a whole element on failure can hang the page.
      expect(document.activeElement === el).to.equal(true, 'Tab moves focus into the element');
      const inner = el.shadowRoot!.activeElement as HTMLElement;
      expect(inner.getAttribute('aria-label') ?? inner.textContent?.trim()).to.be.a('string').and.not.equal('');
      before.focus();
      el.focus();
      expect(document.activeElement === el).to.equal(true, 'focus() on the element focuses it');
      expect(el.shadowRoot!.activeElement === tool.keyTarget(el)).to.equal(true, 'focus() lands where the keys work');
      expect(tool.keyTarget(el).getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      before.remove();
    });

    it('fires events that bubble and are composed: they reach a host shadow root and the document', async () => {
      const el = await tool.mount([tool.good('a')]);
      const host = document.createElement('div');
      el.before(host);
      const root = host.attachShadow({ mode: 'open' });
      root.append(el);
      await tool.settle(el);
      const onHost = record(host, ['kolam-delete', 'kolam-change']);
      const onDocument = record(document, ['kolam-delete']);
      await focusKeys(tool, el);
      el.select('a');
      await el.updateComplete;
      const deleted = oneEvent(host, 'kolam-delete');
      await press(el, 'Delete');
      const event = await deleted;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.target === host).to.equal(true, 'retargeted to the host outside its shadow root');
      expect(onHost.map((s) => s.name)).to.deep.equal(['kolam-delete', 'kolam-change']);
      expect(onDocument).to.have.length(1);
      host.remove();
    });
  });
}
