/** Shared by the box tool tests: an image of a known natural size and real mouse input in element coordinates. */
import { fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/box-tool.js';
import { cssom } from '../../src/core/cssom-style.js';
import type { KolamBoxTool } from '../../src/box-tool.js';
import { createAnnotation, type Annotation } from '../../src/core/annotation.js';
import { boxSelector, rectOf, type Rect } from '../../src/core/selectors.js';

/** A plain SVG image of `width`×`height` natural pixels, light on top and dark below. */
export function imageUrl(width = 1600, height = 1200): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="55%" fill="#cde"/><rect y="55%" width="100%" height="45%" fill="#223"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const LABELS = [
  { id: 'person', name: 'Person', color: '#e6194b', hotkey: 'p' },
  { id: 'car', name: 'Car', color: '#3cb44b' },
];

export function box(rect: Rect, labelId = 'person', extra: Partial<Annotation> = {}): Annotation {
  return { ...createAnnotation({ source: 'street.png', selector: boxSelector(rect), labelId }), ...extra };
}

export function xywh(a: Annotation): string {
  const r = rectOf(a)!;
  return `${r.x},${r.y},${r.w},${r.h}`;
}

/** Waits (frame by frame, no timeout guess) until the image has loaded or failed and the size is measured. */
export async function imageSettled(el: KolamBoxTool): Promise<void> {
  const settled = () => (el.imageSize || el.shadowRoot!.querySelector('[part="error"]')) && el.viewport.width > 0;
  for (let i = 0; i < 600 && !settled(); i++) {
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
  }
  await el.updateComplete;
}

export interface MountOptions {
  width?: number;
  height?: number;
  imageWidth?: number;
  imageHeight?: number;
  annotations?: Annotation[];
  readonly?: boolean;
  minSize?: number;
}

/** An 800×600 tool at the page's top-left corner showing a 1600×1200 image (CONTRACT §5's example). */
export async function mount(options: MountOptions = {}): Promise<KolamBoxTool> {
  const { width = 800, height = 600, imageWidth = 1600, imageHeight = 1200 } = options;
  await setViewport({ width: width + 100, height: height + 100 });
  await resetMouse();
  document.body.style.margin = '0';
  const el = await fixture<KolamBoxTool>(html`<kolam-box-tool
    ${cssom({ width: `${width}px`, height: `${height}px` })}
    src=${imageUrl(imageWidth, imageHeight)}
    source="street.png"
    min-size=${options.minSize ?? 4}
    ?readonly=${options.readonly ?? false}
    .labels=${LABELS}
    .annotator=${{ id: 'worker-17', name: 'Kumar' }}
    .annotations=${options.annotations ?? []}
  ></kolam-box-tool>`);
  await imageSettled(el);
  return el;
}

/** Viewport CSS px of a point given from the element's top-left corner. */
export function at(el: HTMLElement, x: number, y: number): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + x), Math.round(r.top + y)];
}

/** A real left-button drag through a few intermediate moves. */
export async function drag(el: HTMLElement, from: [number, number], to: [number, number], options: { button?: 'left' | 'middle'; release?: boolean } = {}): Promise<void> {
  await sendMouse({ type: 'move', position: at(el, ...from) });
  await sendMouse({ type: 'down', button: options.button ?? 'left' });
  for (let i = 1; i <= 4; i++) {
    await sendMouse({ type: 'move', position: at(el, from[0] + ((to[0] - from[0]) * i) / 4, from[1] + ((to[1] - from[1]) * i) / 4) });
  }
  if (options.release !== false) await sendMouse({ type: 'up', button: options.button ?? 'left' });
}

export const shadow = (el: KolamBoxTool) => el.shadowRoot!;
export const viewport = (el: KolamBoxTool) => shadow(el).querySelector<HTMLElement>('[part="viewport"]')!;
