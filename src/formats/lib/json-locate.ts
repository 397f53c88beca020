/**
 * Where JSON paths (`annotations[3].bbox`, `[0].data`) are in JSON text: the line and column of
 * the value at each path, so a skipped item of a JSON file is found in an editor as easily as a
 * line of SRT. `JSON.parse` keeps no positions, so this is one forward scan of the text, run only
 * when something was skipped (a clean file never pays for it). The text is already known to be
 * valid JSON (it parsed), so the scan checks nothing.
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 units (as editors count). */
  column: number;
}

/**
 * The positions of the values at `paths` in `text` (a path that is not there gets the position of
 * its nearest ancestor that is). `first` is the position of the text's first character, for JSON
 * that is one line of a larger file (JSONL).
 */
export function locateJsonPaths(text: string, paths: readonly string[], first: TextPosition = { line: 1, column: 1 }): Map<string, TextPosition> {
  const wanted = new Set<string>();
  for (const path of paths) for (let p: string | null = path; p !== null; p = parentPath(p)) wanted.add(p);
  const found = new Map<string, TextPosition>();
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Positions are recorded in text order, so lines are counted forward once.
  let countedTo = 0;
  let line = first.line;
  let lineStart = -(first.column - 1);
  const record = (path: string) => {
    if (!wanted.has(path) || found.has(path)) return;
    for (; countedTo < pos; countedTo++)
      if (text.charCodeAt(countedTo) === 10) {
        line++;
        lineStart = countedTo + 1;
      }
    found.set(path, { line, column: pos - lineStart + 1 });
  };
  const skipSpace = () => {
    for (let c = text.charCodeAt(pos); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++pos));
  };
  const readString = (): string => {
    const start = ++pos;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    return JSON.parse(text.slice(start - 1, ++pos)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    record(path);
    const c = text[pos];
    if (c === '{' || c === '[') {
      const isObject = c === '{';
      pos++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text[pos] === (isObject ? '}' : ']')) break;
        let key = `[${index}]`;
        if (isObject) {
          key = readString();
          skipSpace();
          pos++; // ':'
        }
        value(isObject ? (path ? `${path}.${key}` : key) : `${path}${key}`);
        skipSpace();
        if (text[pos] === ',') pos++;
        if (found.size === wanted.size || pos >= text.length) return;
      }
      pos++;
    } else if (c === '"') readString();
    else while (pos < text.length && !',]} \t\r\n'.includes(text[pos])) pos++;
  };
  value('');
  const result = new Map<string, TextPosition>();
  for (const path of paths) {
    let p: string | null = path;
    while (p !== null && !found.has(p)) p = parentPath(p);
    if (p !== null) result.set(path, found.get(p)!);
  }
  return result;
}

/** `a.b[2]` → `a.b` → `a` → `` → null. */
function parentPath(path: string): string | null {
  if (path === '') return null;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
