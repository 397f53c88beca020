import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/box-tool.js';
import '../src/span-tagger.js';
import '../src/transcription-player.js';
import { confusionFrom, type Annotation, type Body, type KolamReviewDetail, type Label } from '../src/annotation.js';
import type { KolamBoxTool } from '../src/box-tool.js';
import type { KolamSpanTagger } from '../src/span-tagger.js';
import type { KolamTranscriptionPlayer } from '../src/transcription-player.js';

/**
 * Correcting a model: every tool takes the same keys. N goes to the most confused suggestion,
 * Enter (or A) accepts, X rejects, a label key relabels — and the next one is selected at once.
 * Each decision fires `kolam-review`; the table under each story is `confusionFrom(events)`.
 */
const meta: Meta = { title: 'Review a model' };
export default meta;
type Story = StoryObj;

const MODEL = { id: 'detector-v4', type: 'Software', name: 'Detector v4' };
const underTestRunner = new URLSearchParams(location.search).has('wtr-session-id');
const media = (name: string) => `${underTestRunner ? '/test/fixtures' : '/fixtures'}/generated/${name}`;

/** A tagging body, or a Choice of the model's top-k, best first. */
function modelBody(choices: Array<[string, number]>): Body {
  if (choices.length === 1) return { type: 'TextualBody', purpose: 'tagging', value: choices[0][0], score: choices[0][1] };
  return { type: 'Choice', items: choices.map(([value, score]) => ({ type: 'TextualBody', purpose: 'tagging', value, score })) };
}

function suggestion(id: string, selector: Annotation['target']['selector'], choices: Array<[string, number]>, extra: Body[] = [], motivation = 'tagging'): Annotation {
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation', motivation, creator: MODEL, body: [...extra, modelBody(choices)], target: { source: 'item-1', selector } };
}

/** The confusion table a host builds from the events it stored (model label → final label). */
function confusionTable(events: KolamReviewDetail[]) {
  const matrix = confusionFrom(events);
  const rows = Object.entries(matrix);
  return html`<table aria-label="Model label against the annotator's decision" style="margin-top:8px;border-collapse:collapse;font:13px system-ui">
    <thead><tr><th scope="col">model said</th><th scope="col">annotator decided</th></tr></thead>
    <tbody>
      ${rows.length === 0
        ? html`<tr><td colspan="2">No decisions yet: press N, then Enter, X or a label key.</td></tr>`
        : rows.map(([model, finals]) => html`<tr><th scope="row">${model}</th><td>${Object.entries(finals).map(([final, n]) => `${final} × ${n}`).join(', ')}</td></tr>`)}
    </tbody>
  </table>`;
}

/** Renders a tool with a live confusion table fed by its kolam-review events. */
function withConfusion(tool: () => unknown) {
  const root = document.createElement('div');
  const events: KolamReviewDetail[] = [];
  const table = document.createElement('div');
  const draw = () => render(confusionTable(events), table);
  render(tool(), root);
  root.append(table);
  root.addEventListener('kolam-review', (e) => {
    events.push((e as CustomEvent<KolamReviewDetail>).detail);
    draw();
  });
  draw();
  return root;
}

/** Reviews every pending suggestion by keys only, checking one kolam-review per key. */
async function reviewAllByKeys(el: HTMLElement & { reviewState: { pending: number } }, keys: string[]): Promise<KolamReviewDetail[]> {
  const seen: KolamReviewDetail[] = [];
  el.addEventListener('kolam-review', (e) => seen.push((e as CustomEvent<KolamReviewDetail>).detail));
  await userEvent.keyboard('n');
  for (const [i, key] of keys.entries()) {
    await userEvent.keyboard(key);
    await waitFor(() => expect(seen).toHaveLength(i + 1));
  }
  await expect(el.reviewState.pending).toBe(0);
  return seen;
}

