/**
 * The three small elements drawn over the text: the keyboard caret, the selected span's label tag
 * and the tooltip naming the spans under the pointer. They live inside the scrolling region, so
 * they scroll with the text; each is placed from viewport rects measured before any is moved.
 */
import { contrastText } from '../core/palette.js';
import type { TextBlocks } from './text-blocks.js';

export interface TagView {
  /** The span's first box, in the viewport. */
  rect: DOMRect;
  name: string;
  color: string;
}

export class SpanOverlays {
  readonly #root: ShadowRoot;

  constructor(root: ShadowRoot) {
    this.#root = root;
  }

  #part(name: 'text' | 'caret' | 'tag' | 'tooltip'): HTMLElement {
    return this.#root.querySelector<HTMLElement>(`[part="${name}"]`)!;
  }

  /** Viewport position of the scroller's content origin: overlays inside it are placed from here. */
  #origin(): { left: number; top: number; scrollTop: number } {
    const scroller = this.#part('text');
    const box = scroller.getBoundingClientRect();
    return {
      left: box.left + scroller.clientLeft - scroller.scrollLeft,
      top: box.top + scroller.clientTop - scroller.scrollTop,
      scrollTop: scroller.scrollTop,
    };
  }

  /** Shows the label tag (or hides it with `undefined`) and the caret at `caretRect`. */
  draw(tag: TagView | undefined, caretRect: DOMRect | undefined): void {
    const origin = this.#origin();
    const tagElement = this.#part('tag');
    tagElement.classList.toggle('shown', !!tag);
    if (tag) {
      tagElement.textContent = tag.name;
      tagElement.style.background = tag.color;
      tagElement.style.color = contrastText(tag.color);
      // Above the span, or below it where above is outside the box: the room is measured against
      // the tag's own height (fonts differ by platform and script), not a fixed number of px.
      const above = tag.rect.top - origin.top - origin.scrollTop >= tagElement.offsetHeight - 1;
      // Above, it rests 1 px into the span's own line box (its ascent, which has no ink), so it takes
      // that much less of the gap to the line above.
      tagElement.style.transform = `translate(${tag.rect.left - origin.left}px, ${(above ? tag.rect.top + 1 : tag.rect.bottom) - origin.top}px)${above ? ' translateY(-100%)' : ''}`;
    }
    const caret = this.#part('caret');
    caret.classList.toggle('shown', !!caretRect);
    if (caretRect) {
      caret.style.height = `${caretRect.height}px`;
      caret.style.transform = `translate(${caretRect.left - 1 - origin.left}px, ${caretRect.top - origin.top}px)`;
    }
  }

  /** Shows `text` near viewport point (x, y), or hides the tooltip when `text` is empty. */
  tooltip(text: string, x: number, y: number): void {
    const tooltip = this.#part('tooltip');
    tooltip.classList.toggle('shown', text !== '');
    if (!text) return;
    tooltip.textContent = text;
    const origin = this.#origin();
    tooltip.style.transform = `translate(${x + 12 - origin.left}px, ${y + 16 - origin.top}px)`;
  }
}

/** Where the caret at `index` is drawn, in the viewport. */
export function caretRect(blocks: TextBlocks, index: number): DOMRect | undefined {
  if (blocks.length === 0) return undefined;
  const range = blocks.range(index, index);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (rect.height > 0) return rect;
  // A collapsed range at a line start can have no box; measure the character after it instead.
  const next = blocks.range(index, Math.min(blocks.length, index + 1)).getClientRects()[0];
  return next ? new DOMRect(next.left, next.top, 0, next.height) : undefined;
}
