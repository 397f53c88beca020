/**
 * `connectSync(root, { container, source })`: keeps the tools under `root` saved to a W3C Web
 * Annotation Protocol container, offline first. Each user change is queued in memory for the rest
 * of the task (one IndexedDB transaction per burst, off the hot path), folded into the outbox, and
 * only then sent; the outbox drains in order, one tab at a time (Web Locks), on `online`,
 * `visibilitychange`, a timer and each new edit, backing off with jitter while the server is away.
 */
import type { Annotation } from '../core/annotation.js';
import { retryDelay } from './backoff.js';
import { Journal } from './journal.js';
import { overlay, showSource } from './load-annotations.js';
import { Outbox } from './outbox.js';
import type { Change, ChangeOp } from './outbox-entry.js';
import { ProtocolClient } from './protocol-client.js';
import { sendChange, type SendContext } from './send-change.js';
import { showIn, sourceOfTool, toolsIn } from './tools.js';
import type { ConflictChoice, SyncConflictDetail, SyncConnection, SyncOptions, SyncState } from './types.js';

const EDITS: Record<string, ChangeOp> = { 'kolam-create': 'create', 'kolam-update': 'update', 'kolam-delete': 'delete' };
const MAX_STEPS = 1_000_000;

function copy<T>(value: T): T {
  return value == null ? value : structuredClone(value);
}

class SyncController {
  readonly root: Element | Document;
  private readonly container: string;
  private readonly client: ProtocolClient;
  private readonly dbName: string;
  private readonly options: SyncOptions;
  private readonly outbox: Promise<Outbox | null>;
  private pending: Change[] = [];
  /** Batches handed to IndexedDB whose transaction has not committed yet (what a pagehide journals). */
  private readonly inFlight = new Set<Change[]>();
  private readonly journal: Journal;
  /** Changes made but not yet in `stored` (the outbox count): the waiting count rises at once. */
  private uncounted = 0;
  private writeQueued = false;
  private writing: Promise<void> = Promise.resolve();
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private attempts = 0;
  private unreachable = false;
  private retryFailed = false;
  private stored = 0;
  private readonly failed = new Map<string, { status: number; message: string }>();
  private channel: BroadcastChannel | null = null;
  private disconnected = false;
  state: SyncState = { status: 'saved', waiting: 0, error: null };
  readonly loaded: Promise<void>;

