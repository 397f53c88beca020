/**
 * The box tool's legend, in the view's bottom-left corner (the zoom controls hold the right): every label with its colour, how many boxes
 * carry it, and the key that picks it — and which label a new box gets, marked, with or without a
 * `<kolam-label-set>` around. Clicking a label makes it the one new boxes get. Over an image with
 * no boxes yet, a line says how to start. Colour swatches are SVG `fill` attributes: no inline
 * style, so it works under a strict `style-src`.
 */
import { css, html, nothing, svg } from 'lit';
import { labelIdOf, type Annotation, type Label } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';

export interface LegendState {
  labels: readonly Label[];
  shown: readonly Annotation[];
  /** Label id new boxes get. */
  active: string | undefined;
  readonly: boolean;
  /** The image has loaded (no hint over a missing or failed one). */
  imageReady: boolean;
  colorOf(id: string | undefined): string;
  nameOf(id: string | undefined): string;
  pick(id: string): void;
}

/** The key that picks label `i`: its own hotkey, else its digit (1–9), else none. */
export function keyOf(label: Label, i: number): string {
  return label.hotkey ?? (i < 9 ? String(i + 1) : '');
}

const counted = new WeakMap<readonly Annotation[], Map<string | undefined, number>>();

/** Boxes per label id; cached per `shown` array (the store hands out a new one on each change). */
export function countByLabel(shown: readonly Annotation[]): Map<string | undefined, number> {
  let counts = counted.get(shown);
  if (!counts) {
    counts = new Map();
    for (const a of shown) {
      const id = labelIdOf(a);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    counted.set(shown, counts);
  }
  return counts;
}

export function renderLegend(s: LegendState) {
  const counts = countByLabel(s.shown);
  const hint =
    s.imageReady && !s.readonly && s.shown.length === 0
      ? html`<p part="hint" class="hint">${msg('No boxes yet: drag on the image to draw one, or press B to place one with the keyboard.')}</p>`
      : nothing;
  if (s.labels.length === 0) return hint;
  return html`<div part="legend" class="legend" role="group" aria-label=${msg('Labels')}>
      ${s.labels.map((label, i) => {
        const active = label.id === s.active;
        const key = keyOf(label, i);
        const count = counts.get(label.id) ?? 0;
        return html`<button
          type="button"
          part=${active ? 'legend-item active' : 'legend-item'}
          class="item"
          aria-pressed=${active ? 'true' : 'false'}
          aria-keyshortcuts=${key || nothing}
          title=${active ? msg(str`New boxes get ${s.nameOf(label.id)}`) : msg(str`Give new boxes ${s.nameOf(label.id)}`)}
          ?disabled=${s.readonly}
          @click=${() => s.pick(label.id)}
        >
          <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">${svg`<rect width="10" height="10" rx="2" fill=${s.colorOf(label.id)}></rect>`}</svg>
          <span class="name">${s.nameOf(label.id)}</span>
          <span class="count">${count}</span>
          ${key ? html`<kbd>${key}</kbd>` : nothing}
        </button>`;
      })}
    </div>
    ${hint}`;
}

export const legendStyles = css`
  .legend {
    position: absolute;
    bottom: 8px;
    left: 8px;
    display: flex;
    flex-wrap: wrap;
    gap: 1px;
    max-width: calc(100% - 200px);
    max-height: calc(100% - 16px);
    overflow: auto;
    padding: 3px;
    background: color-mix(in srgb, var(--_bg) 88%, transparent);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 12px;
  }
  .legend .item {
    display: grid;
    grid-template-columns: 10px auto auto auto;
    align-items: center;
    gap: 6px;
    padding: 2px 6px;
    font: inherit;
    color: var(--_fg);
    text-align: start;
    background: transparent;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .legend .item[aria-pressed='true'] {
    border-color: var(--_focus);
    font-weight: 600;
  }
  .legend .item:disabled {
    cursor: default;
  }
  .legend .swatch {
    width: 10px;
    height: 10px;
  }
  .legend .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .legend kbd {
    font: inherit;
    font-size: 11px;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: 3px;
    color: var(--_muted);
  }
  .hint {
    position: absolute;
    inset: 40% 0 auto;
    margin: 0 auto;
    width: fit-content;
    max-width: calc(100% - 32px);
    padding: 6px 12px;
    background: color-mix(in srgb, var(--_bg) 92%, transparent);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    pointer-events: none;
    text-align: center;
  }
`;
