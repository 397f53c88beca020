/**
 * Making and changing segments (CONTRACT §2): a new one, a transcript or range replaced, an edge
 * moved within its neighbours, a split at the playhead, a merge. Pure helpers, no DOM; only editing
 * uses them, so they load with the editing code (player-editing.ts), not the first screen.
 */
import { createAnnotation, timestamp, type Annotation, type Annotator, type TextualBody } from '../core/annotation.js';
import { timeSelector, type TimeRange } from '../core/selectors.js';
import { isTranscript, rangeOf, transcriptOf } from './segments.js';

/** Shortest segment a drag, split or edge move may leave, in seconds. */
export const MIN_SEGMENT = 0.05;

export function transcriptBody(text: string, language?: string): TextualBody {
  return { type: 'TextualBody', value: text, format: 'text/plain', ...(language ? { language } : {}) };
}

/** A copy with the transcript set to `text` (its language kept), `modified` now. */
export function withTranscript(annotation: Annotation, text: string, language?: string): Annotation {
  const current = annotation.body.find(isTranscript);
  const body = current
    ? annotation.body.map((b) => (b === current ? { ...current, value: text, format: current.format ?? 'text/plain' } : b))
    : [transcriptBody(text, language), ...annotation.body];
  return { ...annotation, modified: timestamp(), body };
}

/** A copy with a new time range, `modified` now. */
export function withRange(annotation: Annotation, range: TimeRange): Annotation {
  return { ...annotation, modified: timestamp(), target: { ...annotation.target, selector: timeSelector(range) } };
}

export interface NewSegment {
  source: string;
  range: TimeRange;
  labelId?: string | undefined;
  annotator?: Annotator | undefined;
  text?: string;
  language?: string | undefined;
}

export function createSegment(init: NewSegment): Annotation {
  return createAnnotation({
    source: init.source,
    selector: timeSelector(init.range),
    labelId: init.labelId,
    annotator: init.annotator,
    motivation: 'supplementing',
    bodies: [transcriptBody(init.text ?? '', init.language)],
  });
}

/**
 * Where a dragged edge may go: never past the other edge (no inverted or empty segment), never over
 * a neighbour (our overlap policy: edges stop at the next segment), never outside the media.
 */
export function clampEdge(
  sorted: readonly Annotation[],
  segment: Annotation,
  edge: 'start' | 'end',
  time: number,
  duration: number,
): TimeRange {
  const { start, end } = rangeOf(segment);
  if (edge === 'start') {
    const floor = neighbourEnd(sorted, segment, start);
    return { start: Math.min(end - MIN_SEGMENT, Math.max(floor, time)), end };
  }
  const ceiling = neighbourStart(sorted, segment, end, duration);
  return { start, end: Math.max(start + MIN_SEGMENT, Math.min(ceiling, time)) };
}

/** The end of the nearest segment ending at or before `start` (0 if none). */
function neighbourEnd(sorted: readonly Annotation[], self: Annotation, start: number): number {
  let floor = 0;
  for (const other of sorted) {
    if (other === self) continue;
    const r = rangeOf(other);
    if (r.end <= start + 1e-9 && r.end > floor) floor = r.end;
  }
  return floor;
}

/** The start of the nearest segment starting at or after `end` (the duration if none). */
function neighbourStart(sorted: readonly Annotation[], self: Annotation, end: number, duration: number): number {
  let ceiling = Number.isFinite(duration) && duration > 0 ? duration : Infinity;
  for (const other of sorted) {
    if (other === self) continue;
    const r = rangeOf(other);
    if (r.start >= end - 1e-9 && r.start < ceiling) ceiling = r.start;
  }
  return ceiling;
}

/** The free gap around `time` between segments (a new segment drawn from there stays inside it). */
export function gapAround(sorted: readonly Annotation[], time: number, duration: number): TimeRange {
  let start = 0;
  let end = Number.isFinite(duration) && duration > 0 ? duration : Infinity;
  for (const other of sorted) {
    const r = rangeOf(other);
    if (r.end <= time && r.end > start) start = r.end;
    if (r.start >= time && r.start < end) end = r.start;
  }
  return { start, end };
}

/**
 * Splits a segment at `time`, its text at code unit `caret` (whitespace at the cut trimmed).
 * Returns the shortened original and the new second half, or null if either would be too short.
 */
export function splitSegment(
  segment: Annotation,
  time: number,
  caret: number,
  make: (range: TimeRange, text: string) => Annotation,
): [Annotation, Annotation] | null {
  const { start, end } = rangeOf(segment);
  if (time - start < MIN_SEGMENT || end - time < MIN_SEGMENT) return null;
  const text = transcriptOf(segment);
  const cut = Math.max(0, Math.min(caret, text.length));
  const first = withRange(withTranscript(segment, text.slice(0, cut).trimEnd()), { start, end: time });
  return [first, make({ start: time, end }, text.slice(cut).trimStart())];
}

/** `first` widened to cover `second`, texts joined by a space; the caller deletes `second`. */
export function mergeSegments(first: Annotation, second: Annotation): Annotation {
  const a = rangeOf(first);
  const b = rangeOf(second);
  const texts = [transcriptOf(first), transcriptOf(second)].filter((t) => t.trim() !== '');
  return withRange(withTranscript(first, texts.join(' ')), { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
}

