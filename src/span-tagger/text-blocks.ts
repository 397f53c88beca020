/**
 * The text is shown as a column of blocks, each one text node cut after a line break. Why: a 1 MB
 * text in one node makes every layout and every Range walk the whole document, while blocks let the
 * browser skip off-screen ones (`content-visibility: auto`) and make a Range from two binary
 * searches. Cutting after "\n" keeps what is shown identical to one `pre-wrap` node; a paragraph with
 * no break for several blocks is cut between words, which starts a new line there. A text of one
 * block (most of them) needs none of that: the cutting and the near-screen watch are in
 * `long-text.ts`, part of the on-demand code the tagger fetches when a longer text arrives.
 */

/** UTF-16 units a block aims for; lines are never split, so a block may be longer. */
export const BLOCK_TARGET = 4096;

/** The half of this that only a text longer than one block needs (in the on-demand code). */
export type LongText = typeof import('./long-text.js');

/** Maps UTF-16 indices of the whole text to DOM positions in the blocks, and back. */
export class TextBlocks {
  readonly starts: number[];
  readonly nodes: Text[] = [];
  readonly elements: HTMLElement[] = [];
  readonly length: number;
  readonly #blockOfNode = new Map<Node, number>();

  /** `long`: the long-text code, which a text longer than BLOCK_TARGET needs to be cut at all. */
  constructor(
    readonly container: HTMLElement,
    text: string,
    readonly long?: LongText,
  ) {
    this.starts = long ? long.blockStarts(text) : [0];
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
      if (long && this.starts.length > 1) {
        block.classList.add('lazy');
        block.style.containIntrinsicBlockSize = `auto calc(${long.estimatedLines(slice)} * 1lh)`;
      }
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

  /** The text near the screen, as UTF-16 [start, end): all of it when it is one block. */
  nearScreen(scroller: HTMLElement): { start: number; end: number } {
    return this.long && this.elements.length > 1 ? this.long.nearScreen(this, scroller) : { start: 0, end: this.length };
  }

  /** Calls `onChange(start, end)` as the blocks near the screen change; returns the stop function. */
  watchNearScreen(onChange: (start: number, end: number) => void): () => void {
    return this.long && this.elements.length > 1 ? this.long.watchNearScreen(this, onChange) : () => {};
  }
}
