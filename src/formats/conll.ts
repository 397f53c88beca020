/**
 * CoNLL-style token files with BIO (IOB2) tags: one token per line, columns separated by spaces or
 * tabs, the tag in the last column (CoNLL-2003: `word POS chunk NE`), a blank line between
 * sentences, `-DOCSTART-` lines between documents. We write two columns, `token TAG`, IOB2
 * (every entity starts with `B-`). We read IOB2, IOB1 (an `I-` after `O` or another type starts an
 * entity, as NLTK does) and BIOES/BILOU (`S-`/`U-` single, `E-`/`L-` last).
 *
 * Tokens → offsets: CoNLL keeps tokens, not the whitespace between them.
 * - Export tokenises the text (words, with inner `'` `-` `.`; every other non-space character
 *   alone), also cutting at every span edge so spans cover whole tokens; each line of the text is
 *   a sentence. The result's `tokens` give each token's code-point offsets.
 * - Import with `text` (the original document) aligns tokens to it in order, skipping whitespace:
 *   offsets are exactly the original's, and a token that isn't there is skipped, naming its line.
 * - Import without `text` rebuilds one: tokens joined by a space, sentences by a newline. Offsets
 *   then point into that rebuilt text (returned as `text`).
 *
 * Cannot hold: overlapping or nested spans, spans that start or end inside whitespace or cross a
 * line break, labels with whitespace, ids, creators, timestamps, scores.
 */
