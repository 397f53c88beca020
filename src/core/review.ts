/**
 * Reviewing a model's suggestions (CONTRACT §8), as pure functions: the order they are reviewed
 * in, and what a host can build from the `kolam-review` events. No DOM; the ReviewController wires
 * these to keys and the store.
 */
import { isSuggestion, labelIdOf, type Annotation, type ChoiceBody } from './annotation.js';

export type ReviewOrder = 'margin' | 'score' | 'reading';
export type ReviewDecision = 'accept' | 'reject' | 'relabel';

export interface ReviewState {
  pending: number;
  accepted: number;
  rejected: number;
  relabeled: number;
}

export interface KolamReviewDetail {
  decision: ReviewDecision;
  /** The result: the accepted or relabelled annotation; for a reject, the suggestion as it was. */
  annotation: Annotation;
  /** The suggestion exactly as the model made it. */
  suggestion: Annotation;
  /** Milliseconds the item was selected before the decision. */
  elapsed: number;
  pending: number;
  reviewed: number;
}

export function readReviewOrder(value: unknown): ReviewOrder {
  return value === 'score' || value === 'reading' ? value : 'margin';
}

/** `accept-threshold` as a number: Lit converts the attribute, not a host's property (`"0.8"`, NaN, an object). */
export function readThreshold(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function choiceOf(a: Annotation): ChoiceBody | undefined {
  return a.body?.find((b): b is ChoiceBody => b.type === 'Choice');
}

function taggingScore(a: Annotation): number | undefined {
  const choice = choiceOf(a);
  const score = choice ? choice.items[0]?.score : a.body?.find((b) => b.type === 'TextualBody' && (b.purpose === 'tagging' || b.purpose === 'classifying'))?.score;
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}

/**
 * How sure the model was: for a Choice, top-1 minus top-2 score (two close alternatives are the
 * confusions worth a person's time); else the score. Undefined when unscored.
 */
export function marginOf(a: Annotation): number | undefined {
  const choice = choiceOf(a);
  const [first, second] = choice?.items ?? [];
  if (typeof first?.score === 'number' && typeof second?.score === 'number') return first.score - second.score;
  return taggingScore(a);
}

/**
 * The pending suggestions in review order. `reading` is the tool's own order (document or time);
 * `margin` and `score` put the least sure first; unscored come last; ties keep reading order.
 */
export function reviewQueue(readingOrder: readonly Annotation[], order: ReviewOrder): Annotation[] {
  const pending = readingOrder.filter(isSuggestion);
  if (order === 'reading') return pending;
  const key = order === 'margin' ? marginOf : taggingScore;
  const keyed = pending.map((a, i) => ({ a, i, k: key(a) }));
  keyed.sort((x, y) => {
    if (x.k === undefined || y.k === undefined) return x.k === y.k ? x.i - y.i : x.k === undefined ? 1 : -1;
    return x.k - y.k || x.i - y.i;
  });
  return keyed.map((x) => x.a);
}

/** The suggestion `step` places from `currentId` in the queue, wrapping; the first when none is current. */
export function stepInQueue(queue: readonly Annotation[], currentId: string | null, step: 1 | -1): Annotation | undefined {
  if (queue.length === 0) return undefined;
  const at = queue.findIndex((a) => a.id === currentId);
  if (at < 0) return step > 0 ? queue[0] : queue[queue.length - 1];
  return queue[(at + step + queue.length) % queue.length];
}

export interface ScoredLabel {
  labelId: string;
  score: number | undefined;
}

/** A suggestion's alternatives, best first, with their scores (a plain tag is one alternative). */
export function alternativesOf(a: Annotation): ScoredLabel[] {
  const choice = choiceOf(a);
  if (choice) return choice.items.map((item) => ({ labelId: item.value, score: typeof item.score === 'number' ? item.score : undefined }));
  const labelId = labelIdOf(a);
  return labelId === undefined ? [] : [{ labelId, score: taggingScore(a) }];
}

/**
 * A confusion matrix from `kolam-review` details: `matrix[modelLabel][finalLabel]` counts, where a
 * rejection's final label is `"(rejected)"`. Built from the events alone, as a host stores them.
 */
export function confusionFrom(events: ReadonlyArray<KolamReviewDetail | { detail: KolamReviewDetail }>): Record<string, Record<string, number>> {
  const matrix: Record<string, Record<string, number>> = {};
  for (const event of events) {
    const detail = 'detail' in event ? event.detail : event;
    const model = labelIdOf(detail.suggestion) ?? '(none)';
    const final = detail.decision === 'reject' ? '(rejected)' : (labelIdOf(detail.annotation) ?? '(none)');
    const row = (matrix[model] ??= {});
    row[final] = (row[final] ?? 0) + 1;
  }
  return matrix;
}
