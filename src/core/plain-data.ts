/**
 * Hosts hand us whatever their framework holds: Vue's and MobX's reactive Proxies, Svelte 5
 * `$state`, frozen objects, objects with getters, functions, Symbols or DOM nodes. `structuredClone`
 * throws `DataCloneError` on a Proxy or a function, so nothing a host gives is ever cloned with it.
 * `toPlain` reads a value the way JSON would (own enumerable string keys, getters read, functions,
 * Symbols and nodes dropped) but keeps cycles, `undefined` and non-finite numbers, so validation can
 * name them and a rejected input is handed back as it was given.
 */

/** What `toPlain` could not read: a getter that threw, a revoked Proxy. */
export class UnreadableValueError extends Error {}

function isDroppable(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    (typeof Node !== 'undefined' && value instanceof Node) ||
    (typeof Window !== 'undefined' && value instanceof Window)
  );
}

/**
 * A plain-data copy of `value` (arrays and objects with prototype `Object`), safe to
 * `structuredClone` and to keep. Throws `UnreadableValueError` only when reading the value throws.
 */
export function toPlain<T = unknown>(value: T): T {
  const seen = new Map<object, unknown>();
  const walk = (input: unknown): unknown => {
    if (input === null || typeof input !== 'object') return input;
    const known = seen.get(input);
    if (known !== undefined) return known;
    if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString();
    if (Array.isArray(input)) {
      const out: unknown[] = [];
      seen.set(input, out);
      const length = input.length;
      for (let i = 0; i < length; i++) {
        const item = input[i];
        // As JSON does: an array keeps its length, a dropped item becomes null.
        out.push(isDroppable(item) ? null : walk(item));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(input, out);
    const toJSON = (input as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return walk(toJSON.call(input));
    for (const key of Object.keys(input)) {
      const item = (input as Record<string, unknown>)[key];
      if (!isDroppable(item)) out[key] = walk(item);
    }
    return out;
  };
  try {
    return walk(value) as T;
  } catch (error) {
    throw new UnreadableValueError(error instanceof Error ? error.message : String(error));
  }
}

/** True when `value` (plain data) refers back to itself: it cannot be JSON. */
export function hasCycle(value: unknown): boolean {
  const path = new Set<object>();
  const walk = (input: unknown): boolean => {
    if (input === null || typeof input !== 'object') return false;
    if (path.has(input)) return true;
    path.add(input);
    const found = Object.values(input).some(walk);
    path.delete(input);
    return found;
  };
  return walk(value);
}

/**
 * JSON with object keys sorted: two values with the same content give the same string whatever
 * their key order (a host's database round trip reorders keys).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

/** `toPlain`, or the value itself when it cannot be read (the store then reports it). */
export function plainOrAsGiven<T>(value: T): T {
  try {
    return toPlain(value);
  } catch {
    return value;
  }
}
