/**
 * The transcription player's default key bindings, by action name (the `keymap` property overrides
 * them; the element's class description lists them). Transport, split and merge keys also work
 * while typing a transcript; the rest only with focus outside a text field.
 */
import type { KeyboardController } from '../core/keyboard.js';
import { reviewKeyActions } from '../core/review-slot.js';
import { msg, str } from '../core/localize.js';
import type { GestureController } from './gesture-controller.js';
import type { EditingParts } from './player-parts.js';
import type { SegmentEditor } from './segment-editing.js';
import { RATE_STEP, clampRate } from './transport.js';

/** The element's public members the keys use. */
export interface KeyedPlayer {
  playbackRate: number;
  undo(): void;
  redo(): void;
}

const onWaveform = (event: Event) => (event.composedPath()[0] as Element | undefined)?.getAttribute?.('data-layer') === 'waveform';

export function definePlayerKeys(
  player: KeyedPlayer,
  keys: KeyboardController,
  tool: EditingParts,
  editor: SegmentEditor,
  gestures: GestureController,
): void {
  const { store, labels, transport, view } = tool;
  const changeRate = (step: number) => {
    player.playbackRate = clampRate(Math.round((transport.rate + step) / RATE_STEP) * RATE_STEP);
    tool.announcer.announce(msg(str`Speed ${player.playbackRate}×`));
  };
  const typing = { whileTyping: true };
  keys.define({
    togglePlay: {
      keys: ['Escape'],
      ...typing,
      run: () => {
        if (gestures.active || store.isGestureActive) gestures.cancel();
        else transport.toggle();
      },
    },
    back: { keys: ['F1'], ...typing, run: () => transport.skip(-1.5) },
    forward: { keys: ['F2'], ...typing, run: () => transport.skip(1.5) },
    slower: { keys: ['F3'], ...typing, run: () => changeRate(-RATE_STEP) },
    faster: { keys: ['F4'], ...typing, run: () => changeRate(RATE_STEP) },
    split: { keys: ['Ctrl+Enter', 'Mod+Enter'], ...typing, repeat: false, run: () => editor.split() },
    merge: { keys: ['Ctrl+m'], ...typing, repeat: false, run: () => editor.merge() },
    nextPart: { keys: ['Alt+PageDown'], ...typing, run: () => editor.changePart(1) },
    previousPart: { keys: ['Alt+PageUp'], ...typing, run: () => editor.changePart(-1) },
    undo: { keys: ['Mod+z'], run: () => player.undo() },
    redo: { keys: ['Mod+Shift+z', 'Ctrl+y'], run: () => player.redo() },
    delete: { keys: ['Delete', 'Backspace'], run: () => editor.removeSelected() },
    // Only on the waveform: on a button, the rate or a row, Tab moves on as anywhere else.
    next: { keys: ['Tab'], run: (event) => onWaveform(event) && editor.moveSelection(1) },
    previous: { keys: ['Shift+Tab'], run: (event) => onWaveform(event) && editor.moveSelection(-1) },
    seekBack: { keys: ['ArrowLeft'], run: () => transport.skip(-1) },
    seekForward: { keys: ['ArrowRight'], run: () => transport.skip(1) },
    seekStart: { keys: ['Home'], run: () => transport.seek(0) },
    seekEnd: { keys: ['End'], run: () => transport.seek(tool.duration()) },
    setStart: { keys: ['['], run: () => editor.setEdge('start') },
    setEnd: { keys: [']'], run: () => editor.setEdge('end') },
    zoomIn: { keys: ['+', '='], run: () => view.zoomTo(view.pxPerSecond * 1.5, view.playheadAnchor()) },
    zoomOut: { keys: ['-'], run: () => view.zoomTo(view.pxPerSecond / 1.5, view.playheadAnchor()) },
    zoomFit: { keys: ['0'], run: () => view.zoomTo(0, 0) },
    playSelected: { keys: ['Enter'], run: () => editor.acceptOrPlaySelected() },
    loop: { keys: ['l'], run: () => editor.toggleLoop() },
    ...reviewKeyActions(tool.review()),
  });
  keys.isLabelKey = (event) => labels.isHotkey(event);
  keys.fallback = (event, typing) => {
    if (typing) return false;
    const label = labels.labelForKey(event);
    if (!label) return false;
    const selected = store.selected;
    if (tool.review().decide('accept', label.id)) return true;
    if (selected) editor.relabel(selected, label.id);
    else labels.setActive(label.id);
    return true;
  };
}
