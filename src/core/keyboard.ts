/**
 * One place that maps keys to actions for a tool (CONTRACT §4): default bindings per action, a
 * `keymap` override from the host, and the rule that plain keys do nothing while the user types in a
 * text field unless an action says it works while typing (the player's transport keys).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KolamErrorDetail } from './events.js';
import { describeType, readPlain, reportLater, type Checked } from './host-values.js';

/**
 * A binding like `"Mod+z"`, `"Shift+ArrowLeft"`, `"Ctrl+Enter"`, `"F1"`, `"+"`. `Mod` is Ctrl, or ⌘
 * on Apple platforms. Letters match case-insensitively; Shift is ignored for punctuation keys whose
 * character already needs it (`+`, `?`).
 */
export type KeyBinding = string;

/** Host overrides: action name → bindings (an empty list disables the action). */
export type Keymap = Record<string, KeyBinding[]>;

export interface KeyAction {
  keys: KeyBinding[];
  run: (event: KeyboardEvent) => void | boolean;
  /** Works while focus is in a text field (default false: the field keeps its own keys). */
  whileTyping?: boolean;
  /** Fires on auto-repeat too (default true). */
  repeat?: boolean;
}

/**
 * A keymap `{ action: bindings[] }`. `null` or `undefined` restores the defaults; a single string
 * binding is read as a list of one; anything else is left out with an error, never disabling keys
 * the host did not name.
 */
export function checkKeymap(input: unknown): Checked<Keymap> {
  if (input === null || input === undefined) return { value: {}, errors: [] };
  const read = readPlain(input);
  const value = read.value as Record<string, unknown>;
  if (read.error || !value || typeof value !== 'object' || Array.isArray(value)) {
    const why = read.error ?? `got ${describeType(value)}`;
    return { value: {}, errors: [{ code: 'invalid-property', message: `Expected a keymap { action: ["Key", …] }, ${why}; the default keys are used.`, input: value }] };
  }
  const keymap: Keymap = {};
  const errors: KolamErrorDetail[] = [];
  for (const [action, keys] of Object.entries(value)) {
    const list = typeof keys === 'string' ? [keys] : keys;
    if (Array.isArray(list) && list.every((k) => typeof k === 'string')) keymap[action] = list as string[];
    else errors.push({ code: 'invalid-property', message: `The keymap entry ${JSON.stringify(action)} is not a list of key names; its default keys are kept.`, input: keys });
  }
  return { value: keymap, errors };
}

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** True when the key event started in something the user types into. */
export function isTextField(node: EventTarget | undefined): boolean {
  if (!(node instanceof HTMLElement)) return false;
  if (node instanceof HTMLTextAreaElement || node.isContentEditable) return true;
  if (node instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(node.type);
  return node instanceof HTMLSelectElement;
}

interface ParsedBinding {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export function parseBinding(binding: KeyBinding): ParsedBinding {
  // The last part is the key; `"+"` and `"Ctrl++"` mean the plus key.
  const plus = binding.endsWith('+');
  const parts = (plus ? binding.slice(0, -1) : binding).split('+').filter(Boolean);
  const key = plus ? '+' : (parts.pop() ?? '');
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const mod = mods.has('mod');
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    ctrl: mods.has('ctrl') || (mod && !isApple),
    alt: mods.has('alt'),
    shift: mods.has('shift'),
    meta: mods.has('meta') || mods.has('cmd') || (mod && isApple),
  };
}

function isPunctuation(key: string): boolean {
  return key.length === 1 && !/[\p{L}\p{N}\s]/u.test(key);
}

export function matchesBinding(event: KeyboardEvent, binding: KeyBinding): boolean {
  const b = parseBinding(binding);
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== b.key) return false;
  const shiftMatters = !isPunctuation(b.key);
  return (
    event.ctrlKey === b.ctrl &&
    event.altKey === b.alt &&
    event.metaKey === b.meta &&
    (!shiftMatters || event.shiftKey === b.shift)
  );
}

/** Names that one tool or another used before the names were made the same everywhere. */
const OLD_NAMES: Record<string, string[]> = {
  nextSuggestion: ['next-suggestion'],
  delete: ['remove'],
};

function isPlainLetter(event: KeyboardEvent): boolean {
  return event.key.length === 1 && /\p{L}/u.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * Listens for keydown on the host and runs the first matching action. An action's `run` returning
 * `false` means "not handled": the event is left alone for the next listener.
 */
export class KeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #actions: Record<string, KeyAction> = {};
  #overrides: Keymap = {};

  /** Host overrides, set from the element's `keymap` property: checked, never trusted. */
  get keymap(): Keymap {
    return this.#overrides;
  }
  set keymap(input: unknown) {
    const { value, errors } = checkKeymap(input);
    this.#overrides = value;
    reportLater(this.#host, errors);
  }
  /**
   * True when a key press is a label's own hotkey. A label's hotkey wins over a plain-letter
   * command (A, X, N, B, L…), so no label is ever unreachable (CONTRACT §8); Enter, Delete and the
   * digits are never plain letters, so no decision is either.
   */
  isLabelKey: ((event: KeyboardEvent) => boolean) | null = null;
  /** Called for keys no action took: the label hotkeys live there. */
  fallback: ((event: KeyboardEvent, typing: boolean) => boolean) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: Record<string, KeyAction> = {}) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  define(actions: Record<string, KeyAction>): void {
    this.#actions = { ...this.#actions, ...actions };
  }

  /** The bindings in force for an action, after the keymap (which may use an action's old name). */
  keysFor(action: string): KeyBinding[] {
    const keymap = this.keymap;
    const old = OLD_NAMES[action]?.find((name) => keymap[name] !== undefined && this.#actions[name] === undefined);
    return keymap[action] ?? (old ? keymap[old] : undefined) ?? this.#actions[action]?.keys ?? [];
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.handle);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.handle);
  }

  /** The host's keydown; also called with a key pressed before the controller existed (the player's on-demand code). */
  readonly handle = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || event.key === 'Process') return;
    const typing = isTextField(event.composedPath()[0]);
    for (const [name, action] of Object.entries(this.#actions)) {
      if (action.repeat === false && event.repeat) continue;
      const keys = this.keysFor(name);
      if (!keys.some((k) => matchesBinding(event, k))) continue;
      // In a text field the field's own keys win (its undo, Delete, letters) unless the action says so.
      if (typing && !action.whileTyping) continue;
      if (isPlainLetter(event) && this.isLabelKey?.(event)) continue;
      if (action.run(event) === false) continue;
      event.preventDefault();
      return;
    }
    if (this.fallback?.(event, typing)) event.preventDefault();
  };
}
