/**
 * A transcript too long to lay out is edited one part at a time. Why: a textarea lays out its whole
 * value as one paragraph, and a megabyte with no line break froze the page for seconds (English)
 * to minutes (Tamil) on load and on every key. A field therefore holds at most about PIECE_TARGET
 * units, cut between words (never inside a letter and its marks); the annotator moves between parts,
 * and an edit of one part is spliced back into the whole text, so nothing is lost and the
 * annotation holds exactly the text typed. Short transcripts (nearly all) are one part: the field
 * holds them whole, as before.
 */
import { wordCut } from '../core/word-cut.js';

/** UTF-16 units a part aims for. */
export const PIECE_TARGET = 1000;
/** A text up to this long is one part. */
export const ONE_PIECE_MAX = 1500;

let graphemes: Intl.Segmenter | null = null;

/** The first grapheme boundary at or after `at` (a cut that never splits a letter). */
function graphemeCut(text: string, at: number): number {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const from = Math.max(0, at - 32);
  for (const { index } of graphemes.segment(text.slice(from, at + 256))) if (from + index >= at) return from + index;
  // One cluster of hundreds of marks: cut anyway, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

const SPACE = /\s/u;
/** A mark, ZWJ or ZWNJ joins the letter before it: a cut before one would split a grapheme. */
const JOINS_BEFORE = /[\p{M}\u200c\u200d]/u;

/**
 * A cut just after a space, at most `reach` units before `at`, or -1. Most scripts put spaces
 * between words, and looking at characters is a hundred times cheaper than the word segmenter
 * over a megabyte.
 */
function spaceCut(text: string, at: number, reach: number): number {
  for (let i = at; i > at - reach; i--) {
    if (SPACE.test(text[i - 1]) && !SPACE.test(text[i]) && !JOINS_BEFORE.test(text[i])) return i;
  }
  return -1;
}

/** A cut just after a line break, at most `reach` units before `at`, or -1. */
function lineCut(text: string, at: number, reach: number): number {
  for (let i = at; i > at - reach; i--) if (text.charCodeAt(i - 1) === 10) return i;
  return -1;
}

/** Start offsets of the parts of `text` (the first is 0; one entry: the text is one part). */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  let from = 0;
  while (text.length - from > ONE_PIECE_MAX) {
    const at = from + PIECE_TARGET;
    // A line break in the second half of the part is the most natural cut; then a space; then
    // (Thai, Chinese, Japanese) the segmenter's word boundary; then any letter's boundary. Each
    // looks only near `at`: a search back to the text's start would make 1 MB cost quadratic.
    let next = lineCut(text, at, PIECE_TARGET / 2);
    if (next <= from) next = spaceCut(text, at, PIECE_TARGET / 2);
    if (next <= from) next = wordCut(text, at, 64);
    if (next <= from) next = graphemeCut(text, at);
    if (next <= from || next >= text.length) break;
    starts.push(next);
    from = next;
  }
  return starts;
}

export interface Piece {
  /** 0-based index of the part shown, and how many there are. */
  index: number;
  count: number;
  /** The part's [start, end) in the whole text. */
  start: number;
  end: number;
  /** The part's text (the whole text when it is one part). */
  value: string;
  /** Length of the whole text. */
  total: number;
}

interface Entry {
  text: string;
  starts: number[];
  shown: number;
}

/** Which part of each long transcript is shown, and splicing an edited part back into the whole. */
export class TranscriptPieces {
  private readonly entries = new Map<string, Entry>();
  /**
   * What each field was last given, and where in the whole text: an edit is spliced there, never
   * where a fresh cut of the edited text would put the part (the text may have grown past one
   * part or shrunk to one while the field kept what it showed).
   */
  readonly #fields = new Map<string, { text: string; start: number; end: number }>();
  /** Changes when a field must show another part (for the list's guard). */
  version = 0;

  /** The part of segment `id`'s `text` its field shows. */
  pieceOf(id: string, text: string): Piece {
    const entry = this.entry(id, text);
    const start = entry ? entry.starts[entry.shown] : 0;
    const end = entry ? (entry.starts[entry.shown + 1] ?? text.length) : text.length;
    this.#fields.set(id, { text, start, end });
    if (!entry) return { index: 0, count: 1, start, end, value: text, total: text.length };
    return { index: entry.shown, count: entry.starts.length, start, end, value: text.slice(start, end), total: text.length };
  }

  /** Shows part `index` of segment `id`'s text. */
  show(id: string, text: string, index: number): void {
    const entry = this.entry(id, text);
    if (!entry) return;
    const shown = Math.max(0, Math.min(entry.starts.length - 1, index));
    if (shown === entry.shown) return;
    entry.shown = shown;
    this.version++;
  }

  /**
   * The whole text after the field showing segment `id`'s part (of `text`) now holds `value`.
   * Later parts keep their own text: their starts move by what the edit added or removed.
   */
  splice(id: string, text: string, value: string): string {
    const field = this.#fields.get(id);
    // Never rendered through pieceOf, or the text changed under it: the field held the whole text.
    const { start, end } = field && field.text === text ? field : { start: 0, end: text.length };
    const next = text.slice(0, start) + value + text.slice(end);
    const delta = value.length - (end - start);
    this.#fields.set(id, { text: next, start, end: start + value.length });
    const entry = this.entries.get(id);
    if (entry?.text === text) {
      for (let i = entry.shown + 1; i < entry.starts.length; i++) entry.starts[i] += delta;
      entry.text = next;
    }
    return next;
  }

  /** Shows the part holding whole-text offset `offset` (a caret put there); returns the offset in that part. */
  reveal(id: string, text: string, offset: number): number {
    const entry = this.entry(id, text);
    if (!entry) return offset;
    let index = entry.starts.length - 1;
    while (index > 0 && entry.starts[index] > offset) index--;
    this.show(id, text, index);
    return offset - entry.starts[index];
  }

  /** The whole-text offset of `local`, an offset in the part segment `id`'s field shows. */
  offsetOf(id: string, local: number): number {
    return (this.#fields.get(id)?.start ?? 0) + local;
  }

  /** Forgets segments no longer there. */
  keepOnly(exists: (id: string) => boolean): void {
    for (const id of [...this.entries.keys()]) if (!exists(id)) this.entries.delete(id);
    for (const id of [...this.#fields.keys()]) if (!exists(id)) this.#fields.delete(id);
  }

  private entry(id: string, text: string): Entry | null {
    if (text.length <= ONE_PIECE_MAX) {
      this.entries.delete(id);
      return null;
    }
    let entry = this.entries.get(id);
    if (entry?.text !== text) {
      // Changed elsewhere (undo, a split, the host): cut again, staying near the part that was shown.
      const starts = pieceStarts(text);
      const shown = Math.min(entry?.shown ?? 0, starts.length - 1);
      entry = { text, starts, shown };
      this.entries.set(id, entry);
    }
    return entry;
  }
}
