/**
 * The review of a model's suggestions (CONTRACT §8), once for every tool: accept, reject, relabel,
 * accept all above a threshold, next/previous pending in review order, the `kolam-review` event and
 * the counts. A tool gives its reading order and how to reveal an item; the decisions go through
 * the store, so undo brings a suggestion back exactly as the model made it, pending again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { acceptSuggestion, copy, isSuggestion, labelIdOf, scoreOf, type Annotation } from './annotation.js';
import type { AnnotationStore } from './annotation-store.js';
import type { Announcer } from './announcer.js';
import { emit } from './events.js';
import { reportLater } from './host-values.js';
import type { LabelsController } from './labels-controller.js';
import { msg, str } from './localize.js';
import { plainOrAsGiven } from './plain-data.js';
import { readReviewOrder, readThreshold, reviewQueue, stepInQueue, type ReviewDecision, type ReviewState } from './review.js';

/** The element's review attributes, as the controller reads them. */
export interface ReviewingTool extends ReactiveControllerHost, HTMLElement {
  reviewOrder: string | undefined;
  acceptThreshold: number | undefined;
}

export interface ReviewConfig {
  store: AnnotationStore;
  labels: LabelsController;
  announcer: Announcer;
  /** The shown annotations in the tool's reading order (document or time). */
  readingOrder(): readonly Annotation[];
  /** Selects an annotation and brings it into view (scroll, pan, seek). */
  reveal(annotation: Annotation): void;
  /** False while the tool cannot edit (read-only, image not loaded). */
  canEdit(): boolean;
}

export class ReviewController implements ReactiveController {
  readonly #decisions = new Map<string, ReviewDecision>();
  /** When the current item came in front of the annotator (a selection before this loaded: now). */
  #selectedAt = performance.now();

  constructor(
    private readonly host: ReviewingTool,
    private readonly config: ReviewConfig,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('kolam-select', this.#onSelect);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('kolam-select', this.#onSelect);
  }

  readonly #onSelect = (): void => {
    this.#selectedAt = performance.now();
  };

  #queueCache: { version: number; order: string | undefined; queue: Annotation[] } | null = null;
  #stateCache: { version: number; state: ReviewState } | null = null;

  /**
   * The tool's reading order changed with the set unchanged (the span tagger placed spans that
   * waited for the quote search): the queue and counts are read afresh.
   */
  refresh(): void {
    this.#queueCache = this.#stateCache = null;
  }

  /** The pending suggestions, in review order; worked out once per change of the set. */
  get queue(): Annotation[] {
    const { version } = this.config.store;
    const order = this.host.reviewOrder;
    if (this.#queueCache?.version !== version || this.#queueCache.order !== order) {
      this.#queueCache = { version, order, queue: reviewQueue(this.config.readingOrder(), this.#order(order)) };
    }
    return this.#queueCache.queue;
  }

  /**
   * The counts, derived from what is in the store: a decision that was undone (the suggestion is
   * back, pending) no longer counts.
   */
  get state(): ReviewState {
    const { store } = this.config;
    if (this.#stateCache?.version === store.version) return this.#stateCache.state;
    const state: ReviewState = { pending: this.queue.length, accepted: 0, rejected: 0, relabeled: 0 };
    for (const [id, decision] of this.#decisions) {
      const now = store.get(id);
      const stands = decision === 'reject' ? now === undefined : now !== undefined && !isSuggestion(now);
      if (!stands) continue;
      if (decision === 'accept') state.accepted++;
      else if (decision === 'reject') state.rejected++;
      else state.relabeled++;
    }
    this.#stateCache = { version: store.version, state };
    return state;
  }

  get #selectedSuggestion(): Annotation | undefined {
    const selected = this.config.store.selected;
    return selected && isSuggestion(selected) && this.config.canEdit() ? selected : undefined;
  }

  /** N / Shift+N: the next or previous pending suggestion, wrapping. */
  next(step: 1 | -1): boolean {
    const target = stepInQueue(this.queue, this.config.store.selectedId, step);
    if (!target) {
      this.config.announcer.announce(msg('No suggestions to review.'));
      return false;
    }
    this.config.reveal(target);
    return true;
  }

  /** Enter or A on a selected suggestion; with `labelId`, a relabel (a label key). */
  accept(labelId?: string): boolean {
    const suggestion = this.#selectedSuggestion;
    if (!suggestion) return false;
    const after = this.#followerOf(suggestion);
    const relabel = labelId !== undefined && labelId !== labelIdOf(suggestion);
    const result = acceptSuggestion(suggestion, this.config.labels.annotator, labelId);
    this.#leavesQueue([suggestion.id], () => this.config.store.update(result, suggestion));
    this.#decided(relabel ? 'relabel' : 'accept', result, suggestion, after);
    return true;
  }

