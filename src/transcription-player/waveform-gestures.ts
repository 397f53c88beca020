/**
 * Pointer gestures on the waveform: a click seeks, a drag on free space draws a new segment, a drag
 * on a segment's edge moves that edge, a click on a segment selects it. The element supplies the
 * time under the pointer and applies the results; this only tells the gestures apart.
 */

/** Pointer travel (CSS px) under which a press is a click, not a drag. */
export const CLICK_SLOP = 3;

export type Gesture =
  | { kind: 'press'; x: number; time: number; segmentId: string | null }
  | { kind: 'create'; x: number; anchor: number }
  /** `min`/`max`: where the edge may go (the other edge, the neighbours, the media). */
  | { kind: 'edge'; segmentId: string; edge: 'start' | 'end'; min: number; max: number };

/** What the pointer went down on, read from the data attributes of the segments layer. */
export function hitOf(path: EventTarget[]): { segmentId: string | null; edge: 'start' | 'end' | null } {
  for (const node of path) {
    if (!(node instanceof HTMLElement)) continue;
    const edge = node.dataset.edge as 'start' | 'end' | undefined;
    const segmentId = node.dataset.segment ?? null;
    if (segmentId) return { segmentId, edge: edge ?? null };
    if (node.dataset.layer === 'waveform') break;
  }
  return { segmentId: null, edge: null };
}
