/**
 * Word snapping with `Intl.Segmenter`, in UTF-16 indices of the exact text (grapheme snapping, for
 * `granularity="char"`, is in `grapheme-snap.ts`, loaded when a host asks for it). A 1 MB text
 * is never segmented whole: each question looks at a window around the index, cut at whitespace
 * where there is some, so a selection snaps in microseconds whatever the document's size.
 * Thai, Chinese and Japanese have no spaces; there the segmenter's dictionary finds the words.
 */

export type Granularity = 'word' | 'char';

export interface IndexRange {
  /** UTF-16 index, inclusive. */
  start: number;
  /** UTF-16 index, exclusive. */
  end: number;
}

interface Piece {
  start: number;
  end: number;
  isWord: boolean;
  isSpace: boolean;
}

const WORD_WINDOW = 256;
export const SPACE = /^\s+$/u;

let wordSegmenter: Intl.Segmenter | undefined;

function words(): Intl.Segmenter {
  return (wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));
}

/**
 * Makes the segmenters ahead of need: the first word segmenter loads ICU's dictionaries (≈10 ms),
 * which should not land on the user's first selection.
 */
export function warmSegmenters(): void {
  words().segment('warm up').containing(0);
}

/** A window [from, to) around [start, end), widened to the nearest whitespace so no word is cut. */
function windowAround(text: string, start: number, end: number, reach: number): IndexRange {
  let from = Math.max(0, start - reach);
  let to = Math.min(text.length, end + reach);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/u);
    if (space >= 0) from += space;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const match = /\s(?=\S*$)/u.exec(tail);
    if (match) to = end + match.index + 1;
  }
  return { start: from, end: to };
}

function wordPieces(text: string, range: IndexRange): Piece[] {
  const pieces: Piece[] = [];
  for (const s of words().segment(text.slice(range.start, range.end))) {
    const start = range.start + s.index;
    pieces.push({ start, end: start + s.segment.length, isWord: s.isWordLike === true, isSpace: SPACE.test(s.segment) });
  }
  return pieces;
}

/**
 * Widens [start, end) to whole words, then trims whitespace and punctuation from both ends, so a
 * sloppy drag from the middle of one word to the middle of another tags both words exactly.
 * Returns null when nothing but whitespace was selected.
 */
export function snapToWords(text: string, range: IndexRange): IndexRange | null {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  if (start === end) return null;
  const pieces = wordPieces(text, windowAround(text, start, end, WORD_WINDOW)).filter((p) => p.end > start && p.start < end);
  const keep = pieces.some((p) => p.isWord) ? pieces.filter((p) => p.isWord || !p.isSpace) : pieces.filter((p) => !p.isSpace);
  // Punctuation inside the selection stays ("U.S.", "rock-'n'-roll"); at its ends it goes.
  let first = keep.findIndex((p) => p.isWord);
  let last = keep.length - 1 - [...keep].reverse().findIndex((p) => p.isWord);
  if (first < 0) {
    first = 0;
    last = keep.length - 1;
  }
  if (keep.length === 0) return null;
  return { start: keep[first].start, end: keep[last].end };
}


/** Where a word-wise caret moving forward from `index` lands: the end of the next word. */
export function nextWordEnd(text: string, index: number): number {
  let from = index;
  while (from < text.length) {
    const pieces = wordPieces(text, windowAround(text, from, from, WORD_WINDOW));
    const next = pieces.find((p) => p.isWord && p.end > from);
    if (next) return next.end;
    const last = pieces.at(-1);
    if (!last || last.end <= from) return text.length;
    from = last.end;
  }
  return text.length;
}

/** Where a word-wise caret moving back from `index` lands: the start of the previous word. */
export function previousWordStart(text: string, index: number): number {
  let to = index;
  while (to > 0) {
    const pieces = wordPieces(text, windowAround(text, to, to, WORD_WINDOW));
    const previous = pieces.filter((p) => p.isWord && p.start < to).at(-1);
    if (previous) return previous.start;
    const first = pieces[0];
    if (!first || first.start >= to) return 0;
    to = first.start;
  }
  return 0;
}

/** The word holding `index` (or the one just before it), for Enter on a bare caret. */
export function wordAt(text: string, index: number): IndexRange | null {
  const pieces = wordPieces(text, windowAround(text, index, index, WORD_WINDOW));
  const hit = pieces.find((p) => p.isWord && p.start <= index && index < p.end) ?? pieces.find((p) => p.isWord && p.end === index);
  return hit ? { start: hit.start, end: hit.end } : null;
}

const RTL_STRONG = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const STRONG = /[\p{L}]/u;

/** Whether the paragraph (line) holding `index` reads right to left: its first strong letter. */
export function isRtlParagraph(text: string, index: number): boolean {
  const from = text.lastIndexOf('\n', index - 1) + 1;
  const stop = text.indexOf('\n', index);
  const line = text.slice(from, stop < 0 ? text.length : stop);
  for (const char of line) if (STRONG.test(char)) return RTL_STRONG.test(char);
  return false;
}
