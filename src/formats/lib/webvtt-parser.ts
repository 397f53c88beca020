/**
 * The W3C WebVTT file parsing algorithm (https://www.w3.org/TR/webvtt1/#file-parsing), step by
 * step, so we read a file exactly as browsers do: Chromium's `<track>` is the check (test/formats).
 * What that means in practice, and what hand-written parsers get wrong:
 * - only the signature can make a file unreadable; every other problem drops one block;
 * - a line with "-->" that is not a block's first or second line ends the block and starts the
 *   next one (youtube-dl writes cues with no blank line between them; the header may be followed
 *   by a cue directly too);
 * - a line of spaces is not a blank line: it is cue text, or an identifier;
 * - `NOTE` is not special to the algorithm (a `NOTE` line followed by a timing is a cue whose id
 *   is "NOTE"); a block without a timing line is simply not a cue. We keep NOTE texts for writing
 *   back, and report the other non-cue blocks as skipped.
 * - STYLE and REGION blocks count only before the first cue.
 */
import { lineWhere } from './errors.js';

export interface VttTiming {
  start: number;
  end: number;
  /** What follows the end time, as is (the cue settings). */
  settings: string;
}

export type VttBlock =
  | { kind: 'cue'; identifier: string; timing: VttTiming; text: string; line: number }
  | { kind: 'style'; text: string; line: number }
  | { kind: 'region'; text: string; line: number }
  | { kind: 'note'; text: string; line: number }
  /** A block the algorithm returns nothing for (or a cue whose timing failed): where and why. */
  | { kind: 'dropped'; where: string; reason: string; line: number };

export interface VttDocument {
  /** The signature line's rest and the header block's lines (up to the first blank line). */
  header: string;
  blocks: VttBlock[];
}

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/**
 * Parses WebVTT text. Returns null when the signature is wrong (the one failure the algorithm
 * has); otherwise every block, in order.
 */
export function parseWebVttText(input: string): VttDocument | null {
  // Step 1: NULs become U+FFFD, CRLF and CR become LF. Decoding UTF-8 drops a BOM; text given to
  // us may still have it.
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\0')) text = text.replace(/\0/g, '\ufffd');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Steps 4–6: the signature.
  if (!text.startsWith('WEBVTT') || (text.length > 6 && text[6] !== ' ' && text[6] !== '\t' && text[6] !== '\n')) return null;
  const lines = text.split('\n');
  // A final LF ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const doc: VttDocument = { header: lines[0].slice(6), blocks: [] };
  // Steps 7–12: the rest of the signature line, then the header block: lines up to a blank one,
  // or up to a line with "-->", which the algorithm hands back to start the first cue. It returns
  // nothing for the header; we keep its lines to write them back.
  let pos = 1;
  while (pos < lines.length && lines[pos] !== '' && !lines[pos].includes('-->')) doc.header += `\n${lines[pos++]}`;
  // Steps 13–14: the block loop.
  const state: BlockState = { seenCue: false, next: pos };
  for (;;) {
    while (state.next < lines.length && lines[state.next] === '') state.next++;
    if (state.next >= lines.length) break;
    doc.blocks.push(collectBlock(lines, state));
  }
  return doc;
}

interface BlockState {
  /** The algorithm's "seen cue": STYLE and REGION blocks count only before it. */
  seenCue: boolean;
  /** The line the next block starts at. */
  next: number;
}

/**
 * "Collect a WebVTT block" (outside the header), from line `state.next`; leaves `state.next` where
 * the following block begins. Written for speed: a 10,000-cue file runs this 10,000 times.
 */
