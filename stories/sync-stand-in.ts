/**
 * A STAND-IN for the network, for Storybook only (it runs no server): a `fetch` answering like the
 * reference server (`npm run server`) from a Map in this page — POST with Slug, GET, PUT/DELETE
 * with If-Match, one AnnotationPage — that can be switched "offline" (every request then fails as
 * a dropped connection does). Real sync code runs against it unchanged, through `options.fetch`.
 */
const TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

interface Stored {
  doc: Record<string, unknown>;
  version: number;
  deleted: boolean;
}

export class StandInServer {
  online = true;
  readonly container = 'https://stand-in.invalid/annotations/';
  private readonly rows = new Map<string, Stored>();
  /** Called after every change to what it holds. */
  onchange: (() => void) | null = null;

  get held(): Array<Record<string, unknown>> {
    return [...this.rows].filter(([, r]) => !r.deleted).map(([slug, r]) => ({ ...r.doc, id: this.container + slug }));
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    await new Promise((r) => setTimeout(r, 120)); // a little latency, so "Saving…" can be seen
    if (!this.online) throw new TypeError('Failed to fetch (the stand-in server is offline)');
    const url = new URL(String(input instanceof Request ? input.url : input));
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    const slug = url.pathname.replace(/^\/annotations\/?/, '');
    const answer = (status: number, body?: unknown, extra: Record<string, string> = {}) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': TYPE, ...extra } });
    const tagged = (s: string, r: Stored, status = 200) =>
      answer(status, { ...r.doc, id: this.container + s }, { ETag: `"${r.version}"`, Location: this.container + s });
    const changed = (response: Response) => (this.onchange?.(), response);

    if (!slug && method === 'GET') {
      const items = this.held.map((doc) => ({ ...doc, canonical: (this.rows.get(String(doc.id).slice(this.container.length))!.doc as { canonical: string }).canonical }));
      return answer(200, { type: ['BasicContainer', 'AnnotationCollection'], total: items.length, first: { type: 'AnnotationPage', items } });
    }
    if (!slug && method === 'POST') {
      const body = JSON.parse(String(init.body));
      const name = headers.get('Slug') ?? crypto.randomUUID();
      const row = this.rows.get(name);
      const doc = { ...body, canonical: body.id };
      if (row && !row.deleted) return JSON.stringify(row.doc) === JSON.stringify(doc) ? tagged(name, row) : answer(409, undefined, { Location: this.container + name });
      const stored = { doc, version: (row?.version ?? 0) + 1, deleted: false };
      this.rows.set(name, stored);
      return changed(tagged(name, stored, 201));
    }
    const row = this.rows.get(slug);
    if (!row) return answer(404);
    if (row.deleted) return answer(410);
    if (method === 'GET') return tagged(slug, row);
    if (headers.get('If-Match') !== `"${row.version}"`) return tagged(slug, row, 412);
    row.version++;
    if (method === 'DELETE') {
      row.deleted = true;
      return changed(answer(204));
    }
    row.doc = { ...JSON.parse(String(init.body)), canonical: row.doc.canonical };
    return changed(tagged(slug, row));
  };
}
