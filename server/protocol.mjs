// The W3C Web Annotation Protocol, the subset Kolam's sync speaks: containers (any path ending in
// "/"), POST with Slug, GET/PUT/DELETE of one annotation with strong ETags and If-Match, paged
// listing (AnnotationPage) with `?source=`, and tombstones that answer 410.
import { randomUUID } from 'node:crypto';
import { URLSearchParams } from 'node:url';
import { annotationStore } from './annotations.mjs';
import {
  ANNO_CONTEXT,
  ANNO_TYPE,
  HttpError,
  annotatorOf,
  corsHeaders,
  originAllowed,
  preflightHeaders,
  readJson,
  send,
  versionOf,
} from './http-utils.mjs';
import { problemWith, sourceOf } from './validate.mjs';

const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld';
const SERVICE_REL = 'http://www.w3.org/ns/oa#annotationService';
const CONTAINED_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';
const PATH = /^\/((?:[A-Za-z0-9._~-]+\/)+)([A-Za-z0-9._~-]*)$/;
const HOST = /^[A-Za-z0-9.\-:[\]]+$/;

/** A slug we can put in a path: the client's (our uuid) when it is path-safe, else a fresh uuid. */
function slugFrom(header) {
  const slug = String(header ?? '').trim();
  return /^[A-Za-z0-9._~-]{1,128}$/.test(slug) ? slug : randomUUID();
}

/** What we store: the annotation without its ids (the IRI is ours, the canonical id has a column). */
function docOf(body) {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'id' && key !== 'canonical'));
}

/** The client's own id for the annotation (Kolam's urn:uuid), kept beside our IRI as `canonical`. */
function canonicalOf(body, iri) {
  if (typeof body.canonical === 'string' && body.canonical) return body.canonical;
  if (typeof body.id === 'string' && body.id && body.id !== iri) return body.id;
  return null;
}

