import { css } from 'lit';

export const boxToolStyles = css`
  :host {
    display: block;
    position: relative;
    height: var(--kolam-box-tool-height, 480px);
    min-height: 120px;
    --_stroke: var(--kolam-box-stroke-width, 2px);
    --_handle: var(--kolam-box-handle-size, 10px);
    --_crosshair: var(--kolam-box-crosshair-color, light-dark(rgba(0, 0, 0, 0.55), rgba(255, 255, 255, 0.6)));
  }
  .viewport {
    position: absolute;
    inset: 0;
    overflow: hidden;
    background: var(--_bg-raised);
    border-radius: var(--_radius);
    /* Pointer events carry touch and pen; the browser must not scroll or zoom the page instead. */
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
  }
  .viewport:focus-visible {
    outline-offset: -2px;
  }
  img {
    position: absolute;
    left: 0;
    top: 0;
    max-width: none;
    transform-origin: 0 0;
    opacity: 0;
    pointer-events: none;
    /* Own compositor layers for the image, the boxes and the overlay: a drag repaints only the
       overlay, and a zoom step moves the image layer instead of re-rastering it under the boxes. */
    will-change: transform;
  }
  img.ready {
    opacity: 1;
  }
  canvas,
  .overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    will-change: transform;
  }
  canvas {
    transform-origin: 0 0;
  }
  .overlay rect.box,
  .overlay rect.halo,
  .overlay .sketch {
    fill: none;
  }
  .overlay .halo {
    stroke: rgba(0, 0, 0, 0.45);
    stroke-width: calc(var(--_stroke) + 2px);
  }
  .overlay .box,
  .overlay .sketch {
    stroke: var(--c);
    stroke-width: var(--_stroke);
  }
  .overlay .selected .box {
    stroke-width: calc(var(--_stroke) + 1px);
    fill: color-mix(in srgb, var(--c) 12%, transparent);
  }
  .overlay .hovered .box {
    fill: color-mix(in srgb, var(--c) 18%, transparent);
  }
  .overlay .sketch {
    stroke-dasharray: 5 3;
  }
  .overlay .chip {
    fill: var(--c);
  }
  .overlay text {
    font-size: var(--kolam-box-label-size, 12px);
    font-weight: 600;
  }
  .overlay .handle {
    fill: #fff;
    stroke: #000;
    stroke-width: 1px;
  }
  .crosshair {
    stroke: var(--_crosshair);
    stroke-width: 1px;
    stroke-dasharray: 4 4;
    fill: none;
  }
  /* Top right: the legend holds the bottom left and the zoom the bottom right. */
  .review {
    position: absolute;
    top: 8px;
    right: 8px;
    max-width: calc(100% - 16px);
    pointer-events: none;
  }
  .zoom {
    position: absolute;
    right: 8px;
    bottom: 8px;
    display: flex;
    align-items: center;
    gap: 2px;
    padding: 2px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .zoom button {
    min-width: 28px;
    height: 28px;
    font: inherit;
    color: var(--_fg);
    background: transparent;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .zoom button:hover:not(:disabled) {
    background: var(--_bg-raised);
  }
  .zoom button:disabled {
    color: var(--_muted);
    cursor: default;
  }
  .level {
    min-width: 4ch;
    text-align: center;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .error {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 16px;
    color: var(--_danger);
    text-align: center;
    pointer-events: none;
  }
  @media (forced-colors: active) {
    .overlay .box,
    .overlay .sketch {
      stroke: CanvasText;
    }
    .overlay .handle {
      fill: Canvas;
      stroke: CanvasText;
    }
  }
`;
