/**
 * One annotation's waiting change, and how a new change folds into it (pure). The outbox holds at
 * most one entry per annotation: create + updates is one create, create + delete is nothing —
 * unless the create may already have reached the server, in which case the delete must go too.
 */
import type { Annotation } from '../core/annotation.js';

export type ChangeOp = 'create' | 'update' | 'delete';

export interface Change {
  op: ChangeOp;
  annotation: Annotation;
}

export interface OutboxEntry {
  container: string;
  id: string;
  /** Order of the first change still waiting: entries are sent oldest first. */
  seq: number;
  /** Grows with every change folded in, so a send that finished can tell it is still current. */
  rev: number;
  op: ChangeOp;
  /** The annotation as it should end up (for a delete: as it was). */
  annotation: Annotation;
  /** A request for this entry has left: the server may hold it even without an answer. */
  attempted: boolean;
  /** The server refused it (4xx): kept, reported, not retried until it changes or on flush(). */
  failed?: { status: number; message: string } | undefined;
}

/** The entry after `change`; null when nothing is left to send. */
export function foldChange(entry: OutboxEntry | undefined, change: Change, container: string, seq: number): OutboxEntry | null {
  const { op, annotation } = change;
  if (!entry) return { container, id: annotation.id, seq, rev: 1, op, annotation, attempted: false };
  const next = (nextOp: ChangeOp): OutboxEntry => ({ ...entry, op: nextOp, annotation, rev: entry.rev + 1, failed: undefined });
  if (entry.op === 'create') {
    if (op === 'delete') return entry.attempted ? next('delete') : null;
    return next('create');
  }
  if (entry.op === 'update') return next(op === 'delete' ? 'delete' : 'update');
  // A delete, then a create of the same id (an undone delete): unsent, the server still has it, so
  // it is an update; sent, it may be a tombstone, and a POST with the same Slug revives it (still
  // "attempted": the server may hold it live, so a later delete must be sent).
  if (op === 'delete') return next('delete');
  return next(entry.attempted ? 'create' : 'update');
}
