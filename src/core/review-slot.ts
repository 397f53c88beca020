/**
 * The review of a model's suggestions (CONTRACT §8), loaded when it is needed: the review logic and
 * its view (`review-controller.ts`, `review-view.ts`) are fetched the first time the set holds a
 * suggestion, so a page that labels without a model never downloads them. The keys are defined up
 * front (so key conflicts and `keymap` are the same either way); while the code is on its way the
 * counts are read from the set and a decision key waits for it, so nothing pressed is lost.
 */
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import { isSuggestion, type Annotation } from './annotation.js';
import type { KeyAction } from './keyboard.js';
import { msg } from './localize.js';
import type { ReviewConfig, ReviewController, ReviewingTool } from './review-controller.js';
import type { ReviewState } from './review.js';

/** What a review key asks of the review controller. */
type Decision = 'accept' | 'reject' | 'acceptAboveThreshold' | 'next';

type Loaded = {
  controller: ReviewController;
  render(selected: Annotation | undefined): TemplateResult | typeof nothing;
};

/** Where the review code comes from: one place, so a test can point it at a file that is missing. */
export const reviewCode = {
  load: () => Promise.all([import('./review-controller.js'), import('./review-view.js')]),
};

export class ReviewSlot implements ReactiveController {
  #loaded: Loaded | undefined;
  #loading: Promise<void> | undefined;
  #scannedVersion = -1;
  /** Decisions pressed while the code was loading, run in order once it is here. */
  #waiting: Array<(controller: ReviewController) => void> = [];
  /** What was selected when the first of them was pressed: a later click drops them. */
  #waitingOn: string | null = null;

  constructor(
    private readonly host: ReviewingTool,
    private readonly config: ReviewConfig,
  ) {
    host.addController(this);
  }

  /**
   * For the tool's `getUpdateComplete()`: while the review code is loading, the update is not
   * complete until it is here and drawn, so a host (or test) awaiting `updateComplete` sees the
   * review bar and the decisions it pressed.
   */
  async settled(done: boolean): Promise<boolean> {
    if (this.#loaded || !this.#loading) return done;
    await this.#loading;
    return this.#loaded ? this.host.updateComplete : done;
  }

  hostUpdate(): void {
    const { store } = this.config;
    // The annotator picked something else while decisions waited: they were meant for another item.
    if (this.#waiting.length && store.selectedId !== this.#waitingOn) this.#waiting = [];
    if (this.#loading || this.#scannedVersion === store.version) return;
    // One annotation changed (a drag's every move, a keystroke's edit): look at it alone, not the
    // whole set, which at 10,000 boxes would be a list rebuilt per pointer move.
    const one = this.#scannedVersion >= 0 ? store.changedOnly(this.#scannedVersion) : undefined;
    this.#scannedVersion = store.version;
    const changed = one !== undefined ? store.get(one) : undefined;
    if (one !== undefined ? changed !== undefined && isSuggestion(changed) : store.shown.some(isSuggestion)) this.#load();
  }

  #load(): void {
    this.#loading = reviewCode.load().then(
      ([{ ReviewController }, { renderReview, adoptReviewStyles }]) => {
        adoptReviewStyles(this.host);
        const controller = new ReviewController(this.host, this.config);
        this.#loaded = { controller, render: (selected) => renderReview(controller.state, selected, this.config.labels) };
        const waiting = this.config.store.selectedId === this.#waitingOn ? this.#waiting : [];
        this.#waiting = [];
        for (const run of waiting) run(controller);
        this.host.requestUpdate();
      },
      () => {
        // The chunk could not be fetched (offline, a broken deploy): the tool goes on without
        // review keys, as before a suggestion arrived; the next new set tries again.
        this.#loading = undefined;
        this.#waiting = [];
      },
    );
  }

  /** The counts; before the code is here, every suggestion in the set is pending. */
  get state(): ReviewState {
    if (this.#loaded) return this.#loaded.controller.state;
    return { pending: this.config.readingOrder().filter(isSuggestion).length, accepted: 0, rejected: 0, relabeled: 0 };
  }

  /** The progress line and the selected suggestion's alternatives (nothing until loaded). */
  render(selected: Annotation | undefined): TemplateResult | typeof nothing {
    return this.#loaded ? this.#loaded.render(selected) : nothing;
  }

  /**
   * Runs a decision now, or once the code is here when the set has suggestions; false when there
   * is nothing it could apply to, so the key keeps its usual meaning. N with no suggestion in the
   * set says so, as the loaded review does.
   */
  decide(decision: Decision, arg?: string | 1 | -1): boolean {
    const decide = (controller: ReviewController) => controller[decision](arg as never);
    if (this.#loaded) return decide(this.#loaded.controller);
    // Loading starts here if a suggestion was set since the last update.
    this.hostUpdate();
    if (!this.#loading) {
      if (decision === 'next') this.config.announcer.announce(msg('No suggestions to review.'));
      return false;
    }
    // A key after one that waits waits too (N then 2: the relabel needs N's selection first).
    if (this.#waiting.length === 0) {
      const { store, canEdit } = this.config;
      const selected = store.selected;
      const applies =
        decision === 'next' ||
        (canEdit() && (decision === 'acceptAboveThreshold' ? this.host.acceptThreshold != null : selected !== undefined && isSuggestion(selected)));
      if (!applies) return false;
      this.#waitingOn = store.selectedId;
    }
    this.#waiting.push(decide);
    return true;
  }

  /** The tool's reading order changed with the set unchanged: counts and queue are read afresh. */
  refresh(): void {
    this.#loaded?.controller.refresh();
  }
}

/**
 * The review keys (CONTRACT §8), the same names and bindings in every tool. Enter is the tool's own
 * (it also commits a draft) and calls `decide('accept')` itself; Delete and label keys likewise
 * call `decide('reject')` and `decide('accept', labelId)` before their usual meaning.
 */
export function reviewKeyActions(review: ReviewSlot): Record<string, KeyAction> {
  return {
    accept: { keys: ['a'], run: () => review.decide('accept') },
    reject: { keys: ['x'], run: () => review.decide('reject') },
    acceptAll: { keys: ['Shift+Enter'], repeat: false, run: () => review.decide('acceptAboveThreshold') },
    nextSuggestion: { keys: ['n'], run: () => review.decide('next', 1) },
    previousSuggestion: { keys: ['Shift+n'], run: () => review.decide('next', -1) },
  };
}