  constructor(root: Element | Document, options: SyncOptions) {
    this.root = root;
    this.options = options;
    this.container = new URL(options.container, document.baseURI).href;
    this.dbName = typeof options.database === 'string' && options.database ? options.database : 'kolam-sync';
    this.journal = new Journal(this.dbName, this.container);
    const token = options.token;
    this.client = new ProtocolClient(
      typeof options.fetch === 'function' ? options.fetch : (...args) => fetch(...args),
      token === undefined ? undefined : async () => (typeof token === 'function' ? token() : token),
    );
    for (const type of Object.keys(EDITS)) root.addEventListener(type, this.onEdit);
    addEventListener('online', this.wake);
    addEventListener('offline', this.onOffline);
    addEventListener('pagehide', this.onPageHide);
    addEventListener('storage', this.onStorage);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.interval = setInterval(this.wake, options.interval ?? 15_000);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`kolam-sync ${this.dbName} ${this.container}`);
      this.channel.onmessage = () => void this.recount();
    }
    // Ask the browser not to evict the outbox under storage pressure; a refusal changes nothing else.
    void navigator.storage?.persist?.().catch(() => false);
    this.outbox = Outbox.open(this.dbName, this.container).catch((error: unknown) => {
      this.fail(`IndexedDB is not available, so edits cannot be kept: ${String(error)}`);
      return null;
    });
    this.loaded = this.load();
  }

  get connection(): SyncConnection {
    const read = () => copy(this.state);
    return {
      get state() {
        return read();
      },
      flush: () => this.flush(),
      disconnect: () => this.disconnect(),
      loaded: this.loaded,
    };
  }

  private readonly onEdit = (event: Event): void => {
    if (this.disconnected) return;
    const annotation = (event as CustomEvent<{ annotation?: Annotation }>).detail?.annotation;
    if (!annotation || typeof annotation !== 'object' || typeof annotation.id !== 'string') return;
    this.pending.push({ op: EDITS[event.type]!, annotation });
    this.uncounted++;
    this.failed.delete(annotation.id);
    if (!this.writeQueued) {
      this.writeQueued = true;
      queueMicrotask(this.writeNow);
    }
  };

  /** Writes what waits in memory to the outbox. */
  private readonly writeNow = (): Promise<void> => {
    this.writeQueued = false;
    if (this.pending.length === 0) return this.writing;
    const batch = this.pending.splice(0);
    this.inFlight.add(batch);
    this.updateState();
    this.writing = this.writing.then(async () => {
      const outbox = await this.outbox;
      if (!outbox) return;
      try {
        await outbox.add(batch);
      } catch (error) {
        this.inFlight.delete(batch);
        this.pending.unshift(...batch);
        this.fail(`The outbox could not be written: ${String(error)}`);
        return;
      }
      this.inFlight.delete(batch);
      this.journal.update([...this.inFlight].flat());
      this.channel?.postMessage('changed');
      this.stored = await outbox.count();
      this.uncounted -= batch.length;
      this.updateState();
      this.scheduleDrain(0);
    });
    return this.writing;
  };

  /** A closing tab keeps its edits: the transactions it leaves open are aborted, so they go to the journal. */
  private readonly onPageHide = (): void => {
    void this.writeNow();
    this.journal.write([...this.inFlight].flat());
  };

  /** Another tab journalled edits as it closed: folded now, before any later edit here. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (event.newValue && this.journal.isOthers(event.key)) void this.foldJournals();
  };

  /** Folds into the outbox the edits other tabs journalled (journal.ts), after our own writes. */
  private foldJournals(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const outbox = await this.outbox;
      const changes = this.journal.take();
      if (!outbox || changes.length === 0) return;
      try {
        await outbox.add(changes);
      } catch (error) {
        this.fail(`The outbox could not be written: ${String(error)}`);
        return;
      }
      this.journal.forget();
      this.channel?.postMessage('changed');
      this.stored = await outbox.count();
      this.updateState();
      this.scheduleDrain(0);
    });
    return this.writing;
  }

  private readonly wake = (): void => {
    this.attempts = 0;
    this.scheduleDrain(0);
  };

  private readonly onOffline = (): void => {
    this.unreachable = true;
    this.updateState();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.wake();
    // A hidden tab may be discarded without a pagehide (phones, memory pressure).
    else this.onPageHide();
  };

  private fail(message: string): void {
    this.state = { status: 'error', waiting: this.state.waiting, error: { id: '', status: 0, message } };
    this.emitState();
  }

  private async recount(): Promise<void> {
    const outbox = await this.outbox;
    if (!outbox) return;
    this.stored = await outbox.count();
    this.updateState();
  }

  private updateState(): void {
    const waiting = this.stored + this.uncounted;
    const [firstFailed] = this.failed;
    const next: SyncState =
      waiting === 0
        ? { status: 'saved', waiting, error: null }
        : firstFailed
          ? { status: 'error', waiting, error: { id: firstFailed[0], ...firstFailed[1] } }
          : { status: this.unreachable || navigator.onLine === false ? 'offline' : 'saving', waiting, error: null };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.emitState();
  }

  private emitState(): void {
    this.root.dispatchEvent(new CustomEvent('kolam-sync-status', { detail: copy(this.state), bubbles: true, composed: true }));
  }

  private scheduleDrain(delay: number): void {
    if (this.disconnected) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), delay);
  }

  private drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.runDrain().finally(() => {
      this.draining = null;
      if (this.drainAgain) {
        this.drainAgain = false;
        this.scheduleDrain(0);
      }
    });
    return this.draining;
  }

  private async runDrain(): Promise<void> {
    // Not before the first load is shown: a listing fetched before our own sends landed would
    // otherwise take back from the tools what we just saved.
    await this.loaded;
    await this.writing;
    const outbox = await this.outbox;
    if (!outbox || this.disconnected) return;
    if (navigator.onLine === false) return this.onOffline();
    const locks = navigator.locks;
    if (!locks) return this.sendAll(outbox);
    // One tab drains; the others see the count fall through the BroadcastChannel, and try again later.
    await locks.request(`kolam-sync ${this.dbName} ${this.container}`, { ifAvailable: true }, async (lock) => {
      if (lock) await this.sendAll(outbox);
      else this.scheduleDrain(this.options.minDelay ?? 500);
    });
  }

  private async sendAll(outbox: Outbox): Promise<void> {
    const ctx: SendContext = {
      client: this.client,
      outbox,
      container: this.container,
      conflict: (id, ours, theirs) => this.conflict(id, ours, theirs),
      show: (id, annotation) => this.show(id, annotation),
    };
    const refusedNow = new Set<string>();
    for (let step = 0; step < MAX_STEPS && !this.disconnected; step++) {
      let entry = await outbox.next(this.retryFailed, refusedNow);
      if (!entry) break;
      if (entry.op !== 'update' && !entry.attempted) entry = await outbox.markAttempted(entry);
      const outcome = await sendChange(entry, ctx);
      if (outcome.kind === 'retry') {
        this.unreachable = true;
        this.updateState();
        this.scheduleDrain(retryDelay(this.attempts++, this.options.minDelay ?? 500, this.options.maxDelay ?? 60_000));
        return;
      }
      this.unreachable = false;
      this.attempts = 0;
      const removed = await outbox.settle(entry, outcome);
      if (outcome.kind === 'failed') {
        refusedNow.add(entry.id);
        this.failed.set(entry.id, { status: outcome.status, message: outcome.message });
      } else this.failed.delete(entry.id);
      this.channel?.postMessage('changed');
      // Counted exactly now and then; in between, each send that emptied its entry is one less.
      if (step % 16 === 15 || !removed) await this.recount();
      else {
        this.stored = Math.max(0, this.stored - 1);
        this.updateState();
      }
    }
    this.retryFailed = false;
    await this.recount();
  }

  private conflict(id: string, ours: Annotation | null, theirs: Annotation | null): ConflictChoice {
    let choice: ConflictChoice = 'ours';
    const detail: SyncConflictDetail = {
      id,
      ours: copy(ours),
      theirs: copy(theirs),
      resolve(value: ConflictChoice) {
        if (value === 'ours' || value === 'theirs') choice = value;
        else if (value && typeof value === 'object' && (value as Annotation).target) choice = copy(value);
      },
    };
    this.root.dispatchEvent(new CustomEvent('kolam-sync-conflict', { detail, bubbles: true, composed: true }));
    return choice;
  }

  private show(id: string, annotation: Annotation | null): void {
    for (const tool of toolsIn(this.root)) {
      const has = Array.isArray(tool.annotations) && tool.annotations.some((a) => a?.id === id);
      if (has || (annotation && sourceOfTool(tool) === (this.options.source ?? sourceOfTool(tool)))) showIn(tool, id, copy(annotation));
      if (has) break;
    }
  }

  private sources(): Array<string | null> {
    if (typeof this.options.source === 'string') return [this.options.source];
    const own = [...new Set(toolsIn(this.root).map(sourceOfTool).filter((s): s is string => !!s))];
    return own.length ? own : [null];
  }

  /** Shows `base` with the outbox over it, again if an edit came in while it was being computed. */
  private async apply(outbox: Outbox, source: string | null, base: Annotation[]): Promise<void> {
    for (let tries = 0; tries < 5; tries++) {
      await this.writeNow();
      const list = overlay(base, await outbox.entries(), source);
      if (this.pending.length > 0) continue;
      showSource(this.root, source, list);
      return;
    }
  }

  private async load(): Promise<void> {
    const outbox = await this.outbox;
    if (!outbox) return;
    await this.foldJournals();
    for (const entry of await outbox.entries()) if (entry.failed) this.failed.set(entry.id, entry.failed);
    await this.recount();
    for (const source of this.sources()) {
      await this.apply(outbox, source, (await outbox.replica(source)).map((r) => r.annotation));
      const listedSince = Date.now();
      const listed = await this.client.list(this.container, source);
      if (this.disconnected) return;
      if (!listed) {
        this.unreachable = true;
        this.updateState();
        continue;
      }
      this.unreachable = false;
      const records = listed.map(({ annotation, iri }) => ({ container: this.container, id: annotation.id, source, iri, etag: null, annotation }));
      const replica = await outbox.replaceReplica(source, records, listedSince);
      await this.apply(outbox, source, replica.map((r) => r.annotation));
    }
    this.updateState();
    this.scheduleDrain(0);
  }

  private async flush(): Promise<SyncState> {
    await this.writeNow();
    this.retryFailed = true;
    this.attempts = 0;
    clearTimeout(this.timer);
    while (this.draining) await this.draining;
    await this.drain();
    await this.recount();
    return copy(this.state);
  }

  private async disconnect(): Promise<void> {
    if (this.disconnected) return;
    await this.writeNow();
    this.disconnected = true;
    for (const type of Object.keys(EDITS)) this.root.removeEventListener(type, this.onEdit);
    removeEventListener('online', this.wake);
    removeEventListener('offline', this.onOffline);
    removeEventListener('pagehide', this.onPageHide);
    removeEventListener('storage', this.onStorage);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    clearInterval(this.interval);
    while (this.draining) await this.draining;
    await this.loaded.catch(() => undefined);
    this.channel?.close();
    (await this.outbox)?.close();
  }
}

