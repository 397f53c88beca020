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
 * Results we don't map (choices, polygons, a whole-file textarea…) are listed in `skipped`.
 */
import type { Annotation } from '../core/annotation.js';
import { boxSelector, rectOf, textRangeOf, timeRangeOf } from '../core/selectors.js';
import { groupBySource, importAnnotation, labelIdFor, labelIdOf, modelOf, scoreOf, skip, transcriptBodyOf, type ExportOptions, type ImportOptions, stamped } from './lib/common.js';
import { cueAnnotation } from './lib/cues.js';
import { fail, guard } from './lib/errors.js';
import { imageMap, type ImageInfo, type ImageSizes } from './lib/images.js';
import { jsonReader, parseJson } from './lib/json.js';
import { CodePointIndex, readOffsets, spanOrSkip, spanSelectors, writeOffsets, type Offsets, type TextDocument } from './lib/text.js';

// Shared pieces, so each entry's types stand alone and `instanceof FormatError` works from any of them.
export { FormatError } from './lib/errors.js';
export type { ExportOptions, ImportOptions } from './lib/common.js';
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

export interface LabelStudioImport {
  annotations: Annotation[];
  /** Sizes of the images, from `original_width/height`. */
  images: ImageInfo[];
  /** Texts of text tasks. */
  documents: TextDocument[];
  /** Results that were not imported, and why. */
  skipped: { where: string; reason: string }[];
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
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const out: LabelStudioImport = { annotations: [], images: [], documents: [], skipped: [] };
    const imageSeen = new Set<string>();
    list.forEach((value, t) => {
      const taskWhere = Array.isArray(parsed) ? `[${t}]` : 'task';
      const task = read.object(value, taskWhere) as unknown as LabelStudioTask;
      const data = read.object(task.data, `${taskWhere}.data`);
      const groups: { where: string; result: unknown; model?: string; score?: number }[] = [];
      for (const [key, isPrediction] of [['annotations', false], ['predictions', true], ['completions', false]] as const) {
        if (task[key] === undefined) continue;
        read.array(task[key], `${taskWhere}.${key}`).forEach((entry, n) => {
          const where = `${taskWhere}.${key}[${n}]`;
          const group = read.object(entry, where);
          if (group.was_cancelled === true) return;
          const score = isPrediction ? read.optionalNumber(group.score, `${where}.score`) : undefined;
          const model = isPrediction ? (typeof group.model_version === 'string' && group.model_version ? group.model_version : 'label-studio') : undefined;
          groups.push({ where, result: group.result, ...(model !== undefined ? { model } : {}), ...(score !== undefined ? { score } : {}) });
        });
      }
      let textDoc: { doc: TextDocument; index: CodePointIndex } | undefined;
      const textOf = (key: string): { doc: TextDocument; index: CodePointIndex } => {
        if (textDoc) return textDoc;
        const text = read.string(data[options.dataKey ?? key] ?? data.text, `${taskWhere}.data.${options.dataKey ?? key}`);
        const source = options.textSourceOf?.(task, t) ?? (typeof data.source === 'string' ? data.source : `label-studio:task:${task.id ?? t + 1}`);
        textDoc = { doc: { source, text }, index: new CodePointIndex(text) };
        out.documents.push(textDoc.doc);
        return textDoc;
      };
      const mediaSource = (key: string, where: string) => read.string(data[options.dataKey ?? key] ?? Object.values(data).find((v) => typeof v === 'string'), `${where} (data.${options.dataKey ?? key})`);
      for (const group of groups) {
        // Audio regions: a `labels` and a `textarea` result share an id; merge them into one segment.
        const segments = new Map<string, { where: string; start: number; end: number; speaker?: string; text?: string; source: string; score?: number }>();
        read.array(group.result ?? [], `${group.where}.result`).forEach((entry, r) => {
          const where = `${group.where}.result[${r}]`;
          const result = read.object(entry, where);
          const v = read.object(result.value, `${where}.value`);
          const type = read.string(result.type, `${where}.type`);
          const toName = typeof result.to_name === 'string' ? result.to_name : '';
          const score = read.optionalNumber(result.score, `${where}.score`) ?? group.score;
          const fileId = typeof result.id === 'string' && result.id.includes(':') ? result.id : undefined;
          const scored = group.model !== undefined ? { model: group.model, ...(score !== undefined ? { score } : {}) } : {};
          const oneLabel = (key: string) => {
            const labels = read.array(v[key], `${where}.value.${key}`);
            if (labels.length !== 1) fail(FORMAT, `${where}.value.${key}`, `should hold one label, found ${labels.length}`);
            return labelIdFor(read.string(labels[0], `${where}.value.${key}[0]`), options.labels);
          };
          if (type === 'rectanglelabels') {
            const source = mediaSource(toName, where);
            const width = read.number(result.original_width, `${where}.original_width`);
            const height = read.number(result.original_height, `${where}.original_height`);
            if ((read.optionalNumber(v.rotation, `${where}.value.rotation`) ?? 0) !== 0) {
              out.skipped.push({ where, reason: 'is a rotated box, which xywh cannot hold' });
              return;
            }
            const [x, y, w, h] = (['x', 'y', 'width', 'height'] as const).map((k) => read.number(v[k], `${where}.value.${k}`));
            if (w <= 0 || h <= 0) fail(FORMAT, `${where}.value`, `has an empty box ${w}×${h}%`);
            if (!imageSeen.has(source)) {
              imageSeen.add(source);
              out.images.push({ source, width, height });
            }
            const px = { x: (x / 100) * width, y: (y / 100) * height, w: (w / 100) * width, h: (h / 100) * height };
            out.annotations.push(importAnnotation({ id: fileId, source, selector: boxSelector(px), labelId: oneLabel('rectanglelabels'), ...scored }, options));
          } else if (type === 'labels' && (typeof v.text === 'string' || v.startOffset !== undefined)) {
            // A text span (audio regions have no `text`).
            if (v.startOffset !== undefined) {
              out.skipped.push({ where, reason: 'is a HyperText/XPath span (startOffset), not plain-text offsets' });
              return;
            }
            const { doc, index } = textOf(toName);
            const offsets = options.offsets ?? 'code-points';
            const range = readOffsets(FORMAT, index, v.start, v.end, offsets, `${where}.value`);
            // Label Studio repeats the span's text: a mismatch means the offsets count differently.
            if (typeof v.text === 'string' && index.slice(range.start, range.end) !== v.text)
              fail(FORMAT, `${where}.value`, `text ${JSON.stringify(v.text)} is not what the task's text holds at ${v.start}–${v.end} (${JSON.stringify(index.slice(range.start, range.end))}); if the file counts UTF-16 units, pass offsets: '${offsets === 'utf16' ? 'code-points' : 'utf16'}'`);
            out.annotations.push(importAnnotation({ id: fileId, source: doc.source, selector: spanSelectors(index, range.start, range.end), labelId: oneLabel('labels'), ...scored }, options));
          } else if (type === 'labels' || type === 'textarea') {
            if (v.start === undefined && v.end === undefined) {
              out.skipped.push({ where, reason: `is a ${type} for the whole ${toName || 'task'}, not a region` });
              return;
            }
            const start = read.number(v.start, `${where}.value.start`);
            const end = read.number(v.end, `${where}.value.end`);
            if (start < 0 || end <= start) fail(FORMAT, `${where}.value`, `has an empty or inverted time range ${start}–${end}`);
            const key = typeof result.id === 'string' || typeof result.id === 'number' ? String(result.id) : `#${r}`;
            const segment = segments.get(key) ?? { where, start, end, source: mediaSource(toName, where), ...(score !== undefined ? { score } : {}) };
            if (type === 'labels') segment.speaker = oneLabel('labels');
            else segment.text = read.array(v.text, `${where}.value.text`).map((line, i) => read.string(line, `${where}.value.text[${i}]`)).join('\n');
            segments.set(key, segment);
          } else out.skipped.push({ where, reason: `is a "${type}" result, which Kolam's tools do not hold` });
        });
        for (const [key, s] of segments)
          out.annotations.push(
            cueAnnotation(
              { id: key.includes(':') ? key : undefined, source: s.source, start: s.start, end: s.end, text: s.text, speaker: s.speaker, ...(group.model !== undefined ? { model: group.model, score: s.score } : {}) },
              options,
            ),
          );
      }
    });
    return out;
  });
}
