import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  acceptSuggestion,
  copy,
  isSuggestion,
  labelIdOf,
  scoreOf,
  withLabel,
  type Annotation,
  type Annotator,
  type Label,
} from '../core/annotation.js';
import { AnnotationStore } from '../core/annotation-store.js';
import { Announcer } from '../core/announcer.js';
import { emit } from '../core/events.js';
import { KeyboardController, type Keymap } from '../core/keyboard.js';
import { LabelsController } from '../core/labels-controller.js';
import { localized, msg, str } from '../core/localize.js';
import { themeStyles } from '../core/theme.js';
import { ListWindowController } from './list-controller.js';
import { SegmentIndex } from './segment-index.js';
import { NO_LABELS, SegmentsLayer } from './segments-layer.js';
import type { WindowItem } from './list-window.js';
import type { AudiowaveformJson } from './peaks.js';
import { renderSegmentList, timeRangeText } from './segment-list.js';
import {
  MIN_SEGMENT,
  clampEdge,
  createSegment,
  gapAround,
  mergeSegments,
  rangeOf,
  segmentAt,
  splitSegment,
  transcriptOf,
  withRange,
  withTranscript,
} from './segments.js';
import { formatClock } from './time-format.js';
import { renderToolbar } from './toolbar.js';
import { TranscriptDrafts } from './transcript-drafts.js';
import { RATE_STEP, TransportController, clampRate } from './transport.js';
import { transcriptionPlayerStyles } from './transcription-player.styles.js';
import { CLICK_SLOP, hitOf, type Gesture } from './waveform-gestures.js';
import { WaveformSource } from './waveform-source.js';
import { AXIS_HEIGHT } from './waveform.js';
import { WaveformView } from './waveform-view.js';


/**
 * A transcription player: audio or video with a waveform, a time axis and zoom, segments drawn on
 * the waveform, and a list of their transcripts. Transport keys work while typing a transcript.
 *
 * Keys (the `keymap` property overrides them by action name): Escape play/pause (`togglePlay`),
 * F1/F2 back/forward 1.5 s (`back`, `forward`), F3/F4 slower/faster (`slower`, `faster`),
 * Ctrl+Enter split at the playhead or start a segment there (`split`), Ctrl+M merge the current
 * segment with the next (`merge`) — all of these also while typing. With focus outside a text field:
 * ArrowLeft/Right seek 1 s (`seekBack`, `seekForward`), Home/End (`seekStart`, `seekEnd`), `[`/`]` move the selected segment's start/end
 * to the playhead (`setStart`, `setEnd`), `+`/`-`/`0` zoom in/out/fit, Enter plays the selected
 * segment or accepts a suggestion, L loops it, N next unreviewed suggestion, Tab/Shift+Tab move the
 * selection, Delete removes it, Ctrl+Z / Ctrl+Shift+Z undo/redo, 1–9 or a label's hotkey set the
 * speaker.
 *
 * @fires kolam-create - The user made a segment (drag, Ctrl+Enter, split).
 * @fires kolam-update - A segment changed (edge drag, transcript commit, speaker, accept).
 * @fires kolam-delete - The user removed a segment (Delete, merge).
 * @fires kolam-select - The selected segment changed.
 * @fires kolam-change - After each create, update or delete: the whole set.
 * @fires kolam-error - Bad segments, bad peaks, or media that will not load or decode.
 * @csspart toolbar - The transport bar.
 * @csspart play - The play/pause button.
 * @csspart time - Current time and duration.
 * @csspart rate - The playback-rate select.
 * @csspart zoom - The zoom slider.
 * @csspart video - The video, shown when the media has pictures.
 * @csspart waveform - The scrolling waveform (a slider for the playhead).
 * @csspart segment - A segment on the waveform; also `current`, `selected`.
 * @csspart edge - A draggable segment edge.
 * @csspart playhead - The playhead line.
 * @csspart list - The segment list.
 * @csspart row - A segment's row in the list; also `current`, `selected`.
 * @csspart segment-time - The row's time button (plays the segment).
 * @csspart speaker - The row's speaker select.
 * @csspart transcript - The row's transcript field.
 * @cssprop --kolam-waveform-color - The waveform's colour.
 * @cssprop --kolam-playhead-color - The playhead's colour.
 * @cssprop --kolam-current-segment-color - Background of the list row under the playhead.
 * @cssprop --kolam-waveform-height - Height of the waveform (default 128px).
 * @cssprop --kolam-segment-list-height - Maximum height of the list before it scrolls (default 320px).
 */