import type { Annotation } from '../core/annotation.js';
import { importAnnotation, labelIdFor, skip, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { fail, guard, lineWhere } from './lib/errors.js';
import { ImportLog, type ImportReport } from './lib/partial.js';
import { byStart, CodePointIndex, spanOrSkip, spanSelectors, type Span } from './lib/text.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';

const FORMAT = 'conll';

export interface ConllToken {
  token: string;
  /** Code points in the text, end exclusive. */
  start: number;
  end: number;
  /** 0-based sentence number. */
  sentence: number;
  tag: string;
}

export interface ToConllOptions extends ExportOptions {
  /** The text the spans point into. */
  text: string;
  /** Column separator; default a space (what NLTK's ConllCorpusReader splits on). */
  separator?: ' ' | '\t';
}

export interface ConllExport {
  text: string;
  tokens: ConllToken[];
}

export interface FromConllOptions extends ImportOptions {
  /** `target.source` of the spans. */
  source: string;
  /** The original text, to map tokens back to its exact offsets (see above). */
  text?: string;
  /** 0-based column of the tag; default the last. Negative counts from the end. */
  tagColumn?: number;
}

export interface ConllImport extends ImportReport {
  annotations: Annotation[];
  /** `options.text`, or the text rebuilt from the tokens. */
  text: string;
  tokens: ConllToken[];
}

/**
 * What separates CoNLL tokens: Unicode White_Space, which is what CoNLL readers split on (Python's
 * `str.split()`, NLTK, spaCy's converters) and what our own reader's space and tab columns are
 * part of. Not JavaScript's `\s`, which also counts U+FEFF: a token may carry U+FEFF, U+200B or
 * another invisible format character, and the file holds it (WNUT17 has such tokens).
 */
const SEPARATOR = /\p{White_Space}/u;
/**
 * Export tokens: words (with inner `'` `’` `.` `-`), or any other single non-separator character.
 * Invisible format characters (\p{Cf}: U+FEFF, U+200B, ZWJ…) count as word characters and stick
 * to the character before them, so a token read with one is written with it again.
 */
const TOKEN = /[\p{L}\p{M}\p{N}\p{Cf}]+(?:['’.-][\p{L}\p{M}\p{N}\p{Cf}]+)*|[^\p{White_Space}\p{Cf}]\p{Cf}*/gu;
/** Characters of the text that a tool may have left out of its tokens: separators and invisible ones. */
const GAP = /[\p{White_Space}\p{Cf}]/u;

/** Writes the spans on one text as CoNLL `token TAG` lines; returns the file text and the tokens. */
export function toConll(annotations: readonly Annotation[], options: ToConllOptions): ConllExport {
  if (typeof options?.text !== 'string') fail(FORMAT, 'options.text', 'should be the text the spans point into');
  const sep = options.separator ?? ' ';
  const index = new CodePointIndex(options.text);
  const chars = Array.from(options.text);
  const spans = pickSpans(annotations, options, index, chars);
  const cuts = new Set(spans.flatMap((s) => [s.start, s.end]));
  // Tokenise line by line (a line is a sentence), cutting tokens at span edges.
  const tokens: ConllToken[] = [];
  let lineStart = 0;
  let sentence = 0;
  for (const line of options.text.split('\n')) {
    const lineIndex = new CodePointIndex(line);
    let found = false;
    for (const match of line.matchAll(TOKEN)) {
      const start = lineStart + lineIndex.toCodePoint(match.index);
      const end = start + Array.from(match[0]).length;
      let from = start;
      for (let cp = start + 1; cp <= end; cp++) {
        if (cp === end || cuts.has(cp)) {
          tokens.push({ token: chars.slice(from, cp).join(''), start: from, end: cp, sentence, tag: 'O' });
          from = cp;
        }
      }
      found = true;
    }
    lineStart += Array.from(line).length + 1;
    if (found) sentence++;
  }
  // Tag: tokens are in order, spans are sorted and disjoint.
  let t = 0;
  for (const span of spans) {
    while (t < tokens.length && tokens[t].start < span.start) t++;
    for (let first = true; t < tokens.length && tokens[t].end <= span.end; t++, first = false) tokens[t].tag = `${first ? 'B' : 'I'}-${span.labelId}`;
  }
  const lines: string[] = [];
  tokens.forEach((token, i) => {
    if (i > 0 && token.sentence !== tokens[i - 1].sentence) lines.push('');
    lines.push(`${token.token}${sep}${token.tag}`);
  });
  return { text: lines.length ? `${lines.join('\n')}\n` : '', tokens };
}

/** The spans CoNLL can tag: disjoint, edges on non-space characters, within one line, one-word labels. */
function pickSpans(annotations: readonly Annotation[], options: ToConllOptions, index: CodePointIndex, chars: string[]): Span[] {
  const candidates = annotations
    .map((annotation) => ({ annotation, span: spanOrSkip(FORMAT, options, annotation, index) }))
    .filter((c): c is { annotation: Annotation; span: Span } => c.span !== null)
    .sort((a, b) => byStart(a.span, b.span));
  const kept: Span[] = [];
  let lastEnd = 0;
  for (const { annotation, span } of candidates) {
    const inner = chars.slice(span.start, span.end);
    let why: string | null = null;
    if (SEPARATOR.test(inner[0]) || SEPARATOR.test(inner[inner.length - 1])) why = 'starts or ends with whitespace, which CoNLL tokens cannot hold';
    else if (inner.includes('\n')) why = 'crosses a line break (a CoNLL sentence boundary)';
    else if (SEPARATOR.test(span.labelId) || span.labelId === '') why = `has a label ${JSON.stringify(span.labelId)} that would break CoNLL's columns`;
    else if (span.start < lastEnd) why = `overlaps another span (CoNLL tags each token once)`;
    if (why) {
      skip(FORMAT, options, annotation, why);
      continue;
    }
    kept.push(span);
    lastEnd = span.end;
  }
  return kept;
}

const TAG = /^([BIESLU])-(.+)$/;

/**
 * Reads CoNLL / BIO / IOB2 (also IOB1, BIOES) token lines. A line that cannot be read (one column,
 * a column count unlike the lines before, an unknown tag, a token not in `text`) is skipped and
 * listed in `skipped` with its line and column (with `strict` it throws); a file of which no line
 * reads throws.
 */
export function fromConll(input: string, options: FromConllOptions): ConllImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof input !== 'string') fail(FORMAT, 'input', `should be text, found ${typeof input}`);
    const log = new ImportLog(FORMAT, options.strict);
    // 1. Rows: tokens with their tags and lines, sentence numbers from blank lines. Columns are
    // split on spaces and tabs only, the format's separators; a BOM is the file's encoding.
    const rows: { token: string; tag: string; line: number; sentence: number; afterSkip: boolean }[] = [];
    let sentence = 0;
    let columns = 0;
    let skippedBefore = false;
    (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/^[ \t]+|[ \t\r]+$/g, '');
      if (line === '' || line.startsWith('-DOCSTART-') || /^#[ \t]*[\w.-]+[ \t]*=/.test(line)) {
        if (rows.length && rows[rows.length - 1].sentence === sentence) sentence++;
        return;
      }
      const row = log.item(() => {
        const fields = line.split(/[ \t]+/);
        if (fields.length < 2) fail(FORMAT, lineWhere(i + 1), `should be "token … TAG", found one column ${JSON.stringify(line)}`);
        if (columns && fields.length !== columns) fail(FORMAT, lineWhere(i + 1), `has ${fields.length} columns where earlier lines have ${columns}`);
        const at = options.tagColumn ?? -1;
        const tagIndex = at < 0 ? fields.length + at : at;
        if (tagIndex <= 0 || tagIndex >= fields.length) fail(FORMAT, lineWhere(i + 1), `has no column ${at} for the tag`);
        columns = fields.length;
        const tag = fields[tagIndex];
        const tagColumn = fieldColumn(raw, tagIndex);
        if (tag !== 'O' && !TAG.test(tag)) fail(FORMAT, lineWhere(i + 1, tagColumn), `tag ${JSON.stringify(tag)} is not O or B-/I-/E-/S-<label>`);
        return { token: fields[0], tag, line: i + 1, sentence, afterSkip: skippedBefore };
      });
      skippedBefore = row === undefined;
      if (row) rows.push(row);
    });
    // 2. Offsets: align to the given text, or build one.
    const tokens: ConllToken[] = [];
    let text: string;
    if (options.text !== undefined) {
      text = options.text;
      const aligner = new TextAligner(text);
      // After a line that was skipped (unreadable, or its token not found) the text still holds
      // that line's token, so the next token is searched for further on.
      let searchAhead = false;
      for (const row of rows) {
        const start = log.item(() => aligner.find(row.token, searchAhead || row.afterSkip) ?? fail(FORMAT, lineWhere(row.line), aligner.mismatch(row.token)));
        searchAhead = start === undefined;
        if (start === undefined) continue;
        tokens.push({ token: row.token, start, end: aligner.cursor, sentence: row.sentence, tag: row.tag });
      }
    } else {
      const parts: string[] = [];
      let cursor = 0;
      rows.forEach((row, i) => {
        if (i > 0) {
          parts.push(row.sentence === rows[i - 1].sentence ? ' ' : '\n');
          cursor++;
        }
        const length = Array.from(row.token).length;
        tokens.push({ token: row.token, start: cursor, end: cursor + length, sentence: row.sentence, tag: row.tag });
        parts.push(row.token);
        cursor += length;
      });
      text = parts.join('');
    }
    // 3. Chunks: B (or a mismatching I) opens, I continues, E/L closes after, S/U is one token.
    const index = new CodePointIndex(text);
    const annotations: Annotation[] = [];
    let open: { label: string; start: number; end: number; sentence: number } | null = null;
    const close = () => {
      if (!open) return;
      annotations.push(
        importAnnotation({ source: options.source, selector: spanSelectors(index, open.start, open.end), labelId: labelIdFor(open.label, options.labels) }, options),
      );
      open = null;
    };
    for (const token of tokens) {
      if (open && open.sentence !== token.sentence) close();
      if (token.tag === 'O') {
        close();
        continue;
      }
      const [, kind, label] = TAG.exec(token.tag)!;
      const continues = (kind === 'I' || kind === 'E' || kind === 'L') && open !== null && open.label === label;
      if (continues) open!.end = token.end;
      else {
        close();
        open = { label, start: token.start, end: token.end, sentence: token.sentence };
      }
      if (kind === 'E' || kind === 'L' || kind === 'S' || kind === 'U') close();
    }
    close();
    return { annotations, text, tokens, ...log.finish(tokens.length) };
  });
}

