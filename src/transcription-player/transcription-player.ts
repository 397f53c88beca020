import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { cssom } from '../core/cssom-style.js';
import { adoptEarlyProperties } from '../core/early-properties.js';
import { plainOrAsGiven } from '../core/plain-data.js';
import type { ReviewState } from '../core/review.js';
import { checkNumber, reportLater } from '../core/host-values.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { copy, isSuggestion, type Annotation, type Annotator, type Label } from '../core/annotation.js';
import { Announcer } from '../core/announcer.js';
import type { Keymap } from '../core/keyboard.js';
import { localized, msg, str } from '../core/localize.js';
import { themeStyles } from '../core/theme.js';
import { EditingSlot, keySnapshot, pointerSnapshot } from './editing-slot.js';
import type { AudiowaveformJson } from './peaks.js';
import { formatClock } from './time-format.js';
import { OverviewSlot } from './overview-slot.js';
import { renderToolbar } from './toolbar.js';
import { MAX_RATE, MIN_RATE, TransportController, clampRate } from './transport.js';
import { transcriptionPlayerStyles } from './transcription-player.styles.js';
import { WaveformSource } from './waveform-source.js';
import { WaveformView } from './waveform-view.js';
import { AXIS_HEIGHT } from './waveform.js';

/**
 * @tagname kolam-transcription-player
 * A transcription player: audio or video with a waveform, a time axis and zoom, segments drawn on
 * the waveform, and a list of their transcripts. Transport keys work while typing a transcript.
 *
 * Keys (the `keymap` property overrides them by action name): Escape play/pause (`togglePlay`),
 * F1/F2 back/forward 1.5 s (`back`, `forward`), F3/F4 slower/faster (`slower`, `faster`),
 * Ctrl+Enter split at the playhead or start a segment there (`split`), Ctrl+M merge the current
 * segment with the next (`merge`), and in a transcript too long for one field Alt+PageDown/PageUp
 * the next/previous part (`nextPart`, `previousPart`) — all of these also while typing. With focus outside a text field:
 * ArrowLeft/Right seek 1 s (`seekBack`, `seekForward`), Home/End (`seekStart`, `seekEnd`), `[`/`]` move the selected segment's start/end
 * to the playhead (`setStart`, `setEnd`), `+`/`-`/`0` zoom in/out/fit, Enter plays the selected
 * segment or accepts a suggestion, L loops it (`loop`), Tab/Shift+Tab on the waveform move the
 * selection and leave past the last, Delete removes it (`delete`), Ctrl+Z / Ctrl+Shift+Z undo/redo,
 * 1–9 or a label's hotkey set the speaker. Review of a model's suggestions (the same in every
 * tool): N / Shift+N next / previous in `review-order` (`nextSuggestion`, `previousSuggestion`),
 * A accept (`accept`), X reject (`reject`), a label key relabels, Shift+Enter accepts all at or
 * above `accept-threshold` (`acceptAll`).
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
 * @csspart overview - The strip of the whole recording (view window, segments, playhead), shown when zoomed in.
 * @csspart reveal-playhead - The button that scrolls back to a playhead out of view.
 * @csspart review - The review bar (shown while there are suggestions): progress and alternatives.
 * @csspart review-progress - "12 of 40 reviewed · 3 rejected".
 * @csspart alternatives - The selected suggestion's choices, best first, with scores and keys.
 * @csspart row - A segment's row in the list; also `current`, `selected`.
 * @csspart segment-time - The row's time button (plays the segment).
 * @csspart speaker - The row's speaker select.
 * @csspart transcript - The row's transcript field.
 * @csspart transcript-parts - Under a very long transcript's field: which part it shows, and buttons to the previous and next.
 * @cssprop --kolam-waveform-color - The waveform's colour.
 * @cssprop --kolam-playhead-color - The playhead's colour.
 * @cssprop --kolam-current-segment-color - Background of the list row under the playhead.
 * @cssprop --kolam-waveform-height - Height of the waveform (default 128px).
 * @cssprop --kolam-segment-list-height - Maximum height of the list before it scrolls (default 320px).
 */
