/**
 * The IndexedDB side of sync: the outbox (one entry per annotation, folded in a transaction so two
 * tabs never lose each other's change), and the replica (what the server holds, by our id: its
 * IRI, ETag and version), so a reload offline still shows everything and a PUT knows its If-Match.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Annotation } from '../core/annotation.js';
import { foldChange, type Change, type OutboxEntry } from './outbox-entry.js';

export interface RemoteRecord {
  container: string;
  id: string;
  source: string | null;
  /** The server's IRI for it, kept beside our urn:uuid id. */
  iri: string;
  /** The strong ETag of the version in `annotation`; null when loaded from a page (pages carry none). */
  etag: string | null;
  /** The server's version, in our shape (our id). */
  annotation: Annotation;
  /** When a send of ours put it there (Date.now()); absent for what a listing gave. */
  savedAt?: number;
}

interface SyncSchema extends DBSchema {
  outbox: { key: [string, string]; value: OutboxEntry; indexes: { 'by-seq': [string, number] } };
  remote: { key: [string, string]; value: RemoteRecord; indexes: { 'by-source': [string, string] } };
  meta: { key: string; value: { key: string; value: number } };
}

/** What a finished send leaves: the server's record (or its removal), or a refusal. */
export type Settlement =
  | { kind: 'done'; remote: RemoteRecord | null; removeRemote?: boolean }
  | { kind: 'failed'; status: number; message: string };

export class Outbox {
  private constructor(
    private readonly db: IDBPDatabase<SyncSchema>,
    private readonly container: string,
  ) {}

  static async open(name: string, container: string): Promise<Outbox> {
    const db = await openDB<SyncSchema>(name, 1, {
      upgrade(database) {
        const outbox = database.createObjectStore('outbox', { keyPath: ['container', 'id'] });
        outbox.createIndex('by-seq', ['container', 'seq']);
        const remote = database.createObjectStore('remote', { keyPath: ['container', 'id'] });
        remote.createIndex('by-source', ['container', 'source']);
        database.createObjectStore('meta', { keyPath: 'key' });
      },
    });
    return new Outbox(db, container);
  }

  close(): void {
    this.db.close();
  }

  /** Every key [container, …] of this container: a prefix sorts first, an array after any string or number. */
  private get all(): IDBKeyRange {
    return IDBKeyRange.bound([this.container], [this.container, []]);
  }

  /** Folds a batch of changes into the outbox, in one transaction. */
  async add(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    const tx = this.db.transaction(['outbox', 'meta'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const meta = tx.objectStore('meta');
    let seq = (await meta.get('seq'))?.value ?? 0;
    for (const change of changes) {
      const existing = await outbox.get([this.container, change.annotation.id]);
      const folded = foldChange(existing, change, this.container, existing ? existing.seq : ++seq);
      if (folded) await outbox.put(folded);
      else if (existing) await outbox.delete([this.container, change.annotation.id]);
    }
    await meta.put({ key: 'seq', value: seq });
    await tx.done;
  }

  /** The oldest entry the drain may send (refused ones are skipped, unless `retryFailed`). */
  async next(retryFailed: boolean, skip: ReadonlySet<string>): Promise<OutboxEntry | undefined> {
    let cursor = await this.db.transaction('outbox').store.index('by-seq').openCursor(this.all);
    while (cursor) {
      const entry = cursor.value;
      if ((!entry.failed || retryFailed) && !skip.has(entry.id)) return entry;
      cursor = await cursor.continue();
    }
    return undefined;
  }

  async entries(): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'by-seq', this.all);
  }

  async count(): Promise<number> {
    return this.db.countFromIndex('outbox', 'by-seq', this.all);
  }

  /**
   * Records that requests for `entry` and the next creates and deletes are about to leave (the
   * server may hold them from then on). Marking a few ahead in one transaction is only cautious —
   * a mark too early costs at most a GET later — and saves a write per request.
   */
  async markAttempted(entry: OutboxEntry, ahead = 32): Promise<OutboxEntry> {
    const tx = this.db.transaction('outbox', 'readwrite');
    let marked = 0;
    let cursor = await tx.store.index('by-seq').openCursor(IDBKeyRange.bound([this.container, entry.seq], [this.container, Infinity]));
    while (cursor && marked < ahead) {
      const value = cursor.value;
      if (!value.attempted && value.op !== 'update') {
        await cursor.update({ ...value, attempted: true });
        marked++;
      }
      cursor = await cursor.continue();
    }
    const current = await tx.store.get([this.container, entry.id]);
    await tx.done;
    return { ...(current ?? entry), attempted: true };
  }

  /**
   * Ends a send: the replica learns what the server now holds, and the entry leaves the outbox if
   * nothing changed meanwhile; if it did, the newer change stays, rebased on what was just sent.
   */
  async settle(sent: OutboxEntry, result: Settlement): Promise<boolean> {
    const tx = this.db.transaction(['outbox', 'remote'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const key: [string, string] = [this.container, sent.id];
    const current = await outbox.get(key);
    let removed = false;
    if (result.kind === 'failed') {
      if (current && current.rev === sent.rev) await outbox.put({ ...current, failed: { status: result.status, message: result.message } });
    } else {
      const remote = tx.objectStore('remote');
      if (result.remote) await remote.put(result.remote);
      else if (result.removeRemote) await remote.delete(key);
      if (current && current.rev === sent.rev) {
        await outbox.delete(key);
        removed = true;
      } else if (current && sent.op === 'create' && current.op === 'create')
        // Created meanwhile: what waits now is a change to it.
        await outbox.put({ ...current, op: 'update', attempted: false });
    }
    await tx.done;
    return removed;
  }

  /** Drops an entry whatever its revision (the host chose the server's version in a conflict). */
  async drop(id: string): Promise<void> {
    await this.db.delete('outbox', [this.container, id]);
  }

  async remote(id: string): Promise<RemoteRecord | undefined> {
    return this.db.get('remote', [this.container, id]);
  }

  async putRemote(record: RemoteRecord): Promise<void> {
    await this.db.put('remote', record);
  }

  async replica(source: string | null): Promise<RemoteRecord[]> {
    if (source == null) return this.db.getAll('remote', this.all);
    return this.db.getAllFromIndex('remote', 'by-source', [this.container, source]);
  }

  /**
   * Replaces the replica of `source` with what the server listed, except annotations with a change
   * waiting (their old version stays the base, so a PUT over a newer server version gets its 412)
   * and those a send saved since the listing began (by another tab, say): the listing predates
   * them. Returns what the replica then holds for `source`, in the listing's order first.
   */
  async replaceReplica(source: string | null, records: RemoteRecord[], listedSince: number): Promise<RemoteRecord[]> {
    const tx = this.db.transaction(['remote', 'outbox'], 'readwrite');
    const remote = tx.objectStore('remote');
    const waiting = new Set((await tx.objectStore('outbox').index('by-seq').getAllKeys(this.all)).map((k) => k[1]));
    const old = source == null ? await remote.getAll(this.all) : await remote.index('by-source').getAll([this.container, source]);
    const listed = new Set(records.map((r) => r.id));
    const kept: RemoteRecord[] = [];
    for (const record of old) {
      if (listed.has(record.id)) continue;
      if (waiting.has(record.id) || (record.savedAt ?? 0) >= listedSince) kept.push(record);
      else await remote.delete([this.container, record.id]);
    }
    for (const record of records) {
      if (!waiting.has(record.id)) await remote.put(record);
      else if (!(await remote.get([this.container, record.id]))) await remote.put(record);
    }
    await tx.done;
    return [...records, ...kept];
  }
}
