import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import { retryDelay } from '../../src/sync/backoff.js';
import { foldChange, type OutboxEntry } from '../../src/sync/outbox-entry.js';
import { fromServer, slugOf } from '../../src/sync/protocol-client.js';
import { sameAnnotation } from '../../src/sync/same-annotation.js';

const a = (value: string): Annotation =>
  ({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:1', type: 'Annotation', body: [], target: { source: 's', selector: { type: 'FragmentSelector', value } } }) as unknown as Annotation;

const fold = (ops: Array<['create' | 'update' | 'delete', string]>, attemptedAfter = -1): OutboxEntry | null => {
  let entry: OutboxEntry | null = null;
  ops.forEach(([op, value], i) => {
    entry = foldChange(entry ?? undefined, { op, annotation: a(value) }, 'c/', 1);
    if (entry && i === attemptedAfter) entry = { ...entry, attempted: true };
  });
  return entry;
};

describe('folding changes into one outbox entry per annotation', () => {
  it('makes a create and its updates one create with the last version', () => {
    const entry = fold([['create', '1'], ['update', '2'], ['update', '3']])!;
    expect([entry.op, (entry.annotation.target as any).selector.value, entry.rev]).to.deep.equal(['create', '3', 3]);
  });
  it('leaves nothing of a create deleted before it was sent', () => {
    expect(fold([['create', '1'], ['update', '2'], ['delete', '2']])).to.equal(null);
  });
  it('keeps the delete of a create that may have reached the server', () => {
    expect(fold([['create', '1'], ['delete', '1']], 0)!.op).to.equal('delete');
  });
  it('makes updates then a delete one delete', () => {
    expect(fold([['update', '1'], ['update', '2'], ['delete', '2']])!.op).to.equal('delete');
  });
  it('turns an unsent delete undone into an update, a sent one into a create that revives it', () => {
    expect(fold([['delete', '1'], ['create', '1']])!.op).to.equal('update');
    const revived = fold([['delete', '1'], ['create', '1']], 0)!;
    expect([revived.op, revived.attempted]).to.deep.equal(['create', true]);
  });
  it('keeps the order of the first change and clears a refusal when the entry changes', () => {
    const first = foldChange(undefined, { op: 'update', annotation: a('1') }, 'c/', 7)!;
    const next = foldChange({ ...first, failed: { status: 400, message: 'no' } }, { op: 'update', annotation: a('2') }, 'c/', 9)!;
    expect([next.seq, next.failed]).to.deep.equal([7, undefined]);
  });
});

describe('sync helpers', () => {
  it('backs off doubling, capped, with half of it random', () => {
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, 500, 4000, () => 0))).to.deep.equal([250, 500, 1000, 2000, 2000]);
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, 500, 4000, () => 1))).to.deep.equal([500, 1000, 2000, 4000, 4000]);
  });
  it('names a create by our uuid', () => {
    expect(slugOf('urn:uuid:6f1c0e1a-0000-4000-8000-000000000001')).to.equal('6f1c0e1a-0000-4000-8000-000000000001');
    expect(slugOf('urn:x:a b/c')).to.equal('urn-x-a-b-c');
  });
  it("reads the server's annotation back under our id, its IRI beside it", () => {
    expect(fromServer({ id: 'http://s/a/1', canonical: 'urn:uuid:1', type: 'Annotation' })).to.deep.equal({
      annotation: { id: 'urn:uuid:1', type: 'Annotation' },
      iri: 'http://s/a/1',
    });
    expect(fromServer({ id: 'http://s/a/2' })!.annotation.id, 'no canonical: the IRI is the id').to.equal('http://s/a/2');
    expect(fromServer(null)).to.equal(null);
    expect(fromServer([1])).to.equal(null);
  });
  it('compares annotations whatever their key order', () => {
    expect(sameAnnotation({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).to.equal(true);
    expect(sameAnnotation({ a: 1 }, { a: 2 })).to.equal(false);
  });
});
