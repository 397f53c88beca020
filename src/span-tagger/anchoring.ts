/**
 * Finding where a stored span belongs in the text it is shown on (CONTRACT §5). The position
 * selector is trusted when the text there is the quote (`position-anchor.ts`); otherwise the quote
 * is searched for and prefix/suffix decide between repeats, the old position breaking ties. A span
 * that cannot be found is an orphan: the caller reports it and keeps the annotation as given.
 * Part of the on-demand code (`span-extras.ts`), fetched the first time a span's text has moved.
 */
import type { Annotation } from '../core/annotation.js';
import type { CodePointIndex } from '../core/code-points.js';
import { quoteOf, textRangeOf } from '../core/selectors.js';
import { anchorByPosition, type Anchored } from './position-anchor.js';

/** How many repeats of a short quote are weighed before giving up on a better one. */
const MAX_CANDIDATES = 5000;

/** Length of the common suffix of `a` and `b` (how much of a prefix matches, read backwards). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * The code-point range of `annotation` in the text, or null when it cannot be anchored.
 * `anchored.drifted` is true when the quote, not the position, placed it.
 */
export function anchorSpan(index: CodePointIndex, annotation: Annotation): Anchored | null {
  const placed = anchorByPosition(index, annotation);
  return placed === 'search' ? searchQuote(index, annotation) : placed;
}

/** Where the quote of a span whose position no longer holds it is now, or null. */
export function searchQuote(index: CodePointIndex, annotation: Annotation): Anchored | null {
  const position = textRangeOf(annotation);
  const quote = quoteOf(annotation);
  const exact = typeof quote?.exact === 'string' ? quote.exact : undefined;
  // A quote with a lone surrogate (half of an emoji) would match inside a character and show as
  // an invisible span: it cannot be anchored, so it is reported as an orphan.
  if (!exact || !isWellFormed(exact)) return null;
  const text = index.text;
  const hint = position ? index.toIndex(position.start) : 0;
  const prefix = typeof quote?.prefix === 'string' ? quote.prefix : '';
  const suffix = typeof quote?.suffix === 'string' ? quote.suffix : '';

  // Usually prefix + exact + suffix is unique: one indexOf finds it.
  let best = nearest(text, prefix + exact + suffix, hint + prefix.length);
  if (best >= 0) best += prefix.length;
  else best = bestByContext(text, exact, prefix, suffix, hint);
  if (best < 0) return null;
  const start = index.toCodePoint(best);
  return { start, end: start + index.toCodePoint(best + exact.length) - index.toCodePoint(best), drifted: true };
}

/** No unpaired UTF-16 surrogate (`String.prototype.isWellFormed`, spelled out for older engines). */
function isWellFormed(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

/** The occurrence of `needle` nearest to `hint`, or -1. */
function nearest(text: string, needle: string, hint: number): number {
  let best = -1;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0 && count < MAX_CANDIDATES; at = text.indexOf(needle, at + 1), count++) {
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
    if (at > hint) break;
  }
  return best;
}

/** The occurrence of `exact` whose surroundings match the prefix and suffix best, or -1. */
function bestByContext(text: string, exact: string, prefix: string, suffix: string, hint: number): number {
  let best = -1;
  let bestScore = -1;
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0 && count < MAX_CANDIDATES; at = text.indexOf(exact, at + 1), count++) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const score = commonSuffix(before, prefix) + commonPrefix(after, suffix);
    if (score > bestScore || (score === bestScore && Math.abs(at - hint) < Math.abs(best - hint))) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}
