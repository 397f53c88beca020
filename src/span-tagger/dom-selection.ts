/**
 * Reading the user's selection and the character under the pointer from inside a shadow root, the
 * way each engine allows: `getComposedRanges({ shadowRoots })` (Chromium 137+, Firefox, Safari 17),
 * else Chromium's older `shadowRoot.getSelection()`, else the document selection.
 * `caretPositionFromPoint` with `shadowRoots` (Chromium 128+, Firefox), else `caretRangeFromPoint`.
 */

export interface Boundary {
  node: Node;
  offset: number;
}

export interface DomSelection {
  start: Boundary;
  end: Boundary;
  collapsed: boolean;
}

// Older engines lack these; the DOM typings say they are always there.
type ComposedSelection = Omit<Selection, 'getComposedRanges'> & {
  getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[];
};

type CaretDocument = {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots: ShadowRoot[] }): CaretPosition | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The current selection as boundary points that may lie inside `root`, or null if there is none. */
export function readSelection(root: ShadowRoot): DomSelection | null {
  const selection = document.getSelection() as unknown as ComposedSelection | null;
  const legacy = (root as ShadowRoot & { getSelection?(): Selection | null }).getSelection?.() ?? selection;
  const source = selection?.getComposedRanges ? selection : legacy;
  if (!source || source.rangeCount === 0) return null;
  const range: AbstractRange | undefined = selection?.getComposedRanges ? selection.getComposedRanges({ shadowRoots: [root] })[0] : legacy!.getRangeAt(0);
  return range
    ? {
        start: { node: range.startContainer, offset: range.startOffset },
        end: { node: range.endContainer, offset: range.endOffset },
        collapsed: range.collapsed,
      }
    : null;
}

/** Clears the document's selection (the span now shows what was selected). */
export function clearSelection(): void {
  document.getSelection()?.removeAllRanges();
}

/** The caret position nearest to viewport point (x, y), looking into `root`. */
export function caretFromPoint(root: ShadowRoot, x: number, y: number): Boundary | null {
  const doc = document as unknown as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots: [root] });
    return position?.offsetNode ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether viewport point (x, y) lies on one of the boxes of `range` (a character, usually). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * The offset in text node `node` nearest to viewport point (x, y), by geometry alone: a binary
 * search for the line (characters run down the lines in order), then a walk along that line.
 */
export function offsetInNode(node: Text, x: number, y: number): number {
  const range = new Range();
  const rectOf = (i: number) => {
    range.setStart(node, i);
    range.setEnd(node, Math.min(node.length, i + 1));
    return range.getBoundingClientRect();
  };
  let lo = 0;
  let hi = node.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rectOf(mid).bottom <= y) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < node.length; i++) {
    const rect = rectOf(i);
    if (rect.top > y) break;
    if (x >= rect.left && x <= rect.right) return x > (rect.left + rect.right) / 2 ? i + 1 : i;
  }
  return lo;
}
