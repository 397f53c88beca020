/**
 * SubRip (.srt): numbered blocks separated by blank lines — a sequence number, then
 * `hh:mm:ss,mmm --> hh:mm:ss,mmm` (comma before the milliseconds), then the text lines. Each
 * block becomes a segment annotation whose transcript is the text with SubRip's formatting tags
 * (`<i>`, `<b>`, `<u>`, `<s>`, `<font …>`) and ASS overrides (`{\an8}`) removed.
 *
 * SRT has no speaker field. With `speakerPrefix: true` we write the speaker label as `Name: ` at
 * the start of the text and read a leading `Name: ` back as the speaker (only then, since
 * transcripts contain colons too). Cannot hold: ids (blocks are renumbered 1…n in time order),
 * language, creators, timestamps, scores; SubRip's `X1: … Y2:` coordinates are not kept.
 * Zero-length cues are kept both ways (a player cannot show them; the import warns).
 */
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdFor, labelNameOf, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { cueAnnotation, cuesOf, formatClock } from './lib/cues.js';
import { fail, guard, lineWhere } from './lib/errors.js';
import { ImportLog, type ImportReport } from './lib/partial.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';

const FORMAT = 'srt';

export interface ToSrtOptions extends ExportOptions {
  /** Write the speaker label as a `Name: ` prefix. Default false. */
  speakerPrefix?: boolean;
  /** Speaker names for the prefix; default the label id. */
  labels?: readonly Label[];
}

export interface FromSrtOptions extends ImportOptions {
  /** `target.source` of the segments (the media URL). */
  source: string;
  /** Read a leading `Name: ` as the speaker label. Default false. */
  speakerPrefix?: boolean;
}

export interface SrtImport extends ImportReport {
  annotations: Annotation[];
}

/** Writes segment annotations as SubRip, numbered in time order. */
export function toSrt(annotations: readonly Annotation[], options: ToSrtOptions = {}): string {
  const blocks = cuesOf(FORMAT, annotations, options).map((cue, i) => {
    // A blank line would end the block: keep the text's lines but drop empty ones.
    let text = cue.text.replace(/\r\n?/g, '\n').replace(/\n(\s*\n)+/g, '\n').trim();
    if (options.speakerPrefix && cue.speaker !== undefined) text = `${labelNameOf(cue.speaker, options.labels)}: ${text}`;
    return `${i + 1}\n${formatClock(cue.start, ',')} --> ${formatClock(cue.end, ',')}\n${text}`;
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

const TIME = /^(\d+):([0-5]\d):([0-5]\d)[,.](\d{1,3})$/;

function parseTime(text: string): number | null {
  const m = TIME.exec(text);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4].padEnd(3, '0')) / 1000 : null;
}

const stripTags = (text: string) =>
  text.replace(/<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>/gi, '').replace(/\{\\[^}]*\}/g, '');

/**
 * Reads a SubRip file. A block that is not `number`, `start --> end`, text is skipped (listed in
 * `skipped` with its line and column; with `strict` it throws) and reading resumes at the next
 * blank line. Zero-length cues, which several tools write, are kept and listed in `warnings`.
 */
export function fromSrt(input: string, options: FromSrtOptions): SrtImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof input !== 'string') fail(FORMAT, 'input', `should be text, found ${typeof input}`);
    const lines = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).split(/\r\n|\r|\n/);
    const log = new ImportLog(FORMAT, options.strict);
    const annotations: Annotation[] = [];
    let i = 0;
    while (i < lines.length) {
      if (lines[i].trim() === '') {
        i++;
        continue;
      }
      const first = i;
      // A block runs to the next blank line, whether or not it reads.
      while (i < lines.length && lines[i].trim() !== '') i++;
      const annotation = log.item(() => readBlock(lines, first, i, options, log));
      if (annotation) annotations.push(annotation);
    }
    return { annotations, ...log.finish(annotations.length) };
  });
}

/** One block, lines [from, to): number, timing, text. */
function readBlock(lines: string[], from: number, to: number, options: FromSrtOptions, log: ImportLog): Annotation {
  const number = lines[from].trim();
  const column = (line: string, part: string) => line.indexOf(part) + 1;
  if (!/^\d+$/.test(number)) fail(FORMAT, lineWhere(from + 1, column(lines[from], number)), `should be a sequence number, found ${JSON.stringify(number.slice(0, 30))}`);
  const at = from + 1;
  const timing = at < to ? lines[at] : '';
  const where = lineWhere(at + 1);
  const m = /^\s*(\S+)\s+-->\s+(\S+)(.*)$/.exec(timing);
  if (!m) fail(FORMAT, where, `should be "hh:mm:ss,mmm --> hh:mm:ss,mmm" after block ${number}, found ${JSON.stringify(timing.slice(0, 40))}`);
  const start = parseTime(m[1]);
  const end = parseTime(m[2]);
  if (start === null) fail(FORMAT, lineWhere(at + 1, column(timing, m[1])), `start ${JSON.stringify(m[1])} is not hh:mm:ss,mmm`);
  if (end === null) fail(FORMAT, lineWhere(at + 1, timing.indexOf(m[2], timing.indexOf('-->')) + 1), `end ${JSON.stringify(m[2])} is not hh:mm:ss,mmm`);
  if (end < start) fail(FORMAT, where, `block ${number} ends (${m[2]}) before it starts (${m[1]})`);
  if (end === start) log.warn(where, `block ${number} is zero-length (${m[1]} --> ${m[2]}): kept, but a player cannot show it`);
  let text = stripTags(lines.slice(at + 1, to).join('\n'));
  let speaker: string | undefined;
  const prefix = options.speakerPrefix ? /^([^:\n]{1,60}):[ \t]/.exec(text) : null;
  if (prefix) {
    speaker = labelIdFor(prefix[1].trim(), options.labels);
    text = text.slice(prefix[0].length);
  }
  return cueAnnotation({ source: options.source, start, end, text, speaker }, options);
}
