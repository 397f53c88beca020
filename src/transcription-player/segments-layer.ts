/**
 * The segments drawn over the waveform: only those near the view are in the DOM, each one's
 * template is reused while it is unchanged, and zoomed out over hundreds of them the layer shows
 * coverage runs instead.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssom } from '../core/cssom-style.js';
import { isSuggestion, labelIdOf, scoreOf, type Annotation, type Label } from '../core/annotation.js';
import { msg } from '../core/localize.js';
import type { LabelsController } from '../core/labels-controller.js';
import { contrastText } from '../core/palette.js';
import { coverageRuns, rangeOf, segmentsBetween } from './segments.js';
import type { Speakers } from './speaker-name.js';

/** Above this many segments in view, the waveform shows coverage runs instead of segments. */
const MAX_SEGMENT_ELEMENTS = 250;
/** The label list when there are none: one constant, so caches and guards see no change. */
export const NO_LABELS: readonly Label[] = [];

/** "Model 82% · ": a suggestion reads as one without its colour (CONTRACT §8). */
function suggestionMark(segment: Annotation): string {
  const score = scoreOf(segment);
  return `${msg('Model')}${score === undefined ? '' : ` ${Math.round(score * 100)}%`} · `;
}

export class SegmentsLayer {
  private readonly templates = new WeakMap<Annotation, { key: string; labels: readonly Label[]; result: TemplateResult }>();

  constructor(private readonly labelsCtl: LabelsController) {}

  /**
   * `sorted`/`longest`: the segments in time order and the longest one's duration; `left`/`width`:
   * the view, px; `px`: px per second.
   */
  render(
    sorted: Annotation[],
    longest: number,
    left: number,
    width: number,
    px: number,
    currentId: string | undefined,
    selectedId: string | null | undefined,
    speakers: Speakers,
  ) {
    // Only segments near the view are in the DOM: 2,000 segments cost what the visible dozen cost.
    const from = (left - width) / px;
    const to = (left + 2 * width) / px;
    const visible = segmentsBetween(sorted, from, to, longest);
    if (visible.length > MAX_SEGMENT_ELEMENTS) {
      // Zoomed out over hundreds of segments, each is a pixel or two: show where speech is
      // transcribed as runs (zoom in to edit), not hundreds of elements nobody can grab.
      return coverageRuns(visible, 2 / px).map(
        (run) => html`<div class="coverage" ${cssom({ left: `${run.start * px}px`, width: `${Math.max(1, (run.end - run.start) * px)}px` })}></div>`,
      );
    }
    // By position, not keyed (`repeat`): a segment element holds no state (no focus, no text), so
    // one scrolled away is reused for the next rather than moved, and no keyed diff is paid for.
    return visible.map((s) => this.renderSegment(s, px, currentId, selectedId, speakers));
  }

  private renderSegment(segment: Annotation, px: number, currentId: string | undefined, selectedId: string | null | undefined, speakers: Speakers) {
    const suggested = isSuggestion(segment);
    const parts = `segment${segment.id === currentId ? ' current' : ''}${segment.id === selectedId ? ' selected' : ''}${suggested ? ' suggestion' : ''}`;
    const editable = !this.labelsCtl.readonly;
    // Annotations are replaced, never mutated: an unchanged one reuses its template (a drag
    // re-renders one segment, not the dozen in view).
    const labelId = labelIdOf(segment);
    // A speaker's number and colour can change with other segments (numbered by first appearance): part of the key.
    const name = speakers.nameOf(labelId);
    const color = speakers.colorOf(labelId);
    const key = `${px}|${parts}|${editable}|${name}|${color}`;
    const labels = this.labelsCtl.labels.length ? this.labelsCtl.labels : NO_LABELS;
    const cached = this.templates.get(segment);
    if (cached?.key === key && cached.labels === labels) return cached.result;
    const { start, end } = rangeOf(segment);
    const result = html`<div part=${parts} data-segment=${segment.id} ${cssom({ left: `${start * px}px`, width: `${(end - start) * px}px`, '--_color': color })}>
      ${name || suggested
        ? html`<span class="segment-label" ${cssom({ background: color, color: contrastText(color) })}>${suggested ? suggestionMark(segment) : ''}${name}</span>`
        : nothing}
      ${editable ? html`<div part="edge" class="start" data-segment=${segment.id} data-edge="start"></div>
            <div part="edge" class="end" data-segment=${segment.id} data-edge="end"></div>` : nothing}
    </div>`;
    this.templates.set(segment, { key, labels, result });
    return result;
  }
}
