/**
 * The one error every Kolam importer throws for input it cannot read, and every exporter for an
 * annotation the format cannot hold (unless the caller passes `onSkip`). It always says where
 * (a line, a JSON path, an annotation id) and why, so a person can fix the file.
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  /** The format's module name, e.g. `"coco"`. */
  readonly format: string;
  /** Where in the input: `"line 12"`, `"annotations[3].bbox"`, `"annotation urn:uuid:…"`. */
  readonly where: string;
  /** Why it was rejected, as a sentence fragment. */
  readonly reason: string;

  constructor(format: string, where: string, reason: string) {
    super(`${format}: ${where}: ${reason}`);
    this.format = format;
    this.where = where;
    this.reason = reason;
  }
}

/** Shorthand for throwing from expression position. */
export function fail(format: string, where: string, reason: string): never {
  throw new FormatError(format, where, reason);
}

/**
 * Runs an importer body and turns any stray runtime error into a FormatError, so a caller never
 * sees a bare TypeError from input we failed to foresee.
 */
export function guard<T>(format: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new FormatError(format, 'input', `could not be read (${why})`);
  }
}

/** A short, safe description of a value for messages: its type and a clipped JSON form. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}
