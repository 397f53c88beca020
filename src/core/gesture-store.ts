/**
 * The store of a tool whose edits are gestures (the box tool's drags and nudges, the player's edge
 * drags): a change in progress is shown at once but fires nothing and records nothing until it
 * ends, as one update and one undo step. The span tagger has no such gesture, so this lives apart
 * and it does not carry it.
 */
import type { Annotation } from './annotation.js';
import { AnnotationStore } from './annotation-store.js';
import type { KolamErrorDetail } from './events.js';
import type { ValidationContext } from './validation.js';

/** What a user edit can change; `modified` alone is not a change. */
function contentOf(a: Annotation): string {
  return JSON.stringify([a.target, a.body, a.creator]);
}

export class GestureStore extends AnnotationStore {
  #gesture: { id: string; before: Annotation } | null = null;

  get isGestureActive(): boolean {
    return this.#gesture !== null;
  }

  /** A host's set that is the same as ours keeps the gesture; any other replaces it, gesture and all. */
  override load(input: unknown, ctx: ValidationContext): KolamErrorDetail[] {
    const version = this.version;
    const errors = super.load(input, ctx);
    if (this.version !== version) this.#gesture = null;
    return errors;
  }

  protected override committed(id: string): Annotation | undefined {
    return this.#gesture?.id === id ? this.#gesture.before : super.committed(id);
  }

  /**
   * A change in progress (a drag, a burst of arrow keys): shown at once, no event, no history.
   * The first preview remembers the committed state; `commitGesture` or `cancelGesture` ends it.
   */
  preview(next: Annotation): void {
    const current = this.get(next.id);
    if (!current) return;
    if (this.#gesture && this.#gesture.id !== next.id) this.commitGesture();
    if (!this.#gesture) this.#gesture = { id: next.id, before: current };
    this.show(next);
  }

  /** Ends a gesture: one update event and one undo step, if anything changed. */
  override commitGesture(): void {
    const gesture = this.#gesture;
    this.#gesture = null;
    if (!gesture) return;
    const after = this.get(gesture.id);
    if (after && contentOf(after) !== contentOf(gesture.before)) this.update(after, gesture.before);
    else if (after) this.show(gesture.before);
  }

  /** Removing the annotation a gesture is on ends the gesture: the delete carries what the host last saw. */
  override remove(id: string): void {
    const gesture = this.#gesture;
    if (gesture?.id === id) {
      this.#gesture = null;
      this.show(gesture.before);
    }
    super.remove(id);
  }

  /** Ends a gesture by restoring what was there before it (Escape). */
  cancelGesture(): void {
    const gesture = this.#gesture;
    this.#gesture = null;
    if (gesture && this.get(gesture.id)) this.show(gesture.before);
  }
}
