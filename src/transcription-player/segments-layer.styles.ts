import { css } from 'lit';

/**
 * The segments drawn on the waveform (segments-layer.ts) and the one being drawn: added to the
 * player's shadow root with the segments' code (player-editing.ts), so the first screen does not
 * carry them.
 */
export const segmentsLayerStyles = css`
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
  @media (forced-colors: active) {
    [part~='segment'] {
      border: 1px solid Highlight;
    }
  }
`;
