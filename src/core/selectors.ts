/**
 * The three selector kinds Kolam writes (CONTRACT §2): image boxes `xywh=pixel:`, media time
 * `t=START,END`, and a text position (code points) with its quote. Parsers return `null` for
 * anything they cannot read, never throw.
 */
import {
  MEDIA_FRAGMENTS,
  selectorOfType,
  type Annotation,
  type FragmentSelector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './annotation.js';
import { CodePointIndex } from './code-points.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TimeRange {
  start: number;
  end: number;
}

export interface TextRange {
  /** Code points, inclusive. */
  start: number;
  /** Code points, exclusive. */
  end: number;
}

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const XYWH = new RegExp(`^xywh=(?:(pixel|percent):)?(${NUMBER}),(${NUMBER}),(${NUMBER}),(${NUMBER})$`);

/**
 * Reads `xywh=pixel:X,Y,W,H` (or without the `pixel:` unit, which means pixels). `percent:` is
 * refused: Kolam stores natural pixels. Negative or non-finite numbers come back as they are, for
 * validation to reject with a reason.
 */
export function parseXywh(value: string): Rect | null {
  const match = XYWH.exec(value.trim());
  if (!match || match[1] === 'percent') return null;
  const [x, y, w, h] = match.slice(2).map(Number);
  return { x, y, w, h };
}

/** Whole pixels, as the contract asks. */
export function formatXywh(rect: Rect): string {
  const r = roundRect(rect);
  return `xywh=pixel:${r.x},${r.y},${r.w},${r.h}`;
}

/** Rounds a rectangle to whole pixels by its edges, so adjacent boxes stay adjacent. */
export function roundRect(rect: Rect): Rect {
  const x = Math.round(rect.x);
  const y = Math.round(rect.y);
  return { x, y, w: Math.round(rect.x + rect.w) - x, h: Math.round(rect.y + rect.h) - y };
}

export function boxSelector(rect: Rect): FragmentSelector {
  return { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: formatXywh(rect) };
}

const CLOCK = String.raw`(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)`;
const SECONDS = String.raw`\d+(?:\.\d*)?|\.\d+`;
const TIME = `(?:${CLOCK}|(${SECONDS}))`;
const T_FRAGMENT = new RegExp(`^t=(?:npt:)?(${TIME})?(?:,(${TIME}))?$`);

function clockToSeconds(h: string | undefined, m: string, s: string): number {
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

/**
 * Reads `t=START,END` in seconds (also `npt:` and `hh:mm:ss.sss` forms of Media Fragments). A
 * missing start is 0; a missing end is `Infinity` (to the end of the media).
 */
export function parseMediaTime(value: string): TimeRange | null {
  const match = T_FRAGMENT.exec(value.trim());
  if (!match || (match[1] === undefined && match[6] === undefined)) return null;
  const start = match[1] === undefined ? 0 : match[5] !== undefined ? Number(match[5]) : clockToSeconds(match[2], match[3], match[4]);
  const end =
    match[6] === undefined ? Infinity : match[10] !== undefined ? Number(match[10]) : clockToSeconds(match[7], match[8], match[9]);
  return { start, end };
}

/** Seconds with at most 3 decimals, without trailing zeros. */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

export function formatMediaTime(range: TimeRange): string {
  return `t=${formatSeconds(range.start)},${formatSeconds(range.end)}`;
}

export function timeSelector(range: TimeRange): FragmentSelector {
  return { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: formatMediaTime(range) };
}

/** Prefix and suffix length in code points (CONTRACT §2). */
export const QUOTE_CONTEXT = 32;

/**
 * The position and quote selectors for code points [start, end) of `text`. Pass a CodePointIndex
 * when making many, so a large text is indexed once.
 */
export function textSelectors(
  text: string | CodePointIndex,
  range: TextRange,
): [TextPositionSelector, TextQuoteSelector] {
  const index = typeof text === 'string' ? new CodePointIndex(text) : text;
  const start = Math.max(0, Math.min(range.start, index.length));
  const end = Math.max(start, Math.min(range.end, index.length));
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: index.slice(start, end),
      prefix: index.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: index.slice(end, end + QUOTE_CONTEXT),
    },
  ];
}

function fragmentValue(annotation: Annotation, prefix: string): string | undefined {
  const selector = annotation.target?.selector;
  const list = Array.isArray(selector) ? selector : [selector];
  return list.find(
    (s): s is FragmentSelector => s?.type === 'FragmentSelector' && typeof s.value === 'string' && s.value.trim().startsWith(prefix),
  )?.value;
}

/** The box of an annotation, or null if it has no readable `xywh` selector. */
export function rectOf(annotation: Annotation): Rect | null {
  const value = fragmentValue(annotation, 'xywh=');
  return value === undefined ? null : parseXywh(value);
}

/** The time range of an annotation, or null if it has no readable `t=` selector. */
export function timeRangeOf(annotation: Annotation): TimeRange | null {
  const value = fragmentValue(annotation, 't=');
  return value === undefined ? null : parseMediaTime(value);
}

/** The code-point range of an annotation's TextPositionSelector, or null. */
export function textRangeOf(annotation: Annotation): TextRange | null {
  const position = selectorOfType(annotation, 'TextPositionSelector');
  return position ? { start: position.start, end: position.end } : null;
}

/** The annotation's TextQuoteSelector, or undefined. */
export function quoteOf(annotation: Annotation): TextQuoteSelector | undefined {
  return selectorOfType(annotation, 'TextQuoteSelector');
}
