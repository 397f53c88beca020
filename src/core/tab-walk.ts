/**
 * Tab and Shift+Tab walk a tool's annotations in its order (CONTRACT §4) and let focus leave past
 * either end (§9), so a keyboard user is never trapped. After Escape has cleared the selection, the
 * next Tab leaves at once: the user asked to be done with the annotations. The same rule for every
 * tool; each passes its count and where the selection is in its order.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TabWalk implements ReactiveController {
  #resting = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusout', this.#onFocusOut);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusout', this.#onFocusOut);
  }

  /** Escape cleared the selection: the next Tab leaves the tool. */
  rest(): void {
    this.#resting = true;
  }

  /**
   * The position in the tool's order to select next, or null when Tab should leave the tool (the
   * caller then returns "not handled", and the browser moves focus on).
   */
  step(count: number, current: number, step: 1 | -1): number | null {
    if (this.#resting) {
      this.#resting = false;
      return null;
    }
    const at = current < 0 ? (step > 0 ? 0 : count - 1) : current + step;
    return at >= 0 && at < count ? at : null;
  }

  // Focus moving inside our shadow root is retargeted to the host itself: only a real exit counts.
  readonly #onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (to !== this.host && !(to && this.host.contains(to))) this.#resting = false;
  };
}
