/**
 * YOLO (Darknet / Ultralytics) labels: one `.txt` per image, one line per box,
 * `class cx cy w h` with the centre and size normalised to 0–1 by the image size, and the class list
 * as a separate `classes.txt` / `names` list (index = class number). Ultralytics predictions add a
 * sixth column, the confidence; those lines import as suggestions.
 *
 * Cannot hold: ids, creators, timestamps, the image's name or size (give `width`/`height` both ways).
 * Boxes come back in whole pixels: six decimals of a normalised coordinate are exact to 1/100 px for
 * images up to 10,000 px, so rounding recovers the pixel we wrote.
 */
import type { Annotation } from '../core/annotation.js';
import { boxSelector } from '../core/selectors.js';
import { importAnnotation, labelIdFor, labelIdOf, modelOf, scoreOf, skip, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { fail, guard, lineWhere } from './lib/errors.js';
import { ImportLog, type ImportReport } from './lib/partial.js';
import { boxOrSkip } from './lib/images.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';

const FORMAT = 'yolo';

export interface ToYoloOptions extends ExportOptions {
  /** The image's natural size, to normalise by. */
  width: number;
  height: number;
  /** Label ids in class order. Labels met but not listed are appended; the result gives the list. */
  classes?: readonly string[];
  /** The image the file is for: boxes on other sources are skipped. Needed when the annotations span images. */
  source?: string;
  /** Write a sixth column with the score of suggestions (Ultralytics `save_conf`). Default false. */
  withScores?: boolean;
}

export interface YoloExport {
  /** The label file's text: one line per box. */
  text: string;
  /** Label ids by class number (write one per line as classes.txt). */
  classes: string[];
}

export interface FromYoloOptions extends ImportOptions {
  width: number;
  height: number;
  /** Label ids by class number, or the text of classes.txt (one per line). */
  classes: readonly string[] | string;
  /** `target.source` of the boxes. */
  source: string;
  /** Software agent id for lines with a confidence column; default `"yolo"`. */
  model?: string;
}

export interface YoloImport extends ImportReport {
  annotations: Annotation[];
  classes: string[];
}

const DECIMALS = 6;
const fixed = (n: number) => String(Number(n.toFixed(DECIMALS)));

/** Writes the boxes of one image as YOLO lines, and the class list they use. */
export function toYolo(annotations: readonly Annotation[], options: ToYoloOptions): YoloExport {
  const { width, height } = options;
  if (!(width > 0) || !(height > 0)) fail(FORMAT, 'options', `needs the image's natural width and height, found ${width}×${height}`);
  const classes = [...(options.classes ?? [])];
  const classOf = new Map(classes.map((id, i) => [id, i]));
  const lines: string[] = [];
  const sources = new Set(annotations.map((a) => a?.target?.source));
  if (options.source === undefined && sources.size > 1)
    fail(FORMAT, 'options.source', `the boxes are on ${sources.size} images and YOLO writes one file per image: say which`);
  for (const annotation of annotations) {
    if (options.source !== undefined && annotation.target?.source !== options.source) {
      skip(FORMAT, options, annotation, `is on ${JSON.stringify(annotation.target?.source)}, not on ${JSON.stringify(options.source)}`);
      continue;
    }
    const rect = boxOrSkip(FORMAT, options, annotation);
    if (!rect) continue;
    const labelId = labelIdOf(annotation);
    if (labelId === undefined) {
      skip(FORMAT, options, annotation, 'has no label (YOLO needs a class)');
      continue;
    }
    let index = classOf.get(labelId);
    if (index === undefined) {
      index = classes.push(labelId) - 1;
      classOf.set(labelId, index);
    }
    const cx = (rect.x + rect.w / 2) / width;
    const cy = (rect.y + rect.h / 2) / height;
    const score = options.withScores && modelOf(annotation) !== undefined ? scoreOf(annotation) : undefined;
    lines.push([index, fixed(cx), fixed(cy), fixed(rect.w / width), fixed(rect.h / height), ...(score !== undefined ? [fixed(score)] : [])].join(' '));
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', classes };
}

/**
 * Reads one image's YOLO label file. A line that cannot be read is skipped and listed in
 * `skipped` with its line and the column of the bad field (with `strict` it throws).
 */
export function fromYolo(text: string, options: FromYoloOptions): YoloImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof text !== 'string') fail(FORMAT, 'input', `should be text, found ${typeof text}`);
    const { width, height } = options;
    if (!(width > 0) || !(height > 0)) fail(FORMAT, 'options', `needs the image's natural width and height, found ${width}×${height}`);
    const classes =
      typeof options.classes === 'string'
        ? options.classes.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
        : Array.isArray(options.classes)
          ? [...options.classes]
          : fail(FORMAT, 'options.classes', 'should list the class names');
    const annotations: Annotation[] = [];
    const log = new ImportLog(FORMAT, options.strict);
    text.split(/\r?\n/).forEach((line, i) => log.item(() => {
      const where = lineWhere(i + 1);
      const trimmed = line.trim();
      if (!trimmed) return;
      const fields = trimmed.split(/\s+/);
      // Where each field starts, for a located message.
      const at = (n: number) => lineWhere(i + 1, [...line.matchAll(/\S+/g)][n].index + 1);
      if (fields.length !== 5 && fields.length !== 6)
        fail(FORMAT, where, `should be "class cx cy w h" (optionally a confidence), found ${fields.length} fields`);
      const index = Number(fields[0]);
      if (!Number.isInteger(index) || index < 0) fail(FORMAT, at(0), `class ${JSON.stringify(fields[0])} is not a class number`);
      if (index >= classes.length) fail(FORMAT, at(0), `class ${index} is not in the class list (${classes.length} classes)`);
      const [cx, cy, w, h, score] = fields.slice(1).map((f, n) => {
        const value = Number(f);
        if (f === '' || !Number.isFinite(value)) fail(FORMAT, at(n + 1), `${JSON.stringify(f)} is not a number`);
        return value;
      });
      // Slightly past 0–1 happens from float noise at the image edge; far past it means pixels.
      if ([cx, cy, w, h].some((n) => n < -0.01 || n > 1.01)) fail(FORMAT, where, 'has coordinates outside 0–1 (YOLO normalises by the image size)');
      if (w <= 0 || h <= 0) fail(FORMAT, where, `has an empty box ${w}×${h}`);
      annotations.push(
        importAnnotation(
          {
            source: options.source,
            selector: boxSelector({ x: (cx - w / 2) * width, y: (cy - h / 2) * height, w: w * width, h: h * height }),
            labelId: labelIdFor(classes[index], options.labels),
            ...(score !== undefined ? { score, model: options.model ?? 'yolo' } : {}),
          },
          options,
        ),
      );
    }));
    return { annotations, classes, ...log.finish(annotations.length) };
  });
}
