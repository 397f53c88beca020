/**
 * From the pointer and the user's selection to UTF-16 indices of the text: what is under a point,
 * where a caret would go, what a selection covers, clamped to the text when it reaches outside.
 */
import { caretFromPoint, offsetInNode, rangeContainsPoint, readSelection, type Boundary } from './dom-selection.js';
import type { IndexRange } from './segmentation.js';
import type { TextBlocks } from './text-blocks.js';

export class TextHits {
  readonly #root: ShadowRoot;
  readonly #blocks: TextBlocks;
  /** Stands for the blocks when comparing with nodes outside the shadow root. */
  readonly #host: Element;

  constructor(root: ShadowRoot, blocks: TextBlocks, host: Element) {
    this.#root = root;
    this.#blocks = blocks;
    this.#host = host;
  }

  /** The index a caret at viewport point (x, y) would take, or null. */
  caretAt(x: number, y: number): number | null {
    const boundary = caretFromPoint(this.#root, x, y);
    const inside = boundary && this.#blocks.indexOf(boundary.node, boundary.offset);
    if (typeof inside === 'number') return inside;
    // An engine whose caret API stops at the shadow boundary (Safari's caretRangeFromPoint): find
    // the block under the point, then the character by geometry.
    const block = this.#root.elementFromPoint(x, y)?.closest('.block');
    const at = block ? this.#blocks.elements.indexOf(block as HTMLElement) : -1;
    if (at >= 0) return this.#blocks.starts[at] + offsetInNode(this.#blocks.nodes[at], x, y);
    return boundary ? this.indexOf(boundary) : null;
  }

  /** The index of the character drawn under viewport point (x, y), or null over blank space. */
  charAt(x: number, y: number): number | null {
    const index = this.caretAt(x, y);
    if (index === null) return null;
    for (const i of [index, index - 1]) {
      if (i < 0 || i >= this.#blocks.length) continue;
      // A surrogate pair is one character: measure both halves.
      const end = Math.min(this.#blocks.length, i + (this.#isHighSurrogate(i) ? 2 : 1));
      if (rangeContainsPoint(this.#blocks.range(i, end), x, y)) return i;
    }
    return null;
  }

  /** The user's selection as indices, or null when none meets the text. */
  selection(): IndexRange | null {
    const selection = readSelection(this.#root);
    if (!selection || selection.collapsed) return null;
    const start = this.indexOf(selection.start);
    const end = this.indexOf(selection.end);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** A DOM boundary as an index, clamped to the text when it lies outside it. */
  indexOf({ node, offset }: Boundary): number | null {
    const inside = this.#blocks.indexOf(node, offset);
    if (inside !== null) return inside;
    const container = this.#blocks.container;
    const reference = container.getRootNode() === node.getRootNode() ? container : this.#host;
    if (node === reference || node.contains(reference)) {
      const child = [...node.childNodes].findIndex((c) => c === reference || c.contains(reference));
      return offset <= child ? 0 : this.#blocks.length;
    }
    const position = reference.compareDocumentPosition(node);
    if (position & Node.DOCUMENT_POSITION_PRECEDING) return 0;
    if (position & Node.DOCUMENT_POSITION_FOLLOWING) return this.#blocks.length;
    return null;
  }

  #isHighSurrogate(i: number): boolean {
    const block = this.#blocks.blockOf(i);
    const unit = this.#blocks.nodes[block].data.charCodeAt(i - this.#blocks.starts[block]);
    return unit >= 0xd800 && unit <= 0xdbff;
  }
}
