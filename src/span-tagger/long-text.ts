/**
 * What only a text longer than one block needs (`text-blocks.ts`): where to cut it, a height for
 * each block before it is laid out, and which blocks are near the screen. Part of the on-demand
 * code (`span-extras.ts`), fetched the first time such a text arrives, so a tool tagging tweets or
 * sentences never downloads it.
 */
import { wordCut } from '../core/word-cut.js';
import { BLOCK_TARGET, type TextBlocks } from './text-blocks.js';

/** A paragraph longer than this many targets is also cut between words. */
const LONGEST_LINE = 4;

/**
 * Start indices of the blocks of `text` (the first is 0). A block ends just after a "\n"; a
 * paragraph so long it has none for LONGEST_LINE targets (a 1 MB text on one line) is cut between
 * words instead, so the browser never lays out a megabyte as one paragraph (160 s for 1 MB of
 * Tamil). Offsets are unchanged: the blocks' text joined is the text.
 */
export function blockStarts(text: string, target = BLOCK_TARGET): number[] {
  const starts = [0];
  let from = 0;
  while (from + target < text.length) {
    const newline = text.indexOf('\n', from + target);
    let next = newline >= 0 && newline < from + LONGEST_LINE * target ? newline + 1 : wordCut(text, from + target, target);
    if (next < 0) next = newline >= 0 ? newline + 1 : -1;
    if (next <= from || next >= text.length) break;
    starts.push(next);
    from = next;
  }
  return starts;
}

/** A rough height for a block not yet laid out, so the scrollbar is about right from the start. */
export function estimatedLines(text: string, charsPerLine = 90): number {
  let lines = 0;
  let from = 0;
  while (from <= text.length) {
    const stop = text.indexOf('\n', from);
    const end = stop < 0 ? text.length : stop;
    lines += Math.max(1, Math.ceil((end - from) / charsPerLine));
    if (stop < 0) break;
    from = stop + 1;
  }
  return lines;
}

/**
 * The text a reader can reach without much scrolling: the blocks the page shows of `scroller`
 * (its own view, cut by the viewport) and a screen either side, as UTF-16 [start, end).
 */
export function nearScreen(blocks: TextBlocks, scroller: HTMLElement): { start: number; end: number } {
  const { elements, starts } = blocks;
  const box = scroller.getBoundingClientRect();
  const screen = Math.min(scroller.clientHeight, innerHeight);
  const top = scroller.scrollTop + Math.max(0, -box.top) - screen;
  const bottom = top + 3 * screen;
  // Blocks are laid out top to bottom: binary search the first that ends below `top`.
  let first = 0;
  let hi = elements.length - 1;
  while (first < hi) {
    const mid = (first + hi) >> 1;
    if (elements[mid].offsetTop + elements[mid].offsetHeight <= top) first = mid + 1;
    else hi = mid;
  }
  let last = first;
  while (last + 1 < elements.length && elements[last + 1].offsetTop < bottom) last++;
  return { start: starts[first], end: starts[last + 1] ?? blocks.length };
}

/**
 * Calls `onChange(start, end)` whenever the blocks within 1.5 screens of the viewport change.
 * An IntersectionObserver, not a scroll listener: it forces no layout while scrolling, and its
 * margin lets spans get their Ranges before they scroll into view. Returns the stop function.
 */
export function watchNearScreen(blocks: TextBlocks, onChange: (start: number, end: number) => void): () => void {
  if (typeof IntersectionObserver !== 'function') return () => {};
  const { elements, starts } = blocks;
  const indexOf = new Map(elements.map((element, i) => [element as Element, i]));
  const near = new Set<number>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const i = indexOf.get(entry.target)!;
        if (entry.isIntersecting) near.add(i);
        else near.delete(i);
      }
      if (near.size === 0) return;
      const first = Math.min(...near);
      const last = Math.max(...near);
      onChange(starts[first], starts[last + 1] ?? blocks.length);
    },
    { rootMargin: '150% 0px' },
  );
  for (const element of elements) observer.observe(element);
  return () => observer.disconnect();
}
