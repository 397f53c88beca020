/**
 * Offsets in Kolam count Unicode code points (CONTRACT §2, and what Python counts), while the DOM
 * and JS strings count UTF-16 units. Outside the astral planes the two agree, so a text without
 * surrogate pairs converts for free; otherwise we binary-search a table of where the pairs start.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/** Converts between code-point offsets and UTF-16 indices in one text, fast for repeated use. */
export class CodePointIndex {
  /** UTF-16 index of each surrogate pair's first unit, ascending. */
  readonly #pairStarts: number[] = [];
  readonly text: string;
  /** Length in code points. */
  readonly length: number;

  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length - 1; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.#pairStarts.push(i);
          i++;
        }
      }
    }
    this.length = text.length - this.#pairStarts.length;
  }

  /** UTF-16 index of code point `offset` (clamped to the text). */
  toIndex(offset: number): number {
    const target = Math.max(0, Math.min(offset, this.length));
    // Pairs before code point k are those whose start index - (pairs before them) < k.
    return target + this.#pairsBefore(target, 1);
  }

  /** Code-point offset of UTF-16 index `index`; an index inside a pair counts as its start. */
  toCodePoint(index: number): number {
    const target = Math.max(0, Math.min(index, this.text.length));
    // Each pair wholly before `target` is 2 units but 1 code point. An index on a pair's low unit
    // also lands on target - (pairs before): the pair's own code point, i.e. its start.
    return target - this.#pairsBefore(target, 0);
  }

  /** How many pairs start before `target`: pair k's start, less `perPair` × k, is compared with it. */
  #pairsBefore(target: number, perPair: number): number {
    const pairs = this.#pairStarts;
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] - perPair * mid < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The substring between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toIndex(start), this.toIndex(end));
  }
}

/** UTF-16 index of code point `offset` in `text` (for one-off use; see CodePointIndex). */
export function codePointToIndex(text: string, offset: number): number {
  return new CodePointIndex(text).toIndex(offset);
}

/** Code-point offset of UTF-16 `index` in `text` (for one-off use; see CodePointIndex). */
export function indexToCodePoint(text: string, index: number): number {
  return new CodePointIndex(text).toCodePoint(index);
}
