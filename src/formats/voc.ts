/**
 * Pascal VOC XML: one `<annotation>` file per image, with `<size>` and an `<object>` per box whose
 * `<bndbox>` holds 1-based pixel corners `xmin ymin xmax ymax`, both inclusive (the VOC devkit's
 * convention): our `xywh=pixel:X,Y,W,H` is `xmin = X+1, ymin = Y+1, xmax = X+W, ymax = Y+H`.
 *
 * Read with our own small XML reader (lib/xml.ts), so it works in Node as well as the browser.
 * Cannot hold: ids, creators, timestamps, scores (suggestions export as plain objects). `difficult`,
 * `truncated`, `occluded` and `pose` have no place in an annotation; they come back in `flags` by
 * annotation id and are written from `flags` (default 0 / Unspecified).
 */
import type { Annotation } from '../core/annotation.js';
import { boxSelector } from '../core/selectors.js';
import { importAnnotation, labelIdFor, labelIdOf, skip, stamped, type ExportOptions, type ImportOptions } from './lib/common.js';
import { fail, guard } from './lib/errors.js';
import { boxOrSkip, type ImageInfo } from './lib/images.js';
import { ImportLog, type ImportReport } from './lib/partial.js';
import { child, elementWhere, escapeXml, parseXml, type XmlElement } from './lib/xml.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';
export type { ImageInfo } from './lib/images.js';

const FORMAT = 'voc';

/** VOC's per-object flags. */
export interface VocFlags {
  difficult?: boolean;
  truncated?: boolean;
  occluded?: boolean;
  pose?: string;
}

export interface VocImage extends ImageInfo {
  /** Colour channels; default 3. */
  depth?: number;
  folder?: string;
}

export interface ToVocOptions extends ExportOptions {
  /** The image the file describes; annotations on other sources are skipped (see onSkip). */
  image: VocImage;
  /** Flags per annotation id. */
  flags?: Record<string, VocFlags>;
  /** 1 (default, the VOC devkit) or 0 for tools that write 0-based corners (LabelImg). */
  base?: 0 | 1;
}

export interface FromVocOptions extends ImportOptions {
  /** `target.source` of the boxes; default the file's `<filename>`. */
  source?: string;
  base?: 0 | 1;
}

export interface VocImport extends ImportReport {
  annotations: Annotation[];
  image: VocImage;
  /** Flags of objects that have any set, by annotation id. */
  flags: Record<string, VocFlags>;
}

const tag = (name: string, value: string | number, indent: string) => `${indent}<${name}>${escapeXml(String(value))}</${name}>`;

/** Writes the boxes of one image as a Pascal VOC XML document. */
export function toVoc(annotations: readonly Annotation[], options: ToVocOptions): string {
  const { image } = options;
  if (!image || !(image.width > 0) || !(image.height > 0)) fail(FORMAT, 'options.image', 'needs the image source and its natural width and height');
  const base = options.base ?? 1;
  const lines = [
    '<annotation>',
    tag('folder', image.folder ?? '', '  '),
    tag('filename', image.fileName ?? image.source, '  '),
    '  <source>',
    tag('database', 'Unknown', '    '),
    '  </source>',
    '  <size>',
    tag('width', image.width, '    '),
    tag('height', image.height, '    '),
    tag('depth', image.depth ?? 3, '    '),
    '  </size>',
    tag('segmented', 0, '  '),
  ];
  for (const annotation of annotations) {
    if (annotation.target?.source !== image.source) {
      skip(FORMAT, options, annotation, `is on ${JSON.stringify(annotation.target?.source)}, not on this file's image ${JSON.stringify(image.source)}`);
      continue;
    }
    const rect = boxOrSkip(FORMAT, options, annotation);
    if (!rect) continue;
    const labelId = labelIdOf(annotation);
    if (labelId === undefined) {
      skip(FORMAT, options, annotation, 'has no label (a VOC object needs a <name>)');
      continue;
    }
    const flags = options.flags?.[annotation.id] ?? {};
    lines.push(
      '  <object>',
      tag('name', labelId, '    '),
      tag('pose', flags.pose ?? 'Unspecified', '    '),
      tag('truncated', flags.truncated ? 1 : 0, '    '),
      tag('difficult', flags.difficult ? 1 : 0, '    '),
      ...(flags.occluded ? [tag('occluded', 1, '    ')] : []),
      '    <bndbox>',
      tag('xmin', rect.x + base, '      '),
      tag('ymin', rect.y + base, '      '),
      tag('xmax', rect.x + rect.w + base - 1, '      '),
      tag('ymax', rect.y + rect.h + base - 1, '      '),
      '    </bndbox>',
      '  </object>',
    );
  }
  lines.push('</annotation>', '');
  return lines.join('\n');
}

