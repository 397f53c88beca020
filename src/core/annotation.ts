/**
 * The W3C Web Annotation shapes every Kolam tool reads and emits (CONTRACT §2), and pure helpers
 * to make and change them. Nothing here touches the DOM.
 */

import { toPlain } from './plain-data.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';

export interface Agent {
  id: string;
  type: 'Person' | 'Software' | string;
  name?: string;
}

/** A label the annotator can pick. `hotkey` is a single key, e.g. `"p"`. */
export interface Label {
  id: string;
  name?: string;
  color?: string;
  hotkey?: string;
}

/** The person at the keyboard; becomes `creator` (type Person) of what they make. */
export interface Annotator {
  id: string;
  name?: string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose?: 'tagging' | 'commenting' | 'describing' | 'classifying' | 'supplementing' | string;
  format?: string;
  language?: string;
  /** A model's confidence, 0–1, on a suggestion's tagging body. */
  score?: number;
  creator?: Agent;
  [extra: string]: unknown;
}

/** A model's top-k: tagging bodies ordered best first, each with a `score`. */
export interface ChoiceBody {
  type: 'Choice';
  items: TextualBody[];
  [extra: string]: unknown;
}

export type Body = TextualBody | ChoiceBody;

export interface FragmentSelector {
  type: 'FragmentSelector';
  conformsTo: typeof MEDIA_FRAGMENTS | string;
  value: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Unicode code points from the start of the text. */
  start: number;
  /** Exclusive, in code points. */
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type Selector = FragmentSelector | TextPositionSelector | TextQuoteSelector;

export interface Target {
  source: string;
  selector: Selector | Selector[];
  [extra: string]: unknown;
}

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT | string | unknown[];
  id: string;
  type: 'Annotation';
  motivation?: 'tagging' | 'supplementing' | string;
  created?: string;
  modified?: string;
  creator?: Agent;
  /** Where a suggestion came from, kept when an annotator accepts it (provenance). */
  generator?: Agent;
  body: Body[];
  target: Target;
  [extra: string]: unknown;
}

/** A new `urn:uuid:` id. Ids are assigned once, at creation, and never change. */
export function newId(): string {
  const uuid =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : // randomUUID needs a secure context; getRandomValues does not.
        '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
          (Number(c) ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (Number(c) / 4)))).toString(16),
        );
  return `urn:uuid:${uuid}`;
}

/** An ISO 8601 timestamp in UTC. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString();
}

export function personOf(annotator: Annotator | undefined): Agent | undefined {
  return annotator ? { id: annotator.id, type: 'Person', ...(annotator.name ? { name: annotator.name } : {}) } : undefined;
}

export function taggingBody(labelId: string): TextualBody {
  return { type: 'TextualBody', purpose: 'tagging', value: labelId };
}

export interface NewAnnotation {
  source: string;
  selector: Selector | Selector[];
  /** The label given to it (a tagging body); omitted when there is none. */
  labelId?: string | undefined;
  annotator?: Annotator | undefined;
  motivation?: string;
  /** Bodies beside the tagging one, e.g. a transcript. */
  bodies?: Body[];
}

/** Makes an annotation the user just created: new id, `created` = `modified` = now. */
export function createAnnotation(init: NewAnnotation): Annotation {
  const now = timestamp();
  const creator = personOf(init.annotator);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: newId(),
    type: 'Annotation',
    motivation: init.motivation ?? 'tagging',
    created: now,
    modified: now,
    ...(creator ? { creator } : {}),
    body: [...(init.bodies ?? []), ...(init.labelId ? [taggingBody(init.labelId)] : [])],
    target: { source: init.source, selector: init.selector },
  };
}

function isTagging(body: Body): boolean {
  return body.type === 'Choice' || body.purpose === 'tagging' || body.purpose === 'classifying';
}

/** The label id an annotation is tagged with: its tagging body, or a Choice's best item. */
export function labelIdOf(annotation: Annotation): string | undefined {
  const body = annotation.body?.find(isTagging);
  if (!body) return undefined;
  if (body.type === 'Choice') return body.items[0]?.value;
  return body.value;
}

/** A copy with the tagging body set to `labelId` (a Choice collapses to it), `modified` now. */
export function withLabel(annotation: Annotation, labelId: string): Annotation {
  const others = annotation.body.filter((b) => !isTagging(b));
  return { ...annotation, modified: timestamp(), body: [...others, taggingBody(labelId)] };
}

/** A copy with a new target selector and `modified` now. */
export function withSelector(annotation: Annotation, selector: Selector | Selector[]): Annotation {
  return { ...annotation, modified: timestamp(), target: { ...annotation.target, selector } };
}

/** A model suggestion is an annotation made by software (CONTRACT §2). */
export function isSuggestion(annotation: Annotation): boolean {
  return annotation.creator?.type === 'Software';
}

/** A suggestion's confidence: its tagging body's score, or a Choice's best item's; else undefined. */
export function scoreOf(annotation: Annotation): number | undefined {
  const body = annotation.body?.find(isTagging);
  if (!body) return undefined;
  const score = body.type === 'Choice' ? body.items[0]?.score : body.score;
  return typeof score === 'number' ? score : undefined;
}

/**
 * Accepting makes a suggestion the annotator's own: `creator` becomes the annotator, the model moves
 * to `generator` so provenance is kept, and a Choice collapses to the picked (default: best) item,
 * whose score stays on the body.
 */
export function acceptSuggestion(annotation: Annotation, annotator: Annotator | undefined, labelId?: string): Annotation {
  const bodies = annotation.body.map((body): Body => {
    if (body.type !== 'Choice') return body;
    const picked = body.items.find((item) => item.value === labelId) ?? body.items[0];
    return { ...picked, purpose: 'tagging' };
  });
  const { creator: model, ...rest } = annotation;
  const person = personOf(annotator);
  return {
    ...rest,
    ...(person ? { creator: person } : {}),
    generator: annotation.generator ?? model,
    modified: timestamp(),
    body: labelId ? withLabel({ ...annotation, body: bodies }, labelId).body : bodies,
  };
}

/**
 * Deep copy for event details and getters: a host mutating it never changes our state. What we
 * hold is plain data (see `toPlain`), which `structuredClone` copies fastest; a host value that
 * slipped through (a Proxy, a function) is read as plain data instead of throwing.
 */
export function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return toPlain(value);
  }
}

/** The first selector of the given type on an annotation's target. */
export function selectorOfType<T extends Selector['type']>(
  annotation: Annotation,
  type: T,
): Extract<Selector, { type: T }> | undefined {
  const selector = annotation.target?.selector;
  const list = Array.isArray(selector) ? selector : [selector];
  return list.find((s) => s?.type === type) as Extract<Selector, { type: T }> | undefined;
}
