// One schema, one SQL dialect, for PGlite and PostgreSQL alike. A row per annotation ever created
// in a container; a delete leaves a tombstone (deleted = true, doc kept) so a stale client gets 410.
// `version` is the strong ETag: it only grows, even across a delete and a re-create.
export const SCHEMA = `
create table if not exists kolam_annotations (
  seq bigserial primary key,
  container text not null,
  slug text not null,
  canonical text,
  source text,
  doc jsonb not null,
  version integer not null default 1,
  deleted boolean not null default false,
  author text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (container, slug)
);
create index if not exists kolam_annotations_by_source on kolam_annotations (container, source, seq);
`;
