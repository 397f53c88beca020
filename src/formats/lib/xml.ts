/**
 * A tiny XML reader and writer for the simple documents Pascal VOC uses: elements, attributes,
 * text, comments, CDATA, the prolog and entity references. No namespaces, no DTD processing (a
 * DOCTYPE is skipped). Ours rather than DOMParser so the converters also run in Node and workers,
 * and so an error says which line and column is wrong instead of returning a `<parsererror>` page.
 */
import { FormatError } from './errors.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded, untrimmed. */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
  /** 1-based column of the start tag's "<". */
  column: number;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses an XML document and returns its root element, or throws a FormatError with line:column. */
export function parseXml(format: string, source: string): XmlElement {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const where = (at: number) => {
    let line = 1;
    let column = 1;
    for (let i = 0; i < at && i < source.length; i++) {
      if (source[i] === '\n') {
        line++;
        column = 1;
      } else column++;
    }
    return `line ${line}, column ${column}`;
  };
  // Start tags come in document order, so count lines forward from the last one (linear overall).
  let countedTo = 0;
  let countedLine = 1;
  let lineStart = 0;
  const lineAt = (at: number) => {
    for (; countedTo < at; countedTo++)
      if (source.charCodeAt(countedTo) === 10) {
        countedLine++;
        lineStart = countedTo + 1;
      }
    return countedLine;
  };
  const error = (at: number, why: string): never => {
    throw new FormatError(format, where(at), why);
  };
  const decode = (raw: string, at: number) =>
    raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
      if (!whole.endsWith(';')) return error(at, `has a bare "&" (write &amp;)`);
      if (name in ENTITIES) return ENTITIES[name];
      const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) return error(at, `has an unknown entity "&${name};"`);
      return String.fromCodePoint(code);
    });
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  };
  const expectAhead = (text: string, why: string) => {
    const end = source.indexOf(text, pos);
    if (end < 0) error(pos, why);
    return end;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<?', pos)) pos = expectAhead('?>', 'has an unclosed "<?" processing instruction') + 2;
      else if (source.startsWith('<!--', pos)) pos = expectAhead('-->', 'has an unclosed comment') + 3;
      else if (source.startsWith('<!DOCTYPE', pos)) pos = expectAhead('>', 'has an unclosed DOCTYPE') + 1;
      else return;
    }
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) return error(pos, `expected a tag or attribute name, found ${JSON.stringify(source.slice(pos, pos + 10) || 'the end')}`);
    pos += match[0].length;
    return match[0];
  };
  const readElement = (): XmlElement => {
    const start = pos;
    if (source[pos] !== '<') error(pos, `expected "<", found ${JSON.stringify(source.slice(pos, pos + 10))}`);
    pos++;
    const line = lineAt(start);
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '', line, column: start - lineStart + 1 };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return element;
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos >= source.length) error(start, `<${element.name}> is never closed with ">"`);
      const attrAt = pos;
      const name = readName();
      skipSpace();
      if (source[pos] !== '=') error(pos, `attribute "${name}" has no "=value"`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") error(pos, `attribute "${name}" value is not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) error(attrAt, `attribute "${name}" value is never closed`);
      if (name in element.attributes) error(attrAt, `repeats attribute "${name}"`);
      element.attributes[name] = decode(source.slice(pos + 1, end), attrAt);
      pos = end + 1;
    }
    // Content: text, children, comments, CDATA, until the matching end tag.
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) error(start, `<${element.name}> is never closed`);
      const raw = source.slice(pos, next);
      element.text += decode(raw, pos);
      pos = next;
      if (source.startsWith('</', pos)) {
        const closeAt = pos;
        pos += 2;
        const name = readName();
        skipSpace();
        if (source[pos] !== '>') error(pos, `</${name}> is not closed with ">"`);
        pos++;
        if (name !== element.name) error(closeAt, `</${name}> closes <${element.name}> (opened on line ${element.line})`);
        return element;
      }
      if (source.startsWith('<!--', pos)) pos = expectAhead('-->', 'has an unclosed comment') + 3;
      else if (source.startsWith('<![CDATA[', pos)) {
        const end = expectAhead(']]>', 'has an unclosed CDATA section');
        element.text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (source.startsWith('<?', pos)) pos = expectAhead('?>', 'has an unclosed "<?" processing instruction') + 2;
      else element.children.push(readElement());
    }
  };
  skipMisc();
  if (pos >= source.length) error(pos, 'is empty: no root element');
  const root = readElement();
  skipMisc();
  if (pos < source.length) error(pos, 'has content after the root element');
  return root;
}

/** `"line L, column C"` of an element's start tag. */
export function elementWhere(element: XmlElement): string {
  return `line ${element.line}, column ${element.column}`;
}

/** The first child element with that name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