/**
 * Reads one Pascal VOC XML document. An `<object>` that cannot be read is skipped and listed in
 * `skipped` with its line and column (with `strict` it throws); XML that does not parse, or a
 * document that is not a VOC `<annotation>`, throws.
 */
export function fromVoc(xml: string, options: FromVocOptions = {}): VocImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    if (typeof xml !== 'string') fail(FORMAT, 'input', `should be XML text, found ${typeof xml}`);
    const root = parseXml(FORMAT, xml);
    if (root.name !== 'annotation') fail(FORMAT, `line ${root.line}`, `the root element is <${root.name}>, not <annotation>`);
    const base = options.base ?? 1;
    const fileName = child(root, 'filename')?.text.trim() ?? '';
    const size = child(root, 'size');
    const image: VocImage = {
      source: options.source ?? fileName,
      fileName,
      width: size ? numberIn(size, 'width') : 0,
      height: size ? numberIn(size, 'height') : 0,
      ...(size && child(size, 'depth') ? { depth: numberIn(size, 'depth') } : {}),
      ...(child(root, 'folder')?.text.trim() ? { folder: child(root, 'folder')!.text.trim() } : {}),
    };
    if (!options.source && !fileName) fail(FORMAT, `line ${root.line}`, 'has no <filename>; pass options.source');
    const flags: Record<string, VocFlags> = {};
    const log = new ImportLog(FORMAT, options.strict);
    const annotations: Annotation[] = [];
    for (const object of root.children.filter((c) => c.name === 'object')) {
      const annotation = log.item(() => {
        const name = child(object, 'name')?.text.trim();
        if (!name) fail(FORMAT, elementWhere(object), '<object> has no <name>');
        const box = child(object, 'bndbox') ?? fail(FORMAT, elementWhere(object), `<object> "${name}" has no <bndbox>`);
        const [xmin, ymin, xmax, ymax] = ['xmin', 'ymin', 'xmax', 'ymax'].map((n) => numberIn(box, n));
        if (xmax < xmin || ymax < ymin) fail(FORMAT, elementWhere(box), `<bndbox> is inverted: xmin=${xmin} xmax=${xmax} ymin=${ymin} ymax=${ymax}`);
        const annotation = importAnnotation(
          {
            source: image.source,
            selector: boxSelector({ x: xmin - base, y: ymin - base, w: xmax - xmin + 1, h: ymax - ymin + 1 }),
            labelId: labelIdFor(name, options.labels),
          },
          options,
        );
        const objectFlags = readFlags(object);
        if (Object.keys(objectFlags).length) flags[annotation.id] = objectFlags;
        return annotation;
      });
      if (annotation) annotations.push(annotation);
    }
    // The image itself was read, so a file whose every object is bad still reads (its size, name).
    return { annotations, image, flags, ...log.finish(annotations.length + 1) };
  });
}

function numberIn(parent: XmlElement, name: string): number {
  const element = child(parent, name) ?? fail(FORMAT, elementWhere(parent), `<${parent.name}> has no <${name}>`);
  const text = element.text.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) fail(FORMAT, elementWhere(element), `<${name}> should be a number, found ${JSON.stringify(text)}`);
  return value;
}

function readFlags(object: XmlElement): VocFlags {
  const flags: VocFlags = {};
  for (const name of ['difficult', 'truncated', 'occluded'] as const) {
    const text = child(object, name)?.text.trim();
    if (text === '1' || text === 'true') flags[name] = true;
  }
  const pose = child(object, 'pose')?.text.trim();
  if (pose && pose !== 'Unspecified') flags.pose = pose;
  return flags;
}
