/**
 * What both span-tagger bench pages share: the same 1 MB public-domain text, the same 10,000
 * spans, the same words to drag over, and the paint helpers. Each page only wires its tool.
 */
import { makeDocument, makeSpans, type SampleSpan } from '../../test/fixtures/span-sample.js';

export const TEXT = makeDocument(1_000_000);
export const SPANS: SampleSpan[] = makeSpans(TEXT, 10_000);
export const HEIGHT = 700;

/** The same look for both tools' text. */
export const TEXT_CSS = `font: 16px/1.7 'DejaVu Sans', sans-serif; white-space: pre-wrap; overflow-wrap: anywhere;`;

export const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
export const idle = () => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5000 }));

/** JS heap in use after a full GC (the harness starts Chromium with --expose-gc), in MB. */
export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20;
}

/** Viewport rect of UTF-16 [start, end) in text nodes laid end to end. */
export function rectIn(nodes: Text[], start: number, end: number): DOMRect {
  const range = new Range();
  let offset = 0;
  for (const node of nodes) {
    const length = node.data.length;
    if (start >= offset && start < offset + length) range.setStart(node, start - offset);
    if (end > offset && end <= offset + length) {
      range.setEnd(node, end - offset);
      break;
    }
    offset += length;
  }
  return range.getClientRects()[0];
}

/** Start and end points (viewport px) of a drag over the first occurrence of `word`. */
export function dragPoints(nodes: Text[], word: string): [number, number, number, number] {
  const at = TEXT.indexOf(` ${word}`) + 1;
  const rect = rectIn(nodes, at, at + word.length);
  const y = rect.top + rect.height / 2;
  return [rect.left + 1, y, rect.right - 1, y];
}

export interface BenchPage {
  load(): Promise<{ paint: number; idle: number; drawn: number; heap: number }>;
  count(): number;
  dragPoints(word: string): [number, number, number, number];
  scroller(): { x: number; y: number; height: number; scrollHeight: number };
  scrollTop(): number;
}

declare global {
  interface Window {
    __bench: BenchPage;
    __benchReady: boolean;
  }
}
