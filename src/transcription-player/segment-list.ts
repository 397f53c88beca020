/**
 * The list of segments in time order: the time (a button that plays the segment), the speaker, and
 * a transcript field that is a real textarea, so the browser's spell-check, IME (Tamil, Hindi…),
 * undo and accessibility all work. A long list renders only the rows near the view (list-controller.ts),
 * each DOM row reused for whichever segment arrives (keyed by slot, not by segment).
 */
import { html, nothing } from 'lit';
import { cssom } from '../core/cssom-style.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdOf } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import type { SlottedItem } from './list-window.js';
import type { Piece } from './transcript-pieces.js';
import { languageOf, rangeOf, transcriptOf } from './segments.js';
import type { SpeakerNamer } from './speaker-name.js';
import { formatClock } from './time-format.js';

export interface SegmentListHost {
  /** The rows to render (a window of a long list) and gaps standing in for the others. */
  items: readonly SlottedItem<Annotation>[];
  total: number;
  currentId: string | undefined;
  selectedId: string | null;
  /**
   * The one row whose controls are in the Tab order (roving tabindex): with 50 segments, a row's
   * time, speaker and transcript are still three Tab stops, not 150. The others are reached by
   * Tab on the waveform, a click, or the list's arrow keys.
   */
  tabRowId: string | undefined;
  readonly: boolean;
  /** False when the media failed: a row's time button then has nothing to play. */
  playable: boolean;
  labels: readonly Label[];
  /** "Speaker 2" for a speaker with no name, never the raw id. */
  nameOf: SpeakerNamer;
  language: string | undefined;
  colorOf(labelId: string | undefined): string;
  draftOf(id: string): string | undefined;
  /** The part of a transcript its field shows (the whole text, unless it is very long). */
  pieceOf(id: string, text: string): Piece;
  showPiece(segment: Annotation, index: number): void;
  play(segment: Annotation): void;
  focus(segment: Annotation): void;
  input(segment: Annotation, event: InputEvent): void;
  blur(segment: Annotation): void;
  scroll(list: HTMLElement): void;
  compositionEnd(): void;
  relabel(segment: Annotation, labelId: string): void;
}

export function timeRangeText(segment: Annotation): string {
  const { start, end } = rangeOf(segment);
  return `${formatClock(start)}–${formatClock(end)}`;
}

function renderRow(host: SegmentListHost, segment: Annotation, index: number) {
  const id = segment.id;
  const range = timeRangeText(segment);
  const labelId = labelIdOf(segment);
  const current = id === host.currentId;
  const selected = id === host.selectedId;
  const parts = `row${current ? ' current' : ''}${selected ? ' selected' : ''}`;
  const tabindex = id === host.tabRowId ? 0 : -1;
  const speaker =
    host.labels.length === 0
      ? labelId === undefined
        ? nothing
        : html`<span part="speaker" class="speaker-name" ${cssom({ '--_color': host.colorOf(labelId) })}>${host.nameOf(labelId)}</span>`
      : html`<select
          part="speaker"
          aria-label=${msg(str`Speaker of segment ${range}`)}
          tabindex=${tabindex}
          ${cssom({ '--_color': host.colorOf(labelId) })}
          ?disabled=${host.readonly}
          .value=${live(labelId ?? '')}
          @change=${(e: Event) => host.relabel(segment, (e.target as HTMLSelectElement).value)}
        >
          ${labelId === undefined ? html`<option value="">${msg('No speaker')}</option>` : nothing}
          ${host.labels.map((l) => html`<option value=${l.id} ?selected=${l.id === labelId}>${host.nameOf(l.id)}</option>`)}
          ${labelId !== undefined && !host.labels.some((l) => l.id === labelId)
            ? html`<option value=${labelId} selected>${host.nameOf(labelId)}</option>`
            : nothing}
        </select>`;
  const text = host.draftOf(id) ?? transcriptOf(segment);
  const piece = host.pieceOf(id, text);
  const long = piece.count > 1;
  return html`<li part=${parts} data-id=${id} aria-current=${current ? 'true' : 'false'} aria-posinset=${index + 1} aria-setsize=${host.total}>
    <div class="row-head">
      <button type="button" part="segment-time" tabindex=${tabindex} aria-label=${msg(str`Play segment ${range}`)} ?disabled=${!host.playable} @click=${() => host.play(segment)}>
        ${range}
      </button>
      ${speaker}
    </div>
    <textarea
      part="transcript"
      rows="1"
      spellcheck="true"
      dir="auto"
      lang=${ifDefined(languageOf(segment) ?? host.language)}
      aria-label=${long ? msg(str`Transcript ${range}, part ${piece.index + 1} of ${piece.count}`) : msg(str`Transcript ${range}`)}
      tabindex=${tabindex}
      ?readonly=${host.readonly}
      .value=${live(piece.value)}
      @focus=${() => host.focus(segment)}
      @input=${(e: InputEvent) => host.input(segment, e)}
      @compositionend=${() => host.compositionEnd()}
      @blur=${() => host.blur(segment)}
    ></textarea>
    ${long ? renderPieceNav(host, segment, piece, tabindex) : nothing}
  </li>`;
}

/** Under a long transcript's field: which part it shows, and the way to the others. */
function renderPieceNav(host: SegmentListHost, segment: Annotation, piece: Piece, tabindex: number) {
  const n = (v: number) => v.toLocaleString();
  return html`<div part="transcript-parts" class="pieces">
    <button type="button" tabindex=${tabindex} ?disabled=${piece.index === 0} @click=${() => host.showPiece(segment, piece.index - 1)}>
      ${msg('Previous part')}
    </button>
    <span class="piece-place">${msg(str`Part ${piece.index + 1} of ${piece.count}, characters ${n(piece.start + 1)}–${n(piece.end)} of ${n(piece.total)}`)}</span>
    <button type="button" tabindex=${tabindex} ?disabled=${piece.index === piece.count - 1} @click=${() => host.showPiece(segment, piece.index + 1)}>
      ${msg('Next part')}
    </button>
  </div>`;
}

export function renderSegmentList(host: SegmentListHost) {
  if (host.total === 0) {
    return html`<p part="list" class="empty">
      ${host.readonly ? msg('No segments.') : msg('No segments yet: drag on the waveform, or press Ctrl+Enter while playing.')}
    </p>`;
  }
  return html`<ol part="list" aria-label=${msg('Segments')} @scroll=${(e: Event) => host.scroll(e.currentTarget as HTMLElement)}>
    ${repeat(
      host.items,
      // Keyed by DOM row, not by segment: a row that scrolls away is reused for one arriving.
      (item) => (item.kind === 'row' ? item.slot : item.key),
      (item) =>
        item.kind === 'row' ? renderRow(host, item.item, item.index) : html`<li class="gap" aria-hidden="true" ${cssom({ height: `${item.height}px` })}></li>`,
    )}
  </ol>`;
}