@localized()
export class KolamTranscriptionPlayer extends LitElement {
  static override styles = [themeStyles, transcriptionPlayerStyles];

  /** The audio or video to play. */
  @property() src = '';
  /** IRI written to `target.source`; defaults to `src`. */
  @property() source: string | undefined;
  /** Precomputed peaks (audiowaveform JSON, v1/v2, 8/16-bit): a long file then needs no decode. */
  @property({ attribute: false }) peaks: AudiowaveformJson | null = null;
  @property({ attribute: false }) labels: Label[] | undefined;
  @property({ attribute: 'active-label' }) activeLabel: string | undefined;
  @property({ attribute: false }) annotator: Annotator | undefined;
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Overrides key bindings by action name (see the class description). */
  @property({ attribute: false }) keymap: Keymap = {};
  /** 0.5–2, pitch preserved. */
  @property({ type: Number, attribute: 'playback-rate' }) playbackRate = 1;
  /** Seconds to step back on pause. */
  @property({ type: Number, attribute: 'rewind-on-pause' }) rewindOnPause = 1;
  /** Language tag of new transcripts (e.g. `ta`); also the fields' `lang` for spell-check. */
  @property() language: string | undefined;

  @state() private hasVideo = false;
  @state() private ghost: { start: number; end: number } | null = null;

  @query('video') private media!: HTMLVideoElement;
  @query('[part~="waveform"]') private scroller!: HTMLElement;
  @query('.chunks') private chunkLayer!: HTMLElement;
  @query('[part~="list"]') private list!: HTMLElement | null;

  private readonly store = new AnnotationStore(this);
  private readonly labelsCtl = new LabelsController(this);
  private readonly announcer = new Announcer(this);
  private readonly transport = new TransportController(this);
  private readonly keys = new KeyboardController(this);
  private readonly drafts = new TranscriptDrafts(this, (id, text) => this.commitTranscript(id, text));
  private readonly index = new SegmentIndex(this.store, () => (this.gesture?.kind === 'edge' ? this.gesture.segmentId : undefined));
  private readonly segmentsLayer = new SegmentsLayer(this.labelsCtl);
  private listVersion = 0;
  private gesture: Gesture | null = null;
  private readonly waveformSource = new WaveformSource(this);
  private lastCurrentId: string | undefined;
  private readonly rows = new ListWindowController(this, {
    sorted: () => this.sorted,
    // Row order changes only with commits, so a drag in progress keeps the committed version.
    orderVersion: () => (this.store.isGestureActive ? this.listVersion : this.store.version),
    listElement: () => this.list,
  });
  private readonly view = new WaveformView(this, {
    duration: () => this.duration,
    time: () => this.transport.time,
  });

  constructor() {
    super();
    this.defineKeys();
    this.transport.onTick = () => {
      if (!this.gesture) this.view.followPlayhead();
    };
  }

  // ——— public API (CONTRACT §4) ———

  /** The whole set, as JSON copies; rejected input is kept in its place. */
  get annotations(): Annotation[] {
    return copy(this.store.all) as Annotation[];
  }

  set annotations(value: Annotation[]) {
    this.drafts.flushAll();
    const errors = this.store.load(value, { kind: 'segment', labels: this.labelsCtl.labels, duration: this.duration || undefined });
    for (const error of errors) emit(this, 'kolam-error', copy(error));
  }

