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
 */
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdFor, labelNameOf, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { cueAnnotation, cuesOf, formatClock } from './lib/cues.js';
import { fail, guard } from './lib/errors.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';

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

export interface SrtImport {
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

/** Reads a SubRip file. */
export function fromSrt(input: string, options: FromSrtOptions): SrtImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof input !== 'string') fail(FORMAT, 'input', `should be text, found ${typeof input}`);
    const lines = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).split(/\r\n|\r|\n/);
    const annotations: Annotation[] = [];
    let i = 0;
    while (i < lines.length) {
      if (lines[i].trim() === '') {
        i++;
        continue;
      }
      const number = lines[i].trim();
      if (!/^\d+$/.test(number)) fail(FORMAT, `line ${i + 1}`, `should be a sequence number, found ${JSON.stringify(number.slice(0, 30))}`);
      i++;
      const timing = lines[i] ?? '';
      const m = /^\s*(\S+)\s+-->\s+(\S+)(.*)$/.exec(timing);
      if (!m) fail(FORMAT, `line ${i + 1}`, `should be "hh:mm:ss,mmm --> hh:mm:ss,mmm" after block ${number}, found ${JSON.stringify(timing.slice(0, 40))}`);
      const start = parseTime(m[1]);
      const end = parseTime(m[2]);
      if (start === null) fail(FORMAT, `line ${i + 1}`, `start ${JSON.stringify(m[1])} is not hh:mm:ss,mmm`);
      if (end === null) fail(FORMAT, `line ${i + 1}`, `end ${JSON.stringify(m[2])} is not hh:mm:ss,mmm`);
      if (end <= start) fail(FORMAT, `line ${i + 1}`, `block ${number} ends (${m[2]}) before or when it starts (${m[1]})`);
      i++;
      const textLines: string[] = [];
      for (; i < lines.length && lines[i].trim() !== ''; i++) textLines.push(lines[i]);
      let text = stripTags(textLines.join('\n'));
      let speaker: string | undefined;
      const prefix = options.speakerPrefix ? /^([^:\n]{1,60}):[ \t]/.exec(text) : null;
      if (prefix) {
        speaker = labelIdFor(prefix[1].trim(), options.labels);
        text = text.slice(prefix[0].length);
      }
      annotations.push(cueAnnotation({ source: options.source, start, end, text, speaker }, options));
    }
    return { annotations };
  });
}