  /** X, or Delete on a selected suggestion: it leaves the set (a `kolam-delete`). */
  reject(): boolean {
    const suggestion = this.#selectedSuggestion;
    if (!suggestion) return false;
    const after = this.#followerOf(suggestion);
    this.#leavesQueue([suggestion.id], () => this.config.store.remove(suggestion.id));
    this.#decided('reject', suggestion, suggestion, after);
    return true;
  }

  #reportedOrder: unknown;
  #reportedThreshold: unknown;

  /** The order `review-order` names; any other value is one `kolam-error` (per value) and `margin`. */
  #order(value: unknown) {
    const order = readReviewOrder(value);
    if (value != null && value !== order && !Object.is(value, this.#reportedOrder)) {
      this.#reportedOrder = value;
      reportLater(this.host, [{ code: 'invalid-property', message: '"review-order" must be "margin", "score" or "reading"; "margin" is used.', input: value }]);
    }
    return order;
  }

  /** Shift+Enter: accepts every pending suggestion scored at or above `accept-threshold`, one undo step. */
  acceptAboveThreshold(): boolean {
    const given = this.host.acceptThreshold;
    // Lit reads a blank attribute as 0, which would accept every scored suggestion: it is unset,
    // and the key keeps its usual meaning, as when no threshold is given.
    if (given == null || this.host.getAttribute('accept-threshold')?.trim() === '' || !this.config.canEdit()) return false;
    const threshold = readThreshold(given);
    if (threshold === undefined) {
      // The host meant a threshold: the key is taken, and accepts nothing.
      if (!Object.is(given, this.#reportedThreshold)) {
        this.#reportedThreshold = given;
        reportLater(this.host, [{ code: 'invalid-property', message: '"accept-threshold" must be a number; Shift+Enter accepts nothing until it is.', input: plainOrAsGiven(given) }]);
      }
      return true;
    }
    const chosen = this.queue.filter((a) => (scoreOf(a) ?? -Infinity) >= threshold);
    if (chosen.length === 0) {
      this.config.announcer.announce(msg(str`No suggestions scored ${threshold} or more.`));
      return true;
    }
    const { store, labels } = this.config;
    this.#leavesQueue(
      chosen.map((a) => a.id),
      () =>
        store.batch(() => {
          for (const suggestion of chosen) {
            const result = acceptSuggestion(suggestion, labels.annotator);
            store.update(result, suggestion);
            this.#decided('accept', result, suggestion, undefined, false);
          }
        }),
    );
    this.config.announcer.announce(msg(str`Accepted ${chosen.length} suggestions.`));
    this.#revealNext(undefined);
    return true;
  }

  /**
   * Makes a decision's change to the store and keeps the queue without working it out again: the
   * decided items leave it and the rest keep their order (a sort of every suggestion and the
   * tool's reading order, per key, was most of a decision's time at 500 suggestions).
   */
  #leavesQueue(ids: readonly string[], change: () => void): void {
    const before = this.#queueCache?.version === this.config.store.version ? this.#queueCache : null;
    change();
    // Each decided item is one change of the store; any other (a host listener setting a new set
    // in the middle) and the queue is worked out afresh.
    if (!before || this.config.store.version - before.version !== ids.length) return;
    const gone = new Set(ids);
    this.#queueCache = { version: this.config.store.version, order: before.order, queue: before.queue.filter((a) => !gone.has(a.id)) };
  }

  /** The pending suggestion that comes after `a` in review order (to select once `a` is decided). */
  #followerOf(a: Annotation): string | undefined {
    const queue = this.queue;
    if (queue.length < 2) return undefined;
    const at = queue.findIndex((x) => x.id === a.id);
    return queue[(at + 1) % queue.length].id;
  }

  #decided(decision: ReviewDecision, annotation: Annotation, suggestion: Annotation, after: string | undefined, reveal = true): void {
    this.#decisions.set(suggestion.id, decision);
    this.#stateCache = null;
    const elapsed = Math.max(0, Math.round(performance.now() - this.#selectedAt));
    const { pending, accepted, rejected, relabeled } = this.state;
    emit(this.host, 'kolam-review', {
      decision,
      annotation: copy(annotation),
      suggestion: copy(suggestion),
      elapsed,
      pending,
      reviewed: accepted + rejected + relabeled,
    });
    if (!reveal) return;
    const { labels, announcer } = this.config;
    const name = labels.nameOf(labelIdOf(annotation));
    announcer.announce(
      decision === 'reject' ? msg(str`Rejected ${name}.`) : decision === 'relabel' ? msg(str`Relabelled as ${name}.`) : msg(str`Accepted ${name}.`),
    );
    this.#revealNext(after);
  }

  /** Selects the next pending suggestion; at the end, says review is done (focus stays). */
  #revealNext(after: string | undefined): void {
    const queue = this.queue;
    const next = queue.find((a) => a.id === after) ?? queue[0];
    if (next) this.config.reveal(next);
    else this.config.announcer.announce(msg('Review done: no suggestions left.'));
  }
}
