// Small pieces of HTTP the protocol handler needs: reading a bounded JSON body, answering JSON,
// CORS for the host page's origin, bearer tokens.
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNO_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export class HttpError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** Reads the request body as JSON, refusing more than `limit` bytes and anything not JSON. */
export async function readJson(req, limit) {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/ld+json' && type !== 'application/json')
    throw new HttpError(415, 'unsupported-media-type', `Send the annotation as ${ANNO_TYPE}.`);
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new HttpError(413, 'too-large', `The body is over the limit of ${limit} bytes.`);
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'too-large', `The body is over the limit of ${limit} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'invalid-json', `The body is not JSON: ${error.message}`);
  }
}

export function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'Content-Type': headers['Content-Type'] ?? 'application/json; charset=utf-8' }),
    ...headers,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Whether a page on `origin` may call us: the configured list, `*`, or (by default) loopback pages. */
export function originAllowed(origin, allowed) {
  if (!origin) return false;
  if (!allowed) return LOOPBACK.test(origin);
  return allowed.includes('*') || allowed.includes(origin);
}

export function corsHeaders(req, allowed) {
  const origin = req.headers.origin;
  if (!originAllowed(origin, allowed)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'ETag, Location, Link, Allow',
    Vary: 'Origin, Accept, Prefer',
  };
}

export function preflightHeaders(req, allowed) {
  return {
    ...corsHeaders(req, allowed),
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, If-Match, Slug, Authorization, Prefer, Accept',
    'Access-Control-Max-Age': '600',
  };
}

/** The annotator a bearer token stands for; null when no tokens are configured (open server). */
export function annotatorOf(req, tokens) {
  if (!tokens) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  const annotator = match && tokens.get(match[1]);
  if (!annotator)
    throw new HttpError(401, 'unauthorized', 'A bearer token of a configured annotator is required.', { 'WWW-Authenticate': 'Bearer' });
  return annotator;
}

/** `"7"` → 7; a weak or unreadable tag never matches (If-Match compares strongly). */
export function versionOf(ifMatch) {
  const match = /^\s*"(\d+)"\s*$/.exec(ifMatch ?? '');
  return match ? Number(match[1]) : null;
}
