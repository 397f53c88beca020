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
    [part~='playhead'] {
      background: Highlight;
    }
  }
`;
