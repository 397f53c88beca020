/**
 * Label Studio (https://labelstud.io/guide/export): tasks `{ id, data, annotations: [{ result }],
 * predictions: [{ model_version, score, result }] }`, for all three tools:
 * - boxes: `rectanglelabels` results, `x y width height` in percent of `original_width/height`;
 * - text: `labels` results with `start`, `end` (code points, as current Label Studio counts; pass
 *   `offsets: 'utf16'` for older exports of text with emoji) and `text`;
 * - audio: per region, a `labels` result (the speaker) and a `textarea` result (the transcript)
 *   sharing one region id and `start`/`end` in seconds.
 * Predictions import as suggestions (CONTRACT §2): creator `{ type: "Software", id: model_version }`,
 * the result's `score` (else the prediction's) on the tagging body. On export, suggestions go to
 * `predictions` grouped by model, everything else to one `annotations` entry per task.
 *
 * Our ids are written as region ids and read back when they are URIs (have a `:`); Label Studio's
 * own short ids get new ones. Cannot hold: creators and timestamps (Label Studio keeps its own),
 * top-k Choices (best label only), transcript language, box rotation (non-zero is refused).
 * Results we don't map (choices, polygons, a whole-file textarea…) are listed in `skipped`, and so
 * are tasks and results that cannot be read (with `strict`, those throw).
 */
import type { Annotation } from '../core/annotation.js';
import { boxSelector, rectOf, textRangeOf, timeRangeOf } from '../core/selectors.js';
import { groupBySource, importAnnotation, labelIdFor, labelIdOf, modelOf, scoreOf, skip, stamped, transcriptBodyOf, type ExportOptions, type ImportOptions } from './lib/common.js';
import { cueAnnotation } from './lib/cues.js';
import { fail, guard } from './lib/errors.js';
import { imageMap, type ImageInfo, type ImageSizes } from './lib/images.js';
import { jsonReader, parseJson } from './lib/json.js';
import { ImportLog, jsonLocator, type ImportReport } from './lib/partial.js';
import { CodePointIndex, readOffsets, spanOrSkip, spanSelectors, writeOffsets, type Offsets, type TextDocument } from './lib/text.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
export type { FormatIssue, ImportReport } from './lib/partial.js';
export type { ImageInfo, ImageSizes } from './lib/images.js';
export type { Offsets, TextDocument } from './lib/text.js';

const FORMAT = 'label-studio';
const read = jsonReader(FORMAT);

export interface LabelStudioResult {
  id: string;
  type: 'rectanglelabels' | 'labels' | 'textarea' | string;
  from_name: string;
  to_name: string;
  value: Record<string, unknown>;
  original_width?: number;
  original_height?: number;
  image_rotation?: number;
  score?: number;
  [extra: string]: unknown;
}

export interface LabelStudioTask {
  id?: number | string;
  data: Record<string, unknown>;
  annotations?: { id?: number; result: LabelStudioResult[]; [extra: string]: unknown }[];
  predictions?: { model_version?: string; score?: number; result: LabelStudioResult[]; [extra: string]: unknown }[];
  [extra: string]: unknown;
}

/** Control names of the labeling config (`<RectangleLabels name="label" toName="image">`). */
export interface LabelStudioNames {
  /** Box labels control and image object; default `label` → `image`. */
  image?: { from: string; to: string };
  /** Span labels control and text object; default `label` → `text`. */
  text?: { from: string; to: string };
  /** Speaker labels control, transcript TextArea and audio object; default `labels`, `transcription` → `audio`. */
  audio?: { from: string; transcript: string; to: string };
}

export interface ToLabelStudioOptions extends ExportOptions {
  /** Natural sizes of the images (boxes are written in percent of them). */
  images?: ImageSizes;
  /** Texts of the documents spans point into. */
  documents?: readonly TextDocument[];
  names?: LabelStudioNames;
  offsets?: Offsets;
}

export interface FromLabelStudioOptions extends ImportOptions {
  offsets?: Offsets;
  /** Which `data` key holds the image/audio URL or the text; default the result's `to_name`. */
  dataKey?: string;
  /** `target.source` of a text task (whose data is the text itself); default `data.source`, else `label-studio:task:<id>`. */
  textSourceOf?: (task: LabelStudioTask, index: number) => string;
}

export interface LabelStudioImport extends ImportReport {
  annotations: Annotation[];
  /** Sizes of the images, from `original_width/height`. */
  images: ImageInfo[];
  /** Texts of text tasks. */
  documents: TextDocument[];
}

/** What the task reader fills in. */
interface ImportTarget {
  annotations: Annotation[];
  images: ImageInfo[];
  documents: TextDocument[];
  log: ImportLog;
}

