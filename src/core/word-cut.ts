/**
 * Where a long run of text with no line break may be cut without breaking a word or a letter: the
 * span tagger cuts its blocks here, the transcription player the parts of a long transcript.
 */

/** How far back (UTF-16 units) the word segmenter starts before a cut, for its context. */
const CONTEXT = 64;

let words: Intl.Segmenter | null = null;

/**
 * Where to cut a paragraph with no line break near `at`: after the first gap between words (a
 * space, punctuation) at or past `at`, else at any word boundary. Word boundaries never fall inside
 * a grapheme cluster (UAX #29), so a letter and its vowel signs or combining marks stay together.
 * Returns -1 when none is found within `reach`.
 */
export function wordCut(text: string, at: number, reach: number): number {
  words ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const from = Math.max(0, at - CONTEXT);
  const window = text.slice(from, Math.min(text.length, at + reach));
  let anyBoundary = -1;
  for (const { index, segment, isWordLike } of words.segment(window)) {
    const end = from + index + segment.length;
    if (end < at || end >= from + window.length) continue;
    if (!isWordLike) return end;
    if (anyBoundary < 0) anyBoundary = end;
  }
  return anyBoundary;
}
