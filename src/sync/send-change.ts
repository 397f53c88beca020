/**
 * Sends one outbox entry and says how it ended. Every path is safe to replay: a create carries our
 * uuid as Slug (a lost answer's retry finds its own resource), a PUT or DELETE whose answer was lost
 * meets a 412 or 410 showing it already happened. A real 412 never discards either version: the
 * host (or the default, ours) decides, and theirs travels in the `kolam-sync-conflict` event.
 */
import type { Annotation } from '../core/annotation.js';
import type { OutboxEntry } from './outbox-entry.js';
import type { Outbox, RemoteRecord, Settlement } from './outbox.js';
import { fromServer, slugOf, type Answer, type ProtocolClient } from './protocol-client.js';
import { sameAnnotation } from './same-annotation.js';
import { sourceOfAnnotation } from './tools.js';
import type { ConflictChoice } from './types.js';

export type Outcome = Settlement | { kind: 'retry'; status: number };

export interface SendContext {
  client: ProtocolClient;
  outbox: Outbox;
  container: string;
  /** Fires `kolam-sync-conflict`; returns the host's choice (default `ours`). */
  conflict(id: string, ours: Annotation | null, theirs: Annotation | null): ConflictChoice;
  /** Shows the chosen version (or its removal) in the tools. */
  show(id: string, annotation: Annotation | null): void;
}

interface Theirs {
  annotation: Annotation;
  iri: string;
  etag: string;
}

const retryable = (status: number) => status === 0 || status >= 500 || status === 408 || status === 425 || status === 429;

function unexpected(answer: Answer): Outcome {
  if (retryable(answer.status)) return { kind: 'retry', status: answer.status };
  const message = (answer.body as { message?: unknown } | null)?.message;
  return { kind: 'failed', status: answer.status, message: typeof message === 'string' ? message : `HTTP ${answer.status}` };
}

