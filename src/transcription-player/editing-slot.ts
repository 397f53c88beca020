/**
 * Holds the player's segments, list and editing code (player-editing.ts: the segments and their
 * store, the list, keys, waveform gestures, drafts, segment actions) for one element. It is fetched
 * when the element is first connected, while its first screen is drawn; a page's later players start
 * with it at once. Until it is here what the annotator does waits for it, in order: a key, a press
 * or drag on the waveform, the loop button; a host's `annotations` are kept as given. While it is on
 * its way `updateComplete` waits for it. If it cannot be fetched the player says so where the list
 * would be, still plays and seeks, keeps the host's annotations, and emits one `kolam-error`; the
 * next key or press tries again.
 */
import type { LitElement } from 'lit';
import { emit } from '../core/events.js';
import { msg } from '../core/localize.js';
import type { PlayerEditing } from './player-editing.js';

type Code = typeof import('./player-editing.js');

/** Where the code comes from: one place, so a test can hold it back or point it at a missing file. */
export const editingCode = { load: (): Promise<Code> => import('./player-editing.js') };

/** The code once fetched, by the `load` that fetched it (a test that swaps `load` is not served another's). */
const fetched = new WeakMap<() => Promise<Code>, Code>();

export class EditingSlot {
  /** The editing helpers, once here. Read only. */
  ready: PlayerEditing | undefined;
  /** The code could not be fetched: the player is read-only until a later try succeeds. Read only. */
  failed = false;
  #loading: Promise<void> | undefined;
  #waiting: Array<(editing: PlayerEditing) => void> = [];
  #reported = false;

  /**
   * `start` makes the editing helpers; `arrived` is called once they are ready, before the actions
   * that waited (the player loads the annotations it was given meanwhile).
   */
  constructor(
    private readonly host: LitElement,
    private readonly start: (code: Code) => PlayerEditing,
    private readonly arrived: (editing: PlayerEditing) => void,
  ) {}

  /**
   * Starts the fetch unless the code is here or on its way; starts the editing once the code is
   * here and the element has been connected (it adds styles to the shadow root).
   */
  load(): void {
    if (this.ready || this.#loading) return;
    const here = fetched.get(editingCode.load);
    if (here) {
      if (this.host.renderRoot) this.#start(here);
      return;
    }
    const by = editingCode.load;
    this.#loading = by()
      .then((code) => {
        fetched.set(by, code);
        if (this.host.renderRoot) this.#start(code);
      })
      .catch((error: unknown) => this.#failed(error))
      .finally(() => {
        this.#loading = undefined;
        this.host.requestUpdate();
      });
  }

  /** Not fetched, or (a defect) not started: either way the player goes on without it. */
  #failed(error: unknown): void {
    this.failed = true;
    this.#waiting = [];
    if (this.#reported) return;
    this.#reported = true;
    const message = msg('The segments and their editing could not be loaded.');
    emit(this.host, 'kolam-error', { code: 'code-unavailable', message: `${message} (${String(error)})`, input: null });
  }

  #start(code: Code): void {
    let editing: PlayerEditing;
    try {
      editing = this.start(code);
    } catch (error) {
      return this.#failed(error);
    }
    // Ready before anything runs: a host's handler of what follows (a kolam-error) sees the editing.
    this.ready = editing;
    this.failed = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    // A defect in one of these is reported as an uncaught error, never thrown to the host.
    for (const run of [this.arrived, ...waiting]) {
      try {
        run(editing);
      } catch (error) {
        reportError(error);
      }
    }
    this.host.requestUpdate();
  }

  /** Runs an action on the editing helpers now, or once they are here. */
  run(action: (editing: PlayerEditing) => void): void {
    if (this.ready) return action(this.ready);
    this.#waiting.push(action);
    this.load();
  }

  /** For the host's `getUpdateComplete()`: the code on its way, and what waited for it, are done first. */
  async settled(): Promise<void> {
    if (this.#loading) {
      await this.#loading;
      await this.host.updateComplete;
    }
    // Also for a player that started at once with the code already here (memoised: free later).
    await this.ready?.rows.firstMeasured();
  }
}

/**
 * A key event as read later: the event's own fields (and where it started, which `composedPath()`
 * no longer tells once it has been dispatched). Preventing its default is too late by then.
 */
export function keySnapshot(event: KeyboardEvent): KeyboardEvent {
  // As it was when pressed: a key of an IME composition, or one another listener took, stays so.
  const { key, code, ctrlKey, altKey, shiftKey, metaKey, repeat, isComposing, defaultPrevented } = event;
  const path = event.composedPath();
  return { key, code, ctrlKey, altKey, shiftKey, metaKey, repeat, isComposing, defaultPrevented, composedPath: () => path, preventDefault() {} } as unknown as KeyboardEvent;
}

/** A pointer event as read later (see keySnapshot). */
export function pointerSnapshot(event: PointerEvent): PointerEvent {
  const { button, clientX, clientY, pointerId } = event;
  const path = event.composedPath();
  return { button, clientX, clientY, pointerId, composedPath: () => path, preventDefault() {} } as unknown as PointerEvent;
}
