/**
 * The first question of anchoring a stored span (CONTRACT §5): is it where its position selector
 * says, with its quote there? Almost every span is (the text did not change since it was made), so
 * this is all a page loads up front; only a span whose text moved needs the quote search of
 * `anchoring.ts`, which is fetched the first time one does.
 */
import type { Annotation } from '../core/annotation.js';
import type { CodePointIndex } from '../core/code-points.js';
import { quoteOf, textRangeOf, type TextRange } from '../core/selectors.js';

export type Anchored = TextRange & { drifted: boolean };

/** Where the position says, or 'search' when only the quote can tell, or null when nothing can. */
export function anchorByPosition(index: CodePointIndex, annotation: Annotation): Anchored | 'search' | null {
  const position = textRangeOf(annotation);
  const exact = quoteOf(annotation)?.exact;
  const fits = position !== null && position.start >= 0 && position.end > position.start && position.end <= index.length;
  if (fits && (typeof exact !== 'string' || index.slice(position.start, position.end) === exact)) return { ...position, drifted: false };
  return typeof exact === 'string' && exact ? 'search' : null;
}
