/**
 * The transcription player's shared pieces, as its editing and gesture helpers see them: the element
 * owns them and hands the same object to each helper.
 */
import type { GestureStore } from '../core/gesture-store.js';
import type { TabWalk } from '../core/tab-walk.js';
import type { ReviewSlot } from '../core/review-slot.js';
import type { Announcer } from '../core/announcer.js';
import type { LabelsController } from '../core/labels-controller.js';
import type { ListWindowController } from './list-controller.js';
import type { SegmentIndex } from './segment-index.js';
import type { TranscriptDrafts } from './transcript-drafts.js';
import type { TranscriptPieces } from './transcript-pieces.js';
import type { TransportController } from './transport.js';
import type { WaveformView } from './waveform-view.js';

export interface PlayerParts {
  store: GestureStore;
  labels: LabelsController;
  announcer: Announcer;
  transport: TransportController;
  view: WaveformView;
  index: SegmentIndex;
  /** The element's `duration`. */
  duration(): number;
  /** Language tag of new transcripts. */
  language(): string | undefined;
  /** IRI written to `target.source`. */
  source(): string;
}

/** What the editing code (player-editing.ts) adds, made when it arrives. */
export interface EditingParts extends PlayerParts {
  drafts: TranscriptDrafts;
  /** Which part of a long transcript its field shows. */
  pieces: TranscriptPieces;
  rows: ListWindowController;
  tabs: TabWalk;
  review(): ReviewSlot;
}
