/* global fetch */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../server/server.mjs';
import { ANNO, box, create, engines, slugOf } from './engines.mjs';

for (const engine of engines()) {
  describe(`annotation server on ${engine.name}`, () => {
    let server;
    let container;
    before(async () => {
      server = await startServer({ ...engine.options, port: 0, pageSize: 3, cors: null, tokens: null });
    });
    after(() => server.close());
    // A container per test, so each starts empty (the PostgreSQL database is shared by the runs).
    const fresh = () => (container = `${server.url}/t${Math.random().toString(36).slice(2)}/`);

    it('links GET / to its container with rel annotationService', async () => {
      const res = await fetch(`${server.url}/`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('link'), `<${server.url}/annotations/>; rel="http://www.w3.org/ns/oa#annotationService"`);
    });

    it('creates at container + Slug, answering 201 with Location, a strong ETag and our id as canonical', async () => {
      fresh();
      const a = box();
      const res = await create(container, a);
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('location'), `${container}${slugOf(a)}`);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.equal(res.headers.get('content-type'), ANNO);
      const body = await res.json();
      assert.equal(body.id, `${container}${slugOf(a)}`);
      assert.equal(body.canonical, a.id);
      assert.deepEqual(body.target, a.target);
    });

    it('answers a repeated create (a retry) as the first, never storing it twice', async () => {
      fresh();
      const a = box();
      const answers = await Promise.all(Array.from({ length: 6 }, () => create(container, a)));
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 201]);
      assert.ok(answers.every((r) => r.headers.get('etag') === '"1"'));
      const page = await (await fetch(`${container}?page=0`)).json();
      assert.equal(page.items.length, 1);
    });

    it('answers 409 with the Location when the Slug holds other content', async () => {
      fresh();
      const a = box();
      await create(container, a);
      const res = await create(container, { ...a, target: { ...a.target, selector: { ...a.target.selector, value: 'xywh=pixel:1,1,1,1' } } });
      assert.equal(res.status, 409);
      assert.equal(res.headers.get('location'), `${container}${slugOf(a)}`);
    });

    it('replaces with If-Match: 428 without it, 412 with a stale one (carrying the current version), 200 and a new ETag with the current', async () => {
      fresh();
      const a = box();
      const iri = (await create(container, a)).headers.get('location');
      const moved = { ...a, target: { ...a.target, selector: { ...a.target.selector, value: 'xywh=pixel:50,20,30,40' } } };
      const put = (etag) => fetch(iri, { method: 'PUT', headers: { 'Content-Type': ANNO, ...(etag ? { 'If-Match': etag } : {}) }, body: JSON.stringify(moved) });
      assert.equal((await put(null)).status, 428);
      assert.equal((await put('"7"')).status, 412);
      assert.equal((await put('W/"1"')).status, 412, 'a weak tag never matches');
      const ok = await put('"1"');
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('etag'), '"2"');
      const stale = await put('"1"');
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get('etag'), '"2"');
      assert.equal((await stale.json()).target.selector.value, 'xywh=pixel:50,20,30,40');
      const got = await fetch(iri);
      assert.equal(got.headers.get('etag'), '"2"');
      assert.equal((await got.json()).canonical, a.id);
    });

    it('deletes with If-Match, leaving a tombstone that answers 410; a create with the same Slug revives it with a newer ETag', async () => {
      fresh();
      const a = box();
      const iri = (await create(container, a)).headers.get('location');
      assert.equal((await fetch(iri, { method: 'DELETE' })).status, 428);
      assert.equal((await fetch(iri, { method: 'DELETE', headers: { 'If-Match': '"9"' } })).status, 412);
      const gone = await fetch(iri, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
      assert.equal(gone.status, 204);
      assert.equal((await fetch(iri)).status, 410);
      assert.equal((await fetch(iri, { method: 'DELETE', headers: { 'If-Match': '"2"' } })).status, 410);
      assert.equal((await fetch(iri, { method: 'PUT', headers: { 'Content-Type': ANNO, 'If-Match': '"2"' }, body: JSON.stringify(a) })).status, 410);
      assert.equal((await (await fetch(`${container}?page=0`)).json()).items.length, 0);
      const back = await create(container, a);
      assert.equal(back.status, 201);
      assert.equal(back.headers.get('etag'), '"3"');
      assert.equal((await fetch(iri)).status, 200);
    });

    it('lists one source in AnnotationPages, oldest first, with next links and the total', async () => {
      fresh();
      const street = [1, 2, 3, 4, 5, 6, 7].map((x) => box(x));
      for (const a of street) await create(container, a);
      await create(container, box(8, 'other.png'));
      const listing = await (await fetch(`${container}?source=street.png`)).json();
      assert.deepEqual(listing.type, ['BasicContainer', 'AnnotationCollection']);
      assert.equal(listing.total, 7);
      const seen = [];
      for (let page = listing.first, n = 0; page && n < 10; n++) {
        const body = await (await fetch(page)).json();
        assert.equal(body.type, 'AnnotationPage');
        assert.equal(body.partOf.total, 7);
        assert.equal(body.startIndex, seen.length);
        seen.push(...body.items.map((i) => i.canonical));
        page = body.next;
      }
      assert.deepEqual(seen, street.map((a) => a.id));
      const embedded = await (
        await fetch(container, { headers: { Prefer: 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"' } })
      ).json();
      assert.equal(embedded.total, 8);
      assert.equal(embedded.first.items.length, 3);
    });

    it('refuses what the tools would refuse, with their reason, and goes on answering', async () => {
      fresh();
      const bad = async (body, type = ANNO) => {
        const res = await fetch(container, { method: 'POST', headers: { 'Content-Type': type }, body });
        return [res.status, (await res.json()).error];
      };
      assert.deepEqual(await bad('{"type":'), [400, 'invalid-json']);
      assert.deepEqual(await bad('[1,2]'), [400, 'invalid-annotation']);
      assert.deepEqual(await bad(JSON.stringify({ type: 'Annotation', target: { source: 'x' } })), [400, 'unknown-selector']);
      const negative = box();
      negative.target.selector.value = 'xywh=pixel:10,20,-30,40';
      assert.deepEqual(await bad(JSON.stringify(negative)), [400, 'invalid-geometry']);
      assert.deepEqual(await bad(JSON.stringify(box()), 'text/plain'), [415, 'unsupported-media-type']);
      const huge = box();
      huge.body[0].value = 'x'.repeat(2 * 1024 * 1024);
      assert.deepEqual(await bad(JSON.stringify(huge)), [413, 'too-large']);
      assert.equal((await create(container, box())).status, 201);
    });
  });
}

describe('annotation server settings', () => {
  it('answers CORS for loopback pages by default, and for the configured origins only when set', async () => {
    const preflight = (url, origin) =>
      fetch(`${url}/annotations/`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'if-match, content-type' } });
    const open = await startServer({ dataDir: 'memory', databaseUrl: null, port: 0, cors: null, tokens: null });
    const local = await preflight(open.url, 'http://localhost:6006');
    assert.equal(local.status, 204);
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    assert.match(local.headers.get('access-control-allow-headers'), /If-Match/);
    assert.equal((await preflight(open.url, 'https://elsewhere.example')).status, 403);
    const created = await create(`${open.url}/annotations/`, box(), { Origin: 'http://127.0.0.1:8000' });
    assert.match(created.headers.get('access-control-expose-headers'), /ETag/);
    await open.close();
    const listed = await startServer({ dataDir: 'memory', databaseUrl: null, port: 0, cors: ['https://app.example'], tokens: null });
    assert.equal((await preflight(listed.url, 'https://app.example')).status, 204);
    assert.equal((await preflight(listed.url, 'http://localhost:6006')).status, 403);
    await listed.close();
  });

  it('takes a bearer token per annotator when tokens are configured', async () => {
    const server = await startServer({ dataDir: 'memory', databaseUrl: null, port: 0, cors: null, tokens: new Map([['s3cret', 'worker-17']]) });
    const container = `${server.url}/annotations/`;
    assert.equal((await create(container, box())).status, 401);
    assert.equal((await create(container, box(), { Authorization: 'Bearer nope' })).status, 401);
    assert.equal((await fetch(container)).status, 401);
    assert.equal((await create(container, box(), { Authorization: 'Bearer s3cret' })).status, 201);
    await server.close();
  });
});
