/**
 * The player's segments, in the code fetched with the list and editing (player-editing.ts): the
 * store with its history, the labels, the time index, the speakers' names and colours, and the
 * segments drawn on the waveform. The first screen (video, transport, waveform, playhead) needs
 * none of it; until it is here, a host's `annotations` wait for it, kept as given.
 */
import { copy, type Annotation } from '../core/annotation.js';
import { emit } from '../core/events.js';
import { GestureStore } from '../core/gesture-store.js';
import { LabelsController, type LabelledTool } from '../core/labels-controller.js';
import { checkSegmentTarget } from '../core/target-checks.js';
import { SegmentIndex } from './segment-index.js';
import { NO_LABELS, SegmentsLayer } from './segments-layer.js';
import { SpeakerNames, type Speakers } from './speaker-name.js';
import type { WaveformView } from './waveform-view.js';

export class PlayerSegments {
  readonly store: GestureStore;
  readonly labels: LabelsController;
  readonly index: SegmentIndex;
  /** The store's version as the list shows it: commits, not every move of a drag. */
  listVersion = 0;
  readonly #layer: SegmentsLayer;
  readonly #speakers = new SpeakerNames();
  readonly #host: LabelledTool;

  /** `dragged`: the segment whose edge is being dragged, if any. */
  constructor(host: LabelledTool, dragged: () => string | undefined) {
    this.#host = host;
    this.store = new GestureStore(host);
    this.labels = new LabelsController(host);
    this.index = new SegmentIndex(this.store, dragged);
    this.#layer = new SegmentsLayer(this.labels);
  }

  /** A host's set: the rejected ones each a `kolam-error` (and kept in place, CONTRACT §4). */
  load(value: unknown, duration: number): void {
    const errors = this.store.load(value as Annotation[], { target: checkSegmentTarget, labels: this.labels.labels, duration: duration || undefined });
    for (const error of errors) emit(this.#host, 'kolam-error', copy(error));
  }

  /** The whole set, as JSON copies, rejected input in its place (the element's `annotations`). */
  get all(): Annotation[] {
    return copy(this.store.all) as Annotation[];
  }

  /** Called from the element's `willUpdate`. */
  willUpdate(): void {
    if (!this.store.isGestureActive) this.listVersion = this.store.version;
  }

  /** Speaker names and colours, worked out again only when the labels or the segments change. */
  get look(): Speakers {
    const labels = this.labels.labels;
    return this.#speakers.of(labels.length ? labels : NO_LABELS, this.index.sorted, (id) => this.labels.colorOf(id));
  }

  /** The segments near the view, as drawn over the waveform. */
  render(view: WaveformView, currentId: string | undefined) {
    return this.#layer.render(this.index.sorted, this.index.longest, view.left, view.width, view.pxPerSecond, currentId, this.store.selectedId, this.look);
  }
}