const DEFAULT_NAMES: Required<LabelStudioNames> = {
  image: { from: 'label', to: 'image' },
  text: { from: 'label', to: 'text' },
  audio: { from: 'labels', transcript: 'transcription', to: 'audio' },
};

/** Writes annotations as Label Studio tasks, one per source. */
export function toLabelStudio(annotations: readonly Annotation[], options: ToLabelStudioOptions = {}): LabelStudioTask[] {
  const names = { ...DEFAULT_NAMES, ...options.names };
  const sizes = imageMap(options.images);
  const texts = new Map((options.documents ?? []).map((d) => [d.source, d]));
  const offsets = options.offsets ?? 'code-points';
  const tasks: LabelStudioTask[] = [];
  for (const [source, list] of groupBySource(annotations)) {
    const data: Record<string, unknown> = {};
    const human: LabelStudioResult[] = [];
    const predicted = new Map<string, LabelStudioResult[]>();
    for (const annotation of list) {
      const results = resultsOf(annotation);
      if (!results.length) continue;
      const model = modelOf(annotation);
      if (model === undefined) human.push(...results);
      else {
        const score = scoreOf(annotation);
        if (score !== undefined) for (const r of results) r.score = score;
        predicted.set(model, [...(predicted.get(model) ?? []), ...results]);
      }
    }
    if (!Object.keys(data).length) continue;
    const predictions = [...predicted].map(([model_version, result]) => {
      const scores = result.map((r) => r.score).filter((s): s is number => s !== undefined);
      return { model_version, ...(scores.length ? { score: scores.reduce((a, b) => a + b, 0) / scores.length } : {}), result };
    });
    tasks.push({ id: tasks.length + 1, data, annotations: human.length ? [{ result: human }] : [], predictions });

    function resultsOf(annotation: Annotation): LabelStudioResult[] {
      const labelId = labelIdOf(annotation);
      if (rectOf(annotation)) {
        const rect = rectOf(annotation)!;
        const size = sizes.get(source);
        if (!size) return skip(FORMAT, options, annotation, `is a box on ${JSON.stringify(source)}, whose size is not in options.images`), [];
        if (labelId === undefined) return skip(FORMAT, options, annotation, 'has no label'), [];
        data[names.image.to] = source;
        const pct = (v: number, of: number) => (v / of) * 100;
        return [
          {
            id: annotation.id,
            type: 'rectanglelabels',
            from_name: names.image.from,
            to_name: names.image.to,
            original_width: size.width,
            original_height: size.height,
            image_rotation: 0,
            value: { x: pct(rect.x, size.width), y: pct(rect.y, size.height), width: pct(rect.w, size.width), height: pct(rect.h, size.height), rotation: 0, rectanglelabels: [labelId] },
          },
        ];
      }
      if (textRangeOf(annotation)) {
        const doc = texts.get(source);
        if (!doc) return skip(FORMAT, options, annotation, `is a span on ${JSON.stringify(source)}, whose text is not in options.documents`), [];
        const index = new CodePointIndex(doc.text);
        const span = spanOrSkip(FORMAT, options, annotation, index);
        if (!span) return [];
        data[names.text.to] = doc.text;
        data.source = source;
        const [start, end] = writeOffsets(index, span, offsets);
        return [{ id: annotation.id, type: 'labels', from_name: names.text.from, to_name: names.text.to, value: { start, end, text: index.slice(span.start, span.end), labels: [span.labelId] } }];
      }
      const range = timeRangeOf(annotation);
      if (range && Number.isFinite(range.end) && range.end > range.start && range.start >= 0) {
        data[names.audio.to] = source;
        const where = { start: range.start, end: range.end, channel: 0 };
        const transcript = transcriptBodyOf(annotation);
        return [
          ...(labelId !== undefined ? [{ id: annotation.id, type: 'labels', from_name: names.audio.from, to_name: names.audio.to, value: { ...where, labels: [labelId] } }] : []),
          ...(transcript || labelId === undefined
            ? [{ id: annotation.id, type: 'textarea', from_name: names.audio.transcript, to_name: names.audio.to, value: { ...where, text: [transcript?.value ?? ''] } }]
            : []),
        ];
      }
      skip(FORMAT, options, annotation, 'has no box, text position or time range');
      return [];
    }
  }
  return tasks;
}

