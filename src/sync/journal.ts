/**
 * The unload journal. An edit reaches IndexedDB a few milliseconds after it is made, but a page
 * that unloads aborts the transactions still open — so an edit made just before a reload or a
 * closed tab would be lost. On `pagehide` (or when the tab is hidden) what has not committed yet
 * is written to localStorage, which is synchronous. Another open tab on the same outbox folds it
 * in at once (a `storage` event), else the next page does before it shows anything — so it is
 * folded before any later edit of the same annotation, never over one. The entry is brought up to
 * date after each commit and removed when nothing waits, so a page that lives on (kept in the
 * back/forward cache, shown again) leaves no journal of what it has committed.
 */
import type { Change, ChangeOp } from './outbox-entry.js';

const OPS: readonly ChangeOp[] = ['create', 'update', 'delete'];

interface Entry {
  /** When it was written (Date.now()): journals of two tabs fold oldest first. */
  at: number;
  changes: readonly Change[];
}

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

  /** Whether `key` is another tab's journal on this outbox (a `storage` event's key). */
  isOthers(key: string | null): boolean {
    return !!key?.startsWith(this.#prefix) && key !== this.#key;
  }

  /** Writes `changes` (those not yet committed), or removes the entry when none are left. */
  write(changes: readonly Change[]): void {
    try {
      if (changes.length > 0) localStorage.setItem(this.#key, JSON.stringify({ at: Date.now(), changes } satisfies Entry));
      else if (this.#written) localStorage.removeItem(this.#key);
      this.#written = changes.length > 0;
    } catch {
      // No room (quota) or no storage: an entry we could not bring up to date goes, since
      // replayed later it would undo what was committed since; the edits are as safe as the open transaction.
      this.#written = false;
      try {
        localStorage.removeItem(this.#key);
      } catch {
        // No storage at all: nothing was written either.
      }
    }
  }

  /** After a commit: brings an entry already written up to date; writes none that was not. */
  update(changes: readonly Change[]): void {
    if (this.#written) this.write(changes);
  }

  /** Every change other tabs journalled on this outbox, oldest first; `forget()` them once in the outbox. */
  take(): Change[] {
    const entries: Entry[] = [];
    try {
      this.#taken = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((key): key is string => this.isOthers(key));
      for (const key of this.#taken) entries.push(readEntry(localStorage.getItem(key)));
    } catch {
      // Unreadable storage holds nothing we can use.
    }
    return entries.sort((a, b) => a.at - b.at).flatMap((entry) => entry.changes);
  }

  forget(): void {
    for (const key of this.#taken.splice(0)) localStorage.removeItem(key);
  }
}

/** A stored entry, skipping anything in it that is not a change (storage is anyone's to write). */
function readEntry(text: string | null): Entry {
  let parsed: Partial<Entry> | null;
  try {
    parsed = JSON.parse(text ?? 'null') as Partial<Entry> | null;
  } catch {
    parsed = null;
  }
  const changes = Array.isArray(parsed?.changes) ? parsed.changes : [];
  return {
    at: typeof parsed?.at === 'number' ? parsed.at : 0,
    changes: changes.filter(
      (c: Partial<Change> | null): c is Change =>
        !!c && OPS.includes(c.op as ChangeOp) && !!c.annotation && typeof c.annotation === 'object' && typeof c.annotation.id === 'string',
    ),
  };
}
