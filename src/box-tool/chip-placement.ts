/**
 * Where box label chips go so that none covers another, the selected box's handles or its own
 * chip, and none spills past the view. Each box tries, in turn: above its top-left corner, inside
 * its top edge, below its bottom edge, inside its bottom edge; the first spot that is free wins.
 * A box with no free spot shows no chip — its name appears when it is hovered or selected (the
 * overlay), and zooming in makes room. Bigger boxes choose first: they are what the eye reads.
 * Pure geometry in screen px; a grid of buckets keeps 10,000 boxes to a few ms.
 */
import type { Rect } from '../core/selectors.js';

export interface ChipRequest {
  /** The box on screen. */
  box: Rect;
  /** The chip's size. */
  w: number;
  h: number;
}

const CELL = 64;

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Rects in grid buckets, for "does anything here intersect this" in constant time per bucket. */
class RectGrid {
  private readonly cells = new Map<number, Rect[]>();

  hits(r: Rect): boolean {
    // Plain loops over the cells, not a generator of keys: this runs per candidate spot of every chip.
    const x1 = Math.floor((r.x + r.w) / CELL);
    const y1 = Math.floor((r.y + r.h) / CELL);
    for (let y = Math.floor(r.y / CELL); y <= y1; y++) {
      for (let x = Math.floor(r.x / CELL); x <= x1; x++) {
        const list = this.cells.get(y * 100003 + x);
        if (list) for (const other of list) if (intersects(r, other)) return true;
      }
    }
    return false;
  }

  add(r: Rect): void {
    const x1 = Math.floor((r.x + r.w) / CELL);
    const y1 = Math.floor((r.y + r.h) / CELL);
    for (let y = Math.floor(r.y / CELL); y <= y1; y++) {
      for (let x = Math.floor(r.x / CELL); x <= x1; x++) {
        const key = y * 100003 + x;
        const list = this.cells.get(key);
        if (list) list.push(r);
        else this.cells.set(key, [r]);
      }
    }
  }
}

/**
 * Places the chips of `requests` inside `view` avoiding `obstacles` and each other. Returns, per
 * request, its chip or null (no free spot).
 */
export function placeChips(requests: readonly ChipRequest[], view: { width: number; height: number }, obstacles: readonly Rect[] = [], lineWidth = 0): (Rect | null)[] {
  const grid = new RectGrid();
  for (const o of obstacles) grid.add(o);
  const order = requests.map((_, i) => i).sort((a, b) => requests[b].box.w * requests[b].box.h - requests[a].box.w * requests[a].box.h || a - b);
  const placed: (Rect | null)[] = new Array(requests.length).fill(null);
  for (const i of order) {
    const { box, w, h } = requests[i];
    const x = box.x - lineWidth / 2;
    const candidates = [box.y - h, box.y, box.y + box.h, box.y + box.h - h];
    for (const y of candidates) {
      // Inside spots only when the box can hold the chip.
      if ((y === box.y || y === box.y + box.h - h) && (box.h < 2 * h || box.w < w)) continue;
      const chip = { x, y, w, h };
      if (chip.x < 0 || chip.y < 0 || chip.x + w > view.width || chip.y + h > view.height) continue;
      if (grid.hits(chip)) continue;
      grid.add(chip);
      placed[i] = chip;
      break;
    }
  }
  return placed;
}
