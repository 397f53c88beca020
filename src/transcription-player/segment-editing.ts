/**
 * What the editing keys and the list do to segments: create, split at the playhead (the transcript
 * at the caret), merge with the next, move an edge to the playhead, relabel, commit a transcript,
 * remove, accept a suggestion, move the selection, and play or loop the selected segment. Each
 * change is one undoable store edit; the element only wires keys and events to these.
 */
import type { LitElement } from 'lit';
import { acceptSuggestion, isSuggestion, labelIdOf, scoreOf, withLabel, type Annotation } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import type { PlayerParts } from './player-parts.js';
import { timeRangeText } from './segment-list.js';
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

export class SegmentEditor {
  constructor(
    private readonly host: LitElement,
    private readonly tool: PlayerParts,
  ) {}

  /** The segment an editing key acts on: the one being typed in, else the selection, else the playhead's. */
  private get focusedSegment(): Annotation | undefined {
    const { store, index, transport } = this.tool;
    const id = this.transcriptField()?.closest('li')?.dataset.id;
    return store.get(id) ?? store.selected ?? index.at(transport.time);
  }

  private transcriptField(): HTMLTextAreaElement | null {
    const root = this.host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    return active instanceof HTMLTextAreaElement ? active : null;
  }

  newSegment(range: { start: number; end: number }, text = ''): Annotation {
    const { labels } = this.tool;
    return createSegment({
      source: this.tool.source(),
      range,
      labelId: labels.activeLabel,
      annotator: labels.annotator,
      text,
      language: this.tool.language(),
    });
  }

  /** Stores a transcript draft as one edit. */
  commitTranscript(id: string, text: string): void {
    const { store } = this.tool;
    const segment = store.get(id);
    if (!segment || transcriptOf(segment) === text || this.tool.labels.readonly) return;
    store.update(withTranscript(segment, text, this.tool.language()));
  }

  /** Ctrl+Enter: split the segment under the playhead (text at the caret), or start one there. */
  split(): boolean {
    const { store, transport, drafts, index } = this.tool;
    const duration = this.tool.duration();
    if (this.tool.labels.readonly || !duration) return false;
    const time = transport.time;
    const segment = segmentAt(index.sorted, time);
    const field = this.transcriptField();
    if (segment) {
      const fieldId = field?.closest('li')?.dataset.id;
      const caret = fieldId === segment.id && field ? field.selectionStart : Infinity;
      drafts.flush(segment.id);
      const current = store.get(segment.id)!;
      const halves = splitSegment(current, time, caret, (range, text) => this.newSegment(range, text));
      if (!halves) return true;
      store.batch(() => {
        store.update(halves[0]);
        store.create(halves[1]);
      });
      this.afterCreate(halves[1], msg(str`Split at ${formatClock(time)}`));
      return true;
    }
    const gap = gapAround(index.sorted, time, duration);
    if (gap.end - time < MIN_SEGMENT) return true;
    const created = this.newSegment({ start: time, end: gap.end });
    store.create(created);
    this.afterCreate(created, msg(str`Segment started at ${formatClock(time)}`));
    return true;
  }

  private afterCreate(segment: Annotation, announcement: string): void {
    this.tool.store.select(segment.id);
    this.tool.announcer.announce(announcement);
    this.focusRow(segment.id, 0);
  }

  /** Puts the caret in a segment's transcript, bringing its row into the list first. */
  private focusRow(id: string, caret: number): void {
    const { rows } = this.tool;
    rows.focusedId = id;
    rows.reveal(id);
    void this.host.updateComplete.then(() => {
      const field = this.host.renderRoot.querySelector<HTMLTextAreaElement>(`li[data-id="${CSS.escape(id)}"] textarea`);
      field?.focus();
      field?.setSelectionRange(caret, caret);
    });
  }

