/* global fetch */
// The engines the server suite runs on: PGlite (in memory) always, PostgreSQL when
// KOLAM_TEST_DATABASE_URL names one (scripts/test-server.mjs starts one when it can).
export function engines() {
  const list = [{ name: 'PGlite', options: { dataDir: 'memory', databaseUrl: null } }];
  if (process.env.KOLAM_TEST_DATABASE_URL) list.push({ name: 'PostgreSQL', options: { databaseUrl: process.env.KOLAM_TEST_DATABASE_URL } });
  return list;
}

export const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

let counter = 0;
/** A valid box annotation with a fresh uuid. */
export function box(x = 10, source = 'street.png') {
  const uuid = `00000000-0000-4000-8000-${String(++counter).padStart(6, '0')}${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${uuid}`,
    type: 'Annotation',
    motivation: 'tagging',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'car' }],
    target: { source, selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${x},20,30,40` } },
  };
}

export const slugOf = (a) => a.id.replace('urn:uuid:', '');

export async function create(container, annotation, headers = {}) {
  return fetch(container, { method: 'POST', headers: { 'Content-Type': ANNO, Slug: slugOf(annotation), ...headers }, body: JSON.stringify(annotation) });
}