export async function sendChange(entry: OutboxEntry, ctx: SendContext): Promise<Outcome> {
  const { client, outbox, container } = ctx;
  const ours = entry.annotation;
  const record = (annotation: Annotation, iri: string, etag: string | null): Outcome => ({
    kind: 'done',
    remote: { container, id: ours.id, source: sourceOfAnnotation(annotation), iri, etag, annotation, savedAt: Date.now() } satisfies RemoteRecord,
  });
  const gone: Outcome = { kind: 'done', remote: null, removeRemote: true };
  // Where a create with our Slug lands on a server that honours it (ours does).
  const guessedIri = () => new URL(slugOf(ours.id), container).href;

  async function current(iri: string): Promise<Theirs | 'gone' | 'missing' | Outcome> {
    const answer = await client.get(iri);
    if (answer.status === 404) return 'missing';
    if (answer.status === 410) return 'gone';
    const read = answer.status === 200 ? fromServer(answer.body, iri) : null;
    if (!read || !answer.etag) return unexpected(answer.status === 200 ? { ...answer, status: 0 } : answer);
    return { annotation: read.annotation, iri: read.iri, etag: answer.etag };
  }

  async function resolve(mine: Annotation | null, theirs: Theirs | null): Promise<Outcome> {
    const choice = ctx.conflict(ours.id, mine, theirs?.annotation ?? null);
    if (choice === 'theirs') {
      ctx.show(ours.id, theirs?.annotation ?? null);
      await outbox.drop(ours.id);
      return theirs ? record(theirs.annotation, theirs.iri, theirs.etag) : gone;
    }
    const winner = choice === 'ours' ? mine : { ...choice, id: ours.id };
    if (choice !== 'ours') ctx.show(ours.id, winner);
    if (!winner) {
      if (!theirs) return gone;
      const answer = await client.remove(theirs.iri, theirs.etag);
      return answer.status === 204 || answer.status === 200 || answer.status === 410 ? gone : unexpected(answer.status === 412 ? { ...answer, status: 0 } : answer);
    }
    if (!theirs) {
      const answer = await client.create(container, winner);
      return answer.status === 201 || answer.status === 200 ? record(winner, answer.location ?? guessedIri(), answer.etag) : unexpected(answer.status === 409 ? { ...answer, status: 0 } : answer);
    }
    const answer = await client.replace(theirs.iri, theirs.etag, winner);
    // A second 412: someone saved again meanwhile; the next drain meets it as a fresh conflict.
    return answer.status === 200 ? record(winner, theirs.iri, answer.etag) : unexpected(answer.status === 412 ? { ...answer, status: 0 } : answer);
  }

  /** PUT ours over the version tagged `etag`; a 412 showing ours already there was our own lost answer. */
  async function put(iri: string, etag: string): Promise<Outcome> {
    const answer = await client.replace(iri, etag, ours);
    if (answer.status === 200) return record(ours, iri, answer.etag);
    if (answer.status === 404) return create();
    if (answer.status === 410) return resolve(ours, null);
    if (answer.status === 412) {
      const read = fromServer(answer.body, iri);
      const theirs = read && answer.etag ? { annotation: read.annotation, iri, etag: answer.etag } : await current(iri);
      if (theirs === 'gone') return resolve(ours, null);
      if (theirs === 'missing') return create();
      if (!('etag' in theirs)) return theirs;
      if (sameAnnotation(theirs.annotation, ours)) return record(ours, iri, theirs.etag);
      return resolve(ours, theirs);
    }
    return unexpected(answer);
  }

  /** The resource holds some version of ours (a create answered 409): bring it to ours. */
  async function adopt(iri: string): Promise<Outcome> {
    const theirs = await current(iri);
    if (theirs === 'gone') return resolve(ours, null);
    if (theirs === 'missing') return { kind: 'retry', status: 0 };
    if (!('etag' in theirs)) return theirs;
    if (sameAnnotation(theirs.annotation, ours)) return record(ours, iri, theirs.etag);
    return put(iri, theirs.etag);
  }

  async function create(): Promise<Outcome> {
    const answer = await client.create(container, ours);
    if (answer.status === 201 || answer.status === 200) {
      const iri = answer.location ?? fromServer(answer.body)?.iri ?? guessedIri();
      return record(ours, iri, answer.etag);
    }
    if (answer.status === 409) return adopt(answer.location ?? guessedIri());
    return unexpected(answer);
  }

  const known = await outbox.remote(ours.id);

  /** The ETag of the version our replica holds, or the conflict when the server moved on. */
  async function baseEtag(remote: RemoteRecord, mine: Annotation | null): Promise<string | Outcome> {
    if (remote.etag) return remote.etag;
    // Loaded from a page (no ETags there): the current version is our base only if it is unchanged.
    const theirs = await current(remote.iri);
    if (theirs === 'gone') return mine ? resolve(mine, null) : gone;
    if (theirs === 'missing') return mine ? create() : gone;
    if (!('etag' in theirs)) return theirs;
    if (sameAnnotation(theirs.annotation, remote.annotation)) return theirs.etag;
    return resolve(mine, theirs);
  }

  if (entry.op === 'create') return create();

  if (entry.op === 'update') {
    if (!known) return create();
    const etag = await baseEtag(known, ours);
    return typeof etag === 'string' ? put(known.iri, etag) : etag;
  }

  // A delete.
  const iri = known?.iri ?? (entry.attempted ? guessedIri() : null);
  if (!iri) return gone;
  let etag: string | Outcome;
  if (known) etag = await baseEtag(known, null);
  else {
    // A create that may have landed, answer unknown: whatever version it left is ours to delete.
    const theirs = await current(iri);
    if (theirs === 'gone' || theirs === 'missing') return gone;
    etag = 'etag' in theirs ? theirs.etag : theirs;
  }
  if (typeof etag !== 'string') return etag;
  const answer = await client.remove(iri, etag);
  if (answer.status === 204 || answer.status === 200 || answer.status === 404 || answer.status === 410) return gone;
  if (answer.status === 412) {
    const read = fromServer(answer.body, iri);
    const theirs = read && answer.etag ? { annotation: read.annotation, iri, etag: answer.etag } : await current(iri);
    if (theirs === 'gone' || theirs === 'missing') return gone;
    if (!('etag' in theirs)) return theirs;
    return resolve(null, theirs);
  }
  return unexpected(answer);
}
