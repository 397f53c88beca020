// The server's database: PostgreSQL when DATABASE_URL is set, else PGlite (Postgres compiled to
// WASM, from npm) keeping its files in the data directory. Both answer `query(sql, params)` with
// `{ rows }`, so the SQL in annotations.mjs is written once.
import { mkdir } from 'node:fs/promises';
import { SCHEMA } from './schema.mjs';

async function openPostgres(url) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // Fail at start, not at the first request, when the URL is wrong or the server is away.
  await pool.query('select 1');
  return {
    engine: 'postgresql',
    query: (sql, params) => pool.query(sql, params),
    exec: (sql) => pool.query(sql),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir !== 'memory') await mkdir(dataDir, { recursive: true });
  const db = new PGlite(dataDir === 'memory' ? undefined : dataDir);
  await db.waitReady;
  return {
    engine: 'pglite',
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
}

/**
 * Opens the database and makes sure the schema is there. `dataDir: 'memory'` keeps PGlite in memory
 * (tests).
 */
export async function openDatabase({ databaseUrl, dataDir }) {
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir);
  await db.exec(SCHEMA);
  return db;
}