const OBJECTS: Label[] = [
  { id: 'car', name: 'Car', color: '#0072b2' },
  { id: 'truck', name: 'Truck', color: '#e69f00' },
  { id: 'person', name: 'Person', color: '#009e73' },
];
const box = (x: number, y: number, w: number, h: number) => ({ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${x},${y},${w},${h}` }) as const;
const street = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="440" fill="#aac8f5"/><rect y="440" width="1200" height="360" fill="#2b2f33"/><rect x="120" y="380" width="260" height="140" fill="#c83c32"/><rect x="520" y="320" width="380" height="220" fill="#9696a0"/><rect x="980" y="330" width="60" height="180" fill="#46965a"/></svg>')}`;
const BOXES = [
  suggestion('car-1', box(120, 380, 260, 140), [['car', 0.92], ['truck', 0.06]]),
  suggestion('truck-1', box(520, 320, 380, 220), [['car', 0.51], ['truck', 0.46]]),
  suggestion('person-1', box(980, 330, 60, 180), [['person', 0.88]]),
];

/**
 * A detector's boxes, car and truck confused. Dashed outlines and "model" marks tell suggestions
 * apart without colour; the bar shows progress and the selected box's alternatives with keys.
 */
export const ReviewModelBoxes: Story = {
  name: "Review a model's boxes",
  render: () =>
    withConfusion(() => html`<kolam-box-tool style="height:420px" src=${street} source="item-1" .labels=${OBJECTS} .annotator=${{ id: 'worker-17', name: 'Kumar' }} .annotations=${BOXES}></kolam-box-tool>`),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<KolamBoxTool>('kolam-box-tool')!;
    await waitFor(() => expect(el.imageSize).not.toBeNull());
    el.focus();
    // The truck (most confused) first: relabel it with 2; then accept the car; reject the person.
    const seen = await reviewAllByKeys(el, ['2', '{Enter}', 'x']);
    await expect(seen.map((d) => d.decision)).toEqual(['relabel', 'accept', 'reject']);
    await expect(confusionFrom(seen)).toEqual({ car: { truck: 1, car: 1 }, person: { '(rejected)': 1 } });
  },
};

const ENTITIES: Label[] = [
  { id: 'person', name: 'Person', color: '#0072b2' },
  { id: 'place', name: 'Place', color: '#e69f00' },
  { id: 'org', name: 'Organisation', color: '#009e73' },
];
const NEWS = 'Priya Raman flew from Chennai to meet Washington Analytics in Washington.';
const span = (exact: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = NEWS.indexOf(exact, at + 1);
  return [{ type: 'TextPositionSelector', start: at, end: at + exact.length }, { type: 'TextQuoteSelector', exact }] as Annotation['target']['selector'];
};
const SPANS = [
  suggestion('priya', span('Priya Raman'), [['person', 0.97]]),
  suggestion('chennai', span('Chennai'), [['place', 0.9], ['org', 0.05]]),
  suggestion('wa', span('Washington Analytics'), [['place', 0.48], ['org', 0.45]]),
  suggestion('washington', span('Washington', 1), [['place', 0.7], ['person', 0.2]]),
];

/** A tagger's entities, where a company named after a city is the confusion to catch. */
export const ReviewModelEntities: Story = {
  name: "Review a model's entities",
  render: () =>
    withConfusion(() => html`<kolam-span-tagger source="item-1" .labels=${ENTITIES} .text=${NEWS} .annotator=${{ id: 'worker-17', name: 'Kumar' }} .annotations=${SPANS}></kolam-span-tagger>`),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<KolamSpanTagger>('kolam-span-tagger')!;
    await el.updateComplete;
    el.focus();
    // Most confused first: Washington Analytics is an organisation (3); the rest are right.
    const seen = await reviewAllByKeys(el, ['3', '{Enter}', '{Enter}', 'a']);
    await expect(seen[0]).toMatchObject({ decision: 'relabel', suggestion: { id: 'wa' } });
    await expect(seen.filter((d) => d.decision === 'accept')).toHaveLength(3);
  },
};

const SPEAKERS: Label[] = [
  { id: 'ana', name: 'Ana', color: '#0072b2' },
  { id: 'bala', name: 'Bala', color: '#e69f00' },
];
const t = (start: number, end: number) => ({ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `t=${start},${end}` }) as const;
const transcript = (value: string): Body => ({ type: 'TextualBody', value, format: 'text/plain', language: 'en' });
const ASR = [
  suggestion('s1', t(0.3, 3.2), [['ana', 0.93], ['bala', 0.07]], [transcript('Kolam helps teams label speech.')], 'supplementing'),
  suggestion('s2', t(3.7, 7.5), [['bala', 0.55], ['ana', 0.45]], [transcript('Transcribers correct speech recognition all day.')], 'supplementing'),
];

/** An ASR draft with per-segment speaker scores: hatched, marked "Model", reviewed by keys. */
export const ReviewModelSegments: Story = {
  name: "Review a model's segments",
  render: () =>
    withConfusion(
      () => html`<kolam-transcription-player src=${media('speech.wav')} language="en" .labels=${SPEAKERS} .annotator=${{ id: 'worker-17', name: 'Kumar' }} .annotations=${ASR}></kolam-transcription-player>`,
    ),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<KolamTranscriptionPlayer>('kolam-transcription-player')!;
    await waitFor(() => expect(el.duration).toBeGreaterThan(0), { timeout: 5000 });
    el.focus();
    // The closer call (s2) first: it was Ana (1); then s1 is right.
    const seen = await reviewAllByKeys(el, ['1', '{Enter}']);
    await expect(seen.map((d) => [d.suggestion.id, d.decision])).toEqual([
      ['s2', 'relabel'],
      ['s1', 'accept'],
    ]);
  },
};
