/**
 * The transport bar: play/pause, skip, time, speed, loop, zoom. A render function over what the
 * element passes in; every control also has a key (shown in `aria-keyshortcuts`).
 */
import { html } from 'lit';
import { msg } from '../core/localize.js';
import { formatClock } from './time-format.js';

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

export interface ToolbarState {
  playing: boolean;
  time: number;
  duration: number;
  rate: number;
  looping: boolean;
  /** Zoom as 0 (fit) … 1 (deepest), on a log scale. */
  zoomLevel: number;
  /** The media failed: nothing to play or zoom, so the controls say so instead of doing nothing. */
  disabled: boolean;
  toggle(): void;
  skip(seconds: number): void;
  setRate(rate: number): void;
  toggleLoop(): void;
  setZoomLevel(level: number): void;
}

export function renderToolbar(t: ToolbarState) {
  return html`<div part="toolbar">
    <button type="button" part="play" aria-keyshortcuts="Escape" ?disabled=${t.disabled} @click=${() => t.toggle()}>${t.playing ? msg('Pause') : msg('Play')}</button>
    <button type="button" aria-keyshortcuts="F1" ?disabled=${t.disabled} @click=${() => t.skip(-1.5)}>${msg('Back 1.5 s')}</button>
    <button type="button" aria-keyshortcuts="F2" ?disabled=${t.disabled} @click=${() => t.skip(1.5)}>${msg('Forward 1.5 s')}</button>
    <span part="time">${formatClock(t.time)} / ${formatClock(t.duration)}</span>
    <label
      >${msg('Speed')}
      <select part="rate" ?disabled=${t.disabled} .value=${String(t.rate)} @change=${(e: Event) => t.setRate(Number((e.target as HTMLSelectElement).value))}>
        ${RATES.map((r) => html`<option value=${String(r)} ?selected=${r === t.rate}>${r}×</option>`)}
      </select></label
    >
    <button type="button" aria-pressed=${t.looping ? 'true' : 'false'} aria-keyshortcuts="L" ?disabled=${t.disabled} @click=${() => t.toggleLoop()}>${msg('Loop segment')}</button>
    <span class="spacer"></span>
    <label
      >${msg('Zoom')}
      <input
        part="zoom"
        type="range"
        min="0"
        max="1"
        step="0.01"
        ?disabled=${t.disabled}
        .value=${String(Math.max(0, Math.min(1, t.zoomLevel || 0)))}
        @input=${(e: Event) => t.setZoomLevel(Number((e.target as HTMLInputElement).value))}
    /></label>
  </div>`;
}
