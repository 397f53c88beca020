/**
 * The client half of the W3C Web Annotation Protocol, as Kolam's sync uses it. Answers are
 * classified, never thrown: a network failure is `{ status: 0 }`.
 */
import type { Annotation } from '../core/annotation.js';

export const ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const CONTAINED_DESCRIPTIONS = 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"';

export interface Answer {
  /** HTTP status; 0 when no answer came (network down, server away, connection cut). */
  status: number;
  etag: string | null;
  location: string | null;
  body: unknown;
}

/** An annotation as the server gave it: our id back in `id`, the server's IRI beside it. */
export interface ServerAnnotation {
  annotation: Annotation;
  iri: string;
}

/** Reads an annotation from the server: `canonical` holds our urn:uuid id, `id` the server's IRI. */
export function fromServer(body: unknown, fallbackIri: string | null = null): ServerAnnotation | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { canonical, ...rest } = body as Record<string, unknown>;
  const iri = typeof rest.id === 'string' ? rest.id : fallbackIri;
  if (!iri) return null;
  const id = typeof canonical === 'string' && canonical ? canonical : iri;
  return { annotation: { ...rest, id } as Annotation, iri };
}

/** The Slug for a create: our uuid, so a retried POST names the same resource. */
export function slugOf(id: string): string {
  return id.replace(/^urn:uuid:/i, '').replace(/[^A-Za-z0-9._~-]/g, '-').slice(0, 128);
}

export class ProtocolClient {
  constructor(
    private readonly fetcher: typeof fetch,
    private readonly token: (() => Promise<string | undefined>) | undefined,
  ) {}

  private async request(url: string, method: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    const token = await this.token?.().catch(() => undefined);
    let response: Response;
    try {
      response = await this.fetcher(url, {
        method,
        headers: {
          Accept: ANNO_TYPE,
          ...(body === undefined ? {} : { 'Content-Type': ANNO_TYPE }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
        // Cached GETs would hide the ETag a conditional PUT needs.
        cache: 'no-store',
      });
    } catch {
      return { status: 0, etag: null, location: null, body: null };
    }
    let parsed: unknown = null;
    try {
      const text = await response.text();
      parsed = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) return { status: 0, etag: null, location: null, body: null };
    }
    return { status: response.status, etag: response.headers.get('ETag'), location: response.headers.get('Location'), body: parsed };
  }

  create(container: string, annotation: Annotation): Promise<Answer> {
    return this.request(container, 'POST', { Slug: slugOf(annotation.id) }, annotation);
  }

  get(iri: string): Promise<Answer> {
    return this.request(iri, 'GET', {});
  }

  replace(iri: string, etag: string, annotation: Annotation): Promise<Answer> {
    return this.request(iri, 'PUT', { 'If-Match': etag }, { ...annotation, id: iri, canonical: annotation.id });
  }

  remove(iri: string, etag: string): Promise<Answer> {
    return this.request(iri, 'DELETE', { 'If-Match': etag });
  }

  /**
   * Every annotation of `source` in the container, following the AnnotationPages; null when the
   * server can't be reached or answers with an error (the caller keeps its replica then).
   */
  async list(container: string, source: string | null): Promise<ServerAnnotation[] | null> {
    const url = new URL(container);
    if (source != null) url.searchParams.set('source', source);
    const first = await this.request(url.href, 'GET', { Prefer: CONTAINED_DESCRIPTIONS });
    if (first.status !== 200 || !first.body || typeof first.body !== 'object') return null;
    const found: ServerAnnotation[] = [];
    const seen = new Set<string>();
    let page: unknown = (first.body as { first?: unknown }).first;
    // Bounded: a server whose pages loop must not hang the tab.
    for (let pages = 0; page && pages < 100_000; pages++) {
      if (typeof page === 'string') {
        if (seen.has(page)) break;
        seen.add(page);
        const answer = await this.request(page, 'GET', {});
        if (answer.status !== 200) return null;
        page = answer.body;
      }
      const { items, next } = (page ?? {}) as { items?: unknown; next?: unknown };
      for (const item of Array.isArray(items) ? items : []) {
        const read = fromServer(item);
        if (read) found.push(read);
      }
      page = typeof next === 'string' ? next : typeof next === 'object' ? next : null;
      if (typeof page === 'object' && page && typeof (page as { id?: unknown }).id === 'string' && !(page as { items?: unknown }).items)
        page = (page as { id: string }).id;
    }
    return found;
  }
}
