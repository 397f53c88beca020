#!/usr/bin/env node
// The server suite (node --test test/server/) on both engines: PGlite always, and PostgreSQL at
// KOLAM_TEST_DATABASE_URL, or one started here for the run when PostgreSQL is installed (in CI,
// where it must be, a missing PostgreSQL fails the run).
import { spawnSync } from 'node:child_process';
import { postgresBin, startPostgres, stopPostgres } from './start-postgres.mjs';

let started = false;
if (!process.env.KOLAM_TEST_DATABASE_URL) {
  if (postgresBin()) {
    process.env.KOLAM_TEST_DATABASE_URL = await startPostgres();
    started = true;
  } else if (process.env.CI) {
    console.error('[kolam] PostgreSQL is not installed: the server suite must run on it in CI (npm run setup).');
    process.exit(1);
  } else console.warn('[kolam] PostgreSQL is not installed: the server suite runs on PGlite only (npm run setup installs it).');
}
const result = spawnSync(process.execPath, ['--import', './server/load-ts.mjs', '--test', '--test-concurrency=1', 'test/server/'], { stdio: 'inherit' });
if (started) await stopPostgres();
process.exit(result.status ?? 1);
