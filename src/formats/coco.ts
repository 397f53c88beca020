/**
 * COCO object detection JSON (https://cocodataset.org/#format-data): `images`, `annotations` with
 * `bbox: [x, y, w, h]` in pixels from the top-left, `area`, `iscrowd`, and `categories`. A COCO
 * *results* list (a bare array of `{ image_id, category_id, bbox, score }`) imports as suggestions.
 *
 * Cannot hold: annotation ids (COCO's are integers; ours are renumbered on export and new on
 * import), creators and timestamps, top-k Choices (only the best label and its score), segmentation
 * masks (written empty, not read), keypoints. `iscrowd` is written 0.
 */
import type { Annotation, Label } from '../core/annotation.js';
import { boxSelector } from '../core/selectors.js';
import { importAnnotation, labelIdFor, labelIdOf, modelOf, scoreOf, skip, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { fail, guard } from './lib/errors.js';
import { boxOrSkip, imageMap, type ImageInfo, type ImageSizes } from './lib/images.js';
import { jsonReader, parseJson } from './lib/json.js';
import { ImportLog, jsonLocator, type ImportReport } from './lib/partial.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';
export type { ImageInfo, ImageSizes } from './lib/images.js';

const FORMAT = 'coco';
const read = jsonReader(FORMAT);

export interface CocoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
  [extra: string]: unknown;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  area: number;
  iscrowd: 0 | 1;
  segmentation: unknown;
  /** Present on detections (suggestions). */
  score?: number;
  [extra: string]: unknown;
}

export interface CocoCategory {
  id: number;
  name: string;
  supercategory?: string;
  [extra: string]: unknown;
}

export interface CocoDataset {
  info?: Record<string, unknown>;
  images: CocoImage[];
  annotations: CocoAnnotation[];
  categories: CocoCategory[];
  [extra: string]: unknown;
}

export interface ToCocoOptions extends ExportOptions {
  /** Each image's natural size and file name (COCO's `images` needs them); boxes on other images are skipped. */
  images?: ImageSizes;
  /**
   * Category order: category ids are 1 + the label's index here, and every label gets a category
   * even when unused. Labels met in annotations but not listed are appended. Category `name` is the
   * label id (so it reads back as the same id).
   */
  labels?: readonly Label[];
}

export interface FromCocoOptions extends ImportOptions {
  /** `target.source` for an image; default its `file_name`. */
  sourceOf?: (image: CocoImage) => string;
  /** Software agent id for detections that carry a `score`; default `"coco-results"`. */
  model?: string;
}

export interface CocoImport extends ImportReport {
  annotations: Annotation[];
  /** Each image's size and file name, to give back to `toCoco`. */
  images: ImageInfo[];
  /** One label per category; `id` = category name. */
  labels: Label[];
}

/** Writes annotations with boxes as a COCO dataset object (JSON.stringify it to save). */
export function toCoco(annotations: readonly Annotation[], options: ToCocoOptions = {}): CocoDataset {
  const sizes = imageMap(options.images);
  const categoryIds = new Map<string, number>();
  const categories: CocoCategory[] = [];
  const addCategory = (labelId: string) => {
    if (categoryIds.has(labelId)) return categoryIds.get(labelId)!;
    const id = categories.length + 1;
    categoryIds.set(labelId, id);
    categories.push({ id, name: labelId });
    return id;
  };
  for (const label of options.labels ?? []) addCategory(label.id);

  const imageIds = new Map<string, number>();
  const images: CocoImage[] = [];
  for (const [source, size] of sizes) {
    imageIds.set(source, images.length + 1);
    images.push({ id: images.length + 1, file_name: size.fileName ?? source, width: size.width, height: size.height });
  }

  const out: CocoAnnotation[] = [];
  for (const annotation of annotations) {
    const rect = boxOrSkip(FORMAT, options, annotation);
    if (!rect) continue;
    const labelId = labelIdOf(annotation);
    if (labelId === undefined) {
      skip(FORMAT, options, annotation, 'has no label (COCO needs a category)');
      continue;
    }
    const imageId = imageIds.get(annotation.target.source);
    if (imageId === undefined) {
      skip(FORMAT, options, annotation, `is on ${JSON.stringify(annotation.target.source)}, whose size is not in options.images (COCO needs it)`);
      continue;
    }
    const score = modelOf(annotation) !== undefined ? scoreOf(annotation) : undefined;
    out.push({
      id: out.length + 1,
      image_id: imageId,
      category_id: addCategory(labelId),
      bbox: [rect.x, rect.y, rect.w, rect.h],
      area: rect.w * rect.h,
      iscrowd: 0,
      segmentation: [],
      ...(score !== undefined ? { score } : {}),
    });
  }
  return { images, annotations: out, categories };
}