/** Reads Label Studio tasks (an array, one task, or their JSON text): annotations and predictions. */
export function fromLabelStudio(input: string | LabelStudioTask | LabelStudioTask[] | unknown, options: FromLabelStudioOptions = {}): LabelStudioImport {
  return guard(FORMAT, () => {
    options = stamped(options);
    const parsed = parseJson(FORMAT, input);
    const out: ImportTarget = { annotations: [], images: [], documents: [], log: new ImportLog(FORMAT, options.strict, jsonLocator(input, 'task')) };
    const tasks = Array.isArray(parsed) ? parsed : [parsed];
    let read = 0;
    tasks.forEach((value, t) =>
      out.log.item(() => {
        const reader = new TaskReader(value, Array.isArray(parsed) ? `[${t}]` : 'task', t, options, out);
        for (const group of reader.groups()) reader.readGroup(group);
        read++;
      }),
    );
    const { annotations, images, documents, log } = out;
    return { annotations, images, documents, ...log.finish(read) };
  });
}

/** One `annotations[]` or `predictions[]` entry: its results and, for a prediction, the model. */
interface ResultGroup {
  where: string;
  result: unknown;
  model?: string;
  score?: number;
}

/** A result being read: where it is, its checked `value`, and the suggestion fields it gets. */
interface ResultContext {
  where: string;
  result: Record<string, unknown>;
  value: Record<string, unknown>;
  toName: string;
  /** Our id when the file kept one (a URI); Label Studio's own short ids get new ones. */
  id: string | undefined;
  scored: { model?: string; score?: number };
}

/** An audio region being assembled from its `labels` and `textarea` results. */
interface Region {
  start: number;
  end: number;
  source: string;
  speaker?: string;
  text?: string;
  score?: number;
}

/** Reads one task's results into `out`. */
class TaskReader {
  private readonly task: LabelStudioTask;
  private readonly data: Record<string, unknown>;
  private text: { doc: TextDocument; index: CodePointIndex } | undefined;

  constructor(
    value: unknown,
    private readonly where: string,
    private readonly position: number,
    private readonly options: FromLabelStudioOptions,
    private readonly out: ImportTarget,
  ) {
    this.task = read.object(value, where) as unknown as LabelStudioTask;
    this.data = read.object(this.task.data, `${where}.data`);
  }

  /** Annotations (also the old `completions`) and predictions; cancelled ones are left out. */
  groups(): ResultGroup[] {
    const groups: ResultGroup[] = [];
    for (const [key, isPrediction] of [['annotations', false], ['completions', false], ['predictions', true]] as const) {
      if (this.task[key] === undefined) continue;
      read.array(this.task[key], `${this.where}.${key}`).forEach((entry, n) => {
        const where = `${this.where}.${key}[${n}]`;
        const group = read.object(entry, where);
        if (group.was_cancelled === true) return;
        if (!isPrediction) {
          groups.push({ where, result: group.result });
          return;
        }
        const score = read.optionalNumber(group.score, `${where}.score`);
        const model = typeof group.model_version === 'string' && group.model_version ? group.model_version : 'label-studio';
        groups.push({ where, result: group.result, model, ...(score !== undefined ? { score } : {}) });
      });
    }
    return groups;
  }

  readGroup(group: ResultGroup): void {
    // Audio regions: a `labels` and a `textarea` result share an id; merge them into one segment.
    const regions = new Map<string, Region>();
    read.array(group.result ?? [], `${group.where}.result`).forEach((entry, r) => this.out.log.item(() => {
      const where = `${group.where}.result[${r}]`;
      const result = read.object(entry, where);
      const value = read.object(result.value, `${where}.value`);
      const type = read.string(result.type, `${where}.type`);
      const score = read.optionalNumber(result.score, `${where}.score`) ?? group.score;
      const ctx: ResultContext = {
        where,
        result,
        value,
        toName: typeof result.to_name === 'string' ? result.to_name : '',
        id: typeof result.id === 'string' && result.id.includes(':') ? result.id : undefined,
        scored: group.model !== undefined ? { model: group.model, ...(score !== undefined ? { score } : {}) } : {},
      };
      if (type === 'rectanglelabels') this.readBox(ctx);
      // A text span repeats its text; audio regions have none.
      else if (type === 'labels' && (typeof value.text === 'string' || value.startOffset !== undefined)) this.readSpan(ctx);
      else if (type === 'labels' || type === 'textarea') this.readRegionPart(ctx, type, regions, typeof result.id === 'string' || typeof result.id === 'number' ? String(result.id) : `#${r}`);
      else this.out.log.leaveOut(where, `is a "${type}" result, which Kolam's tools do not hold`);
    }));
    for (const [key, region] of regions) {
      const { score, ...cue } = region;
      const scored = group.model !== undefined ? { model: group.model, score } : {};
      this.out.annotations.push(cueAnnotation({ ...cue, id: key.includes(':') ? key : undefined, ...scored }, this.options));
    }
  }