/** 1-based column (UTF-16 units, as editors count) where the n-th field of a line starts. */
function fieldColumn(raw: string, n: number): number {
  const field = /[^ \t]+/g;
  for (let k = 0, m = field.exec(raw); m; k++, m = field.exec(raw)) if (k === n) return m.index + 1;
  return 1;
}

/** Finds tokens in order in the original text, in code points, skipping the gaps CoNLL drops. */
class TextAligner {
  private readonly chars: string[];
  /** Code point after the last token found. */
  cursor = 0;

  constructor(text: string) {
    this.chars = Array.from(text);
  }

  private matchesAt(at: number, token: string[]): boolean {
    for (let k = 0; k < token.length; k++) if (this.chars[at + k] !== token[k]) return false;
    return true;
  }

  /**
   * The token's start: right here, else after gap characters (a token may itself begin with one,
   * so "here" is tried first). After a skipped line the text still holds that line's token, so
   * then the token is searched for further on.
   */
  find(token: string, afterSkip: boolean): number | null {
    const wanted = Array.from(token);
    for (let at = this.cursor; at + wanted.length <= this.chars.length; at++) {
      if (this.matchesAt(at, wanted)) {
        this.cursor = at + wanted.length;
        return at;
      }
      if (!afterSkip && !GAP.test(this.chars[at])) return null;
    }
    return null;
  }

  mismatch(token: string): string {
    let at = this.cursor;
    while (at < this.chars.length && GAP.test(this.chars[at])) at++;
    const there = this.chars.slice(at, at + Array.from(token).length).join('');
    return `token ${JSON.stringify(token)} does not match the text at code point ${at} (${JSON.stringify(there)})`;
  }
}