function collectBlock(lines: string[], state: BlockState): VttBlock {
  const start = state.next;
  let pos = start;
  let lineCount = 0;
  let previous = pos;
  let buffer = '';
  let seenArrow = false;
  let cue: { identifier: string; timing: VttTiming; line: number } | null = null;
  let failure: { line: number; column: number; reason: string } | null = null;
  let kind: 'style' | 'region' | null = null;
  while (pos < lines.length) {
    const line = lines[pos];
    lineCount++;
    pos++;
    if (line.includes('-->')) {
      if (lineCount === 1 || (lineCount === 2 && !seenArrow)) {
        seenArrow = true;
        previous = pos;
        const timing = collectTimings(line);
        if ('reason' in timing) {
          cue = null;
          failure = { line: pos, column: timing.column, reason: timing.reason };
        } else {
          cue = { identifier: buffer, timing, line: pos };
          buffer = '';
          state.seenCue = true;
        }
      } else {
        pos = previous;
        break;
      }
    } else if (line === '') break;
    else {
      // Line 2 of a block whose line 1 was "STYLE" or "REGION" (and whitespace), before any cue.
      if (lineCount === 2 && buffer !== '' && !state.seenCue) {
        if (isKeywordLine(buffer, 'STYLE')) {
          kind = 'style';
          buffer = '';
        } else if (isKeywordLine(buffer, 'REGION')) {
          kind = 'region';
          buffer = '';
        }
      }
      buffer = buffer === '' ? line : `${buffer}\n${line}`;
      previous = pos;
    }
  }
  state.next = pos;
  if (cue) return { kind: 'cue', identifier: cue.identifier, timing: cue.timing, text: buffer, line: cue.line };
  if (kind) return { kind, text: buffer, line: start + 1 };
  if (failure) return { kind: 'dropped', where: lineWhere(failure.line, failure.column), reason: failure.reason, line: failure.line };
  if (/^NOTE($|[ \t\n])/.test(buffer)) return { kind: 'note', text: buffer.slice(4).replace(/^[ \t]+/, '').replace(/^\n/, ''), line: start + 1 };
  const first = buffer.split('\n', 1)[0];
  const reason = /^(STYLE|REGION)[ \t]*$/.test(first)
    ? `${first.trim()} block ${buffer.includes('\n') ? 'after the first cue is ignored (WebVTT reads them only before any cue)' : 'is empty'}`
    : `block ${JSON.stringify(first.slice(0, 30))} is not a cue: no "start --> end" line as its first or second line`;
  return { kind: 'dropped', where: lineWhere(start + 1), reason, line: start + 1 };
}

/** "buffer starts with STYLE and the remaining characters, if any, are all ASCII whitespace". */
function isKeywordLine(line: string, keyword: string): boolean {
  if (!line.startsWith(keyword)) return false;
  for (let i = keyword.length; i < line.length; i++) if (!isWhitespace(line[i])) return false;
  return true;
}

/**
 * "Collect WebVTT cue timings and settings": whitespace, a timestamp, "-->", a timestamp; the rest
 * is the settings. On failure, the 1-based column where it failed and why.
 */
export function collectTimings(line: string): VttTiming | { column: number; reason: string } {
  let pos = 0;
  const skipWhitespace = () => {
    while (pos < line.length && isWhitespace(line[pos])) pos++;
  };
  const fault = (reason: string) => ({ column: pos + 1, reason });
  skipWhitespace();
  const startAt = pos;
  const start = collectTimestamp(line, pos);
  if (typeof start === 'string') return fault(`start ${JSON.stringify(timestampText(line, startAt))} is not a timestamp (${start})`);
  pos = start.next;
  skipWhitespace();
  if (!line.startsWith('-->', pos)) return fault(`expected "-->" after the start time, found ${JSON.stringify(line.slice(pos, pos + 10))}`);
  pos += 3;
  skipWhitespace();
  const endAt = pos;
  const end = collectTimestamp(line, pos);
  if (typeof end === 'string') return fault(`end ${JSON.stringify(timestampText(line, endAt))} is not a timestamp (${end})`);
  pos = end.next;
  // Chromium skips whitespace here too; the spec's settings parser splits on it anyway.
  skipWhitespace();
  return { start: start.seconds, end: end.seconds, settings: line.slice(pos) };
}

const timestampText = (line: string, at: number) => /^\S*/.exec(line.slice(at))![0].replace(/-->.*$/, '');

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** "Collect a WebVTT timestamp" at `pos`: seconds and where it ended, or why it is not one. */
function collectTimestamp(line: string, pos: number): { seconds: number; next: number } | string {
  const digits = () => {
    const from = pos;
    while (isDigit(line[pos])) pos++;
    return line.slice(from, pos);
  };
  const first = digits();
  if (first === '') return 'hh:mm:ss.ttt or mm:ss.ttt';
  const hours = first.length !== 2 || Number(first) > 59;
  if (line[pos] !== ':') return 'no ":" after the first number';
  pos++;
  const second = digits();
  if (second.length !== 2) return 'minutes and seconds have two digits';
  let third: string | undefined;
  if (hours || line[pos] === ':') {
    if (line[pos] !== ':') return 'hours need minutes and seconds (hh:mm:ss.ttt)';
    pos++;
    third = digits();
    if (third.length !== 2) return 'minutes and seconds have two digits';
  }
  // Without hours, the two numbers read are minutes and seconds.
  const [h, m, s] = third === undefined ? [0, Number(first), Number(second)] : [Number(first), Number(second), Number(third)];
  if (line[pos] !== '.') return 'the milliseconds must follow a "."';
  pos++;
  const fraction = digits();
  if (fraction.length !== 3) return 'milliseconds have three digits';
  if (m > 59 || s > 59) return 'minutes and seconds are at most 59';
  return { seconds: h * 3600 + m * 60 + s + Number(fraction) / 1000, next: pos };
}
