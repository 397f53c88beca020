/**
 * Small readers for JSON-shaped input: parse with a located error, and typed field access that
 * fails with the path and the value found instead of a TypeError later.
 */
import { describeValue, fail } from './errors.js';

export type JsonObject = Record<string, unknown>;

/** Parses JSON text, or returns a non-string input as is (callers may pass parsed objects). */
export function parseJson(format: string, input: unknown, where = 'input'): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(format, where, `is not valid JSON (${why})`);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A reader bound to one format, so every check reports `<format>: <path>: <why>`. */
export function jsonReader(format: string) {
  const object = (value: unknown, where: string): JsonObject =>
    isObject(value) ? value : fail(format, where, `should be an object, found ${describeValue(value)}`);
  const array = (value: unknown, where: string): unknown[] =>
    Array.isArray(value) ? value : fail(format, where, `should be an array, found ${describeValue(value)}`);
  const number = (value: unknown, where: string): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : fail(format, where, `should be a finite number, found ${describeValue(value)}`);
  const string = (value: unknown, where: string): string =>
    typeof value === 'string' ? value : fail(format, where, `should be a string, found ${describeValue(value)}`);
  const integer = (value: unknown, where: string): number =>
    Number.isInteger(value) ? (value as number) : fail(format, where, `should be a whole number, found ${describeValue(value)}`);
  const optionalNumber = (value: unknown, where: string): number | undefined => (value === undefined || value === null ? undefined : number(value, where));
  return { object, array, number, string, integer, optionalNumber };
}
