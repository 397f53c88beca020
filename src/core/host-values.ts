/**
 * Reads the non-annotation properties a host sets (labels, numbers; the keymap's check is keyboard.ts's) as plain, checked data
 * (CONTRACT §9). Each function returns what to use and the errors to report; none throws, whatever
 * it is given. Annotations have their own checks in `validation.ts`.
 */
import type { Label } from './annotation.js';
import { emit, type KolamErrorDetail } from './events.js';
import { toPlain } from './plain-data.js';

export interface Checked<T> {
  value: T;
  errors: KolamErrorDetail[];
}

/** Where there is no CSS object (Node, SSR): the colour forms a label set is written with. */
const COLOR_SYNTAX = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/+-]+\))$/i;

/**
 * True for a single valid CSS colour, and nothing else: a label colour goes into our styles, so
 * `red;position:fixed;…` or `url(…)` must never pass.
 */
export function isCssColor(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 100 || /[;{}<>\\]|url\(|\/\*/i.test(value)) return false;
  const css = (globalThis as { CSS?: { supports?(property: string, value: string): boolean } }).CSS;
  return typeof css?.supports === 'function' ? css.supports('color', value) : COLOR_SYNTAX.test(value.trim());
}

/**
 * Errors found while reading a property are fired after the current task's work (often a render),
 * so a host's listener never runs in the middle of our update.
 */
export function reportLater(target: EventTarget, errors: readonly KolamErrorDetail[]): void {
  if (errors.length) queueMicrotask(() => errors.forEach((error) => emit(target, 'kolam-error', error)));
}

export function readPlain(value: unknown): { value: unknown; error?: string } {
  try {
    return { value: toPlain(value) };
  } catch (error) {
    return { value: undefined, error: (error as Error).message };
  }
}

export function describeType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function invalidLabels(message: string, input: unknown): KolamErrorDetail {
  return { code: 'invalid-labels', message, input };
}

/** A string a host may have typed as a number (`hotkey: 5`, `id: 3`). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Labels as `{ id, name?, color?, hotkey? }`. A label without an id, or repeating one, is left out;
 * a bad colour falls back to the palette and a bad hotkey to none, each with an error. `null` or
 * `undefined` means "no labels of my own" and is returned as undefined.
 */
export function checkLabels(input: unknown): Checked<Label[] | undefined> {
  if (input === null || input === undefined) return { value: undefined, errors: [] };
  const read = readPlain(input);
  if (read.error || !Array.isArray(read.value)) {
    const why = read.error ?? `got ${describeType(read.value)}`;
    return { value: [], errors: [invalidLabels(`Expected an array of labels { id, name?, color?, hotkey? }, ${why}.`, read.value)] };
  }
  const errors: KolamErrorDetail[] = [];
  const labels: Label[] = [];
  const seen = new Set<string>();
  for (const item of read.value) {
    const raw = item as Record<string, unknown> | null;
    const id = raw && typeof raw === 'object' ? asText(raw.id) : undefined;
    if (!id) {
      errors.push(invalidLabels('A label has no "id" (a non-empty string); it is left out.', item));
      continue;
    }
    if (seen.has(id)) {
      errors.push(invalidLabels(`The label id ${JSON.stringify(id)} appears more than once; the later one is left out.`, item));
      continue;
    }
    seen.add(id);
    const label: Label = { id };
    const name = asText(raw!.name);
    if (name) label.name = name;
    if (raw!.color !== undefined && raw!.color !== null && raw!.color !== '') {
      if (isCssColor(raw!.color)) label.color = raw!.color;
      else errors.push(invalidLabels(`The colour of label ${JSON.stringify(id)} is not a CSS colour; a palette colour is used.`, item));
    }
    if (raw!.hotkey !== undefined && raw!.hotkey !== null && raw!.hotkey !== '') {
      const hotkey = asText(raw!.hotkey);
      if (hotkey && [...hotkey].length === 1 && hotkey.trim()) label.hotkey = hotkey;
      else errors.push(invalidLabels(`The hotkey of label ${JSON.stringify(id)} is not a single key; it has none.`, item));
    }
    labels.push(label);
  }
  return { value: labels, errors };
}

/**
 * A number property set from code. Lit converts attributes but not properties, so a host's string,
 * NaN or out-of-range value arrives as is: give it back as a number when it reads as one
 * (`"1.5"`), clamped to the range, else the fallback with an error.
 */
export function checkNumber(name: string, input: unknown, fallback: number, min = -Infinity, max = Infinity): Checked<number> {
  const number = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
  if (!Number.isFinite(number)) {
    return { value: fallback, errors: [{ code: 'invalid-property', message: `"${name}" must be a number; ${fallback} is used.`, input: typeof input === 'object' ? readPlain(input).value : input }] };
  }
  if (number < min || number > max) {
    const value = Math.min(max, Math.max(min, number));
    return { value, errors: [{ code: 'invalid-property', message: `"${name}" must be between ${min} and ${max}; ${value} is used.`, input }] };
  }
  return { value: number, errors: [] };
}
