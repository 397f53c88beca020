import { css } from 'lit';

export const labelSetStyles = css`
  :host {
    display: block;
  }
  [part='picker'] {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-block-end: var(--kolam-label-set-gap, 8px);
  }
  [part~='label'] {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    cursor: pointer;
  }
  [part~='label']:hover {
    background: var(--_bg-raised);
  }
  [part~='label'][aria-checked='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_bg-raised);
    font-weight: 600;
  }
  [part='swatch'] {
    width: 12px;
    height: 12px;
    border-radius: 3px;
    flex: none;
    forced-color-adjust: none;
  }
  [part='hotkey'] {
    min-width: 1.4em;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    color: var(--_muted);
    font-size: 0.85em;
    text-align: center;
  }
  :host([readonly]) [part~='label'] {
    cursor: default;
  }
`;
