/**
 * WebVTT (https://www.w3.org/TR/webvtt1/): the header, then blocks separated by blank lines:
 * cues (optional identifier, `start --> end settings`, payload), `NOTE` comments, `STYLE` and
 * `REGION` blocks. A cue becomes a segment annotation: its payload with the markup removed is the
 * transcript, a leading `<lang xx>` its language, and the first voice `<v Speaker>` its speaker
 * label (matched to `labels` by id or name). We write our annotation id as the cue identifier, so
 * ids survive a round trip; a file's own identifier becomes the id when it is a URI (has a `:`),
 * and is otherwise kept in `cues` with the cue settings.
 *
 * Reading follows the W3C parsing algorithm (lib/webvtt-parser.ts), checked against Chromium's
 * `<track>`: a timing line right after a cue's text starts the next cue, lines of spaces are text,
 * and a bad block is skipped (listed in `skipped`), never the whole file.
 *
 * Cannot hold: creators, timestamps, scores, label colours. Lost from a file: styling markup inside
 * cues (`<i>`, `<b>`, `<c.class>`, `<ruby>`, inline timestamps) and any voices after the first in
 * a cue; a transcript's blank lines (they would end the cue) are written as single line breaks.
 */
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdFor, labelNameOf, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { cueAnnotation, cuesOf, formatClock } from './lib/cues.js';
import { fail, guard, lineWhere } from './lib/errors.js';
import { ImportLog, type ImportReport } from './lib/partial.js';
import { parseWebVttText } from './lib/webvtt-parser.js';
import { readCuePayload, readCueSettings, regionIdOf } from './lib/webvtt-settings.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';

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

export interface WebVttImport extends Required<WebVttExtras>, ImportReport {
  annotations: Annotation[];
}

const escapeCueText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes segment annotations as a WebVTT file, cues in time order. */
export function toWebVtt(annotations: readonly Annotation[], options: ToWebVttOptions = {}): string {
  // The header ends at the first blank line and may not hold a cue timing.
  const header = (options.header ?? '').replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/-->/g, '- ->').replace(/\n$/, '');
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
    // Only an empty line ends a cue (a line of spaces is text), so only empty lines are dropped.
    let payload = escapeCueText(cue.text.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n').replace(/^\n|\n$/g, ''));
    if (cue.language) payload = `<lang ${cue.language}>${payload}</lang>`;
    if (cue.speaker !== undefined) payload = `<v ${escapeCueText(labelNameOf(cue.speaker, options.labels))}>${payload}`;
    lines.push(payload);
    blocks.push(lines.join('\n').replace(/\n$/, ''));
  }
  return `${blocks.join('\n\n')}\n`;
}

export { readCuePayload, readCueSettings, type WebVttCueSettings } from './lib/webvtt-settings.js';

/**
 * Reads a WebVTT file as the W3C parsing algorithm (and so a browser's `<track>`) does. Only a
 * missing `WEBVTT` signature makes the file unreadable (a FormatError); a block the algorithm drops
 * is listed in `skipped` with its line and column (with `strict`, it throws instead). Cues that a
 * player cannot show (zero or negative length) and settings players ignore are kept and listed in
 * `warnings`.
 */
export function fromWebVtt(input: string, options: FromWebVttOptions): WebVttImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof input !== 'string') fail(FORMAT, 'input', `should be text, found ${typeof input}`);
    const doc = parseWebVttText(input);
    if (!doc) fail(FORMAT, 'line 1', `should start with "WEBVTT" (then a space, a tab or the end of the line), found ${JSON.stringify(input.replace(/^\ufeff/, '').slice(0, 20))}`);
    const log = new ImportLog(FORMAT, options.strict);
    const result: Omit<WebVttImport, keyof ImportReport> = { annotations: [], header: doc.header, styles: [], regions: [], notes: [], cues: {} };
    const regionIds: string[] = [];
    const ids = new Set<string>();
    for (const block of doc.blocks) {
      if (block.kind === 'dropped') log.skip(block.where, block.reason);
      else if (block.kind === 'note') result.notes.push(block.text);
      else if (block.kind === 'style') result.styles.push(block.text);
      else if (block.kind === 'region') {
        result.regions.push(block.text);
        const id = regionIdOf(block.text);
        if (id !== undefined) regionIds.push(id);
      } else {
        const { start, end, settings } = block.timing;
        if (end === start) log.warn(lineWhere(block.line), `cue is zero-length (at ${formatClock(start, '.')}): kept, but a player cannot show it`);
        else if (end < start)
          log.warn(lineWhere(block.line), `cue ends (${formatClock(end, '.')}) before it starts (${formatClock(start, '.')}): kept as the file has it, but a player cannot show it`);
        if (settings !== '')
          for (const setting of readCueSettings(settings, regionIds).ignored)
            log.warn(lineWhere(block.line), `cue setting ${JSON.stringify(setting)} is not valid WebVTT; players ignore it`);
        const payload = readCuePayload(block.text);
        const { identifier } = block;
        const id = identifier.includes(':') && !/\s/.test(identifier) && !ids.has(identifier) ? identifier : undefined;
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
    }
    return { ...result, ...log.report() };
  });
}
