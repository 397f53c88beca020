/**
 * WebVTT (https://www.w3.org/TR/webvtt1/): the header, then blocks separated by blank lines:
 * cues (optional identifier, `start --> end settings`, payload), `NOTE` comments, `STYLE` and
 * `REGION` blocks. A cue becomes a segment annotation: its payload with the markup removed is the
 * transcript, a leading `<lang xx>` its language, and the first voice `<v Speaker>` its speaker
 * label (matched to `labels` by id or name). We write our annotation id as the cue identifier, so
 * ids survive a round trip; a file's own identifier becomes the id when it is a URI (has a `:`),
 * and is otherwise kept in `cues` with the cue settings.
 *
 * Cannot hold: creators, timestamps, scores, label colours. Lost from a file: styling markup inside
 * cues (`<i>`, `<b>`, `<c.class>`, `<ruby>`, inline timestamps) and any voices after the first in
 * a cue; a transcript's blank lines (they would end the cue) are written as single line breaks.
 */
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdFor, labelNameOf, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { cueAnnotation, cuesOf, formatClock } from './lib/cues.js';
import { fail, guard } from './lib/errors.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';

const FORMAT = 'webvtt';

/** What a file holds per cue beside the annotation: its own identifier and cue settings. */
export interface WebVttCueExtras {
  identifier?: string;
  /** e.g. `"line:0 position:20% align:start"`. */
  settings?: string;
}

export interface WebVttExtras {
  /** What follows the `WEBVTT` signature up to the first blank line, as is (e.g. `" - Talk\nKind: captions"`). */
  header?: string;
  /** Contents of `STYLE` blocks (CSS). */
  styles?: string[];
  /** Contents of `REGION` blocks. */
  regions?: string[];
  /** Texts of `NOTE` blocks (written after the header). */
  notes?: string[];
  /** Per annotation id. */
  cues?: Record<string, WebVttCueExtras>;
}

export interface ToWebVttOptions extends ExportOptions, WebVttExtras {
  /** Speaker label names for voice tags; default the label id. */
  labels?: readonly Label[];
}

export interface FromWebVttOptions extends ImportOptions {
  /** `target.source` of the segments (the media URL). */
  source: string;
}

export interface WebVttImport extends Required<WebVttExtras> {
  annotations: Annotation[];
}

const escapeCueText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes segment annotations as a WebVTT file, cues in time order. */
export function toWebVtt(annotations: readonly Annotation[], options: ToWebVttOptions = {}): string {
  // The header ends at the first blank line and may not hold a cue timing.
  const header = (options.header ?? '').replace(/\r\n?/g, '\n').replace(/\n\s*\n/g, '\n').replace(/-->/g, '- ->').replace(/\n$/, '');
  const blocks: string[] = [`WEBVTT${header && !/^[ \t\n]/.test(header) ? ' ' : ''}${header}`];
  for (const region of options.regions ?? []) blocks.push(`REGION\n${region}`);
  for (const style of options.styles ?? []) blocks.push(`STYLE\n${style.replace(/-->/g, '- ->')}`);
  for (const note of options.notes ?? []) blocks.push(`NOTE ${note.replace(/-->/g, '- ->').replace(/\n\s*\n/g, '\n')}`);
  for (const cue of cuesOf(FORMAT, annotations, options)) {
    const extras = options.cues?.[cue.annotation.id] ?? {};
    const identifier = extras.identifier ?? cue.annotation.id;
    const lines: string[] = [];
    if (identifier && !identifier.includes('-->') && !/[\r\n]/.test(identifier)) lines.push(identifier);
    lines.push(`${formatClock(cue.start, '.')} --> ${formatClock(cue.end, '.')}${extras.settings ? ` ${extras.settings}` : ''}`);
    let payload = escapeCueText(cue.text.replace(/\r\n?/g, '\n').replace(/\n(\s*\n)+/g, '\n').trim());
    if (cue.language) payload = `<lang ${cue.language}>${payload}</lang>`;
    if (cue.speaker !== undefined) payload = `<v ${escapeCueText(labelNameOf(cue.speaker, options.labels))}>${payload}`;
    lines.push(payload);
    blocks.push(lines.join('\n').replace(/\n$/, ''));
  }
  return `${blocks.join('\n\n')}\n`;
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', lrm: '\u200e', rlm: '\u200f', nbsp: '\u00a0' };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITY[name] ?? whole;
  });

