import type { ReactiveControllerHost } from 'lit';
import type { TabWalk } from '../core/tab-walk.js';
import type { ReviewSlot } from '../core/review-slot.js';
import type { AnnotationStore } from '../core/annotation-store.js';
import type { Announcer } from '../core/announcer.js';
import type { LabelsController } from '../core/labels-controller.js';
import type { ExtrasSlot } from './extras-slot.js';
import type { Granularity } from './segmentation.js';
import type { SpanOverlays } from './span-overlays.js';
import type { SpanPlacement } from './span-placement.js';
import type { TextBlocks } from './text-blocks.js';
import type { TextHits } from './text-hits.js';

/**
 * What `<kolam-span-tagger>` shares with its controllers (caret, editor, pointer): its properties,
 * its state, and the pieces of its view once it has rendered.
 */
export interface TaggerParts {
  host: ReactiveControllerHost & {
    readonly text: string;
    readonly readonly: boolean;
    readonly source: string;
    readonly granularity: Granularity;
    /** Selects a span (null clears), scrolls it into view and announces it. */
    select(id: string | null): void;
  };
  store: AnnotationStore;
  placement: SpanPlacement;
  labels: LabelsController;
  announcer: Announcer;
  tabs: TabWalk;
  /** The on-demand code: long texts, moved spans, char snapping. */
  extras: ExtrasSlot;
  review(): ReviewSlot;
  blocks(): TextBlocks | undefined;
  hits(): TextHits | undefined;
  overlays(): SpanOverlays | undefined;
  /** The focusable region that scrolls the text. */
  scroller(): HTMLElement;
  /** A label's name as shown ("No label" for none). */
  labelName(labelId: string | undefined): string;
  /** Redraws the selected, hovered and draft marks, the caret and the tag. */
  drawMarks(): void;
}
