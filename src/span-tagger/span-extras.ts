/**
 * The span tagger's code that only some texts need, fetched as one chunk the first time one does
 * (`ExtrasSlot`): cutting a text longer than one block, finding a span whose text has moved, and
 * snapping to graphemes for `granularity="char"`. A tool tagging short texts with spans that sit
 * where they were made never downloads it.
 */
export { blockStarts, estimatedLines, nearScreen, watchNearScreen } from './long-text.js';
export { searchQuote } from './anchoring.js';
export { snapToGraphemes } from './grapheme-snap.js';
