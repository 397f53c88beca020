/**
 * The box tool's keys (CONTRACT §4, §5), as KeyboardController actions a host can rebind through
 * `keymap`. Keyboard-only drawing: B puts a new box in the middle of the view, arrows move it,
 * Alt+arrows size it, Enter adds it, Escape drops it.
 */
import type { KeyAction } from '../core/keyboard.js';
import type { KolamBoxTool } from './box-tool.js';

const ARROWS = {
  Left: [-1, 0],
  Right: [1, 0],
  Up: [0, -1],
  Down: [0, 1],
} as const;

/** Shift multiplies a nudge. */
export const FAST_STEP = 10;

export function boxKeyActions(tool: KolamBoxTool): Record<string, KeyAction> {
  const actions: Record<string, KeyAction> = {
    undo: { keys: ['Mod+z'], run: () => tool.undo() },
    redo: { keys: ['Mod+Shift+z', 'Ctrl+y'], run: () => tool.redo() },
    delete: { keys: ['Delete', 'Backspace'], run: () => tool.editing.deleteSelection() },
    cancel: { keys: ['Escape'], run: () => tool.editing.cancel() },
    next: { keys: ['Tab'], run: () => tool.editing.selectByOrder(1) },
    previous: { keys: ['Shift+Tab'], run: () => tool.editing.selectByOrder(-1) },
    // Enter adds the keyboard draft, else accepts a selected suggestion (the review's own key is A).
    commit: { keys: ['Enter'], run: () => tool.editing.acceptOrCommit() },
    newBox: { keys: ['b'], run: () => tool.editing.startKeyboardBox(), repeat: false },
    zoomIn: { keys: ['+', '='], run: () => tool.zoomBy(1.25) },
    zoomOut: { keys: ['-', '_'], run: () => tool.zoomBy(0.8) },
    fit: { keys: ['0'], run: () => tool.fit() },
    // Held for Space+drag panning; the key itself must not scroll the page.
    pan: { keys: [' '], run: () => ((tool.spaceHeld = true), true) },
  };
  for (const [name, [dx, dy]] of Object.entries(ARROWS)) {
    const key = `Arrow${name}`;
    actions[`move${name}`] = { keys: [key], run: () => tool.editing.nudge(dx, dy, false) };
    actions[`move${name}Fast`] = { keys: [`Shift+${key}`], run: () => tool.editing.nudge(dx * FAST_STEP, dy * FAST_STEP, false) };
    actions[`size${name}`] = { keys: [`Alt+${key}`], run: () => tool.editing.nudge(dx, dy, true) };
    actions[`size${name}Fast`] = { keys: [`Alt+Shift+${key}`], run: () => tool.editing.nudge(dx * FAST_STEP, dy * FAST_STEP, true) };
  }
  return actions;
}
