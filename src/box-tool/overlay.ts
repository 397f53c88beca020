/**
 * The SVG overlay, in screen pixels: the selected box (with its eight handles), the hovered box,
 * the box being drawn or placed by keyboard, and the crosshair. A handful of elements whatever the
 * box count, so re-rendering it on every pointer move is cheap.
 */
import { nothing, svg } from 'lit';
import { cssom } from '../core/cssom-style.js';
import { contrastText } from '../core/palette.js';
import type { Rect } from '../core/selectors.js';
import { chipRect, type LayerStyle } from './label-chip.js';
import { toScreen, type Point, type Size, type Transform } from './geometry.js';
import { handleCentres } from './handle-layout.js';

export interface OverlayBox {
  rect: Rect;
  color: string;
  name: string;
  dashed: boolean;
}

export interface OverlayState {
  t: Transform;
  style: LayerStyle;
  viewport: Size;
  selected?: OverlayBox | undefined;
  /** Draw the selected box's resize handles (not when readonly). */
  handles: boolean;
  hovered?: OverlayBox | undefined;
  /** The box being drawn or placed, in the active label's colour. */
  sketch?: { rect: Rect; color: string } | null;
  /** Pointer position for the drawing guide, or null to hide it. */
  crosshair?: Point | null;
}

/**
 * One box, drawn in its own coordinates under a translate: moving the selection to another box of
 * the same size (a review decision, Tab) or dragging a box changes one attribute, not the ~30
 * positions of its outline, chip and handles (SVG attributes are slow to set, ~15 µs each).
 */
function renderBox(box: OverlayBox, s: OverlayState, selected: boolean) {
  const r = toScreen(s.t, box.rect);
  const local = { x: 0, y: 0, w: r.w, h: r.h };
  const chip = chipRect(r, box.name, s.style);
  const [cx, cy] = [chip.x - r.x, chip.y - r.y];
  const size = s.style.handleSize;
  return svg`<g class=${selected ? 'selected' : 'hovered'} transform="translate(${r.x} ${r.y})" ${cssom({ '--c': box.color })}>
    <rect class="halo" width=${r.w} height=${r.h}></rect>
    <rect class="box" width=${r.w} height=${r.h} stroke-dasharray=${box.dashed ? '6 4' : nothing}></rect>
    ${box.name
      ? svg`<rect class="chip" x=${cx} y=${cy} width=${chip.w} height=${chip.h}></rect>
          <text x=${cx + 4} y=${cy + chip.h / 2} dominant-baseline="central" fill=${contrastText(box.color)}>${box.name}</text>`
      : nothing}
    ${selected && s.handles
      ? handleCentres(local, size).map(
          (p) => svg`<rect part="handle" class="handle" data-handle=${p.handle} x=${p.x - size / 2} y=${p.y - size / 2} width=${size} height=${size}></rect>`,
        )
      : nothing}
  </g>`;
}

export function renderOverlay(s: OverlayState) {
  const sketch = s.sketch ? toScreen(s.t, s.sketch.rect) : null;
  const p = s.crosshair;
  return svg`
    ${s.hovered ? renderBox(s.hovered, s, false) : nothing}
    ${s.selected ? renderBox(s.selected, s, true) : nothing}
    ${sketch ? svg`<rect class="sketch" x=${sketch.x} y=${sketch.y} width=${sketch.w} height=${sketch.h} ${cssom({ '--c': s.sketch!.color })}></rect>` : nothing}
    ${p ? svg`<path class="crosshair" part="crosshair" d="M0 ${p.y}H${s.viewport.width}M${p.x} 0V${s.viewport.height}"></path>` : nothing}`;
}
