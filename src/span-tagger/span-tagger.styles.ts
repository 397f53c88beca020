import { css } from 'lit';

// The selected span's tag (part "tag") sits above the span's first line, in the gap between lines:
// 0.7em tall (0.7em at line-height 1) against 1.7em lines, it may touch the descenders of the line
// above, never the text being read; the text's 14px top padding gives it room above the first line.
// (Said here, not in the CSS, whose comments would ship.)
export const spanTaggerStyles = css`
  :host {
    display: block;
    position: relative;
    --_line-height: var(--kolam-span-line-height, 1.7em);
    --_span-tint: var(--kolam-span-tint, 30%);
    --_draft: var(--kolam-span-draft-color, light-dark(#b6d4fe, #1f4f8f));
    --_selected: var(--kolam-span-selected-color, light-dark(#1f2328, #e6e8eb));
    --_selected-text: var(--kolam-span-selected-text-color, light-dark(#ffffff, #16191d));
  }
  [part='text'] {
    position: relative;
    overflow: auto;
    max-height: var(--kolam-span-tagger-max-height, 32rem);
    padding: 14px 12px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    line-height: var(--_line-height);
    cursor: text;
  }
  .blocks {
    /* What is counted is what is shown: every space and line break as given. */
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    tab-size: 4;
  }
  .block.lazy {
    /* Off-screen blocks are not laid out or painted: a 1 MB text costs one screenful. */
    content-visibility: auto;
  }
  .block {
    /* Each line takes its direction from its own first strong letter (Urdu beside English). */
    unicode-bidi: plaintext;
    text-align: start;
  }
  [part='caret'] {
    position: absolute;
    top: 0;
    left: 0;
    width: 2px;
    background: var(--_fg);
    pointer-events: none;
    display: none;
  }
  :host(:focus-within) [part='caret'].shown {
    display: block;
    animation: blink 1.1s steps(1) infinite;
  }
  @keyframes blink {
    50% {
      opacity: 0;
    }
  }
  [part='tag'],
  [part='tooltip'] {
    position: absolute;
    top: 0;
    left: 0;
    display: none;
    padding: 0 6px;
    border-radius: 4px;
    font-size: 0.75em;
    line-height: 1.6;
    white-space: nowrap;
    pointer-events: none;
    user-select: none;
    forced-color-adjust: none;
  }
  [part='tag'].shown,
  [part='tooltip'].shown {
    display: block;
  }
  [part='tag'] {
    transform: translateY(-100%);
    font-size: 0.7em;
    line-height: 1;
    font-weight: 600;
  }
  [part='tooltip'] {
    background: var(--_bg-raised);
    color: var(--_fg);
    border: 1px solid var(--_border);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
  }
  :host([readonly]) [part='text'] {
    background: var(--_bg-raised);
  }
  /* Read-only text is selected to copy: a translucent selection, so span colours show through. */
  :host([readonly]) [part='text'] ::selection,
  :host([readonly]) [part='text']::selection {
    background-color: color-mix(in srgb, var(--_accent) 25%, transparent);
    color: inherit;
  }
  @media (forced-colors: active) {
    [part='tag'],
    [part='tooltip'] {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
