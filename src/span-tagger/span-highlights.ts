/**
 * Draws spans with the CSS Custom Highlight API: no element per span, so 10,000 spans cost 10,000
 * Ranges and nothing in layout. One Highlight per (label, nesting layer), plus the hovered, the
 * selected and the keyboard draft. Names are ours and unique per element (ids like `urn:uuid:…` are
 * not CSS identifiers, and two taggers on a page must not share or delete each other's), and the
 * `::highlight()` rules live in the element's own shadow root, where they apply.
 */
import type { PlacedSpan } from './span-index.js';
import type { TextBlocks } from './text-blocks.js';

/** Layers drawn differently; deeper nesting reuses the last style. */
export const DRAWN_LAYERS = 4;

let instances = 0;

interface Entry {
  span: PlacedSpan;
  name: string;
  /** Only spans in the window hold one. */
  range: Range | null;
}

interface LabelStyle {
  /** A CSS-identifier-safe key for the label (its position in the list, or `u` for unknown). */
  key: string;
  color: string;
}

/** A colour we can put in a stylesheet: a real CSS colour, nothing that could close the rule. */
export function safeColor(color: string | undefined, fallback: string): string {
  if (typeof color !== 'string' || /[;{}<>\\]/.test(color) || !CSS.supports('color', color)) return fallback;
  return color;
}

export class SpanHighlights {
  readonly prefix = `kolam-span-${++instances}`;
  readonly #highlights = new Map<string, Highlight>();
  readonly #entries = new Map<string, Entry>();
  readonly #sheet = new CSSStyleSheet();
  readonly #single = new Map<'draft' | 'hover' | 'selected', Range | null>();
  readonly #live = new Set<string>();
  #window = { start: 0, end: 0 };
  #labelKeys = new Map<string, string>();
  readonly #names = new Map<string | undefined, string[]>();
  /** Our names are in the page's `CSS.highlights` only while the tagger is on the page. */
  #attached = true;

