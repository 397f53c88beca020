/**
 * Segment annotations (CONTRACT §2): a `t=START,END` selector, `motivation: supplementing`, a
 * plain-text transcript body (optional language) beside any tagging body (the speaker). Pure helpers
 * to read and place them; no DOM. Making and changing them is segment-edits.ts.
 */
import type { Annotation, TextualBody } from '../core/annotation.js';
import { timeRangeOf, type TimeRange } from '../core/selectors.js';

const ranges = new WeakMap<Annotation, TimeRange>();

/** The segment's time range, cached per annotation object (annotations are replaced, never mutated). */
export function rangeOf(annotation: Annotation): TimeRange {
  let range = ranges.get(annotation);
  if (!range) {
    range = timeRangeOf(annotation) ?? { start: 0, end: 0 };
    ranges.set(annotation, range);
  }
  return range;
}

export function isTranscript(body: Annotation['body'][number]): body is TextualBody {
  return body.type === 'TextualBody' && body.purpose !== 'tagging' && body.purpose !== 'classifying';
}

/** The transcript text ('' when the segment has none yet). */
export function transcriptOf(annotation: Annotation): string {
  const body = annotation.body.find(isTranscript);
  return typeof body?.value === 'string' ? body.value : '';
}

/** The transcript's language tag, if it has one. */
export function languageOf(annotation: Annotation): string | undefined {
  return annotation.body.find(isTranscript)?.language;
}

/** Segments in time order (start, then end); the list and Tab order follow it. */
export function byTime(segments: readonly Annotation[]): Annotation[] {
  return [...segments].sort((a, b) => rangeOf(a).start - rangeOf(b).start || rangeOf(a).end - rangeOf(b).end);
}

/** The segment playing at `time`: the latest-starting one that contains it. */
export function segmentAt(sorted: readonly Annotation[], time: number): Annotation | undefined {
  let found: Annotation | undefined;
  for (const segment of sorted) {
    const { start, end } = rangeOf(segment);
    if (start > time) break;
    if (time < end) found = segment;
  }
  return found;
}

/** Time-sorted segments joined wherever the gap between them is under `gap` seconds. */
export function coverageRuns(sorted: readonly Annotation[], gap: number): TimeRange[] {
  const runs: TimeRange[] = [];
  for (const segment of sorted) {
    const { start, end } = rangeOf(segment);
    const last = runs[runs.length - 1];
    if (last && start - last.end < gap) last.end = Math.max(last.end, end);
    else runs.push({ start, end });
  }
  return runs;
}

/** The first index in `sorted` whose start is at or after `time` (binary search). */
function firstStartingAt(sorted: readonly Annotation[], time: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rangeOf(sorted[mid]).start < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Segments overlapping [from, to] in a time-sorted list, found by binary search: only those
 * starting within `longest` seconds before `from` can reach into the range.
 */
export function segmentsBetween(sorted: readonly Annotation[], from: number, to: number, longest: number): Annotation[] {
  const out: Annotation[] = [];
  for (let i = firstStartingAt(sorted, from - longest); i < sorted.length; i++) {
    const { start, end } = rangeOf(sorted[i]);
    if (start > to) break;
    if (end >= from) out.push(sorted[i]);
  }
  return out;
}