export function protocolHandler(db, config) {
  const store = annotationStore(db);
  const { cors, tokens, bodyLimit, pageSize, defaultContainer } = config;

  const baseOf = (req) => {
    const host = String(req.headers.host ?? '');
    return config.baseUrl ?? `http://${HOST.test(host) ? host : `127.0.0.1:${config.port}`}`;
  };

  function present(row, iri) {
    const { '@context': context, ...doc } = row.doc;
    return { '@context': context ?? ANNO_CONTEXT, id: iri, ...(row.canonical ? { canonical: row.canonical } : {}), ...doc };
  }

  function annotationHeaders(row, iri) {
    return {
      'Content-Type': ANNO_TYPE,
      ETag: `"${row.version}"`,
      Location: iri,
      Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
      Allow: 'GET, HEAD, PUT, DELETE, OPTIONS',
    };
  }

  async function validBody(req) {
    const body = await readJson(req, bodyLimit);
    const problem = problemWith(body);
    if (problem) throw new HttpError(400, problem.code, problem.message);
    return body;
  }

  async function listContainer(req, res, url, container, headers) {
    const source = url.searchParams.get('source');
    const containerIri = `${baseOf(req)}/${container}`;
    const query = (page) => {
      const params = new URLSearchParams();
      if (source != null) params.set('source', source);
      if (page != null) params.set('page', String(page));
      const text = params.toString();
      return `${containerIri}${text ? `?${text}` : ''}`;
    };
    const pageParam = url.searchParams.get('page');
    const page = pageParam == null ? null : Number(pageParam);
    if (page != null && !(Number.isInteger(page) && page >= 0)) throw new HttpError(400, 'bad-page', '"page" is a whole number from 0.');
    const { total, rows } = await store.list({ container, source, offset: (page ?? 0) * pageSize, limit: pageSize });
    const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
    const pageOf = (n) => ({
      '@context': ANNO_CONTEXT,
      id: query(n),
      type: 'AnnotationPage',
      partOf: { id: query(null), total },
      startIndex: n * pageSize,
      ...(n < lastPage ? { next: query(n + 1) } : {}),
      ...(n > 0 ? { prev: query(n - 1) } : {}),
      items: rows.map((row) => present(row, `${containerIri}${row.slug}`)),
    });
    const typeHeaders = { ...headers, 'Content-Type': ANNO_TYPE, Allow: 'GET, HEAD, POST, OPTIONS' };
    if (page != null) return send(res, 200, pageOf(page), typeHeaders);
    const embed = String(req.headers.prefer ?? '').includes(CONTAINED_DESCRIPTIONS);
    send(
      res,
      200,
      {
        '@context': [ANNO_CONTEXT, LDP_CONTEXT],
        id: query(null),
        type: ['BasicContainer', 'AnnotationCollection'],
        total,
        first: embed ? pageOf(0) : query(0),
        last: query(lastPage),
      },
      {
        ...typeHeaders,
        Link: '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
      },
    );
  }

  async function create(req, res, container, headers, author) {
    const body = await validBody(req);
    const slug = slugFrom(req.headers.slug);
    const iri = `${baseOf(req)}/${container}${slug}`;
    const result = await store.create({ container, slug, canonical: canonicalOf(body, iri), source: sourceOf(body), doc: docOf(body), author });
    const status = result.status === 'created' ? 201 : result.status === 'same' ? 200 : 409;
    if (status === 409)
      return send(res, 409, { error: 'slug-taken', message: `${iri} holds another annotation; GET it and PUT with its ETag.` }, { ...headers, Location: iri });
    send(res, status, present(result.row, iri), { ...headers, ...annotationHeaders(result.row, iri) });
  }

  async function conditional(req, res, container, slug, headers, author) {
    const iri = `${baseOf(req)}/${container}${slug}`;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const row = await store.get(container, slug);
      if (!row) throw new HttpError(404, 'not-found', `No annotation at ${iri}.`);
      if (row.deleted) throw new HttpError(410, 'gone', `The annotation at ${iri} was deleted.`, { ETag: `"${row.version}"` });
      return send(res, 200, present(row, iri), { ...headers, ...annotationHeaders(row, iri) });
    }
    if (req.method !== 'PUT' && req.method !== 'DELETE')
      throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on an annotation.`, { Allow: 'GET, HEAD, PUT, DELETE, OPTIONS' });
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) throw new HttpError(428, 'precondition-required', `${req.method} needs If-Match with the annotation's ETag.`);
    const body = req.method === 'PUT' ? await validBody(req) : null;
    let version = versionOf(ifMatch);
    if (ifMatch.trim() === '*') version = (await store.get(container, slug))?.version ?? -1;
    const result =
      req.method === 'PUT'
        ? await store.replace({ container, slug, version, canonical: canonicalOf(body, iri), source: sourceOf(body), doc: docOf(body), author })
        : await store.remove({ container, slug, version, author });
    if (result.status === 'missing') throw new HttpError(404, 'not-found', `No annotation at ${iri}.`);
    if (result.status === 'gone') throw new HttpError(410, 'gone', `The annotation at ${iri} was deleted.`, { ETag: `"${result.row.version}"` });
    if (result.status === 'stale')
      // The current version comes with the 412, so the client can keep both without another GET.
      return send(res, 412, present(result.row, iri), { ...headers, ...annotationHeaders(result.row, iri) });
    if (req.method === 'DELETE') return send(res, 204, undefined, { ...headers, ETag: `"${result.row.version}"` });
    send(res, 200, present(result.row, iri), { ...headers, ...annotationHeaders(result.row, iri) });
  }

  async function route(req, res) {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'OPTIONS') {
      if (req.headers.origin && !originAllowed(req.headers.origin, cors)) return send(res, 403, { error: 'origin-not-allowed', message: 'This origin is not in the CORS list.' });
      return send(res, 204, undefined, { ...preflightHeaders(req, cors), Allow: 'GET, HEAD, POST, PUT, DELETE, OPTIONS' });
    }
    const headers = corsHeaders(req, cors);
    if (url.pathname === '/') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', 'GET / only.', { Allow: 'GET, HEAD, OPTIONS' });
      const container = `${baseOf(req)}/${defaultContainer}`;
      return send(res, 200, { name: 'Kolam annotation server', container }, { ...headers, Link: `<${container}>; rel="${SERVICE_REL}"` });
    }
    const author = annotatorOf(req, tokens);
    const match = PATH.exec(url.pathname);
    if (!match) throw new HttpError(404, 'not-found', 'Not a container or annotation path.');
    const [, container, slug] = match;
    if (slug) return conditional(req, res, container, slug, headers, author);
    if (req.method === 'GET' || req.method === 'HEAD') return listContainer(req, res, url, container, headers);
    if (req.method === 'POST') return create(req, res, container, headers, author);
    throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on a container.`, { Allow: 'GET, HEAD, POST, OPTIONS' });
  }

  return async function handle(req, res) {
    try {
      await route(req, res);
    } catch (error) {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError)
        return send(res, error.status, { error: error.code, message: error.message }, { ...corsHeaders(req, cors), ...error.headers });
      console.error('[kolam-server]', error);
      send(res, 500, { error: 'internal', message: 'The server failed; the request can be retried.' }, corsHeaders(req, cors));
    }
  };
}
