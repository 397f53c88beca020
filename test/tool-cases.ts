/**
 * The three tools as the cross-tool tests see them: how to show each, a good annotation, some bad
 * ones, and how a user makes one by real input. Shared by the contract and host tests.
 */
import { waitUntil, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { KolamEventName } from '../src/core/events.js';
import type { Annotation } from '../src/core/annotation.js';
import type { KolamBoxTool } from '../src/box-tool.js';
import type { KolamSpanTagger } from '../src/span-tagger.js';
import type { KolamTranscriptionPlayer } from '../src/transcription-player.js';
import { LABELS as BOX_LABELS, box, drag as boxDrag, imageSettled, mount as mountBox, viewport } from './box-tool/helpers.js';
import '../src/span-tagger.js';
import { LABELS as SPAN_LABELS, drag as spanDrag, pointOf, spanAnnotation } from './span-tagger/helpers.js';
import { mediaOf, pointAt, segment, speechPlayer, waveformOf } from './transcription-player/helpers.js';

export type Tool = KolamBoxTool | KolamSpanTagger | KolamTranscriptionPlayer;

export const ANNOTATOR = { id: 'worker-17', name: 'Kumar' };
export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
export const tagOf = (a: Annotation) => a.body.find((b) => 'purpose' in b && b.purpose === 'tagging') as { value: string } | undefined;
export const clone = <T>(value: T): T => structuredClone(value);
/** The same annotation for the same id, every time (timestamps included). */
function memo(make: (id: string) => Annotation): (id: string) => Annotation {
  const made = new Map<string, Annotation>();
  return (id) => clone(made.get(id) ?? made.set(id, make(id)).get(id)!);
}

export interface ToolCase {
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

export const boxTool: ToolCase = {
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
export const spanTagger: ToolCase = {
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

export const transcriptionPlayer: ToolCase = {
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


export const EDITS: KolamEventName[] = ['kolam-create', 'kolam-update', 'kolam-delete', 'kolam-change'];

/** Records every Kolam event the element fires, by name, in order. */
export function record(target: EventTarget, names: KolamEventName[] = [...EDITS, 'kolam-select', 'kolam-error']) {
  const seen: { name: string; detail: unknown }[] = [];
  for (const name of names) target.addEventListener(name, (e) => seen.push({ name, detail: (e as CustomEvent).detail }));
  return seen;
}

export async function focusKeys(tool: ToolCase, el: Tool): Promise<void> {
  tool.keyTarget(el).focus();
  await el.updateComplete;
}

export async function press(el: Tool, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

export const TOOLS = [boxTool, spanTagger, transcriptionPlayer];

const selections = new WeakMap<EventTarget, string | null>();
document.addEventListener('kolam-select', (e) => selections.set(e.target!, (e as CustomEvent<{ annotation: Annotation | null }>).detail.annotation?.id ?? null));
/** The selected annotation's id as a host hears it: the last `kolam-select` (none yet: null). */
export const selectedId = (el: Tool): string | null => selections.get(el) ?? null;
