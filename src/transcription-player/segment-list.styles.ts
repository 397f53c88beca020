import { css } from 'lit';

/**
 * The segment list's rows (segment-list.ts): added to the player's shadow root when the list's code
 * arrives (player-editing.ts), so the first screen does not carry them. The list's box and its
 * "loading" line stay in the player's own styles.
 */
export const segmentListStyles = css`
  [part~='row'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 8px;
    align-items: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
  }
  .gap {
    padding: 0;
    border: 0;
  }
  [part~='row'][part~='current'] {
    background: var(--_current);
  }
  [part~='row'][part~='selected'] {
    box-shadow: inset 3px 0 0 var(--_focus);
  }
  .row-head {
    display: flex;
    flex-direction: column;
    gap: 4px;
    align-items: stretch;
  }
  [part~='segment-time'] {
    font-variant-numeric: tabular-nums;
    font-size: 12px;
    white-space: nowrap;
  }
  [part~='speaker'] {
    font-size: 12px;
    max-width: 16ch;
    border-inline-start: 4px solid var(--_color);
  }
  .speaker-name {
    padding-inline-start: 4px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part~='transcript'] {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 4px 6px;
    resize: vertical;
    min-height: 2lh;
    field-sizing: content;
    max-height: 10lh;
    width: 100%;
    box-sizing: border-box;
  }
  [part~='transcript-parts'] {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    font-size: 12px;
    color: var(--_muted);
  }
`;