@localized()
export class KolamTranscriptionPlayer extends LitElement {
  // Declared here rather than by decorators: the entry then carries no decorator runtime.
  static override properties = {
    src: {},
    source: {},
    // An accessor of the class's own (below): Lit wraps it, so setting it still updates.
    peaks: { attribute: false },
    labels: { attribute: false },
    activeLabel: { attribute: 'active-label' },
    annotator: { attribute: false },
    readonly: { type: Boolean, reflect: true },
    keymap: { attribute: false },
    playbackRate: { type: Number, attribute: 'playback-rate' },
    rewindOnPause: { type: Number, attribute: 'rewind-on-pause' },
    reviewOrder: { attribute: 'review-order' },
    acceptThreshold: { type: Number, attribute: 'accept-threshold' },
    language: {},
  };

  static override styles = [themeStyles, transcriptionPlayerStyles];

  /** The audio or video to play. */
  src = '';
  /** IRI written to `target.source`; defaults to `src`. */
  source: string | undefined;
  /**
   * Precomputed peaks (audiowaveform JSON, v1/v2, 8/16-bit): a long file then needs no decode.
   * Without them, once `src` is decoded this gives the decoded peaks (JSON v2) for the host to store.
   */
  get peaks(): AudiowaveformJson | null {
    return this.givenPeaks ?? this.waveformSource.decodedJson;
  }

  set peaks(value: AudiowaveformJson | null) {
    this.givenPeaks = value ?? null;
  }

  private givenPeaks: AudiowaveformJson | null = null;
  labels: Label[] | undefined;
  activeLabel: string | undefined;
  annotator: Annotator | undefined;
  readonly = false;
  /** Overrides key bindings by action name (see the class description). */
  keymap: Keymap = {};
  /** 0.5–2, pitch preserved. */
  playbackRate = 1;
  /** Seconds to step back on pause. */
  rewindOnPause = 1;
  /** Order of review (N): `margin` (default, most confused first), `score` (lowest first) or `reading`. */
  reviewOrder: string | undefined;
  /** Shift+Enter accepts every pending suggestion scored at or above this; unset: none. */
  acceptThreshold: number | undefined;
  /** Language tag of new transcripts (e.g. `ta`); also the fields' `lang` for spell-check. */
  language: string | undefined;

  /** Set on load (then rendered by that update) and on metadata (which asks for an update). */
  private hasVideo = false;

  private get media(): HTMLVideoElement {
    return this.renderRoot?.querySelector('video') as HTMLVideoElement;
  }

  private readonly announcer = new Announcer(this);
  private readonly transport = new TransportController(this);
  /** A host's `annotations` before the segments' code is here: kept as given, loaded when it is. */
  private given: { value: unknown } | undefined;
  // Where the view is: a long file's window there is decoded next.
  private readonly waveformSource = new WaveformSource(this, () => (this.view.pxPerSecond > 0 ? this.view.left / this.view.pxPerSecond : null));
  private lastCurrentId: string | undefined;
  private readonly view = new WaveformView(this, {
    duration: () => this.duration,
    time: () => this.transport.time,
  });
  private readonly overview = new OverviewSlot(this, this.view, {
    duration: () => this.duration,
    time: () => this.transport.time,
    levels: () => this.waveformSource.levels,
    segments: () => this.sorted,
    colorOf: (id) => this.editing.ready?.segments.look.colorOf(id) ?? '',
  });
  /** The segments, the list, keys, gestures, drafts and segment actions: fetched while the first screen is drawn (editing-slot.ts). */
  private readonly editing: EditingSlot = new EditingSlot(
    this,
    ({ startEditing }) => {
      this.keymapGiven = this.keymap;
      return startEditing(
        this,
        {
          announcer: this.announcer,
          transport: this.transport,
          view: this.view,
          duration: () => this.duration,
          language: () => this.language,
          source: () => this.source ?? this.src,
          playable: () => this.waveformSource.status !== 'error',
        },
        this.keymap,
      );
    },
    () => {
      const given = this.given;
      this.given = undefined;
      if (given) this.annotations = given.value as Annotation[];
    },
  );
  /** The keymap the editing code last got: each value a host sets is checked (and reported) once. */
  private keymapGiven: unknown;


