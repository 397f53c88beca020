/**
 * What the annotator sees of a review (CONTRACT §8), the same in every tool: a progress line
 * ("12 of 40 reviewed · 3 rejected") and, for a selected suggestion, the model's alternatives best
 * first, each with its score and the key that picks it, so the second choice is one key away.
 * Nothing shows when there is nothing to review. Parts: `review`, `review-progress`, `alternatives`.
 */
import { css, html, nothing } from 'lit';
import { isSuggestion, type Annotation } from './annotation.js';
import type { LabelsController } from './labels-controller.js';
import { msg, str } from './localize.js';
import { alternativesOf, type ReviewState } from './review.js';
import { adoptStyles } from './adopt-styles.js';

export const reviewStyles = css`
  .review {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
    padding: 4px 8px;
    font-size: 0.9em;
    color: var(--_fg);
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .review ol {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .review li.best {
    font-weight: 600;
  }
  .review kbd {
    font: inherit;
    font-size: 0.85em;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: 3px;
  }
  .review .score {
    color: var(--_muted);
  }
`;

/** The key that picks a label: its own hotkey, else its 1–9 position. */
function keyOf(labels: LabelsController, labelId: string): string | undefined {
  const list = labels.labels;
  const at = list.findIndex((l) => l.id === labelId);
  if (at < 0) return undefined;
  return list[at].hotkey ?? (at < 9 ? String(at + 1) : undefined);
}

const percent = (score: number | undefined) => (score === undefined ? '' : `${Math.round(score * 100)}%`);

export function renderReview(state: ReviewState, selected: Annotation | undefined, labels: LabelsController) {
  const reviewed = state.accepted + state.rejected + state.relabeled;
  const total = state.pending + reviewed;
  if (total === 0) return nothing;
  const progress =
    state.pending === 0
      ? msg(str`Review done: ${reviewed} of ${total} reviewed`)
      : msg(str`${reviewed} of ${total} reviewed`);
  const alternatives = selected && isSuggestion(selected) ? alternativesOf(selected) : [];
  return html`<div part="review" class="review">
    <span part="review-progress">${progress}${state.rejected ? ` · ${msg(str`${state.rejected} rejected`)}` : ''}</span>
    ${alternatives.length
      ? html`<ol part="alternatives" aria-label=${msg("The model's choices")}>
          ${alternatives.map((alt, i) => {
            const key = keyOf(labels, alt.labelId);
            return html`<li class=${i === 0 ? 'best' : ''}>
              ${key ? html`<kbd>${key}</kbd>` : nothing} ${labels.nameOf(alt.labelId)} <span class="score">${percent(alt.score)}</span>
            </li>`;
          })}
        </ol>`
      : nothing}
  </div>`;
}

/** Adds the review's sheet, which arrives after the first render, to the tool's shadow root. */
export function adoptReviewStyles(host: HTMLElement): void {
  adoptStyles(host, reviewStyles);
}
