/* global fetch, clearTimeout */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configFrom } from '../../server/config.mjs';
import { box, create } from './engines.mjs';

/** Starts `node server/index.mjs` and resolves with the container URL it prints. */
function run(args, env) {
  const child = spawn(process.execPath, ['server/index.mjs', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no container URL printed: ${out}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = /container: (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, container: match[1] });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const stop = (child) => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));

describe('npm run server', () => {
  it('listens on 127.0.0.1 at --port, prints its container, and keeps what it stored in KOLAM_DATA_DIR across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolam-cli-'));
    try {
      const first = await run(['--port', '0'], { KOLAM_DATA_DIR: dir });
      assert.match(first.container, /^http:\/\/127\.0\.0\.1:\d+\/annotations\/$/);
      const a = box();
      assert.equal((await create(first.container, a)).status, 201);
      await stop(first.child);
      const second = await run([], { KOLAM_DATA_DIR: dir, PORT: '0' });
      const page = await (await fetch(`${second.container}?page=0`)).json();
      assert.deepEqual(page.items.map((i) => i.canonical), [a.id]);
      await stop(second.child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads its settings from the environment', () => {
    const config = configFrom(
      { PORT: '9000', KOLAM_DATA_DIR: '/data', KOLAM_CORS_ORIGINS: 'https://a.example, https://b.example', KOLAM_TOKENS: 'worker-17=t1,worker-18=t2', KOLAM_BODY_LIMIT: '2048' },
      [],
    );
    assert.equal(config.port, 9000);
    assert.equal(config.dataDir, '/data');
    assert.deepEqual(config.cors, ['https://a.example', 'https://b.example']);
    assert.deepEqual([...config.tokens], [['t1', 'worker-17'], ['t2', 'worker-18']]);
    assert.equal(config.bodyLimit, 2048);
    assert.equal(configFrom({ PORT: '9000' }, ['--port', '9100']).port, 9100, '--port wins over PORT');
    assert.equal(configFrom({}, []).dataDir, '.kolam-data');
    assert.equal(configFrom({}, []).cors, null);
    assert.throws(() => configFrom({ PORT: 'eighty' }, []), /not a port/);
  });
});
