/**
 * The annotations a tool holds, with undo/redo. Every user change goes through here, so the events
 * of CONTRACT §3 are fired in one place: create/update/delete, then change; undo and redo fire the
 * matching events. A host's `annotations = …` goes through `load()`, which fires nothing.
 */
import type { ReactiveControllerHost } from 'lit';
import { copy, type Annotation } from './annotation.js';
import { emit, type KolamErrorDetail } from './events.js';
import { canonicalJson, toPlain } from './plain-data.js';
import { normalizeBody, validateAnnotations, type ValidationContext } from './validation.js';

type Step =
  | { kind: 'create'; after: Annotation }
  | { kind: 'update'; before: Annotation; after: Annotation }
  | { kind: 'delete'; before: Annotation; index: number }
  | { kind: 'group'; steps: Step[] };

/** A rejected input is kept in its place so the host gets back everything it gave. */
class Rejected {
  constructor(readonly rejected: unknown) {}
}

const HISTORY_LIMIT = 500;

function canonicalJsonOrNull(value: unknown): string | null {
  try {
    return canonicalJson(value);
  } catch {
    return null; // a cycle: never "the same" as anything
  }
}

// Not a controller of the host: it has nothing to do on connect or update; it only asks for updates.
export class AnnotationStore {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #order: Array<string | Rejected> = [];
  readonly #byId = new Map<string, Annotation>();
  #undoStack: Step[] = [];
  #redoStack: Step[] = [];
  #shownCache: { version: number; list: Annotation[] } | null = null;
  #jsonCache: { version: number; json: Array<string | null> } | null = null;
  #grouping: Step[] | null = null;

