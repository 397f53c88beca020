/**
 * doccano's sequence-labeling JSONL: one JSON object per line, a document each, either
 * `{ "text": …, "label": [[start, end, "PER"], …] }` (doccano 1.x export) or
 * `{ "text": …, "entities": [{ "start_offset", "end_offset", "label" }, …] }` (newer exports).
 * Offsets are code points (Python), like ours; pass `offsets: 'utf16'` for files from tools that
 * counted JavaScript string units. Other keys doccano keeps as metadata; we write the annotations'
 * source as `"source"` and read it back from there (or `meta.source`), else the record `id`, else
 * `line N`.
 *
 * Cannot hold: annotation ids (doccano's entity ids are its own numbers), creators, timestamps,
 * scores. Document-level classification labels (`"label": ["spam"]`) are not spans and are refused.
 */
import type { Annotation } from '../core/annotation.js';
import { groupBySource, importAnnotation, labelIdFor, skip, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { fail, guard } from './lib/errors.js';
import { isObject, jsonReader, parseJson } from './lib/json.js';
import { ImportLog, jsonLinesLocator, type ImportReport } from './lib/partial.js';
import { byStart, CodePointIndex, readOffsets, spanOrSkip, spanSelectors, writeOffsets, type Offsets, type TextDocument } from './lib/text.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';
export type { Offsets, TextDocument } from './lib/text.js';

const FORMAT = 'doccano';
const read = jsonReader(FORMAT);

export interface ToDoccanoOptions extends ExportOptions {
  /** Every document to write, in order (documents without spans get a line too). */
  documents: readonly TextDocument[];
  /** `label` (default: `[[start, end, label]]`, what doccano imports) or `entities` (objects). */
  layout?: 'label' | 'entities';
  offsets?: Offsets;
}

export interface FromDoccanoOptions extends ImportOptions {
  offsets?: Offsets;
  /** `target.source` for a record; default as described above. */
  sourceOf?: (record: Record<string, unknown>, line: number) => string;
}

export interface DoccanoImport extends ImportReport {
  annotations: Annotation[];
  documents: TextDocument[];
}

/** Writes documents and their spans as doccano JSONL (one line per document). */
export function toDoccano(annotations: readonly Annotation[], options: ToDoccanoOptions): string {
  if (!Array.isArray(options?.documents)) fail(FORMAT, 'options.documents', 'should list the documents ({ source, text })');
  const offsets = options.offsets ?? 'code-points';
  const groups = groupBySource(annotations);
  const known = new Set(options.documents.map((d) => d.source));
  for (const [source, list] of groups)
    if (!known.has(source)) for (const a of list) skip(FORMAT, options, a, `points at ${JSON.stringify(source)}, which is not in options.documents`);
  const lines = options.documents.map((doc, i) => {
    const index = new CodePointIndex(doc.text);
    const spans = (groups.get(doc.source) ?? []).flatMap((a) => spanOrSkip(FORMAT, options, a, index) ?? []).sort(byStart);
    const record: Record<string, unknown> = { id: i + 1, text: doc.text };
    if (options.layout === 'entities')
      record.entities = spans.map((s, n) => {
        const [start_offset, end_offset] = writeOffsets(index, s, offsets);
        return { id: n + 1, label: s.labelId, start_offset, end_offset };
      });
    else record.label = spans.map((s) => [...writeOffsets(index, s, offsets), s.labelId]);
    record.source = doc.source;
    return JSON.stringify(record);
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Reads doccano JSONL text (or an array of records). A line that is not a record, or an entity
 * that cannot be read, is skipped and listed in `skipped` with its line (with `strict` it throws).
 */
export function fromDoccano(input: string | readonly Record<string, unknown>[] | unknown, options: FromDoccanoOptions = {}): DoccanoImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    const offsets = options.offsets ?? 'code-points';
    const log = new ImportLog(FORMAT, options.strict, typeof input === 'string' ? jsonLinesLocator(input.split(/\r?\n/)) : undefined);
    // Each record is parsed when it is read, so what is skipped is listed in file order.
    const records: [() => unknown, number][] =
      typeof input === 'string'
        ? input
            .split(/\r?\n/)
            .map((line, i): [string, number] => [line, i + 1])
            .filter(([line]) => line.trim() !== '')
            .map(([line, n]) => [() => parseJson(FORMAT, line, `line ${n}`), n])
        : Array.isArray(input)
          ? input.map((r, i) => [() => r, i + 1])
          : fail(FORMAT, 'input', 'should be JSONL text or an array of records');
    const annotations: Annotation[] = [];
    const documents: TextDocument[] = [];
    for (const [value, n] of records) log.item(() => {
      const where = `line ${n}`;
      const record = read.object(value(), where);
      const text = read.string(record.text ?? record.data, `${where} text`);
      const meta = isObject(record.meta) ? record.meta : {};
      const source =
        options.sourceOf?.(record, n) ??
        (typeof record.source === 'string' ? record.source : typeof meta.source === 'string' ? meta.source : record.id !== undefined ? String(record.id) : where);
      documents.push({ source, text });
      const index = new CodePointIndex(text);
      const add = (start: unknown, end: unknown, label: unknown, at: string) => log.item(() => {
        const range = readOffsets(FORMAT, index, start, end, offsets, at);
        annotations.push(
          importAnnotation({ source, selector: spanSelectors(index, range.start, range.end), labelId: labelIdFor(read.string(label, `${at} label`), options.labels) }, options),
        );
      });
      if (record.entities !== undefined)
        read.array(record.entities, `${where} entities`).forEach((e, i) => {
          const at = `${where} entities[${i}]`;
          log.item(() => {
            const entity = read.object(e, at);
            add(entity.start_offset, entity.end_offset, entity.label, at);
          });
        });
      else
        read.array(record.label ?? record.labels ?? [], `${where} label`).forEach((e, i) => {
          const at = `${where} label[${i}]`;
          log.item(() => {
            if (typeof e === 'string') fail(FORMAT, at, `is a document label ${JSON.stringify(e)} (text classification), not a span`);
            const entity = read.array(e, at);
            if (entity.length !== 3) fail(FORMAT, at, `should be [start, end, label], found ${entity.length} items`);
            add(entity[0], entity[1], entity[2], at);
          });
        });
    });
    return { annotations, documents, ...log.finish(annotations.length + documents.length) };
  });
}
