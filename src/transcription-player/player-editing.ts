/**
 * The player's segments, list and editing, fetched as one chunk while the first screen is drawn
 * (editing-slot.ts): the segments and their store (player-segments.ts), the list of transcripts,
 * the keys, the pointer gestures on the waveform, transcript drafts, the segment actions, and the
 * review's slot (which fetches the review code when a suggestion arrives). The first screen (video,
 * transport, waveform, playhead) needs none of it, so a page shows a recording before it has
 * downloaded them.
 */
import type { LitElement } from 'lit';
import { adoptStyles } from '../core/adopt-styles.js';
import { KeyboardController } from '../core/keyboard.js';
import type { LabelledTool } from '../core/labels-controller.js';
import type { ReviewingTool } from '../core/review-controller.js';
import { ReviewSlot } from '../core/review-slot.js';
import { TabWalk } from '../core/tab-walk.js';
import { GestureController } from './gesture-controller.js';
import { playerList } from './player-list.js';
import { definePlayerKeys, type KeyedPlayer } from './player-keys.js';
import type { EditingParts, FirstScreen, PlayerParts } from './player-parts.js';
import { PlayerSegments } from './player-segments.js';
import { segmentEditor } from './segment-editing.js';
import { rangeOf } from './segments.js';
import { segmentListStyles } from './segment-list.styles.js';
import { segmentsLayerStyles } from './segments-layer.styles.js';
import { TranscriptDrafts } from './transcript-drafts.js';
import { TranscriptPieces } from './transcript-pieces.js';

/** Wires the segments, the list and the editing helpers to one player; `keymap` is the host's, checked here. */
export function startEditing(player: LitElement & KeyedPlayer & ReviewingTool & LabelledTool, first: FirstScreen, keymap: unknown) {
  adoptStyles(player, segmentsLayerStyles);
  adoptStyles(player, segmentListStyles);
  const keys = new KeyboardController(player);
  keys.keymap = keymap;
  // The gestures are made below, with what they act on.
  let gestures: GestureController | undefined;
  const segments = new PlayerSegments(player, () => gestures?.draggedSegmentId);
  const { store, labels, index } = segments;
  const parts: PlayerParts = { ...first, store, labels, index };
  const pieces = new TranscriptPieces();
  // The drafts commit through the editor, made below (a draft commits only after a pause in typing).
  const drafts = new TranscriptDrafts(player, (id, text) => editor.commitTranscript(id, text));
  const list = playerList(player, parts, segments, pieces, drafts, () => editor);
  // The review's own code loads only once the set holds a suggestion (review-slot.ts).
  const review = new ReviewSlot(player, {
    store,
    labels,
    announcer: first.announcer,
    readingOrder: () => index.sorted,
    reveal: (a) => {
      store.select(a.id);
      const { start } = rangeOf(a);
      first.transport.seek(start);
      first.view.reveal(start);
    },
    canEdit: () => !labels.readonly,
  });
  const tool: EditingParts = { ...parts, drafts, pieces, rows: list.rows, tabs: new TabWalk(player), review: () => review };
  const editor = segmentEditor(player, tool);
  const made = (gestures = new GestureController(player, tool, editor));
  definePlayerKeys(player, keys, tool, editor, made);
  return { keys, segments, drafts, pieces, list, rows: list.rows, editor, gestures: made, review };
}

export type PlayerEditing = ReturnType<typeof startEditing>;