  private readBox({ where, result, value, toName, id, scored }: ResultContext): void {
    const source = this.mediaSource(toName, where);
    const width = read.number(result.original_width, `${where}.original_width`);
    const height = read.number(result.original_height, `${where}.original_height`);
    if ((read.optionalNumber(value.rotation, `${where}.value.rotation`) ?? 0) !== 0) {
      this.out.log.leaveOut(where, 'is a rotated box, which xywh cannot hold');
      return;
    }
    const [x, y, w, h] = (['x', 'y', 'width', 'height'] as const).map((k) => read.number(value[k], `${where}.value.${k}`));
    if (w <= 0 || h <= 0) fail(FORMAT, `${where}.value`, `has an empty box ${w}×${h}%`);
    if (!this.out.images.some((image) => image.source === source)) this.out.images.push({ source, width, height });
    const px = { x: (x / 100) * width, y: (y / 100) * height, w: (w / 100) * width, h: (h / 100) * height };
    this.out.annotations.push(importAnnotation({ id, source, selector: boxSelector(px), labelId: this.oneLabel(value, 'rectanglelabels', where), ...scored }, this.options));
  }

  private readSpan({ where, value, toName, id, scored }: ResultContext): void {
    if (value.startOffset !== undefined) {
      this.out.log.leaveOut(where, 'is a HyperText/XPath span (startOffset), not plain-text offsets');
      return;
    }
    const { doc, index } = this.textOf(toName);
    const offsets = this.options.offsets ?? 'code-points';
    const range = readOffsets(FORMAT, index, value.start, value.end, offsets, `${where}.value`);
    // Label Studio repeats the span's text: a mismatch means the offsets count differently.
    const there = index.slice(range.start, range.end);
    if (typeof value.text === 'string' && there !== value.text)
      fail(
        FORMAT,
        `${where}.value`,
        `text ${JSON.stringify(value.text)} is not what the task's text holds at ${value.start}–${value.end} (${JSON.stringify(there)}); if the file counts ${offsets === 'utf16' ? 'code points' : 'UTF-16 units'}, pass offsets: '${offsets === 'utf16' ? 'code-points' : 'utf16'}'`,
      );
    this.out.annotations.push(
      importAnnotation({ id, source: doc.source, selector: spanSelectors(index, range.start, range.end), labelId: this.oneLabel(value, 'labels', where), ...scored }, this.options),
    );
  }

  private readRegionPart({ where, value, toName, scored }: ResultContext, type: 'labels' | 'textarea', regions: Map<string, Region>, key: string): void {
    if (value.start === undefined && value.end === undefined) {
      this.out.log.leaveOut(where, `is a ${type} for the whole ${toName || 'task'}, not a region`);
      return;
    }
    const start = read.number(value.start, `${where}.value.start`);
    const end = read.number(value.end, `${where}.value.end`);
    if (start < 0 || end <= start) fail(FORMAT, `${where}.value`, `has an empty or inverted time range ${start}–${end}`);
    const region = regions.get(key) ?? { start, end, source: this.mediaSource(toName, where), ...(scored.score !== undefined ? { score: scored.score } : {}) };
    if (type === 'labels') region.speaker = this.oneLabel(value, 'labels', where);
    else region.text = read.array(value.text, `${where}.value.text`).map((line, i) => read.string(line, `${where}.value.text[${i}]`)).join('\n');
    regions.set(key, region);
  }

  private oneLabel(value: Record<string, unknown>, key: string, where: string): string {
    const labels = read.array(value[key], `${where}.value.${key}`);
    if (labels.length !== 1) fail(FORMAT, `${where}.value.${key}`, `should hold one label, found ${labels.length}`);
    return labelIdFor(read.string(labels[0], `${where}.value.${key}[0]`), this.options.labels);
  }

  /** The task's text, indexed once; its source from `textSourceOf`, `data.source` or the task id. */
  private textOf(toName: string): { doc: TextDocument; index: CodePointIndex } {
    if (this.text) return this.text;
    const key = this.options.dataKey ?? toName;
    const text = read.string(this.data[key] ?? this.data.text, `${this.where}.data.${key || 'text'}`);
    const source =
      this.options.textSourceOf?.(this.task, this.position) ??
      (typeof this.data.source === 'string' ? this.data.source : `label-studio:task:${this.task.id ?? this.position + 1}`);
    this.text = { doc: { source, text }, index: new CodePointIndex(text) };
    this.out.documents.push(this.text.doc);
    return this.text;
  }

  /** The image/audio URL: `data[dataKey ?? to_name]`, else the task's first string. */
  private mediaSource(toName: string, where: string): string {
    const key = this.options.dataKey ?? toName;
    return read.string(this.data[key] ?? Object.values(this.data).find((v) => typeof v === 'string'), `${where} (data.${key})`);
  }
}
