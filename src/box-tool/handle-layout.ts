/**
 * Where the selected box's resize handles are drawn and grabbed. On a box at least SMALL_BOX px on
 * screen, all eight sit on its corners and edges. On a smaller one, eight handles would cover it:
 * then only the four corners are shown, each pushed just outside its corner, so the whole box stays
 * visible and every corner can still be dragged.
 */
import type { Rect } from '../core/selectors.js';
import { HANDLES, handlePoint, type Handle, type Point } from './geometry.js';

/** Below this many screen px on either side a box gets its handles outside. */
export const SMALL_BOX = 24;

export function handleCentres(r: Rect, size: number): Array<{ handle: Handle } & Point> {
  if (r.w >= SMALL_BOX && r.h >= SMALL_BOX) return HANDLES.map((handle) => ({ handle, ...handlePoint(r, handle) }));
  // Half a handle and the stroke's half-width out: the handle's inner edge meets the corner.
  const out = size / 2 + 1;
  return (['nw', 'ne', 'se', 'sw'] as const).map((handle) => {
    const p = handlePoint(r, handle);
    return { handle, x: p.x + (handle.includes('w') ? -out : out), y: p.y + (handle.includes('n') ? -out : out) };
  });
}

/** The screen rects the handles cover. */
export function handleRects(r: Rect, size: number): Rect[] {
  return handleCentres(r, size).map((p) => ({ x: p.x - size / 2, y: p.y - size / 2, w: size, h: size }));
}