  constructor(root: ShadowRoot) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  static get supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  #nameFor(labelKey: string, layer: number): string {
    return `${this.prefix}-${labelKey}-${Math.min(layer, DRAWN_LAYERS - 1)}`;
  }

  #highlight(name: string, priority: number): Highlight {
    let highlight = this.#highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = priority;
      this.#highlights.set(name, highlight);
      if (this.#attached) CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  /** The labels in force, with their (safe) colours; spans of other labels use `unlabelled`. */
  setLabels(labels: readonly { id: string; color: string }[], unlabelled: string): void {
    this.#labelKeys = new Map(labels.map((label, i) => [label.id, `l${i}`]));
    this.#names.clear();
    this.#setStyles([...labels.map((label, i) => ({ key: `l${i}`, color: label.color })), { key: 'u', color: unlabelled }]);
  }

  /** The highlight a span is drawn in: its label's, at its layer (names cached per label). */
  nameOf(span: PlacedSpan): string {
    let names = this.#names.get(span.labelId);
    if (!names) {
      const key = (span.labelId !== undefined && this.#labelKeys.get(span.labelId)) || 'u';
      names = [...Array.from({ length: DRAWN_LAYERS }, (_, layer) => this.#nameFor(key, layer)), this.#nameFor(`${key}s`, 0)];
      this.#names.set(span.labelId, names);
    }
    return names[span.suggested ? DRAWN_LAYERS : Math.min(span.layer, DRAWN_LAYERS - 1)];
  }

  /**
   * One rule set per label and layer: a tint for every span, and an underline per span, one step
   * lower per nesting level — "The Bank of England" over "England" shows two lines under
   * "England", so depth reads without telling tints apart (and without colour).
   */
  // Written compact: built at run time, so the build's CSS minifier never sees it.
  #setStyles(labels: LabelStyle[]): void {
    const rules: string[] = [];
    for (const { key, color } of labels) {
      for (let layer = 0; layer < DRAWN_LAYERS; layer++) {
        const decoration = `text-decoration:underline ${['solid', 'solid', 'double', 'dashed'][layer]} ${color};text-decoration-thickness:2px;text-underline-offset:${2 + layer * 4}px`;
        rules.push(`::highlight(${this.#nameFor(key, layer)}){background-color:color-mix(in srgb,${color} var(--_span-tint),transparent);${decoration}}`);
      }
      // A model's suggestion: a fainter tint and a dotted line, until someone accepts it.
      rules.push(`::highlight(${this.#nameFor(`${key}s`, 0)}){background-color:color-mix(in srgb,${color} calc(var(--_span-tint) / 2),transparent);text-decoration:underline dotted ${color};text-decoration-thickness:2px}`);
    }
    rules.push(`::highlight(${this.prefix}-draft){background-color:var(--_draft);color:var(--_fg);}`);
    rules.push(`::highlight(${this.prefix}-hover){text-decoration:underline dotted var(--_fg);text-decoration-thickness:2px}`);
    // The selection sits over the spans' tints, translucent, so the spans it covers still show.
    rules.push(`::highlight(${this.prefix}-selected){background-color:color-mix(in srgb,var(--_selected) 28%,transparent);text-decoration:underline solid var(--_selected);text-decoration-thickness:3px;text-underline-offset:2px}`);
    rules.push(`@media (forced-colors:active){${labels.map(({ key }) => `::highlight(${this.#nameFor(key, 0)})`).concat(`::highlight(${this.prefix}-selected)`).join(',')}{background-color:Mark;color:MarkText;}}`);
    this.#sheet.replaceSync(rules.join(''));
  }

  /** Records a span (replacing what was there for its id); it gets a Range if it is in the window. */
  add(span: PlacedSpan, blocks: TextBlocks): void {
    this.remove(span.id);
    const entry: Entry = { span, name: this.nameOf(span), range: null };
    this.#entries.set(span.id, entry);
    if (span.start < this.#window.end && span.end > this.#window.start) this.#materialize(entry, blocks);
  }

  remove(id: string): void {
    const old = this.#entries.get(id);
    if (!old) return;
    this.#dematerialize(old);
    this.#entries.delete(id);
  }

  /** Records every span from scratch (a new text, a new set, new labels). */
  drawAll(spans: readonly PlacedSpan[], blocks: TextBlocks): void {
    this.reset();
    for (const span of spans) this.#entries.set(span.id, { span, name: this.nameOf(span), range: null });
    const window = this.#window;
    this.#window = { start: 0, end: 0 };
    this.setWindow(window.start, window.end, blocks);
  }

  /**
   * Only spans meeting [start, end) (UTF-16; the visible text and a screen either side) hold a
   * Range. Chromium revalidates every range of every highlight when one changes, so 10,000 live
   * ranges would make each new span cost milliseconds; a few hundred cost nothing.
   */
  setWindow(start: number, end: number, blocks: TextBlocks, index?: { meeting(start: number, end: number): PlacedSpan[] }): void {
    const old = this.#window;
    if (old.start === start && old.end === end) return;
    this.#window = { start, end };
    for (const id of this.#live) {
      const entry = this.#entries.get(id)!;
      if (entry.span.end <= start || entry.span.start >= end) this.#dematerialize(entry);
    }
    const incoming = index ? index.meeting(start, end).map((span) => this.#entries.get(span.id)) : [...this.#entries.values()].filter((e) => e.span.start < end && e.span.end > start);
    for (const entry of incoming) if (entry && !entry.range) this.#materialize(entry, blocks);
  }

  #materialize(entry: Entry, blocks: TextBlocks): void {
    entry.range = blocks.range(entry.span.start, entry.span.end);
    this.#highlight(entry.name, Math.min(entry.span.layer, DRAWN_LAYERS - 1)).add(entry.range);
    this.#live.add(entry.span.id);
  }

  #dematerialize(entry: Entry): void {
    if (entry.range) this.#highlights.get(entry.name)?.delete(entry.range);
    entry.range = null;
    this.#live.delete(entry.span.id);
  }

  /** Forgets every span range (the text, hence every Range, was replaced). */
  reset(): void {
    for (const highlight of this.#highlights.values()) highlight.clear();
    this.#entries.clear();
    this.#live.clear();
    this.#single.clear();
  }

  /** Sets the one range of the draft, hover or selected highlight (null clears it). */
  mark(kind: 'draft' | 'hover' | 'selected', range: Range | null): void {
    if (this.#single.get(kind) === range) return;
    this.#single.set(kind, range);
    const highlight = this.#highlight(`${this.prefix}-${kind}`, { hover: 10, selected: 11, draft: 12 }[kind]);
    highlight.clear();
    if (range) highlight.add(range);
  }

  /** Puts our names back after a reconnect. */
  attach(): void {
    this.#attached = true;
    for (const [name, highlight] of this.#highlights) CSS.highlights.set(name, highlight);
  }

  /** Removes only our own names: other taggers and the page keep theirs. */
  detach(): void {
    this.#attached = false;
    for (const name of this.#highlights.keys()) CSS.highlights.delete(name);
  }
}
