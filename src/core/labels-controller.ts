/**
 * Resolves a tool's labels, active label, annotator and readonly state: the tool's own properties
 * win, else the nearest `<kolam-label-set>`'s. Also turns label keys (1–9, a label's hotkey) into
 * labels, so every tool picks and relabels the same way.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Annotator, Label } from './annotation.js';
import { emit } from './events.js';
import { checkLabels, reportLater } from './host-values.js';
import { labelSetContext, type LabelSetState } from './label-context.js';
import { UNLABELLED_COLOR, paletteColor } from './palette.js';

/** The properties of CONTRACT §4 that a tool exposes for this controller to read. */
export interface LabelledTool extends ReactiveElement {
  labels: Label[] | undefined;
  activeLabel: string | undefined;
  annotator: Annotator | undefined;
  readonly: boolean;
}

export class LabelsController implements ReactiveController {
  readonly #host: LabelledTool;
  #set: LabelSetState | undefined;
  #unsubscribe: (() => void) | undefined;
  #indexCache: { labels: readonly Label[]; byId: Map<string, { label: Label; index: number }> } | null = null;
  #checked: { input: unknown; labels: Label[] | undefined } | null = null;

  constructor(host: LabelledTool) {
    this.#host = host;
    host.addController(this);
  }

  // The nearest label set, asked for by the context protocol that @lit/context's provider answers
  // (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md).
  // Spoken here in a few lines rather than through its ContextConsumer, which costs every entry
  // about 0.4 KB for the general case (optional subscription, positional arguments) we never use.
  hostConnected(): void {
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: labelSetContext,
      contextTarget: this.#host,
      callback: this.#provided,
      subscribe: true,
    });
    this.#host.dispatchEvent(request);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  // One function for the element's life, so a provider that is asked again on reconnect dedupes it.
  readonly #provided = (value: LabelSetState | undefined, unsubscribe?: () => void): void => {
    // A different unsubscribe means another provider now answers: leave the old one.
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.#set = value;
    this.#host.requestUpdate();
  };

  get labels(): readonly Label[] {
    return this.#ownLabels ?? this.#set?.labels ?? [];
  }

  /** The tool's own `labels`, checked once per value a host sets (the label set checks its own). */
  get #ownLabels(): Label[] | undefined {
    const input: unknown = this.#host.labels;
    if (!this.#checked || this.#checked.input !== input) {
      const { value, errors } = checkLabels(input);
      this.#checked = { input, labels: value };
      reportLater(this.#host, errors);
    }
    return this.#checked.labels;
  }

  get activeLabel(): string | undefined {
    const id = this.#host.activeLabel ?? this.#set?.activeLabel;
    return id !== undefined && this.get(id) ? id : this.labels[0]?.id;
  }

  get annotator(): Annotator | undefined {
    return this.#host.annotator ?? this.#set?.annotator;
  }

  get readonly(): boolean {
    return this.#host.readonly || (this.#set?.readonly ?? false);
  }

  get #index() {
    const labels = this.labels;
    if (this.#indexCache?.labels !== labels) {
      this.#indexCache = { labels, byId: new Map(labels.map((label, index) => [label.id, { label, index }])) };
    }
    return this.#indexCache.byId;
  }

  get(id: string | undefined): Label | undefined {
    return id === undefined ? undefined : this.#index.get(id)?.label;
  }

  /** The label's own colour, else a palette colour by its place in the list. */
  colorOf(id: string | undefined): string {
    const entry = id === undefined ? undefined : this.#index.get(id);
    if (!entry) return UNLABELLED_COLOR;
    return entry.label.color ?? paletteColor(entry.index);
  }

  /** The name to show: the label's name, else its id (an unknown id is shown as is). */
  nameOf(id: string | undefined): string {
    if (id === undefined) return '';
    return this.get(id)?.name ?? id;
  }

  /** Makes `id` the active label, where it is held (the tool's property or the label set). */
  setActive(id: string): void {
    if (this.#host.activeLabel === undefined && this.#set) this.#set.setActiveLabel(id);
    else {
      this.#host.activeLabel = id;
      emit(this.#host, 'kolam-active-label-change', { activeLabel: id });
    }
  }

  /** True when the key is a label's own hotkey (which wins over a plain-letter command). */
  isHotkey(event: KeyboardEvent): boolean {
    const key = event.key.toLowerCase();
    return this.labels.some((label) => label.hotkey?.toLowerCase() === key);
  }

  /** The label a key press picks: digits 1–9 by position, else a label's own hotkey. */
  labelForKey(event: KeyboardEvent): Label | undefined {
    return labelForKey(this.labels, event);
  }
}

/** Shared with the label set's picker: 1–9 pick by position, a label's `hotkey` picks it. */
export function labelForKey(labels: readonly Label[], event: KeyboardEvent): Label | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return undefined;
  // A digit picks by position; one past the list can still be a label's own hotkey (`hotkey: 7`).
  if (/^[1-9]$/.test(event.key) && labels[Number(event.key) - 1]) return labels[Number(event.key) - 1];
  const key = event.key.toLowerCase();
  return labels.find((label) => label.hotkey?.toLowerCase() === key);
}
