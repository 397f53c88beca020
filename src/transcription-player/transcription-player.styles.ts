import { css } from 'lit';

export const transcriptionPlayerStyles = css`
  :host {
    --_wave: var(--kolam-waveform-color, light-dark(#4a78c2, #8ab4f8));
    --_playhead: var(--kolam-playhead-color, light-dark(#b3261e, #ff8a80));
    --_current: var(--kolam-current-segment-color, light-dark(#fff4c2, #3d3520));
    --_wave-height: var(--kolam-waveform-height, 128px);
    --_list-height: var(--kolam-segment-list-height, 320px);
    display: block;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    contain: layout;
  }
  video {
    display: block;
    max-width: 100%;
    max-height: 240px;
    margin: 0 auto;
    background: #000;
  }
  video[hidden] {
    display: none;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
  }
  button,
  select {
    font: inherit;
    color: inherit;
    background: var(--_bg-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 3px 8px;
    min-height: 28px;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_bg);
  }
  button:disabled {
    opacity: 0.5;
  }
  [part~='time'] {
    font-variant-numeric: tabular-nums;
    min-width: 11ch;
    color: var(--_fg);
  }
  .spacer {
    flex: 1;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  input[type='range'] {
    width: 110px;
  }
  [part~='waveform'] {
    position: relative;
    height: var(--_wave-height);
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
    touch-action: pan-x;
    user-select: none;
    -webkit-user-select: none;
    cursor: text;
  }
  .content {
    position: relative;
    height: 100%;
    min-width: 100%;
  }
  .chunks {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  [part~='segment'] {
    position: absolute;
    top: 20px;
    bottom: 0;
    box-sizing: border-box;
    background: color-mix(in srgb, var(--_color) 22%, transparent);
    border-inline: 1px solid var(--_color);
    cursor: pointer;
    overflow: hidden;
  }
  .coverage {
    position: absolute;
    top: 20px;
    bottom: 0;
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    border-bottom: 3px solid var(--_accent);
    pointer-events: none;
  }
  /* One colour per state, on the waveform and in the list alike: the segment under the playhead
     is --_current (as its row is), the selected one is outlined in --_focus (as its row is). */
  [part~='segment'][part~='current'] {
    background: color-mix(in srgb, var(--_current) 75%, transparent);
  }
  [part~='segment'][part~='selected'] {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  /* A model's suggestion: dashed and hatched, so it reads as one without its colour. */
  [part~='segment'][part~='suggestion'] {
    border-inline-style: dashed;
    border-inline-width: 2px;
    background: repeating-linear-gradient(135deg, color-mix(in srgb, var(--_color) 26%, transparent) 0 6px, transparent 6px 10px);
  }
  [part~='segment'].ghost {
    border-style: dashed;
    pointer-events: none;
  }
  .segment-label {
    position: absolute;
    top: 2px;
    left: 6px;
    max-width: calc(100% - 12px);
    font-size: 11px;
    line-height: 14px;
    padding: 0 4px;
    border-radius: 3px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    pointer-events: none;
  }
  [part~='edge'] {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 8px;
    cursor: ew-resize;
    z-index: 1;
  }
  [part~='edge'].start {
    left: -1px;
  }
  [part~='edge'].end {
    right: -1px;
  }
  [part~='edge']:hover {
    background: color-mix(in srgb, var(--_color) 55%, transparent);
  }
  [part~='playhead'] {
    position: absolute;
    top: 0;
    bottom: 0;
    left: 0;
    width: 2px;
    margin-left: -1px;
    background: var(--_playhead);
    pointer-events: none;
    will-change: transform;
  }
  .status {
    position: absolute;
    inset: 20px 0 0;
    display: grid;
    place-items: center;
    color: var(--_muted);
    pointer-events: none;
  }
  .status.error {
    color: var(--_danger);
    place-content: center;
    gap: 4px;
  }
  .status-hint {
    color: var(--_muted);
    font-size: 12px;
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--_list-height);
    overflow-y: auto;
    border-top: 1px solid var(--_border);
  }
  .empty {
    padding: 12px;
    color: var(--_muted);
  }
  .empty.error {
    color: var(--_danger);
  }
  .probe {
    display: none;
  }
  [part~='overview'] {
    position: relative;
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 6px;
    border-bottom: 1px solid var(--_border);
  }
  [part~='overview'] canvas {
    flex: 1;
    min-width: 0;
    height: 28px;
    cursor: pointer;
    touch-action: none;
  }
  [part~='reveal-playhead'] {
    font: inherit;
    font-size: 12px;
    white-space: nowrap;
  }
  .probe.accent {
    color: var(--_accent);
  }
  .probe.playhead {
    color: var(--_playhead);
  }
  .probe.wave {
    color: var(--_wave);
  }
  .probe.axis {
    color: var(--_border);
  }
  .probe.text {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .probe.wave,
    .probe.text {
      color: CanvasText;
    }
    .probe.axis {
      color: GrayText;
    }
    [part~='segment'] {
      border: 1px solid Highlight;
    }
    [part~='playhead'] {
      background: Highlight;
    }
  }
`;
