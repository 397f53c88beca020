// The SQL behind the protocol: each write is one statement, so it is atomic on both engines and a
// retried request finds either nothing or the finished row, never half of one.
const COLUMNS = 'slug, canonical, doc, version, deleted';

function rowOf(result) {
  return result.rows[0] ?? null;
}

export function annotationStore(db) {
  const get = async (container, slug) =>
    rowOf(await db.query(`select ${COLUMNS} from kolam_annotations where container = $1 and slug = $2`, [container, slug]));

  return {
    get,

    /**
     * A POST. A new slug is inserted; a tombstoned one comes back to life (an undone delete); a
     * live one is the retry of a create whose answer was lost: `same` when it carries the stored
     * content (answered as the original create was), else `taken`.
     */
    async create({ container, slug, canonical, source, doc, author }) {
      const json = JSON.stringify(doc);
      const inserted = rowOf(
        await db.query(
          `insert into kolam_annotations (container, slug, canonical, source, doc, author)
           values ($1, $2, $3, $4, $5::jsonb, $6)
           on conflict (container, slug) do update
             set doc = excluded.doc, canonical = excluded.canonical, source = excluded.source, author = excluded.author,
                 version = kolam_annotations.version + 1, deleted = false, updated_at = now()
             where kolam_annotations.deleted
           returning ${COLUMNS}`,
          [container, slug, canonical, source, json, author],
        ),
      );
      if (inserted) return { status: 'created', row: inserted };
      const existing = rowOf(
        await db.query(`select ${COLUMNS}, doc = $3::jsonb as same from kolam_annotations where container = $1 and slug = $2`, [
          container,
          slug,
          json,
        ]),
      );
      if (!existing) return this.create({ container, slug, canonical, source, doc, author });
      return { status: existing.same ? 'same' : 'taken', row: existing };
    },

    /** A PUT with If-Match: replaced only when `version` is still the stored one. */
    async replace({ container, slug, version, canonical, source, doc, author }) {
      const updated = rowOf(
        await db.query(
          `update kolam_annotations
             set doc = $4::jsonb, canonical = coalesce($5, canonical), source = $6, author = $7, version = version + 1, updated_at = now()
           where container = $1 and slug = $2 and version = $3 and not deleted
           returning ${COLUMNS}`,
          [container, slug, version, JSON.stringify(doc), canonical, source, author],
        ),
      );
      if (updated) return { status: 'ok', row: updated };
      return missingOrStale(await get(container, slug));
    },

    /** A DELETE with If-Match: leaves a tombstone, with a new version. */
    async remove({ container, slug, version, author }) {
      const removed = rowOf(
        await db.query(
          `update kolam_annotations set deleted = true, version = version + 1, author = $4, updated_at = now()
           where container = $1 and slug = $2 and version = $3 and not deleted
           returning ${COLUMNS}`,
          [container, slug, version, author],
        ),
      );
      if (removed) return { status: 'ok', row: removed };
      return missingOrStale(await get(container, slug));
    },

    /** One page of a container's live annotations (of one source, when given), oldest first. */
    async list({ container, source, offset, limit }) {
      const filter = source == null ? '' : 'and source = $2';
      const params = source == null ? [container] : [container, source];
      const total = Number(
        rowOf(await db.query(`select count(*)::int as n from kolam_annotations where container = $1 and not deleted ${filter}`, params)).n,
      );
      const rows = (
        await db.query(
          `select ${COLUMNS} from kolam_annotations where container = $1 and not deleted ${filter}
           order by seq limit ${Number(limit)} offset ${Number(offset)}`,
          params,
        )
      ).rows;
      return { total, rows };
    },
  };
}

function missingOrStale(row) {
  if (!row) return { status: 'missing', row: null };
  if (row.deleted) return { status: 'gone', row };
  return { status: 'stale', row };
}
