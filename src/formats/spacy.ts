/**
 * spaCy's training-data entities: `[text, { entities: [[start, end, label], …] }]`, with character
 * offsets that are Python `str` indices, i.e. Unicode code points, the same as Kolam's
 * TextPositionSelector. So offsets pass through unchanged; an emoji counts as one.
 * Also reads `{ text, entities }` and spaCy's `Doc.to_json()` shape `{ text, ents: [{ start, end, label }] }`.
 *
 * Cannot hold: ids, creators, timestamps, scores, quote context (rebuilt from the text). spaCy's NER
 * training refuses overlapping entities; this format keeps them, so check before training.
 */
import type { Annotation } from '../core/annotation.js';
import { importAnnotation, labelIdFor, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { fail, guard } from './lib/errors.js';
import { isObject, jsonReader, parseJson } from './lib/json.js';
import { ImportLog, jsonLocator, type ImportReport } from './lib/partial.js';
import { byStart, CodePointIndex, readOffsets, spanOrSkip, spanSelectors } from './lib/text.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';

const FORMAT = 'spacy';
const read = jsonReader(FORMAT);

export type SpacyEntity = [start: number, end: number, label: string];
export type SpacyExample = [text: string, annotations: { entities: SpacyEntity[] }];

export interface ToSpacyOptions extends ExportOptions {
  /** The text the spans point into. */
  text: string;
}

export interface FromSpacyOptions extends ImportOptions {
  /** `target.source` of the spans. */
  source: string;
}

export interface SpacyImport extends ImportReport {
  annotations: Annotation[];
  text: string;
}

/** Writes the spans on one text as a spaCy training example, entities in text order. */
export function toSpacy(annotations: readonly Annotation[], options: ToSpacyOptions): SpacyExample {
  if (typeof options?.text !== 'string') fail(FORMAT, 'options.text', 'should be the text the spans point into');
  const index = new CodePointIndex(options.text);
  const spans = annotations.flatMap((a) => spanOrSkip(FORMAT, options, a, index) ?? []).sort(byStart);
  return [options.text, { entities: spans.map((s): SpacyEntity => [s.start, s.end, s.labelId]) }];
}

/**
 * Reads one spaCy example (or its JSON text). An entity that cannot be read is skipped and listed
 * in `skipped` by its path (with `strict` it throws); input with no text throws.
 */
export function fromSpacy(input: SpacyExample | { text: string; entities: SpacyEntity[] } | string | unknown, options: FromSpacyOptions): SpacyImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    const data = parseJson(FORMAT, input);
    let text: string;
    let entities: unknown[];
    // The JSON path of the entity list, so a skipped entity's `where` is where it is in the file.
    let listPath: string;
    if (Array.isArray(data)) {
      if (data.length !== 2) fail(FORMAT, 'input', `should be [text, { entities }], found an array of ${data.length}`);
      text = read.string(data[0], '[0]');
      entities = read.array(read.object(data[1], '[1]').entities ?? [], '[1].entities');
      listPath = '[1].entities';
    } else {
      const root = read.object(data, 'input');
      text = read.string(root.text, 'text');
      listPath = root.ents !== undefined ? 'ents' : 'entities';
      entities = read.array(root[listPath] ?? [], listPath);
    }
    const index = new CodePointIndex(text);
    const log = new ImportLog(FORMAT, options.strict, jsonLocator(input));
    const annotations: Annotation[] = [];
    entities.forEach((entity, i) => log.item(() => {
      const where = `${listPath}[${i}]`;
      let start: unknown, end: unknown, label: unknown;
      if (Array.isArray(entity)) {
        if (entity.length !== 3) fail(FORMAT, where, `should be [start, end, label], found ${entity.length} items`);
        [start, end, label] = entity;
      } else if (isObject(entity)) ({ start, end, label } = entity);
      else fail(FORMAT, where, 'should be [start, end, label]');
      const range = readOffsets(FORMAT, index, start, end, 'code-points', where);
      annotations.push(
        importAnnotation(
          { source: options.source, selector: spanSelectors(index, range.start, range.end), labelId: labelIdFor(read.string(label, `${where} label`), options.labels) },
          options,
        ),
      );
    }));
    // The text was read: an example whose every entity is bad still reads.
    return { annotations, text, ...log.finish(annotations.length + 1) };
  });
}
