/**
 * The player's editing code, fetched as one chunk right after the first screen is drawn
 * (editing-slot.ts): the keys, the pointer gestures on the waveform, transcript drafts and the
 * segment actions. The first screen (waveform, segments, list, transport) needs none of it, so it is
 * not in what a page downloads before it can show a recording.
 */
import type { LitElement } from 'lit';
import { KeyboardController } from '../core/keyboard.js';
import { TabWalk } from '../core/tab-walk.js';
import { GestureController } from './gesture-controller.js';
import { definePlayerKeys, type KeyedPlayer } from './player-keys.js';
import type { EditingParts, PlayerParts } from './player-parts.js';
import { segmentEditor, type SegmentEditor } from './segment-editing.js';
import { TranscriptDrafts } from './transcript-drafts.js';

/** Wires the editing helpers to one player; `keymap` is the host's, checked here. */
export function startEditing(player: LitElement & KeyedPlayer, parts: PlayerParts, keymap: unknown) {
  const keys = new KeyboardController(player);
  keys.keymap = keymap;
  // The drafts commit through the editor, which needs the drafts: one of them is made first.
  let editor: SegmentEditor | undefined;
  const drafts = new TranscriptDrafts(player, (id, text) => editor?.commitTranscript(id, text));
  const tool: EditingParts = { ...parts, drafts, tabs: new TabWalk(player) };
  editor = segmentEditor(player, tool);
  const gestures = new GestureController(player, tool, editor);
  definePlayerKeys(player, keys, tool, editor, gestures);
  return { keys, drafts, editor, gestures };
}

export type PlayerEditing = ReturnType<typeof startEditing>;
