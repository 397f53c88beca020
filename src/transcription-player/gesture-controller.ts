/**
 * Pointer gestures on the waveform, applied (waveform-gestures.ts tells them apart): a click seeks
 * and selects, a drag on free space draws a new segment (the ghost) in the gap it started in, a drag
 * on an edge previews the moved edge and commits it on release, and Escape or a cancelled pointer
 * drops whatever is under way.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { cssom } from '../core/cssom-style.js';
import { msg, str } from '../core/localize.js';
import type { EditingParts } from './player-parts.js';
import type { SegmentEditor } from './segment-editing.js';
import { timeRangeText } from './segment-list.js';
import { MIN_SEGMENT, clampEdge, gapAround, withRange } from './segment-edits.js';
import { rangeOf } from './segments.js';
import { CLICK_SLOP, hitOf, type Gesture } from './waveform-gestures.js';

export class GestureController {
  private gesture: Gesture | null = null;
  /** The segment being drawn, shown until the pointer is released. */
  ghost: { start: number; end: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly tool: EditingParts,
    private readonly editor: SegmentEditor,
  ) {}

  get active(): boolean {
    return this.gesture !== null;
  }

  /** The segment whose edge is being dragged, if any. */
  get draggedSegmentId(): string | undefined {
    return this.gesture?.kind === 'edge' ? this.gesture.segmentId : undefined;
  }

  readonly onPointerDown = (event: PointerEvent): void => {
    const { store, view } = this.tool;
    const duration = this.tool.duration();
    if (event.button !== 0 || !duration) return;
    const scroller = view.scroller;
    const scrollerRect = scroller.getBoundingClientRect();
    // The scrollbar is the browser's.
    if (event.clientY > scrollerRect.top + scroller.clientHeight) return;
    const hit = hitOf(event.composedPath());
    const time = view.timeAt(event.clientX);
    scroller.focus({ preventScroll: true });
    if (hit.segmentId && hit.edge && !this.tool.labels.readonly) {
      const segment = store.get(hit.segmentId)!;
      const sorted = this.tool.index.sorted;
      // Neighbours do not move during the drag: find the edge's limits once.
      const low = clampEdge(sorted, segment, hit.edge, -Infinity, duration);
      const high = clampEdge(sorted, segment, hit.edge, Infinity, duration);
      this.gesture = { kind: 'edge', segmentId: hit.segmentId, edge: hit.edge, min: low[hit.edge], max: high[hit.edge] };
      store.select(hit.segmentId);
    } else {
      this.gesture = { kind: 'press', x: event.clientX, time, segmentId: hit.segmentId };
    }
    // A press replayed after the editing code arrived may have been released already.
    try {
      scroller.setPointerCapture(event.pointerId);
    } catch {
      /* the pointer is up: its release is replayed next */
    }
    event.preventDefault();
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    const gesture = this.gesture;
    if (!gesture) return;
    const time = this.tool.view.timeAt(event.clientX);
    if (gesture.kind === 'press') {
      if (Math.abs(event.clientX - gesture.x) < CLICK_SLOP || this.tool.labels.readonly) return;
      this.gesture = { kind: 'create', x: gesture.x, anchor: gesture.time };
    }
    const now = this.gesture!;
    if (now.kind === 'create') {
      const gap = gapAround(this.tool.index.sorted, now.anchor, this.tool.duration());
      const t = Math.max(gap.start, Math.min(gap.end, time));
      this.setGhost({ start: Math.min(now.anchor, t), end: Math.max(now.anchor, t) });
    } else if (now.kind === 'edge') {
      const { store } = this.tool;
      const segment = store.get(now.segmentId);
      if (!segment) return;
      const t = Math.min(now.max, Math.max(now.min, time));
      store.preview(withRange(segment, now.edge === 'start' ? { start: t, end: rangeOf(segment).end } : { start: rangeOf(segment).start, end: t }));
    }
  };

  readonly onPointerUp = (event: PointerEvent): void => {
    const { store } = this.tool;
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture) return;
    if (gesture.kind === 'edge') {
      store.commitGesture();
    } else if (gesture.kind === 'create') {
      const ghost = this.ghost;
      this.setGhost(null);
      if (ghost && ghost.end - ghost.start >= MIN_SEGMENT) {
        const created = this.editor.newSegment(ghost);
        store.create(created);
        store.select(created.id);
        this.tool.announcer.announce(msg(str`Segment created ${timeRangeText(created)}`));
      }
    } else {
      this.tool.transport.seek(this.tool.view.timeAt(event.clientX));
      store.select(gesture.segmentId);
    }
  };

  readonly cancel = (): void => {
    this.gesture = null;
    this.setGhost(null);
    this.tool.store.cancelGesture();
  };

  /** The segment being drawn, over the waveform, in the colour of the label it will get. */
  renderGhost() {
    const { ghost } = this;
    if (!ghost) return nothing;
    const px = this.tool.view.pxPerSecond;
    const { labels } = this.tool;
    return html`<div part="segment" class="ghost"
      ${cssom({ left: `${ghost.start * px}px`, width: `${(ghost.end - ghost.start) * px}px`, '--_color': labels.colorOf(labels.activeLabel) })}
    ></div>`;
  }

  /** `ghost` was reactive state: render only when it changes. */
  private setGhost(ghost: { start: number; end: number } | null): void {
    if (ghost === this.ghost) return;
    this.ghost = ghost;
    this.host.requestUpdate();
  }
}