  get currentTime(): number {
    return this.transport.time;
  }

  set currentTime(time: number) {
    this.transport.seek(time);
  }

  /** The media's duration, else the peaks' (seconds; 0 before either is known). */
  get duration(): number {
    const media = this.transport.duration;
    if (Number.isFinite(media) && media > 0) return media;
    return this.waveformSource.levels?.duration ?? 0;
  }

  /** True once the waveform has peaks to draw (decoded or given). */
  get waveformReady(): boolean {
    return this.waveformSource.levels !== null && this.waveformSource.status === 'ready';
  }

  /** Px per second of the waveform now. */
  get zoom(): number {
    return this.view.pxPerSecond;
  }

  set zoom(pxPerSecond: number) {
    this.view.zoomTo(pxPerSecond, this.view.width / 2);
  }

  play(): void {
    this.transport.play();
  }

  pause(): void {
    this.transport.pause();
  }

  undo(): void {
    this.drafts.flushAll();
    this.store.undo();
  }

  redo(): void {
    this.drafts.flushAll();
    this.store.redo();
  }

  select(id: string | null): void {
    this.store.select(id);
  }

  /** Commits any transcript still being typed (also done on blur, pause in typing, page hide). */
  commitPendingEdits(): void {
    this.drafts.flushAll();
  }

