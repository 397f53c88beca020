/**
 * Snapping a selection to whole grapheme clusters, for `granularity="char"`: an emoji ZWJ sequence,
 * a Tamil or Devanagari conjunct, a letter and its combining marks are never split. A window around
 * each end is segmented, never the whole text. Part of the span tagger's on-demand code
 * (`span-extras.ts`), fetched when a host sets that granularity.
 */
import { SPACE, type IndexRange } from './segmentation.js';

const GRAPHEME_WINDOW = 64;

let graphemeSegmenter: Intl.Segmenter | undefined;

function graphemes(): Intl.Segmenter {
  return (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

/** Start of the grapheme cluster holding `index`, or `index` itself when it is a boundary. */
function graphemeStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const from = Math.max(0, index - GRAPHEME_WINDOW);
  let start = from;
  for (const s of graphemes().segment(text.slice(from, Math.min(text.length, index + GRAPHEME_WINDOW)))) {
    const at = from + s.index;
    if (at > index) break;
    start = at;
  }
  return start;
}

/** End of the grapheme cluster holding the unit just before `index`. */
function graphemeEnd(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const from = graphemeStart(text, index - 1);
  const [first] = graphemes().segment(text.slice(from, Math.min(text.length, from + GRAPHEME_WINDOW * 4)));
  return first ? from + first.segment.length : index;
}

/**
 * Keeps the selection as it is, but never splits a grapheme cluster (an emoji ZWJ sequence, a
 * Tamil or Devanagari conjunct, a letter and its combining marks): each end moves outwards.
 */
export function snapToGraphemes(text: string, range: IndexRange): IndexRange | null {
  const start = graphemeStart(text, Math.max(0, range.start));
  const end = graphemeEnd(text, Math.min(text.length, range.end));
  if (end <= start || SPACE.test(text.slice(start, end))) return null;
  return { start, end };
}
