/**
 * The unload journal. An edit reaches IndexedDB a few milliseconds after it is made, but a page
 * that unloads aborts the transactions still open — so an edit made just before a reload or a
 * closed tab would be lost. On `pagehide` what has not committed yet is written to localStorage,
 * which is synchronous, and the next page on the same outbox folds it in before it shows anything.
 * Replaying a change the outbox already had is harmless: a create carries our uuid as Slug and a
 * PUT or DELETE that already happened meets its own 412 or 410 (see send-change.ts).
 */
import type { Change, ChangeOp } from './outbox-entry.js';

const OPS: readonly ChangeOp[] = ['create', 'update', 'delete'];

export class Journal {
  readonly #prefix: string;
  readonly #key: string;
  #written = false;
  #taken: string[] = [];

  /** One per connection; the key ends in a random tab id, so two tabs never overwrite each other. */
  constructor(database: string, container: string) {
    this.#prefix = `kolam-sync-journal ${database} ${container} `;
    this.#key = this.#prefix + Math.random().toString(36).slice(2);
  }

  /** Writes `changes` (those not yet committed), or removes the entry when none are left. */
  write(changes: readonly Change[]): void {
    if (!this.#written && changes.length === 0) return;
    try {
      if (changes.length === 0) localStorage.removeItem(this.#key);
      else localStorage.setItem(this.#key, JSON.stringify(changes));
      this.#written = changes.length > 0;
    } catch {
      // No storage (private mode, quota): the edits are only as safe as the open transaction.
    }
  }

  /** Every change journalled on this outbox by a page that is gone; `forget()` them once they are in the outbox. */
  take(): Change[] {
    const changes: Change[] = [];
    try {
      this.#taken = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
        (key): key is string => !!key?.startsWith(this.#prefix) && key !== this.#key,
      );
      for (const key of this.#taken) changes.push(...readChanges(localStorage.getItem(key)));
    } catch {
      // Unreadable storage holds nothing we can use.
    }
    return changes;
  }

  forget(): void {
    for (const key of this.#taken.splice(0)) localStorage.removeItem(key);
  }
}

/** The changes in a stored journal, skipping anything that is not one (storage is anyone's to write). */
function readChanges(text: string | null): Change[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (c: Partial<Change> | null): c is Change =>
      !!c && OPS.includes(c.op as ChangeOp) && !!c.annotation && typeof c.annotation === 'object' && typeof c.annotation.id === 'string',
  );
}
