/**
 * The public shapes of `kolam/sync.js` (CONTRACT §10): options, state, and the two events it fires
 * on the root it is connected to.
 */
import type { Annotation } from '../core/annotation.js';

export type SyncStatus = 'saved' | 'saving' | 'offline' | 'error';

export interface SyncState {
  /** `saved`: nothing waits; `saving`: sending; `offline`: the server can't be reached (retrying); `error`: the server refused an edit. */
  status: SyncStatus;
  /** Edits in the outbox not yet on the server (after coalescing: one per annotation). */
  waiting: number;
  /** The last refusal (4xx), while an edit it refused still waits. */
  error: { id: string; status: number; message: string } | null;
}

export type ConflictChoice = 'ours' | 'theirs' | Annotation;

export interface SyncConflictDetail {
  /** Our (urn:uuid) id of the annotation. */
  id: string;
  /** Our version; null when ours is a delete. */
  ours: Annotation | null;
  /** The server's version; null when it was deleted there. Always kept here, whatever wins. */
  theirs: Annotation | null;
  /** Call during the event to choose; not calling it keeps ours (and theirs stays in this detail). */
  resolve(choice: ConflictChoice): void;
}

export interface SyncOptions {
  /** The Web Annotation container IRI, e.g. `http://127.0.0.1:8787/annotations/`. */
  container: string;
  /** The IRI whose annotations are loaded (`?source=`); default: each tool's own `source`. */
  source?: string;
  /** A bearer token, or a function giving one per request (refreshing tokens). */
  token?: string | (() => string | Promise<string>);
  /** IndexedDB database of the outbox; two annotators in one browser profile use two. Default `kolam-sync`. */
  database?: string;
  /** The `fetch` to use (a service worker's, a test's); default the global one. */
  fetch?: typeof fetch;
  /** Milliseconds between drains while edits wait and nothing else wakes it; default 15 000. */
  interval?: number;
  /** First retry delay (ms, doubled each failure up to `maxDelay`, with jitter); default 500. */
  minDelay?: number;
  maxDelay?: number;
}

export interface SyncConnection {
  /** The current state (a copy). */
  readonly state: SyncState;
  /** Writes queued edits to the outbox and sends what can be sent now; resolves to the state after. */
  flush(): Promise<SyncState>;
  /** Stops listening and sending; queued edits stay in the outbox for the next connection. */
  disconnect(): Promise<void>;
  /** Resolves once the first load from the server was applied to the tools (or failed: offline). */
  readonly loaded: Promise<void>;
}

declare global {
  interface HTMLElementEventMap {
    'kolam-sync-status': CustomEvent<SyncState>;
    'kolam-sync-conflict': CustomEvent<SyncConflictDetail>;
  }
  interface WindowEventMap {
    'kolam-sync-status': CustomEvent<SyncState>;
  }
}
