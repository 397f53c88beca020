/**
 * What the editing keys and the list do to segments: create, split at the playhead (the transcript
 * at the caret), merge with the next, move an edge to the playhead, relabel, commit a transcript,
 * remove, accept a suggestion, move the selection, and play or loop the selected segment. Each
 * change is one undoable store edit; the element only wires keys and events to these.
 */
import type { LitElement } from 'lit';
import { labelIdOf, withLabel, type Annotation } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import type { EditingParts } from './player-parts.js';
import { timeRangeText } from './segment-list.js';
import { MIN_SEGMENT, clampEdge, createSegment, gapAround, mergeSegments, splitSegment, withRange, withTranscript } from './segment-edits.js';
import { rangeOf, segmentAt, transcriptOf } from './segments.js';
import { formatClock } from './time-format.js';

/** The segment actions, bound to one player's parts. */
export type SegmentEditor = ReturnType<typeof segmentEditor>;

export function segmentEditor(host: LitElement, tool: EditingParts) {
  const { store, labels, drafts, pieces, announcer, transport, rows, view, index } = tool;

  const transcriptField = (): HTMLTextAreaElement | null => {
    const root = host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    return active instanceof HTMLTextAreaElement ? active : null;
  };

  /** The segment an editing key acts on: the one being typed in, else the selection, else the playhead's. */
  const focusedSegment = (): Annotation | undefined => {
    const id = transcriptField()?.closest('li')?.dataset.id;
    return store.get(id) ?? store.selected ?? index.at(transport.time);
  };

  const newSegment = (range: { start: number; end: number }, text = ''): Annotation =>
    createSegment({
      source: tool.source(),
      range,
      labelId: labels.activeLabel,
      annotator: labels.annotator,
      text,
      language: tool.language(),
    });

  /** Puts the caret in a segment's transcript, bringing its row into the list first. */
  const focusRow = (id: string, caret: number): void => {
    rows.focusedId = id;
    rows.reveal(id);
    // A long transcript shows the part holding the caret; the field's offsets are that part's.
    const segment = store.get(id);
    const local = segment ? pieces.reveal(id, drafts.get(id) ?? transcriptOf(segment), caret) : caret;
    host.requestUpdate();
    void host.updateComplete.then(() => {
      const field = host.renderRoot.querySelector<HTMLTextAreaElement>(`li[data-id="${CSS.escape(id)}"] textarea`);
      field?.focus();
      field?.setSelectionRange(local, local);
    });
  };

  const afterCreate = (segment: Annotation, announcement: string): void => {
    store.select(segment.id);
    announcer.announce(announcement);
    focusRow(segment.id, 0);
  };

  return {
    newSegment,

    /** Stores a transcript draft as one edit. */
    commitTranscript(id: string, text: string): void {
      const segment = store.get(id);
      // No read-only check: a draft exists only if it was typed while editable, and a host making
      // the player read-only mid-word must not throw those words away.
      if (!segment || transcriptOf(segment) === text) return;
      store.update(withTranscript(segment, text, tool.language()));
    },

    /**
     * Alt+PageDown / Alt+PageUp while typing a transcript too long for one field: the next part with
     * the caret at its start, or the previous one with the caret at its end, as if across the join.
     */
    changePart(step: 1 | -1): boolean {
      const field = transcriptField();
      const segment = store.get(field?.closest('li')?.dataset.id);
      if (!field || !segment) return false;
      const text = drafts.get(segment.id) ?? transcriptOf(segment);
      const start = pieces.offsetOf(segment.id, 0);
      const end = pieces.offsetOf(segment.id, field.value.length);
      if (step === 1 ? end >= text.length : start === 0) return true;
      focusRow(segment.id, step === 1 ? end : start - 1);
      return true;
    },

    /** Ctrl+Enter: split the segment under the playhead (text at the caret), or start one there. */
    split(): boolean {
      const duration = tool.duration();
      if (labels.readonly || !duration) return false;
      const time = transport.time;
      const segment = segmentAt(index.sorted, time);
      const field = transcriptField();
      if (segment) {
        const fieldId = field?.closest('li')?.dataset.id;
        const caret = fieldId === segment.id && field ? pieces.offsetOf(segment.id, field.selectionStart) : Infinity;
        drafts.flush(segment.id);
        const current = store.get(segment.id)!;
        const halves = splitSegment(current, time, caret, newSegment);
        if (!halves) return true;
        store.batch(() => {
          store.update(halves[0]);
          store.create(halves[1]);
        });
        afterCreate(halves[1], msg(str`Split at ${formatClock(time)}`));
        return true;
      }
      const gap = gapAround(index.sorted, time, duration);
      if (gap.end - time < MIN_SEGMENT) return true;
      const created = newSegment({ start: time, end: gap.end });
      store.create(created);
      afterCreate(created, msg(str`Segment started at ${formatClock(time)}`));
      return true;
    },

    /** Ctrl+M: merge the current segment with the next one, as one edit. */
    merge(): boolean {
      const segment = focusedSegment();
      if (!segment || labels.readonly) return false;
      const sorted = index.sorted;
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
      announcer.announce(msg(str`Merged into ${timeRangeText(merged)}`));
      focusRow(merged.id, joinAt);
      return true;
    },

    /** `[`/`]`: moves the selected segment's start or end to the playhead. */
    setEdge(edge: 'start' | 'end'): boolean {
      const segment = store.selected;
      if (!segment || labels.readonly) return false;
      const range = clampEdge(index.sorted, segment, edge, transport.time, tool.duration());
      store.update(withRange(segment, range));
      return true;
    },

    /** Delete: removes the selected segment, dropping its draft. */
    removeSelected(): boolean {
      const id = store.selectedId;
      if (!id || labels.readonly) return false;
      drafts.discard(id);
      if (tool.review().decide('reject')) return true;
      store.remove(id);
      return true;
    },

    /** Enter: accepts the selected suggestion, else plays the selected segment. */
    acceptOrPlaySelected(): boolean {
      const segment = store.selected;
      if (!segment) return false;
      if (!tool.review().decide('accept')) transport.playRange(rangeOf(segment).start, rangeOf(segment).end);
      return true;
    },

    /** L: loops the selected segment (else the playhead's), or stops looping. */
    toggleLoop(): boolean {
      if (transport.looping) {
        transport.stopLoop();
        return true;
      }
      const segment = store.selected ?? index.at(transport.time);
      if (!segment) return false;
      transport.playRange(rangeOf(segment).start, rangeOf(segment).end, true);
      return true;
    },

    /** Tab/Shift+Tab: selects the next or previous segment in time. */
    moveSelection(step: 1 | -1): boolean {
      const sorted = index.sorted;
      // Past either end, Tab leaves the waveform as usual.
      const at = tool.tabs.step(sorted.length, store.selected ? sorted.indexOf(store.selected) : -1, step);
      if (at === null) return false;
      store.select(sorted[at].id);
      view.reveal(rangeOf(sorted[at]).start);
      return true;
    },

    relabel(segment: Annotation, labelId: string): void {
      if (labels.readonly || !labelId || labelIdOf(segment) === labelId) return;
      store.update(withLabel(store.get(segment.id) ?? segment, labelId));
    },
  };
}
