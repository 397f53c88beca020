// What the server stores is checked by the same rules the tools apply to what a host gives them
// (src/core/validation.ts), so a bad annotation is refused with the tools' own reason.
import { checkBoxTarget, checkSegmentTarget, checkSpanTarget } from '../src/core/target-checks.ts';
import { checkAnnotation } from '../src/core/validation.ts';

/** Which tool's target check applies, read from the selector: boxes, text spans or media segments. */
function targetCheckOf(annotation) {
  const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
  const selectors = [target?.selector].flat().filter(Boolean);
  for (const s of selectors) {
    if (s.type === 'TextPositionSelector' || s.type === 'TextQuoteSelector') return checkSpanTarget;
    if (s.type === 'FragmentSelector' && typeof s.value === 'string') {
      if (s.value.startsWith('xywh=')) return checkBoxTarget;
      if (s.value.startsWith('t=')) return checkSegmentTarget;
    }
  }
  return null;
}

/**
 * Returns null for an annotation the tools would accept, else `{ code, message }`. The annotation's
 * own `id` may be absent (the server names it); it is checked as if it had one.
 */
export function problemWith(annotation) {
  if (!annotation || typeof annotation !== 'object' || Array.isArray(annotation))
    return { code: 'invalid-annotation', message: 'The body is not a JSON object.' };
  const types = [annotation.type].flat();
  if (!types.includes('Annotation')) return { code: 'invalid-annotation', message: 'The body is not of type "Annotation".' };
  if (!annotation.target || typeof annotation.target !== 'object')
    return { code: 'unknown-selector', message: 'The annotation has no "target" object.' };
  const target = targetCheckOf(annotation);
  if (!target)
    return {
      code: 'unknown-selector',
      message: 'The target has no selector Kolam reads (FragmentSelector xywh= or t=, TextPositionSelector, TextQuoteSelector).',
    };
  const problem = checkAnnotation({ ...annotation, id: annotation.id || 'urn:uuid:unnamed' }, { target });
  return problem && { code: problem.code, message: problem.message };
}

/** The IRI of the thing annotated, by which `?source=` lists a container. */
export function sourceOf(annotation) {
  const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
  if (typeof target === 'string') return target;
  return typeof target?.source === 'string' ? target.source : typeof target?.id === 'string' ? target.id : null;
}
