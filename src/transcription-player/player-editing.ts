/**
 * The player's segment list and editing, fetched as one chunk right after the first screen is drawn
 * (editing-slot.ts): the list of transcripts, the keys, the pointer gestures on the waveform,
 * transcript drafts, the segment actions, and the review's slot (which fetches the review code when
 * a suggestion arrives). The first screen (transport, waveform, the segments on
 * it) needs none of it, so a page shows a recording before it has downloaded them.
 */
import type { LitElement } from 'lit';
import { adoptStyles } from '../core/adopt-styles.js';
import { KeyboardController } from '../core/keyboard.js';
import type { ReviewConfig, ReviewingTool } from '../core/review-controller.js';
import { ReviewSlot } from '../core/review-slot.js';
import { TabWalk } from '../core/tab-walk.js';
import { GestureController } from './gesture-controller.js';
import { playerList, type ListedPlayer } from './player-list.js';
import { definePlayerKeys, type KeyedPlayer } from './player-keys.js';
import type { EditingParts, PlayerParts } from './player-parts.js';
import { segmentEditor } from './segment-editing.js';
import { segmentListStyles } from './segment-list.styles.js';
import { TranscriptDrafts } from './transcript-drafts.js';
import { TranscriptPieces } from './transcript-pieces.js';

/** Wires the list and the editing helpers to one player; `keymap` is the host's, checked here. */
export function startEditing(
  player: LitElement & KeyedPlayer & ReviewingTool,
  parts: PlayerParts,
  listed: ListedPlayer,
  reviewConfig: ReviewConfig,
  keymap: unknown,
) {
  adoptStyles(player, segmentListStyles);
  const keys = new KeyboardController(player);
  keys.keymap = keymap;
  const pieces = new TranscriptPieces();
  // The drafts commit through the editor, made below (a draft commits only after a pause in typing).
  const drafts = new TranscriptDrafts(player, (id, text) => editor.commitTranscript(id, text));
  const list = playerList(player, parts, listed, pieces, drafts, () => editor);
  // The review's own code loads only once the set holds a suggestion (review-slot.ts).
  const review = new ReviewSlot(player, reviewConfig);
  const tool: EditingParts = { ...parts, drafts, pieces, rows: list.rows, tabs: new TabWalk(player), review: () => review };
  const editor = segmentEditor(player, tool);
  const gestures = new GestureController(player, tool, editor);
  definePlayerKeys(player, keys, tool, editor, gestures);
  return { keys, drafts, pieces, list, rows: list.rows, editor, gestures, review };
}

export type PlayerEditing = ReturnType<typeof startEditing>;
