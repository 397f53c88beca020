/**
 * Checks annotations a host hands us (CONTRACT §6). Each bad one becomes a `kolam-error` detail with
 * a code and a sentence; good ones pass through untouched (same object). Nothing throws.
 */
import type { Annotation, Label } from './annotation.js';
import { labelIdOf } from './annotation.js';
import type { KolamErrorCode, KolamErrorDetail } from './events.js';
import { hasCycle } from './plain-data.js';

/**
 * What a tool checks of a target (box, text range, time range): given by the tool, so each entry
 * carries only its own checks (`target-checks.ts`). Returns why it is bad, or null when it is good.
 */
export type TargetCheck = (a: Annotation, ctx: ValidationContext) => KolamErrorDetail | null;

export interface ValidationContext {
  target: TargetCheck;
  /** Known labels; when non-empty, a tag outside them is `unknown-label`. */
  labels?: readonly Label[];
  /** For boxes: the image's natural size, once known. */
  imageSize?: { width: number; height: number } | undefined;
  /** For spans: the text length in code points. */
  textLength?: number | undefined;
  /** For segments: the media duration in seconds, once known. */
  duration?: number | undefined;
}

export interface ValidationResult {
  valid: Annotation[];
  errors: KolamErrorDetail[];
}

export function fail(code: KolamErrorCode, message: string, input: unknown): KolamErrorDetail {
  return { code, message, input };
}

export function describe(input: unknown): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? `Annotation ${JSON.stringify(id)}` : 'An annotation';
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A body the helpers can read without throwing: an object; a Choice with items; string values. */
function checkBody(a: Annotation, body: unknown): KolamErrorDetail | null {
  if (!isRecord(body)) return fail('invalid-annotation', `${describe(a)} has a body that is not an object (${body === null ? 'null' : typeof body}).`, a);
  if (body.type === 'Choice') {
    const items = body.items;
    if (!Array.isArray(items) || items.length === 0)
      return fail('invalid-annotation', `${describe(a)} has a Choice body without "items" (a non-empty array of bodies).`, a);
    for (const item of items) {
      const problem = checkBody(a, item);
      if (problem) return problem;
      if ((item as Record<string, unknown>).type === 'Choice') return fail('invalid-annotation', `${describe(a)} has a Choice inside a Choice.`, a);
    }
  }
  if ('value' in body && typeof body.value !== 'string')
    return fail('invalid-annotation', `${describe(a)} has a body whose "value" is not a string.`, a);
  if (body.score !== undefined && !(typeof body.score === 'number' && Number.isFinite(body.score)))
    return fail('invalid-annotation', `${describe(a)} has a body whose "score" is not a number.`, a);
  return null;
}

/** Checks one annotation; returns why it is bad, or null when it is good. */
export function checkAnnotation(input: unknown, ctx: ValidationContext): KolamErrorDetail | null {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return fail('invalid-annotation', `Expected an annotation object, got ${Array.isArray(input) ? 'an array' : typeof input}.`, input);
  const a = input as Annotation;
  if (typeof a.id !== 'string' || a.id.trim() === '') return fail('missing-id', 'An annotation has no "id" (a non-empty string).', a);
  if (!a.target || typeof a.target !== 'object') return fail('unknown-selector', `${describe(a)} has no "target".`, a);
  if (hasCycle(a)) return fail('invalid-annotation', `${describe(a)} refers back to itself, so it cannot be saved as JSON.`, a);
  if (a.body !== undefined) {
    for (const body of Array.isArray(a.body) ? a.body : [a.body]) {
      const problem = checkBody(a, body);
      if (problem) return problem;
    }
  }
  if (a.creator !== undefined && !isRecord(a.creator)) return fail('invalid-annotation', `${describe(a)} has a "creator" that is not an object.`, a);
  const problem = ctx.target(a, ctx);
  if (problem) return problem;
  if (ctx.labels && ctx.labels.length > 0) {
    const labelId = labelIdOf(normalizeBody(a));
    if (labelId !== undefined && !ctx.labels.some((l) => l.id === labelId))
      return fail('unknown-label', `${describe(a)} is tagged "${labelId}", which is not one of the labels.`, a);
  }
  return null;
}

/**
 * The W3C model allows a single body object where we use an array; read either. Returns the same
 * object when nothing needs changing, so good input passes untouched.
 */
export function normalizeBody(a: Annotation): Annotation {
  if (Array.isArray(a.body)) return a;
  return { ...a, body: a.body ? [a.body as never] : [] };
}

/** Splits a host's list into the annotations to show and the errors to report. */
export function validateAnnotations(input: unknown, ctx: ValidationContext): ValidationResult {
  if (!Array.isArray(input)) {
    return { valid: [], errors: [fail('invalid-annotation', `Expected an array of annotations, got ${input === null ? 'null' : typeof input}.`, input)] };
  }
  const valid: Annotation[] = [];
  const errors: KolamErrorDetail[] = [];
  const seen = new Set<string>();
  for (const item of input) {
    const problem = checkAnnotation(item, ctx);
    if (problem) errors.push(problem);
    else if (seen.has((item as Annotation).id))
      errors.push(fail('duplicate-id', `${describe(item)} appears more than once; the later copy is not shown.`, item));
    else {
      seen.add((item as Annotation).id);
      valid.push(item as Annotation);
    }
  }
  return { valid, errors };
}
