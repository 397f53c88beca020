/**
 * What every converter shares: the options all importers and exporters take, how an imported item
 * becomes an annotation (a person's or, with a score, a model's suggestion per CONTRACT §2), and how
 * an exporter reports an annotation its format cannot hold.
 */
import {
  ANNOTATION_CONTEXT,
  labelIdOf,
  newId,
  personOf,
  scoreOf,
  timestamp,
  type Agent,
  type Annotation,
  type Annotator,
  type Body,
  type Label,
  type Selector,
  type TextualBody,
} from '../../core/annotation.js';
import { FormatError } from './errors.js';

export interface ImportOptions {
  /** Becomes `creator` (type Person) of imported human annotations. */
  annotator?: Annotator;
  /** Makes ids for imported annotations that have none in the file; default `urn:uuid:` ids. */
  newId?: () => string;
  /** `created`/`modified` of imported annotations; default now. */
  created?: string;
  /** Labels to map the file's names to label ids (by id, then by name); unmatched names become ids. */
  labels?: readonly Label[];
  /**
   * Throw a FormatError at the first bad item instead of skipping it. Default false: the result
   * holds what could be read, and `skipped` lists the rest with where and why (lib/partial.ts).
   */
  strict?: boolean;
}

export interface ExportOptions {
  /** Labels, to write their names where the format wants a name; default: the label id. */
  labels?: readonly Label[];
  /**
   * Called for an annotation the format cannot hold (no readable selector, an overlap CoNLL can't
   * tag…). Without it the exporter throws a FormatError naming the annotation, so nothing is lost
   * silently.
   */
  onSkip?: (annotation: Annotation, reason: string) => void;
}

export interface ImportedItem {
  /** An id the file holds (a Label Studio region id, a WebVTT cue identifier), else a new one. */
  id?: string | undefined;
  source: string;
  selector: Selector | Selector[];
  labelId?: string | undefined;
  motivation?: string;
  /** Bodies beside the tagging one (a transcript). */
  bodies?: Body[];
  /** A model's confidence: makes the annotation a suggestion whose creator is `model`. */
  score?: number | undefined;
  /** The model (Software agent id) of a suggestion, e.g. Label Studio's `model_version`. */
  model?: string | undefined;
}

/**
 * The options with `created` fixed once: one import shares one timestamp, and 50,000 annotations
 * don't each format a date.
 */
export function stamped<T extends ImportOptions>(options: T): T {
  return options.created ? options : { ...options, created: timestamp() };
}

/** Builds an annotation for an imported item. A score or model makes it a suggestion. */
export function importAnnotation(item: ImportedItem, options: ImportOptions = {}): Annotation {
  const when = options.created ?? timestamp();
  const isSuggestion = item.score !== undefined || item.model !== undefined;
  const creator: Agent | undefined = isSuggestion ? { id: item.model ?? 'model', type: 'Software' } : personOf(options.annotator);
  const body: Body[] = item.bodies ? [...item.bodies] : [];
  if (item.labelId !== undefined) {
    const tag: TextualBody = { type: 'TextualBody', purpose: 'tagging', value: item.labelId };
    if (item.score !== undefined) tag.score = item.score;
    body.push(tag);
  }
  // Written out rather than spread: importers make tens of thousands of these.
  const id = item.id ?? (options.newId ?? newId)();
  const target = { source: item.source, selector: item.selector };
  const motivation = item.motivation ?? 'tagging';
  return creator
    ? { '@context': ANNOTATION_CONTEXT, id, type: 'Annotation', motivation, created: when, modified: when, creator, body, target }
    : { '@context': ANNOTATION_CONTEXT, id, type: 'Annotation', motivation, created: when, modified: when, body, target };
}

/** The label id for a name found in a file: a label with that id, else with that name, else the name. */
export function labelIdFor(name: string, labels: readonly Label[] | undefined): string {
  if (!labels) return name;
  return (labels.find((l) => l.id === name) ?? labels.find((l) => l.name === name))?.id ?? name;
}

/** The name to write for a label id: its label's name when labels are given and it has one. */
export function labelNameOf(labelId: string, labels: readonly Label[] | undefined): string {
  return labels?.find((l) => l.id === labelId)?.name ?? labelId;
}

/** The label id of an annotation (a Choice's best item), or undefined. */
export { labelIdOf, scoreOf };

/** A suggestion's model id, for formats that record one (Label Studio `model_version`). */
export function modelOf(annotation: Annotation): string | undefined {
  return annotation.creator?.type === 'Software' ? annotation.creator.id : undefined;
}

/** Throws a located FormatError, or hands the annotation to `onSkip` when the caller asked to skip. */
export function skip(format: string, options: ExportOptions, annotation: Annotation, reason: string): void {
  if (options.onSkip) options.onSkip(annotation, reason);
  else throw new FormatError(format, `annotation ${JSON.stringify(annotation?.id)}`, `${reason} (pass onSkip to leave it out)`);
}

/** Annotations grouped by `target.source`, in first-seen order. */
export function groupBySource(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const source = a?.target?.source ?? '';
    const list = groups.get(source);
    if (list) list.push(a);
    else groups.set(source, [a]);
  }
  return groups;
}

function bodiesOf(annotation: Annotation): Body[] {
  const body = annotation.body as unknown;
  return Array.isArray(body) ? (body as Body[]) : body ? [body as Body] : [];
}

/** A segment's transcript body: a TextualBody that is not a tag (CONTRACT §2). */
export function transcriptBodyOf(annotation: Annotation): TextualBody | undefined {
  return bodiesOf(annotation).find(
    (b): b is TextualBody => b.type === 'TextualBody' && b.purpose !== 'tagging' && b.purpose !== 'classifying',
  );
}

/** The transcript body we write for imported cues. */
export function transcriptBody(text: string, language?: string): TextualBody {
  return { type: 'TextualBody', value: text, format: 'text/plain', ...(language ? { language } : {}) };
}