/**
 * Reads a COCO dataset (object or JSON text). Also reads a COCO *results* array (detections with
 * `score`, imported as suggestions); results name no files, so their source is the image id as text
 * and their label the category id as text (map it with `labels`). An image, category or annotation
 * that cannot be read is skipped and listed in `skipped` by its JSON path (with `strict` it
 * throws); input that is not COCO at all throws.
 */
export function fromCoco(input: string | CocoDataset | CocoAnnotation[] | unknown, options: FromCocoOptions = {}): CocoImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    const data = parseJson(FORMAT, input);
    const log = new ImportLog(FORMAT, options.strict, jsonLocator(input));
    if (Array.isArray(data)) return readResults(data, options, log);
    const root = read.object(data, 'input');
    const images = new Map<number, { info: ImageInfo; raw: CocoImage }>();
    read.array(root.images, 'images').forEach((value, i) => log.item(() => {
      const where = `images[${i}]`;
      const raw = read.object(value, where) as unknown as CocoImage;
      const id = read.integer(raw.id, `${where}.id`);
      const fileName = read.string(raw.file_name, `${where}.file_name`);
      const width = read.number(raw.width, `${where}.width`);
      const height = read.number(raw.height, `${where}.height`);
      if (images.has(id)) fail(FORMAT, `${where}.id`, `repeats image id ${id}`);
      images.set(id, { info: { source: options.sourceOf?.(raw) ?? fileName, width, height, fileName }, raw });
    }));
    const categories = new Map<number, string>();
    read.array(root.categories, 'categories').forEach((value, i) => log.item(() => {
      const where = `categories[${i}]`;
      const raw = read.object(value, where);
      const id = read.integer(raw.id, `${where}.id`);
      categories.set(id, labelIdFor(read.string(raw.name, `${where}.name`), options.labels));
    }));
    const annotations: Annotation[] = [];
    read.array(root.annotations, 'annotations').forEach((value, i) => log.item(() => {
      const where = `annotations[${i}]`;
      const raw = read.object(value, where);
      const imageId = read.integer(raw.image_id, `${where}.image_id`);
      const image = images.get(imageId) ?? fail(FORMAT, `${where}.image_id`, `refers to image ${imageId}, which is not in "images" (or could not be read)`);
      const categoryId = read.integer(raw.category_id, `${where}.category_id`);
      const labelId = categories.get(categoryId) ?? fail(FORMAT, `${where}.category_id`, `refers to category ${categoryId}, which is not in "categories" (or could not be read)`);
      annotations.push(
        importAnnotation({ source: image.info.source, selector: boxSelector(readBbox(raw.bbox, `${where}.bbox`)), labelId, ...scored(raw, where, options) }, options),
      );
    }));
    const labels = [...new Set(categories.values())].map((id) => ({ id }));
    return { annotations, images: [...images.values()].map((i) => i.info), labels, ...log.finish(annotations.length + images.size + categories.size) };
  });
}

function scored(raw: Record<string, unknown>, where: string, options: FromCocoOptions) {
  const score = read.optionalNumber(raw.score, `${where}.score`);
  return score === undefined ? {} : { score, model: options.model ?? 'coco-results' };
}

function readBbox(value: unknown, where: string) {
  const bbox = read.array(value, where);
  if (bbox.length !== 4) fail(FORMAT, where, `should be [x, y, width, height], found ${bbox.length} numbers`);
  const [x, y, w, h] = bbox.map((n, i) => read.number(n, `${where}[${i}]`));
  if (w <= 0 || h <= 0) fail(FORMAT, where, `has an empty or negative size ${w}×${h}`);
  return { x, y, w, h };
}

function readResults(list: unknown[], options: FromCocoOptions, log: ImportLog): CocoImport {
  const annotations: Annotation[] = [];
  list.forEach((value, i) => log.item(() => {
    const where = `[${i}]`;
    const raw = read.object(value, where);
    const imageId = read.integer(raw.image_id, `${where}.image_id`);
    const categoryId = read.integer(raw.category_id, `${where}.category_id`);
    annotations.push(
      importAnnotation(
        {
          source: String(imageId),
          selector: boxSelector(readBbox(raw.bbox, `${where}.bbox`)),
          labelId: labelIdFor(String(categoryId), options.labels),
          ...scored(raw, where, options),
        },
        options,
      ),
    );
  }));
  return { annotations, images: [], labels: [], ...log.finish(annotations.length) };
}
