import type { Annotation } from '../core/annotation.js';
import { rectOf, type Rect } from '../core/selectors.js';

/** Rects parsed once per annotation object (annotations are replaced, never mutated, so this is safe). */
const rectCache = new WeakMap<Annotation, Rect>();

export function cachedRect(a: Annotation): Rect {
  let r = rectCache.get(a);
  if (!r) rectCache.set(a, (r = rectOf(a) ?? { x: 0, y: 0, w: 0, h: 0 }));
  return r;
}

/** Records the rect of an annotation just made from it, so it is never parsed back. */
export function cacheRect(a: Annotation, rect: Rect): void {
  rectCache.set(a, rect);
}