  constructor() {
    super();
    this.transport.onTick = () => {
      if (!this.editing.ready?.gestures.active) this.view.followPlayhead();
    };
    // A key pressed before the editing code is here waits for it (Tab still moves focus at once).
    this.addEventListener('keydown', (event) => {
      if (this.editing.ready || event.isComposing || event.key === 'Process' || event.key === 'Tab') return;
      const key = keySnapshot(event);
      this.editing.run((editing) => editing.keys.handle(key));
    });
  }

  // ——— public API (CONTRACT §4) ———

  /**
   * The whole set, as JSON copies; rejected input is kept in its place. Reading it gives what the
   * annotator sees: a transcript still being typed is committed first (one `kolam-update`), so a
   * host's own Save button never misses the last words. An IME composition in progress is not
   * committed half-way; it is committed when it ends.
   */
  get annotations(): Annotation[] {
    const editing = this.editing.ready;
    if (!editing) return givenCopy(this.given);
    editing.drafts.flushUnlessComposing();
    return editing.segments.all;
  }

  /**
   * Replaces the set. A transcript being typed is kept in its field and committed to the segment
   * of the same id when the annotator stops typing (a host re-rendering mid-word loses nothing).
   */
  set annotations(value: Annotation[]) {
    const editing = this.editing.ready;
    if (!editing) {
      // Read now (a host may change its array later), loaded once the code is here: a connected
      // player is fetching it (after a failed fetch, the next key or press tries again).
      this.given = { value: plainOrAsGiven(value) };
      return;
    }
    const { store } = editing.segments;
    editing.segments.load(value, this.duration);
    editing.drafts.keepOnly((id) => store.get(id) !== undefined);
    editing.pieces.keepOnly((id) => store.get(id) !== undefined);
  }

  /** Review counts `{ pending, accepted, rejected, relabeled }` (CONTRACT §8). */
  get reviewState(): ReviewState {
    const state = this.editing.ready?.review.state;
    if (state) return state;
    // Before the editing code (and the review's) is here, every suggestion in the set is pending.
    const pending = givenCopy(this.given).filter((a) => typeof a === 'object' && a !== null && isSuggestion(a)).length;
    return { pending, accepted: 0, rejected: 0, relabeled: 0 };
  }

  get currentTime(): number {
    return this.transport.time;
  }