/** Strips cue markup: returns the plain text, the first voice and a leading language. */
export function readCuePayload(payload: string): { text: string; speaker?: string; language?: string } {
  let speaker: string | undefined;
  let language: string | undefined;
  const text = payload.replace(/<([^>]*)>/g, (_, inner: string) => {
    const tag = inner.trim();
    const voice = /^v(?:\.[^\s]*)?\s+([\s\S]+)$/.exec(tag);
    if (voice && speaker === undefined) speaker = decodeEntities(voice[1].trim());
    const lang = /^lang(?:\.[^\s]*)?\s+(\S+)/.exec(tag);
    if (lang && language === undefined) language = lang[1];
    return '';
  });
  return { text: decodeEntities(text), ...(speaker !== undefined ? { speaker } : {}), ...(language !== undefined ? { language } : {}) };
}

/** Reads a WebVTT file. */
export function fromWebVtt(input: string, options: FromWebVttOptions): WebVttImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof input !== 'string') fail(FORMAT, 'input', `should be text, found ${typeof input}`);
    const lines = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).split(/\r\n|\r|\n/);
    const first = /^WEBVTT([ \t].*)?$/.exec(lines[0]);
    if (!first) fail(FORMAT, 'line 1', `should start with "WEBVTT", found ${JSON.stringify(lines[0].slice(0, 20))}`);
    const result: WebVttImport = { annotations: [], header: '', styles: [], regions: [], notes: [], cues: {} };
    let i = 1;
    let header = first[1] ?? '';
    for (; i < lines.length && lines[i] !== ''; i++) {
      if (lines[i].includes('-->')) fail(FORMAT, `line ${i + 1}`, 'a cue must be separated from the header by a blank line');
      header += `\n${lines[i]}`;
    }
    result.header = header;
    const ids = new Set<string>();
    while (i < lines.length) {
      if (lines[i] === '') {
        i++;
        continue;
      }
      const blockStart = i;
      const block: string[] = [];
      for (; i < lines.length && lines[i] !== ''; i++) block.push(lines[i]);
      const head = block[0];
      if (/^NOTE($|[ \t])/.test(head)) {
        result.notes.push([head.slice(4).trim(), ...block.slice(1)].filter((l, n) => n > 0 || l !== '').join('\n'));
        continue;
      }
      if (/^(STYLE|REGION)[ \t]*$/.test(head) && !block.slice(1).some((l) => l.includes('-->'))) {
        (head.startsWith('STYLE') ? result.styles : result.regions).push(block.slice(1).join('\n'));
        continue;
      }
      const timingAt = head.includes('-->') ? 0 : 1;
      const timing = block[timingAt];
      const where = `line ${blockStart + timingAt + 1}`;
      if (timing === undefined || !timing.includes('-->'))
        fail(FORMAT, `line ${blockStart + 1}`, `block ${JSON.stringify(head.slice(0, 30))} is not a cue ("start --> end"), NOTE, STYLE or REGION`);
      const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(.*)$/.exec(timing);
      if (!m) fail(FORMAT, where, `cue timing should be "start --> end", found ${JSON.stringify(timing)}`);
      const start = parseTimestamp(m[1]);
      const end = parseTimestamp(m[2]);
      if (start === null) fail(FORMAT, where, `start ${JSON.stringify(m[1])} is not a timestamp (hh:mm:ss.ttt or mm:ss.ttt)`);
      if (end === null) fail(FORMAT, where, `end ${JSON.stringify(m[2])} is not a timestamp (hh:mm:ss.ttt or mm:ss.ttt)`);
      if (end <= start) fail(FORMAT, where, `cue ends (${m[2]}) before or when it starts (${m[1]})`);
      const identifier = timingAt === 1 ? head.trim() : '';
      const settings = m[3].trim();
      const payload = readCuePayload(block.slice(timingAt + 1).join('\n'));
      const id = identifier.includes(':') && !ids.has(identifier) ? identifier : undefined;
      const annotation = cueAnnotation(
        {
          id,
          source: options.source,
          start,
          end,
          text: payload.text,
          language: payload.language,
          speaker: payload.speaker === undefined ? undefined : labelIdFor(payload.speaker, options.labels),
        },
        options,
      );
      ids.add(annotation.id);
      const extras: WebVttCueExtras = { ...(identifier && !id ? { identifier } : {}), ...(settings ? { settings } : {}) };
      if (Object.keys(extras).length) result.cues[annotation.id] = extras;
      result.annotations.push(annotation);
    }
    return result;
  });
}