  // ——— lifecycle ———

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('keymap')) this.keys.keymap = this.keymap;
    if (changed.has('playbackRate') && this.media) this.transport.rate = clampRate(this.playbackRate);
    this.transport.rewindOnPause = Math.max(0, Number(this.rewindOnPause) || 0);
    if (changed.has('src') || changed.has('peaks')) {
      this.hasVideo = false;
      this.waveformSource.load(this.src, this.peaks);
    }
    // The list re-renders on commits, not on every move of a drag.
    if (!this.store.isGestureActive) this.listVersion = this.store.version;
    this.followCurrentInList();
  }

  protected override firstUpdated(): void {
    this.transport.attach(this.media);
    this.view.attach(this.scroller, this.chunkLayer);
  }

  protected override updated(): void {
    this.view.paint(this.waveformSource.levels);
  }

  // ——— loading ———

  private onMediaError(): void {
    const error = this.media.error;
    if (!this.src || !error) return;
    this.waveformSource.mediaFailed(msg(str`The media ${this.src} could not be played (${error.message || `code ${error.code}`}).`));
  }

  private onMetadata(): void {
    this.hasVideo = this.media.videoWidth > 0;
    this.transport.rate = clampRate(this.playbackRate);
    this.requestUpdate();
  }

  // ——— segments ———


  private get sorted(): Annotation[] {
    return this.index.sorted;
  }

  private get sourceIri(): string {
    return this.source ?? this.src;
  }

  private get current(): Annotation | undefined {
    return this.index.at(this.transport.time);
  }

  /** The segment an editing key acts on: the one being typed in, else the selection, else the playhead's. */
  private get focusedSegment(): Annotation | undefined {
    const id = this.transcriptField()?.closest('li')?.dataset.id;
    return this.store.get(id) ?? this.store.selected ?? this.current;
  }

  private transcriptField(): HTMLTextAreaElement | null {
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    return active instanceof HTMLTextAreaElement ? active : null;
  }

  private newSegment(range: { start: number; end: number }, text = ''): Annotation {
    return createSegment({
      source: this.sourceIri,
      range,
      labelId: this.labelsCtl.activeLabel,
      annotator: this.labelsCtl.annotator,
      text,
      language: this.language,
    });
  }

  private commitTranscript(id: string, text: string): void {
    const segment = this.store.get(id);
    if (!segment || transcriptOf(segment) === text || this.labelsCtl.readonly) return;
    this.store.update(withTranscript(segment, text, this.language));
  }

  /** Ctrl+Enter: split the segment under the playhead (text at the caret), or start one there. */
  private split(): boolean {
    if (this.labelsCtl.readonly || !this.duration) return false;
    const time = this.transport.time;
    const segment = segmentAt(this.sorted, time);
    const field = this.transcriptField();
    if (segment) {
      const fieldId = field?.closest('li')?.dataset.id;
      const caret = fieldId === segment.id && field ? field.selectionStart : Infinity;
      this.drafts.flush(segment.id);
      const current = this.store.get(segment.id)!;
      const halves = splitSegment(current, time, caret, (range, text) => this.newSegment(range, text));
      if (!halves) return true;
      this.store.batch(() => {
        this.store.update(halves[0]);
        this.store.create(halves[1]);
      });
      this.afterCreate(halves[1], msg(str`Split at ${formatClock(time)}`));
      return true;
    }
    const gap = gapAround(this.sorted, time, this.duration);
    if (gap.end - time < MIN_SEGMENT) return true;
    const created = this.newSegment({ start: time, end: gap.end });
    this.store.create(created);
    this.afterCreate(created, msg(str`Segment started at ${formatClock(time)}`));
    return true;
  }

  private afterCreate(segment: Annotation, announcement: string): void {
    this.store.select(segment.id);
    this.announcer.announce(announcement);
    this.focusRow(segment.id, 0);
  }

  /** Puts the caret in a segment's transcript, bringing its row into the list first. */
  private focusRow(id: string, caret: number): void {
    this.rows.focusedId = id;
    this.rows.reveal(id);
    void this.updateComplete.then(() => {
      const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`li[data-id="${CSS.escape(id)}"] textarea`);
      field?.focus();
      field?.setSelectionRange(caret, caret);
    });
  }

  /** Ctrl+M: merge the current segment with the next one, as one edit. */
  private merge(): boolean {
    const segment = this.focusedSegment;
    if (!segment || this.labelsCtl.readonly) return false;
    const sorted = this.sorted;
    const next = sorted[sorted.indexOf(segment) + 1];
    if (!next) return true;
    this.drafts.flush(segment.id);
    this.drafts.flush(next.id);
    const first = this.store.get(segment.id)!;
    const joinAt = transcriptOf(first).length;
    const merged = mergeSegments(first, this.store.get(next.id)!);
    this.store.batch(() => {
      this.store.update(merged);
      this.store.remove(next.id);
    });
    this.store.select(merged.id);
    this.announcer.announce(msg(str`Merged into ${timeRangeText(merged)}`));
    this.focusRow(merged.id, joinAt);
    return true;
  }

  private setEdge(edge: 'start' | 'end'): boolean {
    const segment = this.store.selected;
    if (!segment || this.labelsCtl.readonly) return false;
    const range = clampEdge(this.sorted, segment, edge, this.transport.time, this.duration);
    this.store.update(withRange(segment, range));
    return true;
  }

  private moveSelection(step: 1 | -1): boolean {
    const sorted = this.sorted;
    if (sorted.length === 0) return false;
    const index = this.store.selected ? sorted.indexOf(this.store.selected) + step : step > 0 ? 0 : sorted.length - 1;
    // Past either end, Tab leaves the element as usual.
    if (index < 0 || index >= sorted.length) return false;
    this.store.select(sorted[index].id);
    this.view.reveal(rangeOf(sorted[index]).start);
    return true;
  }

  private nextSuggestion(): boolean {
    const pending = this.sorted.filter(isSuggestion).sort((a, b) => (scoreOf(a) ?? 0) - (scoreOf(b) ?? 0));
    const next = pending.find((a) => a.id !== this.store.selectedId) ?? pending[0];
    if (!next) return false;
    this.store.select(next.id);
    this.transport.seek(rangeOf(next).start);
    this.view.reveal(rangeOf(next).start);
    return true;
  }

  private relabel(segment: Annotation, labelId: string): void {
    if (this.labelsCtl.readonly || !labelId || labelIdOf(segment) === labelId) return;
    this.store.update(withLabel(this.store.get(segment.id) ?? segment, labelId));
  }

  // ——— keys ———

  private defineKeys(): void {
    const typing = { whileTyping: true };
    this.keys.define({
      togglePlay: {
        keys: ['Escape'],
        ...typing,
        run: () => {
          if (this.gesture || this.store.isGestureActive) this.cancelGesture();
          else this.transport.toggle();
        },
      },
      back: { keys: ['F1'], ...typing, run: () => this.transport.skip(-1.5) },
      forward: { keys: ['F2'], ...typing, run: () => this.transport.skip(1.5) },
      slower: { keys: ['F3'], ...typing, run: () => this.changeRate(-RATE_STEP) },
      faster: { keys: ['F4'], ...typing, run: () => this.changeRate(RATE_STEP) },
      split: { keys: ['Ctrl+Enter', 'Mod+Enter'], ...typing, repeat: false, run: () => this.split() },
      merge: { keys: ['Ctrl+m'], ...typing, repeat: false, run: () => this.merge() },
      undo: { keys: ['Mod+z'], run: () => this.undo() },
      redo: { keys: ['Mod+Shift+z', 'Ctrl+y'], run: () => this.redo() },
      remove: {
        keys: ['Delete', 'Backspace'],
        run: () => {
          const id = this.store.selectedId;
          if (!id || this.labelsCtl.readonly) return false;
          this.drafts.discard(id);
          this.store.remove(id);
          return true;
        },
      },
      next: { keys: ['Tab'], run: () => this.moveSelection(1) },
      previous: { keys: ['Shift+Tab'], run: () => this.moveSelection(-1) },
      seekBack: { keys: ['ArrowLeft'], run: () => this.transport.skip(-1) },
      seekForward: { keys: ['ArrowRight'], run: () => this.transport.skip(1) },
      seekStart: { keys: ['Home'], run: () => this.transport.seek(0) },
      seekEnd: { keys: ['End'], run: () => this.transport.seek(this.duration) },
      setStart: { keys: ['['], run: () => this.setEdge('start') },
      setEnd: { keys: [']'], run: () => this.setEdge('end') },
      zoomIn: { keys: ['+', '='], run: () => this.view.zoomTo(this.view.pxPerSecond * 1.5, this.view.playheadAnchor()) },
      zoomOut: { keys: ['-'], run: () => this.view.zoomTo(this.view.pxPerSecond / 1.5, this.view.playheadAnchor()) },
      zoomFit: { keys: ['0'], run: () => this.view.zoomTo(0, 0) },
      playSelected: {
        keys: ['Enter'],
        run: () => {
          const segment = this.store.selected;
          if (!segment) return false;
          if (isSuggestion(segment) && !this.labelsCtl.readonly) {
            this.store.update(acceptSuggestion(segment, this.labelsCtl.annotator));
            this.announcer.announce(msg('Suggestion accepted'));
          } else this.transport.playRange(rangeOf(segment).start, rangeOf(segment).end);
          return true;
        },
      },
      loop: { keys: ['l'], run: () => this.toggleLoop() },
      nextSuggestion: { keys: ['n'], run: () => this.nextSuggestion() },
    });
    this.keys.fallback = (event, typing) => {
      if (typing) return false;
      const label = this.labelsCtl.labelForKey(event);
      if (!label) return false;
      const selected = this.store.selected;
      if (selected) this.relabel(selected, label.id);
      else this.labelsCtl.setActive(label.id);
      return true;
    };
  }

  private changeRate(step: number): void {
    this.playbackRate = clampRate(Math.round((this.transport.rate + step) / RATE_STEP) * RATE_STEP);
    this.announcer.announce(msg(str`Speed ${this.playbackRate}×`));
  }

  private toggleLoop(): boolean {
    if (this.transport.looping) {
      this.transport.stopLoop();
      return true;
    }
    const segment = this.store.selected ?? this.current;
    if (!segment) return false;
    this.transport.playRange(rangeOf(segment).start, rangeOf(segment).end, true);
    return true;
  }

  // ——— pointer ———

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || !this.duration) return;
    const scrollerRect = this.scroller.getBoundingClientRect();
    // The scrollbar is the browser's.
    if (event.clientY > scrollerRect.top + this.scroller.clientHeight) return;
    const hit = hitOf(event.composedPath());
    const time = this.view.timeAt(event.clientX);
    this.scroller.focus({ preventScroll: true });
    if (hit.segmentId && hit.edge && !this.labelsCtl.readonly) {
      const segment = this.store.get(hit.segmentId)!;
      // Neighbours do not move during the drag: find the edge's limits once.
      const low = clampEdge(this.sorted, segment, hit.edge, -Infinity, this.duration);
      const high = clampEdge(this.sorted, segment, hit.edge, Infinity, this.duration);
      this.gesture = { kind: 'edge', segmentId: hit.segmentId, edge: hit.edge, min: low[hit.edge], max: high[hit.edge] };
      this.store.select(hit.segmentId);
    } else {
      this.gesture = { kind: 'press', x: event.clientX, time, segmentId: hit.segmentId };
    }
    this.scroller.setPointerCapture(event.pointerId);
    event.preventDefault();
  }

  private onPointerMove(event: PointerEvent): void {
    const gesture = this.gesture;
    if (!gesture) return;
    const time = this.view.timeAt(event.clientX);
    if (gesture.kind === 'press') {
      if (Math.abs(event.clientX - gesture.x) < CLICK_SLOP || this.labelsCtl.readonly) return;
      this.gesture = { kind: 'create', x: gesture.x, anchor: gesture.time };
    }
    const now = this.gesture!;
    if (now.kind === 'create') {
      const gap = gapAround(this.sorted, now.anchor, this.duration);
      const t = Math.max(gap.start, Math.min(gap.end, time));
      this.ghost = { start: Math.min(now.anchor, t), end: Math.max(now.anchor, t) };
    } else if (now.kind === 'edge') {
      const segment = this.store.get(now.segmentId);
      if (!segment) return;
      const t = Math.min(now.max, Math.max(now.min, time));
      this.store.preview(withRange(segment, now.edge === 'start' ? { start: t, end: rangeOf(segment).end } : { start: rangeOf(segment).start, end: t }));
    }
  }

  private onPointerUp(event: PointerEvent): void {
    const gesture = this.gesture;
    this.gesture = null;
    if (!gesture) return;
    if (gesture.kind === 'edge') {
      this.store.commitGesture();
    } else if (gesture.kind === 'create') {
      const ghost = this.ghost;
      this.ghost = null;
      if (ghost && ghost.end - ghost.start >= MIN_SEGMENT) {
        const created = this.newSegment(ghost);
        this.store.create(created);
        this.store.select(created.id);
        this.announcer.announce(msg(str`Segment created ${timeRangeText(created)}`));
      }
    } else {
      this.transport.seek(this.view.timeAt(event.clientX));
      this.store.select(gesture.segmentId);
    }
  }

  private cancelGesture(): void {
    this.gesture = null;
    this.ghost = null;
    this.store.cancelGesture();
  }

  // ——— rendering ———

  private renderToolbar() {
    return renderToolbar({
      playing: this.transport.playing,
      time: this.transport.time,
      duration: this.duration,
      rate: clampRate(this.playbackRate),
      looping: this.transport.looping,
      zoomLevel: this.view.zoomLevel,
      toggle: () => this.transport.toggle(),
      skip: (seconds) => this.transport.skip(seconds),
      setRate: (rate) => (this.playbackRate = rate),
      toggleLoop: () => this.toggleLoop(),
      setZoomLevel: (level) => (this.view.zoomLevel = level),
    });
  }

  /** While the playhead moves, its segment's row stays in view. */
  private followCurrentInList(): void {
    const currentId = this.current?.id;
    if (currentId === this.lastCurrentId) return;
    this.lastCurrentId = currentId;
    if (currentId) this.rows.reveal(currentId);
  }

  private renderList(currentId: string | undefined) {
    const labels = this.labelsCtl;
    // The selected row stays rendered too, so Tab through segments always lands on a row.
    const { items, windowKey } = this.rows.rows([this.store.selectedId]);
    // The controller hands out a fresh [] when there are no labels; one constant keeps the guard shut.
    const labelList = labels.labels.length ? labels.labels : NO_LABELS;
    return guard([this.listVersion, currentId, this.store.selectedId, labelList, labels.readonly, this.language, windowKey], () => {
      this.rows.markRendered();
      return this.renderListRows(items, this.sorted.length, currentId);
    });
  }

  private renderListRows(items: WindowItem<Annotation>[], total: number, currentId: string | undefined) {
    const labels = this.labelsCtl;
    return renderSegmentList({
        items,
        total,
        currentId,
        selectedId: this.store.selectedId,
        readonly: labels.readonly,
        labels: labels.labels,
        language: this.language,
        colorOf: (id) => labels.colorOf(id),
        draftOf: (id) => this.drafts.get(id),
        play: (segment) => this.transport.playRange(rangeOf(segment).start, rangeOf(segment).end),
        focus: (segment) => {
          this.rows.focusedId = segment.id;
          this.store.select(segment.id);
        },
        input: (segment, event) => this.drafts.input(segment.id, (event.target as HTMLTextAreaElement).value, event.isComposing),
        blur: (segment) => {
          this.drafts.flush(segment.id);
          if (this.rows.focusedId === segment.id) this.rows.focusedId = null;
        },
        compositionEnd: () => this.drafts.compositionEnd(),
        relabel: (segment, labelId) => this.relabel(segment, labelId),
        scroll: (list) => this.rows.onScroll(list),
      });
  }

  override render() {
    const px = this.view.pxPerSecond;
    const duration = this.duration;
    const currentId = this.current?.id;
    const width = Math.max(this.view.width, Math.ceil(duration * px));
    const time = this.transport.time;
    const status = this.waveformSource.status;
    const statusText =
      status === 'loading' ? msg('Loading waveform…') : status === 'error' ? msg('The media could not be loaded.') : '';
    return html`
      <video
        part="video"
        src=${ifDefined(this.src || undefined)}
        preload="auto"
        playsinline
        ?hidden=${!this.hasVideo}
        @loadedmetadata=${this.onMetadata}
        @error=${this.onMediaError}
      ></video>
      ${this.renderToolbar()}
      <div
        part="waveform"
        data-layer="waveform"
        tabindex="0"
        role="slider"
        aria-label=${msg('Waveform and playhead')}
        aria-valuemin="0"
        aria-valuemax=${Math.round(duration * 10) / 10}
        aria-valuenow=${Math.round(time * 10) / 10}
        aria-valuetext=${msg(str`${formatClock(time)} of ${formatClock(duration)}`)}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${() => this.cancelGesture()}
        @wheel=${this.view.onWheel}
        @scroll=${this.view.onScroll}
      >
        <div class="content" style="width:${width}px">
          <div class="chunks"></div>
          ${this.segmentsLayer.render(this.sorted, this.index.longest, this.view.left, this.view.width, px, currentId, this.store.selectedId)}
          ${this.ghost
            ? html`<div part="segment" class="ghost" style="left:${this.ghost.start * px}px;width:${(this.ghost.end - this.ghost.start) * px}px;--_color:${this.labelsCtl.colorOf(this.labelsCtl.activeLabel)}"></div>`
            : nothing}
          <div part="playhead" style="transform:translateX(${time * px}px)"></div>
        </div>
        ${statusText ? html`<div class="status ${status}" style="top:${AXIS_HEIGHT}px">${statusText}</div>` : nothing}
      </div>
      ${this.renderList(currentId)} ${this.announcer.render()}
      <span class="probe wave"></span><span class="probe axis"></span><span class="probe text"></span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-transcription-player': KolamTranscriptionPlayer;
  }
}