  /** Ctrl+M: merge the current segment with the next one, as one edit. */
  merge(): boolean {
    const { store, drafts } = this.tool;
    const segment = this.focusedSegment;
    if (!segment || this.tool.labels.readonly) return false;
    const sorted = this.tool.index.sorted;
    const next = sorted[sorted.indexOf(segment) + 1];
    if (!next) return true;
    drafts.flush(segment.id);
    drafts.flush(next.id);
    const first = store.get(segment.id)!;
    const joinAt = transcriptOf(first).length;
    const merged = mergeSegments(first, store.get(next.id)!);
    store.batch(() => {
      store.update(merged);
      store.remove(next.id);
    });
    store.select(merged.id);
    this.tool.announcer.announce(msg(str`Merged into ${timeRangeText(merged)}`));
    this.focusRow(merged.id, joinAt);
    return true;
  }

  /** `[`/`]`: moves the selected segment's start or end to the playhead. */
  setEdge(edge: 'start' | 'end'): boolean {
    const { store } = this.tool;
    const segment = store.selected;
    if (!segment || this.tool.labels.readonly) return false;
    const range = clampEdge(this.tool.index.sorted, segment, edge, this.tool.transport.time, this.tool.duration());
    store.update(withRange(segment, range));
    return true;
  }

  /** Delete: removes the selected segment, dropping its draft. */
  removeSelected(): boolean {
    const { store } = this.tool;
    const id = store.selectedId;
    if (!id || this.tool.labels.readonly) return false;
    this.tool.drafts.discard(id);
    store.remove(id);
    return true;
  }

  /** Enter: accepts the selected suggestion, else plays the selected segment. */
  acceptOrPlaySelected(): boolean {
    const { store, labels } = this.tool;
    const segment = store.selected;
    if (!segment) return false;
    if (isSuggestion(segment) && !labels.readonly) {
      store.update(acceptSuggestion(segment, labels.annotator));
      this.tool.announcer.announce(msg('Suggestion accepted'));
    } else this.tool.transport.playRange(rangeOf(segment).start, rangeOf(segment).end);
    return true;
  }

  /** L: loops the selected segment (else the playhead's), or stops looping. */
  toggleLoop(): boolean {
    const { store, transport } = this.tool;
    if (transport.looping) {
      transport.stopLoop();
      return true;
    }
    const segment = store.selected ?? this.tool.index.at(transport.time);
    if (!segment) return false;
    transport.playRange(rangeOf(segment).start, rangeOf(segment).end, true);
    return true;
  }

  /** Tab/Shift+Tab: selects the next or previous segment in time. */
  moveSelection(step: 1 | -1): boolean {
    const { store } = this.tool;
    const sorted = this.tool.index.sorted;
    if (sorted.length === 0) return false;
    const index = store.selected ? sorted.indexOf(store.selected) + step : step > 0 ? 0 : sorted.length - 1;
    // Past either end, Tab leaves the element as usual.
    if (index < 0 || index >= sorted.length) return false;
    store.select(sorted[index].id);
    this.tool.view.reveal(rangeOf(sorted[index]).start);
    return true;
  }

  /** N: selects the next unreviewed suggestion, least confident first. */
  nextSuggestion(): boolean {
    const { store } = this.tool;
    const pending = this.tool.index.sorted.filter(isSuggestion).sort((a, b) => (scoreOf(a) ?? 0) - (scoreOf(b) ?? 0));
    const next = pending.find((a) => a.id !== store.selectedId) ?? pending[0];
    if (!next) return false;
    store.select(next.id);
    this.tool.transport.seek(rangeOf(next).start);
    this.tool.view.reveal(rangeOf(next).start);
    return true;
  }

  relabel(segment: Annotation, labelId: string): void {
    const { store } = this.tool;
    if (this.tool.labels.readonly || !labelId || labelIdOf(segment) === labelId) return;
    store.update(withLabel(store.get(segment.id) ?? segment, labelId));
  }
}
