/**
 * The partial result every importer returns. Real files are often partly bad (one cue with a typo,
 * one box with a negative size); losing the whole file for one item helps nobody. So an importer
 * reads each item on its own: what it can read goes into `annotations`, and what it cannot goes
 * into `skipped` with where (line and column in text formats; a JSON path in JSON ones, plus the
 * line and column where that value starts when the input was JSON text) and why.
 * Items that are read but that a tool may not show as they are (a zero-length cue) stay in
 * `annotations` and are listed in `warnings`.
 *
 * `strict: true` restores all-or-nothing: the first bad item throws its FormatError. A file from
 * which nothing at all could be read (not JSON, no WEBVTT signature, every line wrong) throws a
 * FormatError either way, naming the first problem: it is not a file of that format.
 */
import { FormatError, locate } from './errors.js';
import { locateJsonPaths, type TextPosition } from './json-locate.js';

/** Finds the lines and columns of `where`s that are not lines themselves (JSON paths in JSON text). */
export type Locator = (wheres: readonly string[]) => Map<string, TextPosition>;

/** One item an importer left out (or kept with a caveat), where it is, and why. */
export interface FormatIssue {
  /** Where in the input: `"line 12, column 5"`, `"annotations[3].bbox"`, `"[0].annotations[0].result[2]"`. */
  where: string;
  /**
   * 1-based line: in the formats read line by line (WebVTT, SRT, CoNLL, YOLO, doccano JSONL, VOC
   * XML), and in the JSON ones when they were given JSON text (not parsed objects).
   */
  line?: number;
  /** 1-based column (UTF-16 units, as editors count) of the offending part, where known. */
  column?: number;
  /** Why, as a sentence fragment (`"start \"00:01,000\" is not a timestamp"`). */
  reason: string;
}

/** What every importer's result carries beside its annotations. */
export interface ImportReport {
  /** Items of the file that are not in `annotations`, and why. Empty when everything was read. */
  skipped: FormatIssue[];
  /** Items that are in `annotations` but that a tool may not show as they are, and why. */
  warnings: FormatIssue[];
}

/**
 * A locator for JSON text: a `where` is a path, optionally followed by words (`entities[2] label`);
 * `rootPrefix` is a name the importer gives the root (Label Studio's `task`).
 */
export function jsonLocator(text: unknown, rootPrefix?: string): Locator | undefined {
  if (typeof text !== 'string') return undefined;
  return (wheres) => {
    const pathOf = (where: string) => {
      const path = where.split(' ')[0];
      return rootPrefix && (path === rootPrefix || path.startsWith(`${rootPrefix}.`)) ? path.slice(rootPrefix.length + 1) : path;
    };
    const found = locateJsonPaths(text, wheres.map(pathOf));
    return new Map(wheres.flatMap((w) => (found.has(pathOf(w)) ? [[w, found.get(pathOf(w))!] as const] : [])));
  };
}

/** A locator for JSONL: `line N path…` is the path in line N's JSON. */
export function jsonLinesLocator(lines: readonly string[]): Locator {
  return (wheres) => {
    const result = new Map<string, TextPosition>();
    for (const where of wheres) {
      const match = /^line (\d+) (\S+)/.exec(where);
      const text = match ? lines[Number(match[1]) - 1] : undefined;
      if (!match || text === undefined) continue;
      const at = locateJsonPaths(text, [match[2]], { line: Number(match[1]), column: 1 }).get(match[2]);
      if (at) result.set(where, at);
    }
    return result;
  };
}

export function formatIssue(where: string, reason: string): FormatIssue {
  const { line, column } = locate(where);
  return { where, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), reason };
}

/** Collects one import's skipped items and warnings, and decides when a problem must throw. */
export class ImportLog {
  readonly skipped: FormatIssue[] = [];
  readonly warnings: FormatIssue[] = [];
  /** Items skipped because they are wrong (not merely unsupported): these decide "unreadable". */
  private failed = 0;

  /** `locator` finds JSON paths in the JSON text, for line and column. */
  constructor(
    private readonly format: string,
    private readonly strict: boolean | undefined,
    private readonly locator?: Locator,
  ) {}

  /** The error to throw in strict mode: located in the text when it can be. */
  private located(error: FormatError): FormatError {
    if (!this.locator || error.column !== undefined) return error;
    const at = this.locator([error.where]).get(error.where);
    return at ? new FormatError(this.format, error.where, error.reason, at) : error;
  }

  /**
   * Reads one item. A FormatError thrown while reading it skips that item (in strict mode it
   * propagates). Other errors propagate: they are our bugs, and guard() reports them.
   */
  item<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      if (this.strict) throw this.located(error);
      this.failed++;
      this.skipped.push(formatIssue(error.where, error.reason));
      return undefined;
    }
  }

  /** Skips an item that is wrong in the file (strict: throws). */
  skip(where: string, reason: string): void {
    if (this.strict) throw this.located(new FormatError(this.format, where, reason));
    this.failed++;
    this.skipped.push(formatIssue(where, reason));
  }

  /** Leaves out an item that is fine in its format but that Kolam's tools do not hold. Never throws. */
  leaveOut(where: string, reason: string): void {
    this.skipped.push(formatIssue(where, reason));
  }

  /** Notes an item that was read and kept but may not show as is. Never throws. */
  warn(where: string, reason: string): void {
    this.warnings.push(formatIssue(where, reason));
  }

  /** The report, after checking that something was read if anything was wrong. */
  finish(readCount: number): ImportReport {
    if (readCount === 0 && this.failed > 0) {
      const first = this.skipped.find((s) => s.reason) ?? this.skipped[0];
      const more = this.failed > 1 ? `; ${this.failed - 1} more item(s) are wrong too` : '';
      throw new FormatError(this.format, first.where, `${first.reason} (nothing in the file could be read${more})`);
    }
    return this.report();
  }

  /** The report as is, for formats whose readability is decided otherwise (WebVTT's signature). */
  report(): ImportReport {
    if (this.locator) {
      const issues = [...this.skipped, ...this.warnings].filter((i) => i.column === undefined);
      if (issues.length) {
        const found = this.locator(issues.map((i) => i.where));
        for (const issue of issues) {
          const at = found.get(issue.where);
          if (at) {
            issue.line = at.line;
            issue.column = at.column;
          }
        }
      }
    }
    return { skipped: this.skipped, warnings: this.warnings };
  }
}
