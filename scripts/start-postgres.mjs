#!/usr/bin/env node
// A throwaway PostgreSQL 15 (Debian's postgresql-15) for the server suite and the server bench:
// its own data directory under the temp dir, listening on 127.0.0.1 only, on a free port. As root
// (CI, our machines) it runs as the `postgres` user, since PostgreSQL refuses to run as root.
//   node scripts/start-postgres.mjs start   → prints `export KOLAM_TEST_DATABASE_URL=…` (for eval)
//   node scripts/start-postgres.mjs stop
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(tmpdir(), 'kolam-postgres');
const STATE = join(ROOT, 'state.json');

/** The directory holding initdb, pg_ctl…: PG_BIN, else Debian's, else the PATH's. */
export function postgresBin() {
  for (const dir of [process.env.PG_BIN, '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'])
    if (dir && existsSync(join(dir, 'pg_ctl'))) return dir;
  try {
    return execFileSync('sh', ['-c', 'dirname "$(command -v pg_ctl)"'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin, args) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts a fresh cluster; resolves to its connection URL. */
export async function startPostgres() {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql-15, or `npm run setup`).');
  await stopPostgres();
  const dataDir = join(ROOT, 'data');
  mkdirSync(ROOT, { recursive: true });
  if (asRoot) chownSync(ROOT, Number(run('/usr/bin/id', ['-u'])), Number(run('/usr/bin/id', ['-g'])));
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  run(join(bin, 'pg_ctl'), [
    '-D', dataDir, '-l', join(ROOT, 'postgres.log'), '-w', '-t', '60',
    '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${ROOT} -c fsync=off`,
    'start',
  ]);
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'kolam']);
  const url = `postgres://postgres@127.0.0.1:${port}/kolam`;
  writeFileSync(STATE, JSON.stringify({ dataDir, port, url, bin }));
  return url;
}

/** Stops the cluster started by startPostgres() and removes its files; nothing when none runs. */
export async function stopPostgres() {
  if (!existsSync(STATE)) {
    rmSync(ROOT, { recursive: true, force: true });
    return;
  }
  const { dataDir, bin } = JSON.parse(readFileSync(STATE, 'utf8'));
  try {
    run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  } catch {
    /* already stopped */
  }
  rmSync(ROOT, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const command = process.argv[2];
  if (command === 'start') console.log(`export KOLAM_TEST_DATABASE_URL=${await startPostgres()}`);
  else if (command === 'stop') await stopPostgres();
  else {
    console.error('usage: node scripts/start-postgres.mjs start|stop');
    process.exit(2);
  }
}
