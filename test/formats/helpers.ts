// Builders for our annotations and a view of them without what no format holds (ids, times,
// creators), so round-trip tests compare what matters: where, what label, what text, which model.
import { expect } from '@open-wc/testing';
import { createAnnotation, type Annotation } from '../../src/core/annotation.js';
import { boxSelector, textSelectors, timeSelector, type Rect } from '../../src/core/selectors.js';
import { FormatError } from '../../src/formats/lib/errors.js';

const annotator = { id: 'worker-17', name: 'Kumar' };

export function box(source: string, rect: Rect, labelId: string): Annotation {
  return createAnnotation({ source, selector: boxSelector(rect), labelId, annotator });
}

export function span(source: string, text: string, start: number, end: number, labelId: string): Annotation {
  return createAnnotation({ source, selector: textSelectors(text, { start, end }), labelId, annotator });
}

export function segment(source: string, start: number, end: number, transcript: string, speaker?: string, language?: string): Annotation {
  return createAnnotation({
    source,
    selector: timeSelector({ start, end }),
    motivation: 'supplementing',
    labelId: speaker,
    annotator,
    bodies: [{ type: 'TextualBody', value: transcript, format: 'text/plain', ...(language ? { language } : {}) }],
  });
}

/** A model's suggestion with a score (CONTRACT §2). */
export function suggestion(annotation: Annotation, model: string, score: number): Annotation {
  return {
    ...annotation,
    creator: { id: model, type: 'Software' },
    body: annotation.body.map((b) => (b.type === 'TextualBody' && b.purpose === 'tagging' ? { ...b, score } : b)),
  };
}

/** What a format can hold of an annotation: source, selector(s), bodies, motivation, suggestion model. */
export function essence(a: Annotation) {
  return {
    source: a.target.source,
    selector: a.target.selector,
    motivation: a.motivation,
    body: a.body,
    ...(a.creator?.type === 'Software' ? { model: a.creator.id } : {}),
  };
}

/** Sorted essences, so order differences (formats write in position/time order) don't matter. */
export function essences(list: readonly Annotation[]) {
  return list.map(essence).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Runs `read` and expects a FormatError whose message contains every fragment. */
export function expectFormatError(read: () => unknown, ...fragments: string[]): FormatError {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a FormatError').to.be.instanceOf(FormatError);
  for (const fragment of fragments) expect((caught as Error).message).to.include(fragment);
  return caught as FormatError;
}

/** Loads a fixture from test/fixtures/formats. */
export async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`../fixtures/formats/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return response.text();
}
