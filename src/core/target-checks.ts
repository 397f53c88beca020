/**
 * The target checks of each tool (CONTRACT §6): a box, a text range, a time range. A tool hands its
 * own to the store, so an entry carries only the checks it needs.
 */
import { selectorOfType } from './annotation.js';
import { rectOf, textRangeOf, timeRangeOf } from './selectors.js';
import { describe, fail, type TargetCheck } from './validation.js';

function finite(...values: number[]): boolean {
  return values.every((v) => typeof v === 'number' && Number.isFinite(v));
}

export const checkBoxTarget: TargetCheck = (a, ctx) => {
  const rect = rectOf(a);
  if (!rect) return fail('unknown-selector', `${describe(a)} has no FragmentSelector "xywh=pixel:X,Y,W,H".`, a);
  const { x, y, w, h } = rect;
  if (!finite(x, y, w, h) || x < 0 || y < 0 || w <= 0 || h <= 0)
    return fail('invalid-geometry', `${describe(a)} has a box with a negative, empty or non-numeric size: x=${x}, y=${y}, w=${w}, h=${h}.`, a);
  const size = ctx.imageSize;
  if (size && (x + w > size.width + 0.5 || y + h > size.height + 0.5))
    return fail('out-of-bounds', `${describe(a)} reaches ${x + w}×${y + h}, outside the ${size.width}×${size.height} image.`, a);
  return null;
};

export const checkSpanTarget: TargetCheck = (a) => {
  const range = textRangeOf(a);
  const quote = selectorOfType(a, 'TextQuoteSelector');
  if (!range && !quote) return fail('unknown-selector', `${describe(a)} has neither a TextPositionSelector nor a TextQuoteSelector.`, a);
  if (range) {
    const { start, end } = range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start)
      return fail('invalid-geometry', `${describe(a)} has an invalid text position: start=${start}, end=${end} (whole code points, start < end).`, a);
  }
  if (quote && typeof quote.exact !== 'string') return fail('invalid-geometry', `${describe(a)} has a TextQuoteSelector without "exact".`, a);
  // Out-of-range positions are not rejected here: the span tagger re-anchors them by quote and
  // reports `orphaned` only when that fails.
  return null;
};

export const checkSegmentTarget: TargetCheck = (a, ctx) => {
  const range = timeRangeOf(a);
  if (!range) return fail('unknown-selector', `${describe(a)} has no FragmentSelector "t=START,END".`, a);
  const { start, end } = range;
  if (!finite(start, end) || start < 0 || end <= start)
    return fail('invalid-geometry', `${describe(a)} has an empty, inverted or non-numeric time range: t=${start},${end}.`, a);
  if (ctx.duration !== undefined && Number.isFinite(ctx.duration) && start >= ctx.duration)
    return fail('out-of-bounds', `${describe(a)} starts at ${start} s, after the media ends (${ctx.duration} s).`, a);
  return null;
};
