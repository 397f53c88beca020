/**
 * What a screen reader hears about a box: its label, where it is and how big, in natural image
 * pixels (the numbers the annotator will see in the exported data).
 */
import { isSuggestion, scoreOf } from '../core/annotation.js';
import type { Annotation } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import { roundRect, type Rect } from '../core/selectors.js';

export function describeRect(rect: Rect): string {
  const r = roundRect(rect);
  return msg(str`at ${r.x}, ${r.y}, ${r.w} by ${r.h} pixels`);
}

/** "Person, at 200, 200, 400 by 200 pixels" (+ ", suggestion 82%" for a model's box). */
export function describeBox(annotation: Annotation, name: string, rect: Rect): string {
  const label = name || msg('Unlabelled');
  const base = `${label}, ${describeRect(rect)}`;
  if (!isSuggestion(annotation)) return base;
  const score = scoreOf(annotation);
  return score === undefined ? `${base}, ${msg('suggestion')}` : `${base}, ${msg(str`suggestion ${Math.round(score * 100)}%`)}`;
}