  set currentTime(time: number) {
    const { value, errors } = checkNumber('currentTime', time, this.transport.time, 0);
    reportLater(this, errors);
    this.transport.seek(value);
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

  // Before the editing code is here nothing has been edited: there is nothing to undo.
  undo(): void {
    this.editing.ready?.drafts.flushAll();
    this.editing.ready?.segments.store.undo();
  }

  redo(): void {
    this.editing.ready?.drafts.flushAll();
    this.editing.ready?.segments.store.redo();
  }

  /**
   * Focuses the waveform, where the keys work (CONTRACT §4: the element is focusable). Not
   * `delegatesFocus`, which would also move focus on clicks anywhere in the shadow root.
   */
  override focus(options?: FocusOptions): void {
    const waveform = this.renderRoot?.querySelector<HTMLElement>('[part~="waveform"]');
    if (waveform) waveform.focus(options);
    else super.focus(options);
  }

  select(id: string | null): void {
    this.editing.run(({ segments }) => segments.store.select(id));
  }

  /** Commits any transcript still being typed (also done on blur, pause in typing, page hide). */
  commitPendingEdits(): void {
    this.editing.ready?.drafts.flushAll();
  }

  // ——— lifecycle ———

  /**
   * Also waits for the review code when the set has suggestions, so the review bar is drawn, for
   * the overview strip's code once it is shown, and for the list's scroll to a row (applied after
   * the frame's layout, see list-controller.ts).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    await this.editing.settled();
    const review = this.editing.ready?.review;
    if (review) done = await review.settled(done);
    await this.overview.settled();
    await this.editing.ready?.rows.scrolled();
    return done;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptEarlyProperties(this, ['annotations', 'currentTime', 'zoom']);
    // The segments' code is fetched while the first screen is drawn (or is here from an earlier player).
    this.editing.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.editing.ready && this.keymap !== this.keymapGiven) {
      this.keymapGiven = this.keymap;
      this.editing.ready.keys.keymap = this.keymap;
    }
    // Typed as the annotator could edit: made read-only mid-word, the words typed are theirs.
    if (changed.has('readonly') && this.readonly) this.editing.ready?.drafts.flushAll();
    if (changed.has('playbackRate')) {
      const { value, errors } = checkNumber('playbackRate', this.playbackRate, 1, MIN_RATE, MAX_RATE);
      reportLater(this, errors);
      this.playbackRate = value;
      if (this.media) this.transport.rate = value;
    }
    if (changed.has('rewindOnPause')) {
      const { value, errors } = checkNumber('rewindOnPause', this.rewindOnPause, 1, 0, 60);
      reportLater(this, errors);
      this.rewindOnPause = value;
    }
    this.transport.rewindOnPause = this.rewindOnPause;
    if (changed.has('src') || changed.has('peaks')) {
      this.hasVideo = false;
      this.waveformSource.load(this.src, this.givenPeaks);
    }
    // The list re-renders on commits, not on every move of a drag.
    this.editing.ready?.segments.willUpdate();
    this.followCurrentInList();
  }

  protected override firstUpdated(): void {
    this.transport.attach(this.media);
    this.view.attach(this.renderRoot);
  }

  protected override updated(): void {
    this.view.paint(this.waveformSource.levels);
    this.overview.paint();
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

  // ——— pointer on the waveform (gesture-controller.ts, in the editing code) ———

  /** A press before the editing code is here: captured and kept from selecting text now, applied once it is. */
  private readonly onPointerDown = (event: PointerEvent): void => {
    const gestures = this.editing.ready?.gestures;
    if (gestures) return gestures.onPointerDown(event);
    if (this.editing.failed) {
      // Without the editing code a click still seeks (and asks for the code again).
      if (event.button === 0) this.transport.seek(this.view.timeAt(event.clientX));
      return this.editing.load();
    }
    const scroller = this.view.scroller;
    // Not a press the gestures take: another button, nothing to place it on, the browser's scrollbar.
    if (event.button !== 0 || !this.duration || event.clientY > scroller.getBoundingClientRect().top + scroller.clientHeight) return;
    scroller.focus({ preventScroll: true });
    scroller.setPointerCapture(event.pointerId);
    event.preventDefault();
    this.heldPress = true;
    const press = pointerSnapshot(event);
    this.editing.run(({ gestures }) => gestures.onPointerDown(press));
  };

  /** Move, release and cancel, each to the gesture's own handler (in order after a held press). */
  private readonly onPointerMove = (event: PointerEvent): void => {
    const handler = { pointermove: 'onPointerMove', pointerup: 'onPointerUp', pointercancel: 'cancel' }[event.type] as 'onPointerMove' | 'onPointerUp' | 'cancel';
    const gestures = this.editing.ready?.gestures;
    if (gestures && !this.heldPress) return gestures[handler](event);
    if (!this.heldPress) return;
    if (event.type !== 'pointermove') this.heldPress = false;
    const pointer = pointerSnapshot(event);
    this.editing.run(({ gestures }) => gestures[handler](pointer));
  };

  private heldPress = false;

  // ——— segments ———

  /** The segments in time order: none before their code is here (the host's are kept, see `given`). */
  private get sorted(): readonly Annotation[] {
    return this.editing.ready?.segments.index.sorted ?? [];
  }

  private get current(): Annotation | undefined {
    return this.editing.ready?.segments.index.at(this.transport.time);
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
      disabled: this.waveformSource.status === 'error',
      toggle: () => this.transport.toggle(),
      skip: (seconds) => this.transport.skip(seconds),
      setRate: (rate) => (this.playbackRate = rate),
      toggleLoop: () => this.editing.run((editing) => editing.editor.toggleLoop()),
      setZoomLevel: (level) => (this.view.zoomLevel = level),
    });
  }

  /** While the playhead moves, its segment's row stays in view. */
  private followCurrentInList(): void {
    const rows = this.editing.ready?.rows;
    const currentId = this.current?.id;
    // Until the list is here there is nothing to scroll: it is revealed once the list is drawn.
    if (currentId === this.lastCurrentId || !rows) return;
    this.lastCurrentId = currentId;
    if (currentId) rows.reveal(currentId);
  }

  /** The list is in the editing code: until it is here, its place says so. */
  private renderList(currentId: string | undefined) {
    const editing = this.editing.ready;
    if (editing) return editing.list.render(currentId);
    return this.editing.failed
      ? html`<p part="list" class="empty error" role="alert">${msg('The segments and their editing could not be loaded.')}</p>`
      : html`<p part="list" class="empty" aria-busy="true">${msg('Loading segments…')}</p>`;
  }

  override render() {
    const px = this.view.pxPerSecond;
    const duration = this.duration;
    const currentId = this.current?.id;
    const width = Math.max(this.view.width, Math.ceil(duration * px));
    const time = this.transport.time;
    const status = this.waveformSource.status;
    // With no audio there is no time to place anything on: no segment, playhead or ghost is drawn
    // there (they would be empty blocks on a blank strip); the list still shows every segment.
    const failed = status === 'error';
    const statusText =
      status === 'loading' ? `${msg('Loading waveform…')} ${this.waveformSource.percent}` : failed ? msg('The media could not be loaded.') : '';
    // preload "metadata", Chromium's own default, not "auto": the media buffers where it plays, not
    // ~30 s ahead of every paused seek on the main thread (seek p95 44.8 → 20.9 ms, bench:player), and
    // an hour of MP3 with its peaks given holds 22 MB of renderer memory over before, not 30.
    return html`
      <video
        part="video"
        src=${ifDefined(this.src || undefined)}
        preload="metadata"
        playsinline
        ?hidden=${!this.hasVideo}
        @loadedmetadata=${this.onMetadata}
        @error=${this.onMediaError}
      ></video>
      ${this.renderToolbar()} ${this.editing.ready?.review.render(this.editing.ready.segments.store.selected) ?? nothing}
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
        aria-disabled=${ifDefined(failed ? 'true' : undefined)}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerMove}
        @pointercancel=${this.onPointerMove}
        @wheel=${this.view.onWheel}
        @scroll=${this.view.onScroll}
      >
        <div class="content" ${cssom({ width: `${width}px` })}>
          <div class="chunks"></div>
          ${failed ? nothing : this.renderOnWave(px, currentId)}
        </div>
        ${statusText
          ? html`<div class="status ${status}" ${cssom({ top: `${AXIS_HEIGHT}px` })}>
              <span>${statusText}</span>
              ${failed && this.sorted.length ? html`<span class="status-hint">${msg('Its segments are listed below.')}</span>` : nothing}
            </div>`
          : nothing}
      </div>
      ${this.overview.render()} ${this.renderList(currentId)} ${this.announcer.render()}
      <span class="probe wave"></span><span class="probe axis"></span><span class="probe text"></span>
    `;
  }

  /** What is drawn over the waveform: the segments and a segment being drawn (once their code is here), the playhead. */
  private renderOnWave(px: number, currentId: string | undefined) {
    const editing = this.editing.ready;
    return html`${editing ? [editing.segments.render(this.view, currentId), editing.gestures.renderGhost()] : nothing}
          <div part="playhead" ${cssom({ transform: `translateX(${this.transport.time * px}px)` })}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-transcription-player': KolamTranscriptionPlayer;
  }
}

/** What `annotations` gives before the segments' code is here: the host's own, read as plain data and copied. */
function givenCopy(given: { value: unknown } | undefined): Annotation[] {
  try {
    return Array.isArray(given?.value) ? copy(given.value as Annotation[]) : [];
  } catch {
    return [];
  }
}