  /** Increases on every change; cheap to compare in `willUpdate`. */
  version = 0;
  #touched: string | undefined;
  selectedId: string | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }


  /** Everything the host gave or the user made, rejected inputs included, in order. */
  get all(): unknown[] {
    return this.#order.map((key) => (typeof key === 'string' ? this.#byId.get(key) : key.rejected));
  }

  /** The valid annotations, in order: what the tool shows. Cached per version. */
  get shown(): Annotation[] {
    if (this.#shownCache?.version !== this.version) {
      const list: Annotation[] = [];
      for (const key of this.#order) if (typeof key === 'string') list.push(this.#byId.get(key)!);
      this.#shownCache = { version: this.version, list };
    }
    return this.#shownCache.list;
  }

  get(id: string | null | undefined): Annotation | undefined {
    return id == null ? undefined : this.#byId.get(id);
  }

  get selected(): Annotation | undefined {
    return this.get(this.selectedId);
  }

  /**
   * Replaces the set from code: no events but the errors, which the caller fires. The host's value
   * is read as plain data first (a Vue or MobX Proxy, a frozen or getter-laden object), so nothing
   * it holds is kept or cloned. `null` or `undefined` is an empty set. A set with the same content
   * as ours, in any key order (a host echoing back what we emitted), changes nothing and keeps the
   * undo history and any gesture in progress. Anything else replaces the whole set: a bad value
   * never leaves the previous set live.
   */
  load(input: unknown, ctx: ValidationContext): KolamErrorDetail[] {
    let plain: unknown;
    try {
      plain = toPlain(input) ?? [];
    } catch (error) {
      this.#replace([]);
      return [{ code: 'invalid-annotation', message: `The annotations could not be read (${(error as Error).message}); the set is now empty.`, input: undefined }];
    }
    if (Array.isArray(plain) && this.#sameAsCurrent(plain)) return [];
    const { valid, errors } = validateAnnotations(plain, ctx);
    const validSet = new Set(valid);
    const items = Array.isArray(plain) ? plain : [];
    this.#replace(items.map((item) => (validSet.has(item) ? normalizeBody(item as Annotation) : new Rejected(item))));
    return errors;
  }

  #replace(items: Array<Annotation | Rejected>): void {
    this.#byId.clear();
    this.#order = items.map((item) => {
      if (item instanceof Rejected) return item;
      this.#byId.set(item.id, item);
      return item.id;
    });
    this.#undoStack = [];
    this.#redoStack = [];
    if (this.selectedId && !this.#byId.has(this.selectedId)) this.selectedId = null;
    this.#changed();
  }

  /** What the host last saw of annotation `id`; a store with gestures answers the state before one. */
  protected committed(id: string): Annotation | undefined {
    return this.#byId.get(id);
  }

  /** Our set as the host last saw it, one canonical string per item. */
  #committedJson(): Array<string | null> {
    if (this.#jsonCache?.version !== this.version) {
      const json = this.#order.map((key) => canonicalJsonOrNull(typeof key === 'string' ? this.committed(key) : key.rejected));
      this.#jsonCache = { version: this.version, json };
    }
    return this.#jsonCache.json;
  }

  #sameAsCurrent(input: unknown[]): boolean {
    if (input.length !== this.#order.length) return false;
    const mine = this.#committedJson();
    return input.every((item, i) => mine[i] !== null && canonicalJsonOrNull(item) === mine[i]);
  }

  /** The user made `annotation`: store it, record it, fire create + change. */
  create(annotation: Annotation): void {
    this.#insert(annotation, this.#order.length);
    this.#record({ kind: 'create', after: annotation });
    this.#fireCreate(annotation);
  }

  /** The user changed an annotation; `previous` defaults to the stored one (pass the pre-gesture one). */
  update(next: Annotation, previous: Annotation | undefined = this.#byId.get(next.id)): void {
    if (!previous || !this.#byId.has(next.id)) return;
    this.show(next);
    this.#record({ kind: 'update', before: previous, after: next });
    this.#fireUpdate(next, previous);
  }

  /** The user removed an annotation. */
  remove(id: string): void {
    const before = this.#byId.get(id);
    if (!before) return;
    const index = this.#order.indexOf(id);
    this.#detach(id);
    this.#record({ kind: 'delete', before, index });
    this.#fireDelete(before);
  }

  /** Shows `next` in place of the stored annotation with its id: no event, no history. */
  protected show(next: Annotation): void {
    this.#byId.set(next.id, next);
    this.#changed(next.id);
  }

  /** Ends the change in progress before any other; only a store with gestures has one (gesture-store.ts). */
  commitGesture(): void {}

  undo(): void {
    this.commitGesture();
    const step = this.#undoStack.pop();
    if (!step) return;
    this.#redoStack.push(step);
    this.#apply(step, true);
  }

  redo(): void {
    this.commitGesture();
    const step = this.#redoStack.pop();
    if (!step) return;
    this.#undoStack.push(step);
    this.#apply(step, false);
  }

  /**
   * Runs several user changes (each firing its own events) as one undo step: a split is an update
   * and a create, a merge an update and a delete, and the user undoes each as one edit.
   */
  batch(changes: () => void): void {
    if (this.#grouping) return changes();
    const steps: Step[] = (this.#grouping = []);
    try {
      changes();
    } finally {
      this.#grouping = null;
      if (steps.length) this.#record(steps.length === 1 ? steps[0] : { kind: 'group', steps });
    }
  }

  /** Undoes (`undo`) or redoes one step, firing the events of the change it makes. */
  #apply(step: Step, undo: boolean): void {
    if (step.kind === 'group') {
      for (const inner of undo ? [...step.steps].reverse() : step.steps) this.#apply(inner, undo);
    } else if (step.kind === 'update') {
      const [now, was] = undo ? [step.before, step.after] : [step.after, step.before];
      this.show(now);
      this.#fireUpdate(now, was);
    } else if ((step.kind === 'create') === undo) {
      // Undoing a create, redoing a delete.
      const annotation = step.kind === 'create' ? step.after : step.before;
      this.#detach(annotation.id);
      this.#fireDelete(annotation);
    } else {
      const annotation = step.kind === 'create' ? step.after : step.before;
      this.#insert(annotation, step.kind === 'delete' ? step.index : this.#order.length);
      this.#fireCreate(annotation);
    }
  }

  /** Selects an annotation (or none) and fires `kolam-select` if the selection changed. */
  select(id: string | null): void {
    const next = id !== null && this.#byId.has(id) ? id : null;
    if (next === this.selectedId) return;
    this.commitGesture();
    this.selectedId = next;
    this.#host.requestUpdate();
    const annotation = this.get(next);
    emit(this.#host, 'kolam-select', { annotation: annotation ? copy(annotation) : null });
  }

  #insert(annotation: Annotation, index: number): void {
    this.#byId.set(annotation.id, annotation);
    this.#order.splice(Math.min(index, this.#order.length), 0, annotation.id);
    this.#changed(annotation.id);
  }

  #detach(id: string): void {
    this.#byId.delete(id);
    this.#order.splice(this.#order.indexOf(id), 1);
    if (this.selectedId === id) this.select(null);
    this.#changed(id);
  }

  #record(step: Step): void {
    if (this.#grouping) {
      this.#grouping.push(step);
      return;
    }
    this.#undoStack.push(step);
    if (this.#undoStack.length > HISTORY_LIMIT) this.#undoStack.shift();
    this.#redoStack = [];
  }

  /** `id`: the one annotation this change touched, when it touched one. */
  #changed(id?: string): void {
    this.version++;
    this.#touched = id;
    this.#host.requestUpdate();
  }

  /**
   * The id of the one annotation changed since version `since`, when exactly one change to one
   * annotation came since (an edit, a decision, an undo step); else undefined. A tool that draws
   * by id updates that one item instead of looking through the whole set.
   */
  changedOnly(since: number): string | undefined {
    return this.version === since + 1 ? this.#touched : undefined;
  }

  #fireCreate(annotation: Annotation): void {
    emit(this.#host, 'kolam-create', { annotation: copy(annotation) });
    this.#fireChange();
  }

  #fireUpdate(annotation: Annotation, previous: Annotation): void {
    emit(this.#host, 'kolam-update', { annotation: copy(annotation), previous: copy(previous) });
    this.#fireChange();
  }

  #fireDelete(annotation: Annotation): void {
    emit(this.#host, 'kolam-delete', { annotation: copy(annotation) });
    this.#fireChange();
  }

  #fireChange(): void {
    // The whole set can be 10,000 annotations: it is copied when a listener first reads it (the
    // same copy for every reader), not on every edit, so one edit stays within a frame.
    const all = this.all;
    let annotations: Annotation[] | undefined;
    emit(this.#host, 'kolam-change', {
      get annotations() {
        return (annotations ??= copy(all) as Annotation[]);
      },
    });
  }
}
