/**
 * What a box's label chip looks like: its font and size (text measured once per label), where it
 * sits beside its box, and its bitmap. Shared by the canvas layer and the SVG overlay, so a chip
 * looks and measures the same in both.
 */
import type { Rect } from '../core/selectors.js';

export interface LayerStyle {
  lineWidth: number;
  handleSize: number;
  fontSize: number;
  fontFamily: string;
}

/** Space between a chip's edge and its text, CSS px. */
export const CHIP_PAD = 4;

/** Widths by font, then by text: no key string built per lookup (a crowd asks per box, per redraw). */
const widths = new Map<string, Map<string, number>>();
let measurer: CanvasRenderingContext2D | null = null;

/** Width of a label name in a font, cached: a few labels are measured once, not once per box. */
export function textWidth(text: string, font: string): number {
  let byText = widths.get(font);
  if (!byText) {
    if (widths.size > 20) widths.clear();
    widths.set(font, (byText = new Map()));
  }
  let width = byText.get(text);
  if (width === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (!measurer) return text.length * 7;
    measurer.font = font;
    width = measurer.measureText(text).width;
    if (byText.size > 2000) byText.clear();
    byText.set(text, width);
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

/**
 * A label chip's bitmap: drawn once per label, colour, font and pixel ratio, then copied per box.
 * Thousands of `fillText` calls (text shaping and glyph rasterising each time) cost frames on a
 * zoom; copying a small bitmap does not.
 */
export interface Sprite {
  canvas: HTMLCanvasElement;
  /** Its pixels as packed RGBA when it is opaque all over (so copying equals drawing it), else null. */
  opaquePixels(): Uint32Array | null;
}

const sprites = new Map<string, Sprite>();

export function chipSprite(box: { name: string; color: string; ink: string }, style: LayerStyle, dpr: number): Sprite {
  const font = fontOf(style);
  const key = `${box.name}\n${box.color}\n${box.ink}\n${font}\n${dpr}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    const chip = chipRect({ x: 0, y: 0, w: 0, h: 0 }, box.name, style);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(chip.w * dpr);
    canvas.height = Math.ceil(chip.h * dpr);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.scale(dpr, dpr);
    ctx.fillStyle = box.color;
    ctx.fillRect(0, 0, chip.w, chip.h);
    ctx.font = font;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = box.ink;
    ctx.fillText(box.name, CHIP_PAD, chip.h / 2);
    let pixels: Uint32Array | null | undefined;
    const opaquePixels = () => {
      if (pixels === undefined) {
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        pixels = data.every((v, i) => i % 4 !== 3 || v === 255) ? new Uint32Array(data.buffer) : null;
      }
      return pixels;
    };
    if (sprites.size > 500) sprites.clear();
    sprites.set(key, (sprite = { canvas, opaquePixels }));
  }
  return sprite;
}
