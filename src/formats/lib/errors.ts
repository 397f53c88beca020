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
  /** 1-based line in the input text, when `where` names one (line-based formats, XML). */
  readonly line: number | undefined;
  /** 1-based column (in UTF-16 units, as editors count), when `where` names one. */
  readonly column: number | undefined;

  /**
   * `at` gives the line and column when `where` is not a line (a JSON path found in the text); the
   * message then names both.
   */
  constructor(format: string, where: string, reason: string, at?: { line: number; column: number }) {
    const place = !at ? '' : where.startsWith(`line ${at.line} `) ? ` (column ${at.column})` : ` (line ${at.line}, column ${at.column})`;
    super(`${format}: ${where}${place}: ${reason}`);
    this.format = format;
    this.where = where;
    this.reason = reason;
    const located = at ?? locate(where);
    this.line = located.line;
    this.column = located.column;
  }
}

/** The line and column a `where` like `"line 12, column 5"` names (either may be absent). */
export function locate(where: string): { line: number | undefined; column: number | undefined } {
  const match = /^line (\d+)(?:, column (\d+))?/.exec(where);
  return { line: match ? Number(match[1]) : undefined, column: match?.[2] !== undefined ? Number(match[2]) : undefined };
}

/** `"line L"` or `"line L, column C"`, the form every line-based importer uses. */
export function lineWhere(line: number, column?: number): string {
  return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
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
