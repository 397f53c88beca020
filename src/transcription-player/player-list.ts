/**
 * The segment list as the player wires it (in the editing chunk, player-editing.ts): which rows are
 * rendered (list-controller.ts), which part of a long transcript each field shows, and what typing,
 * focus, a speaker picked or a row's time button do.
 */
import type { LitElement } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Annotation } from '../core/annotation.js';
import { ListWindowController } from './list-controller.js';
import type { SlottedItem } from './list-window.js';
import type { PlayerParts } from './player-parts.js';
import type { SegmentEditor } from './segment-editing.js';
import { renderSegmentList } from './segment-list.js';
import { NO_LABELS } from './segments-layer.js';
import { rangeOf, transcriptOf } from './segments.js';
import type { Speakers } from './speaker-name.js';
import type { TranscriptDrafts } from './transcript-drafts.js';
import type { TranscriptPieces } from './transcript-pieces.js';

/** What the list reads from the segments (player-segments.ts). */
export interface ListedSegments {
  /** Changes with commits, not with every move of a drag: the rows re-render then. */
  readonly listVersion: number;
  readonly look: Speakers;
}

export function playerList(
  host: LitElement,
  parts: PlayerParts,
  segments: ListedSegments,
  pieces: TranscriptPieces,
  drafts: TranscriptDrafts,
  editor: () => SegmentEditor,
) {
  const { store, labels, transport, index } = parts;
  const rows = new ListWindowController(host, {
    sorted: () => index.sorted,
    // Row order changes only with commits, so a drag in progress keeps the committed version.
    orderVersion: () => (store.isGestureActive ? segments.listVersion : store.version),
    listElement: () => host.renderRoot.querySelector<HTMLElement>('[part~="list"]'),
  });

  /** The row in the Tab order: the selected one, else the one playing, else the first shown. */
  const tabRowId = (items: SlottedItem<Annotation>[], currentId: string | undefined): string | undefined => {
    const shown = (id: string | null | undefined) => (id && items.some((i) => i.kind === 'row' && i.item.id === id) ? id : undefined);
    const first = items.find((i) => i.kind === 'row');
    return shown(store.selectedId) ?? shown(currentId) ?? (first?.kind === 'row' ? first.item.id : undefined);
  };

  const renderRows = (items: SlottedItem<Annotation>[], currentId: string | undefined) => {
    const speakers = segments.look;
    return renderSegmentList({
      items,
      total: index.sorted.length,
      currentId,
      selectedId: store.selectedId,
      tabRowId: tabRowId(items, currentId),
      readonly: labels.readonly,
      playable: parts.playable(),
      labels: labels.labels,
      nameOf: speakers.nameOf,
      language: parts.language(),
      colorOf: speakers.colorOf,
      draftOf: (id) => drafts.get(id),
      pieceOf: (id, text) => pieces.pieceOf(id, text),
      // The text now, not as last rendered: the field may have been typed in since.
      showPiece: (segment, at) => {
        pieces.show(segment.id, drafts.get(segment.id) ?? transcriptOf(store.get(segment.id) ?? segment), at);
        host.requestUpdate();
      },
      play: (segment) => transport.playRange(rangeOf(segment).start, rangeOf(segment).end),
      focus: (segment) => {
        rows.focusedId = segment.id;
        store.select(segment.id);
      },
      input: (segment, event) => {
        // The field may hold one part of a long transcript: the draft is always the whole text.
        const text = drafts.get(segment.id) ?? transcriptOf(store.get(segment.id) ?? segment);
        const value = (event.target as HTMLTextAreaElement).value;
        drafts.input(segment.id, pieces.splice(segment.id, text, value), event.isComposing);
      },
      blur: (segment) => {
        drafts.flush(segment.id);
        if (rows.focusedId === segment.id) rows.focusedId = null;
      },
      compositionEnd: () => drafts.compositionEnd(),
      relabel: (segment, labelId) => editor().relabel(segment, labelId),
      scroll: (list) => rows.onScroll(list),
    });
  };

  return {
    rows,
    render(currentId: string | undefined) {
      // The selected row stays rendered too, so Tab through segments always lands on a row.
      const { items, windowKey } = rows.rows([store.selectedId]);
      // The controller hands out a fresh [] when there are no labels; one constant keeps the guard shut.
      const labelList = labels.labels.length ? labels.labels : NO_LABELS;
      const key = [segments.listVersion, currentId, store.selectedId, labelList, labels.readonly, parts.language(), windowKey, pieces.version, parts.playable()];
      return guard(key, () => {
        rows.markRendered();
        return renderRows(items, currentId);
      });
    },
  };
}
