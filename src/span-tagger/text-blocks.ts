/**
 * The text is shown as a column of blocks, each one text node cut after a line break. Why: a 1 MB
 * text in one node makes every layout and every Range walk the whole document, while blocks let the
 * browser skip off-screen ones (`content-visibility: auto`) and make a Range from two binary
 * searches. Cutting after "\n" keeps what is shown identical to one `pre-wrap` node; a paragraph with
 * no break for several blocks is cut between words, which starts a new line there.
 */
import { wordCut } from '../core/word-cut.js';

/** UTF-16 units a block aims for; lines are never split, so a block may be longer. */
export const BLOCK_TARGET = 4096;

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
function estimatedLines(text: string, charsPerLine = 90): number {
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

/** Maps UTF-16 indices of the whole text to DOM positions in the blocks, and back. */
export class TextBlocks {
  readonly starts: number[];
  readonly nodes: Text[] = [];
  readonly elements: HTMLElement[] = [];
  readonly length: number;
  readonly #blockOfNode = new Map<Node, number>();

  constructor(readonly container: HTMLElement, text: string) {
    this.starts = blockStarts(text);
    this.length = text.length;
    const fragment = document.createDocumentFragment();
    this.starts.forEach((start, i) => {
      const slice = text.slice(start, this.starts[i + 1] ?? text.length);
      const block = document.createElement('div');
      block.className = 'block';
      // Text nodes, never markup: user text is not parsed as HTML.
      const node = document.createTextNode(slice);
      block.append(node);
      // One block (most texts) is always on screen: no skipping, hence no frame without layout.
      if (this.starts.length > 1) block.classList.add('lazy');
      if (this.starts.length > 1) block.style.containIntrinsicBlockSize = `auto calc(${estimatedLines(slice)} * 1lh)`;
      this.#blockOfNode.set(node, i).set(block, i);
      this.nodes.push(node);
      this.elements.push(block);
      fragment.append(block);
    });
    container.replaceChildren(fragment);
  }

  /** The block holding UTF-16 index `index` (the last block for the end of the text). */
  blockOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= index) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** A live Range over [start, end). */
  range(start: number, end: number): Range {
    const range = new Range();
    const a = this.blockOf(start);
    range.setStart(this.nodes[a], start - this.starts[a]);
    // An end on a block boundary belongs to the block before, so the range does not reach into the next.
    const b = end > start ? this.blockOf(end - 1) : a;
    range.setEnd(this.nodes[b], end - this.starts[b]);
    return range;
  }

  /**
   * The UTF-16 index of a DOM boundary point, or null when the point is outside the blocks (the
   * caller clamps it by comparing with the container).
   */
  indexOf(node: Node, offset: number): number | null {
    if (node.nodeType === Node.TEXT_NODE) {
      const block = this.#blockOfNode.get(node);
      return block === undefined ? null : this.starts[block] + offset;
    }
    if (node === this.container) return offset >= this.elements.length ? this.length : this.starts[offset];
    const block = this.#blockOfNode.get(node);
    if (block !== undefined) return this.starts[block] + (offset > 0 ? this.nodes[block].length : 0);
    return null;
  }

  /**
   * The text a reader can reach without much scrolling: the blocks the page shows of `scroller`
   * (its own view, cut by the viewport) and a screen either side, as UTF-16 [start, end).
   */
  nearScreen(scroller: HTMLElement): { start: number; end: number } {
    if (this.elements.length === 1) return { start: 0, end: this.length };
    const box = scroller.getBoundingClientRect();
    const screen = Math.min(scroller.clientHeight, innerHeight);
    const top = scroller.scrollTop + Math.max(0, -box.top) - screen;
    const bottom = top + 3 * screen;
    // Blocks are laid out top to bottom: binary search the first that ends below `top`.
    let first = 0;
    let hi = this.elements.length - 1;
    while (first < hi) {
      const mid = (first + hi) >> 1;
      if (this.elements[mid].offsetTop + this.elements[mid].offsetHeight <= top) first = mid + 1;
      else hi = mid;
    }
    let last = first;
    while (last + 1 < this.elements.length && this.elements[last + 1].offsetTop < bottom) last++;
    return { start: this.starts[first], end: this.starts[last + 1] ?? this.length };
  }

  /**
   * Calls `onChange(start, end)` whenever the blocks within 1.5 screens of the viewport change.
   * An IntersectionObserver, not a scroll listener: it forces no layout while scrolling, and its
   * margin lets spans get their Ranges before they scroll into view. Returns the stop function.
   */
  watchNearScreen(onChange: (start: number, end: number) => void): () => void {
    if (this.elements.length === 1 || typeof IntersectionObserver !== 'function') return () => {};
    const near = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const i = this.#blockOfNode.get(entry.target)!;
          if (entry.isIntersecting) near.add(i);
          else near.delete(i);
        }
        if (near.size === 0) return;
        const first = Math.min(...near);
        const last = Math.max(...near);
        onChange(this.starts[first], this.starts[last + 1] ?? this.length);
      },
      { rootMargin: '150% 0px' },
    );
    for (const element of this.elements) observer.observe(element);
    return () => observer.disconnect();
  }
}
