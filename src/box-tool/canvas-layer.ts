/**
 * Draws the unselected boxes on one canvas in screen pixels. A canvas, not an SVG element per box:
 * setting 2,000–10,000 boxes, zooming and panning then cost one pass of batched path calls instead
 * of creating or restyling thousands of DOM nodes. The selected box (the one a drag or a key burst
 * changes) is drawn by the element's SVG overlay, so a drag never redraws this layer.
 */
import type { Rect } from '../core/selectors.js';
import { placeChips } from './chip-placement.js';
import type { Size, Transform } from './geometry.js';

export interface BoxPaint {
  rect: Rect;
  color: string;
  /** Text colour for the label chip, contrasting with `color`. */
  ink: string;
  name: string;
  /** Model suggestions are drawn dashed until accepted. */
  dashed: boolean;
}

export interface LayerStyle {
  lineWidth: number;
  handleSize: number;
  fontSize: number;
  fontFamily: string;
}

/** Below this on-screen size a box shows no chip: at that zoom the names would only be noise. */
const MIN_LABELLED = 12;
const CHIP_PAD = 4;
const MAX_LABELS = 1500;
const DENSE_LABELLED = 32;

const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null = null;

/** Width of a label name in a font, cached: a few labels are measured once, not once per box. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\n${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (!measurer) return text.length * 7;
    measurer.font = font;
    width = measurer.measureText(text).width;
    if (widths.size > 2000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

export function fontOf(style: LayerStyle): string {
  return `600 ${style.fontSize}px ${style.fontFamily}`;
}

/** The chip behind a label name: above the box when there is room, else inside its top edge. */
export function chipRect(screen: Rect, name: string, style: LayerStyle): Rect {
  const h = Math.round(style.fontSize * 1.5);
  const w = Math.ceil(textWidth(name, fontOf(style))) + 2 * CHIP_PAD;
  const above = screen.y - h >= 0;
  return { x: screen.x - style.lineWidth / 2, y: above ? screen.y - h : screen.y, w, h };
}

function groupPush<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * Clears and redraws the canvas. Boxes outside the viewport are skipped; label chips go where they
 * cover no other chip and none of `obstacles` (screen rects: the selected box's chip and handles).
 * Returns the chips drawn.
 */
export function drawBoxes(
  canvas: HTMLCanvasElement,
  boxes: readonly BoxPaint[],
  t: Transform,
  viewport: Size,
  style: LayerStyle,
  dpr: number,
  obstacles: readonly Rect[] = [],
): Rect[] {
  const ctx = canvas.getContext('2d');
  if (!ctx) return [];
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, viewport.width, viewport.height);

  // One path per colour (and dash style): thousands of boxes become a handful of stroke calls.
  const strokes = new Map<string, Rect[]>();
  const labelled: Array<[Rect, BoxPaint]> = [];
  for (const box of boxes) {
    const r = box.rect;
    const s = { x: r.x * t.scale + t.tx, y: r.y * t.scale + t.ty, w: r.w * t.scale, h: r.h * t.scale };
    if (s.x > viewport.width || s.y > viewport.height || s.x + s.w < 0 || s.y + s.h < 0) continue;
    groupPush(strokes, (box.dashed ? 'd' : 's') + box.color, s);
    if (s.w >= MIN_LABELLED && s.h >= MIN_LABELLED && box.name) labelled.push([s, box]);
  }

  // strokeRect grouped by colour, not one Path2D: Skia strokes a path of thousands of subpaths
  // far slower (123 ms against 36 ms for 10,000 boxes, measured) than as many single rectangles.
  // A dark halo under every stroke keeps light colours visible on light images and vice versa.
  ctx.lineWidth = style.lineWidth + 2;
  ctx.strokeStyle = 'rgba(0,0,0,0.45)';
  for (const list of strokes.values()) for (const s of list) ctx.strokeRect(s.x, s.y, s.w, s.h);
  ctx.lineWidth = style.lineWidth;
  for (const [key, list] of strokes) {
    ctx.setLineDash(key[0] === 'd' ? [6, 4] : []);
    ctx.strokeStyle = key.slice(1);
    for (const s of list) ctx.strokeRect(s.x, s.y, s.w, s.h);
  }
  ctx.setLineDash([]);

  // In a crowd (thousands of boxes on screen) chips of small boxes would only bury each other and
  // the image: then only boxes of DENSE_LABELLED px and up ask for one; zooming in brings the rest.
  const crowded = labelled.length > MAX_LABELS;
  const asking = crowded ? labelled.filter(([s]) => s.w >= DENSE_LABELLED && s.h >= DENSE_LABELLED) : labelled;
  const h = Math.round(style.fontSize * 1.5);
  const chips = placeChips(
    asking.map(([s, box]) => ({ box: s, w: Math.ceil(textWidth(box.name, fontOf(style))) + 2 * CHIP_PAD, h })),
    viewport,
    obstacles,
    style.lineWidth,
  );
  const drawn: Rect[] = [];
  chips.forEach((chip, i) => {
    if (!chip) return;
    drawn.push(chip);
    // Whole device pixels, so the sprite is copied, not resampled.
    ctx.drawImage(chipSprite(asking[i][1], style, dpr), Math.round(chip.x * dpr) / dpr, Math.round(chip.y * dpr) / dpr, chip.w, chip.h);
  });
  return drawn;
}

const sprites = new Map<string, HTMLCanvasElement>();

/**
 * A label's chip (colour, name in contrasting ink) drawn once and then copied per box: thousands
 * of `fillText` calls (text shaping and glyph rasterising each time) cost frames on a zoom; copying
 * a small bitmap does not.
 */
function chipSprite(box: BoxPaint, style: LayerStyle, dpr: number): HTMLCanvasElement {
  const font = fontOf(style);
  const key = `${box.name}\n${box.color}\n${box.ink}\n${font}\n${dpr}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    const chip = chipRect({ x: 0, y: 0, w: 0, h: 0 }, box.name, style);
    sprite = document.createElement('canvas');
    sprite.width = Math.ceil(chip.w * dpr);
    sprite.height = Math.ceil(chip.h * dpr);
    const ctx = sprite.getContext('2d')!;
    ctx.scale(dpr, dpr);
    ctx.fillStyle = box.color;
    ctx.fillRect(0, 0, chip.w, chip.h);
    ctx.font = font;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = box.ink;
    ctx.fillText(box.name, CHIP_PAD, chip.h / 2);
    if (sprites.size > 500) sprites.clear();
    sprites.set(key, sprite);
  }
  return sprite;
}
