/**
 * Transcript typing becomes one commit, not one per keystroke: the text is kept as a draft and
 * committed when the field loses focus, after a short pause in typing, or when the page is hidden or
 * closed (`pagehide`, `visibilitychange`), so nothing typed is lost. An IME composition is never
 * committed half-way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Pause in typing after which a draft is committed (ms). */
export const COMMIT_PAUSE = 1200;

export class TranscriptDrafts implements ReactiveController {
  private readonly drafts = new Map<string, string>();
  private timer = 0;
  private composing = false;

  constructor(
    host: ReactiveControllerHost,
    /** Stores one draft as one user edit. */
    private readonly commit: (id: string, text: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flushAll);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.flushAll);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flushAll();
  }

  /** The uncommitted text of a segment, if any. */
  get(id: string): string | undefined {
    return this.drafts.get(id);
  }

  get pending(): boolean {
    return this.drafts.size > 0;
  }

  input(id: string, text: string, composing: boolean): void {
    // Another segment's draft is committed first: each field's edit stays its own undo step.
    for (const other of [...this.drafts.keys()]) if (other !== id) this.flush(other);
    this.drafts.set(id, text);
    this.composing = composing;
    this.restartTimer();
  }

  compositionEnd(): void {
    this.composing = false;
    this.restartTimer();
  }

  /** Commits one segment's draft now (blur, split, merge, undo). */
  flush(id: string): void {
    const text = this.drafts.get(id);
    if (text === undefined) return;
    this.drafts.delete(id);
    if (this.drafts.size === 0) clearTimeout(this.timer);
    this.commit(id, text);
  }

  /** Drops a draft without committing (its segment was removed). */
  discard(id: string): void {
    this.drafts.delete(id);
  }

  /** Commits every draft but one mid-composition (a host reading `annotations`). */
  flushUnlessComposing(): void {
    if (!this.composing) this.flushAll();
  }

  /** After the host replaced the set: drafts of segments still there are kept, the others dropped. */
  keepOnly(exists: (id: string) => boolean): void {
    for (const id of [...this.drafts.keys()]) if (!exists(id)) this.drafts.delete(id);
  }

  readonly flushAll = (): void => {
    clearTimeout(this.timer);
    for (const id of [...this.drafts.keys()]) this.flush(id);
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushAll();
  };

  private restartTimer(): void {
    clearTimeout(this.timer);
    if (this.composing) return;
    this.timer = window.setTimeout(this.flushAll, COMMIT_PAUSE);
  }
}
