/**
 * Shared by the text formats: reading an annotation's span against the document it belongs to, and
 * turning a file's offsets (code points by default, which is what Python counts) into ours.
 */
import type { Annotation } from '../../core/annotation.js';
import { CodePointIndex } from '../../core/code-points.js';
import { quoteOf, textRangeOf, textSelectors } from '../../core/selectors.js';
import { labelIdOf, skip, type ExportOptions } from './common.js';
import { fail } from './errors.js';

/**
 * How a file counts offsets. `code-points` (default): Python's `str` indices, used by spaCy,
 * doccano and current Label Studio. `utf16`: JavaScript string indices, as older Label Studio
 * exports wrote them for text with emoji.
 */
export type Offsets = 'code-points' | 'utf16';

/** A text and the source IRI its spans point at. */
export interface TextDocument {
  source: string;
  text: string;
}

export interface Span {
  start: number;
  end: number;
  labelId: string;
}

/**
 * An annotation's span in code points, checked against the text: whole numbers inside it, and the
 * quote (when there is one) equal to the text there. Otherwise reported as something the format
 * cannot hold, and null.
 */
export function spanOrSkip(format: string, options: ExportOptions, annotation: Annotation, index: CodePointIndex): Span | null {
  const range = textRangeOf(annotation);
  const labelId = labelIdOf(annotation);
  let why: string | null = null;
  if (!range) why = 'has no TextPositionSelector';
  else if (!Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 0 || range.end <= range.start)
    why = `has an invalid text position ${range.start}–${range.end}`;
  else if (range.end > index.length) why = `ends at ${range.end}, past the text's ${index.length} code points`;
  else if (labelId === undefined) why = 'has no label';
  else {
    const exact = quoteOf(annotation)?.exact;
    if (exact !== undefined && index.slice(range.start, range.end) !== exact)
      why = `quotes ${JSON.stringify(exact)} but the text there is ${JSON.stringify(index.slice(range.start, range.end))} (re-anchor it first)`;
  }
  if (why !== null) {
    skip(format, options, annotation, why);
    return null;
  }
  return { start: range!.start, end: range!.end, labelId: labelId! };
}

/**
 * Converts a file's [start, end) to code points and checks it lies in the text. `where` names the
 * entity for the error.
 */
export function readOffsets(format: string, index: CodePointIndex, start: unknown, end: unknown, offsets: Offsets, where: string): { start: number; end: number } {
  if (!Number.isInteger(start) || !Number.isInteger(end))
    fail(format, where, `offsets should be whole numbers, found ${JSON.stringify(start)}, ${JSON.stringify(end)}`);
  let s = start as number;
  let e = end as number;
  const limit = offsets === 'utf16' ? index.text.length : index.length;
  if (s < 0 || e <= s || e > limit) fail(format, where, `span ${s}–${e} is empty, inverted or outside the text (${limit} ${offsets === 'utf16' ? 'UTF-16 units' : 'code points'})`);
  if (offsets === 'utf16') {
    s = index.toCodePoint(s);
    e = index.toCodePoint(e);
  }
  return { start: s, end: e };
}

/** Writes code points [start, end) in the file's counting. */
export function writeOffsets(index: CodePointIndex, span: { start: number; end: number }, offsets: Offsets): [number, number] {
  return offsets === 'utf16' ? [index.toIndex(span.start), index.toIndex(span.end)] : [span.start, span.end];
}

/** The selectors we write for an imported span. */
export function spanSelectors(index: CodePointIndex, start: number, end: number) {
  return textSelectors(index, { start, end });
}

/** Annotations ordered by span start (then longer first), for formats written in text order. */
export function byStart<T extends { start: number; end: number }>(a: T, b: T): number {
  return a.start - b.start || b.end - a.end;
}

export { CodePointIndex };