/** A connection that does nothing, for a call with unusable arguments (reported, never thrown). */
function refused(root: unknown, message: string): SyncConnection {
  const state: SyncState = { status: 'error', waiting: 0, error: { id: '', status: 0, message } };
  console.warn(`[kolam] connectSync: ${message}`);
  if (root instanceof EventTarget) root.dispatchEvent(new CustomEvent('kolam-sync-status', { detail: copy(state), bubbles: true, composed: true }));
  return { state: copy(state), flush: async () => copy(state), disconnect: async () => {}, loaded: Promise.resolve() };
}

/**
 * Connects the Kolam tools under `root` to a Web Annotation container: loads `source`'s
 * annotations into them, then saves each create, update and delete the user makes. Never throws:
 * unusable arguments give a connection in the `error` state.
 */
export function connectSync(root: Element | Document, options: SyncOptions): SyncConnection {
  if (!(root instanceof Element || root instanceof Document)) return refused(root, 'the root is not an element or a document.');
  const container = (options as Partial<SyncOptions> | null | undefined)?.container;
  if (typeof container !== 'string' || !URL.canParse(container, document.baseURI))
    return refused(root, 'options.container must be the URL of a Web Annotation container.');
  try {
    return new SyncController(root, { ...options }).connection;
  } catch (error) {
    return refused(root, String(error));
  }
}
