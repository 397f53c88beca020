/**
 * The transcription player's shared pieces, as its segments, list, editing and gesture helpers see
 * them: the element owns the first screen's and hands them over when the code fetched with it
 * arrives (player-editing.ts), which makes the rest; each helper gets the same object.
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

/** What the first screen has (the element, up front) for the code fetched while it is drawn. */
export interface FirstScreen {
  announcer: Announcer;
  transport: TransportController;
  view: WaveformView;
  /** The element's `duration`. */
  duration(): number;
  /** Language tag of new transcripts. */
  language(): string | undefined;
  /** IRI written to `target.source`. */
  source(): string;
  /** False when the media failed: a row's time button has nothing to play. */
  playable(): boolean;
}

/** The first screen's parts and the segments' (player-segments.ts), made when that code arrives. */
export interface PlayerParts extends FirstScreen {
  store: GestureStore;
  labels: LabelsController;
  index: SegmentIndex;
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
