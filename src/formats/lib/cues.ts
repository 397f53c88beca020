/**
 * Shared by the subtitle formats (WebVTT, SRT): clock times, and reading a segment annotation as a
 * cue (time range, transcript, language, speaker label).
 */
import type { Annotation } from '../../core/annotation.js';
import { timeRangeOf, timeSelector } from '../../core/selectors.js';
import { importAnnotation, labelIdOf, skip, transcriptBody, transcriptBodyOf, type ExportOptions, type ImportOptions } from './common.js';

/** `hh:mm:ss.mmm` (WebVTT, separator `.`) or `hh:mm:ss,mmm` (SRT, `,`), hours at least two digits. */
export function formatClock(seconds: number, separator: '.' | ','): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}

export interface Cue {
  annotation: Annotation;
  start: number;
  end: number;
  text: string;
  language?: string | undefined;
  speaker?: string | undefined;
}

/**
 * The annotations as cues in time order; those without a valid time range are skipped. Zero-length
 * ranges are valid here: subtitle files hold them, and importing one must not lose it on export.
 */
export function cuesOf(format: string, annotations: readonly Annotation[], options: ExportOptions): Cue[] {
  const cues: Cue[] = [];
  for (const annotation of annotations) {
    const range = timeRangeOf(annotation);
    if (!range || !Number.isFinite(range.start) || !Number.isFinite(range.end) || range.start < 0 || range.end < range.start) {
      skip(format, options, annotation, 'has no time range (FragmentSelector "t=START,END" with START ≤ END)');
      continue;
    }
    const body = transcriptBodyOf(annotation);
    cues.push({ annotation, start: range.start, end: range.end, text: body?.value ?? '', language: body?.language, speaker: labelIdOf(annotation) });
  }
  // Stable: equal starts keep the caller's order.
  return cues.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A segment annotation for an imported cue (CONTRACT §2: motivation supplementing, transcript body). */
export function cueAnnotation(
  cue: {
    id?: string | undefined;
    source: string;
    start: number;
    end: number;
    /** Undefined: no transcript body (a region with only a speaker). */
    text?: string | undefined;
    language?: string | undefined;
    speaker?: string | undefined;
    score?: number | undefined;
    model?: string | undefined;
  },
  options: ImportOptions,
): Annotation {
  return importAnnotation(
    {
      id: cue.id,
      source: cue.source,
      selector: timeSelector({ start: cue.start, end: cue.end }),
      motivation: 'supplementing',
      bodies: cue.text === undefined ? [] : [transcriptBody(cue.text, cue.language)],
      labelId: cue.speaker,
      score: cue.score,
      model: cue.model,
    },
    options,
  );
}
