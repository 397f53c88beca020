/* global clearTimeout */
// Lets the sync tests run the real annotation server and break it: each server is a child process
// (`node server/index.mjs`, PGlite in its own temp data directory) that a test can SIGKILL and
// restart on the same port and data; a fault-injecting proxy in front of it forwards requests and,
// when told, lets the server commit and then cuts the connection before the answer. All on 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const servers = new Map();
const proxies = new Map();

function launch(server) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/index.mjs', '--port', String(server.port)], {
      env: { ...process.env, KOLAM_DATA_DIR: server.dataDir, KOLAM_PAGE_SIZE: String(server.pageSize), KOLAM_TOKENS: server.tokens ?? '', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.child = child;
    let output = '';
    const timeout = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    const onData = (data) => {
      output += data;
      const match = /container: (http:\/\/127\.0\.0\.1:(\d+)\/\S*)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        server.port = Number(match[2]);
        server.containerUrl = match[1];
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => {
      clearTimeout(timeout);
      server.child = null;
      if (!server.containerUrl) reject(new Error(`server exited (${code}): ${output}`));
    });
  });
}

function exited(child) {
  return child && child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
}

const serverActions = {
  // Starting PGlite can take longer than a test-runner command may (20 s) on a loaded machine, so
  // start and restart return at once and the test polls `ready`.
  async start({ name, pageSize = 100, tokens }) {
    await serverActions.stop({ name });
    const server = { name, port: 0, pageSize, tokens, dataDir: mkdtempSync(join(tmpdir(), 'kolam-sync-test-')), child: null, containerUrl: null };
    servers.set(name, server);
    server.starting = launch(server).catch((error) => (server.failure = error.message));
    return {};
  },
  async ready({ name }) {
    const server = servers.get(name);
    if (server?.failure) throw new Error(server.failure);
    await Promise.race([server?.starting, new Promise((r) => setTimeout(r, 5000))]);
    // (null would read as "no plugin handles this command")
    return server?.containerUrl && server.child ? { containerUrl: server.containerUrl, port: server.port } : { containerUrl: null };
  },
  /** SIGKILL: no shutdown, no flush; what the database committed is all that survives. */
  async kill({ name }) {
    const server = servers.get(name);
    if (!server?.child) return { killed: false };
    const child = server.child;
    child.kill('SIGKILL');
    await exited(child);
    return { killed: true };
  },
  async restart({ name }) {
    const server = servers.get(name);
    server.failure = null;
    server.starting = launch(server).catch((error) => (server.failure = error.message));
    return {};
  },
  async stop({ name }) {
    const server = servers.get(name);
    if (!server) return {};
    if (server.child) {
      const child = server.child;
      child.kill('SIGTERM');
      await exited(child);
    }
    rmSync(server.dataDir, { recursive: true, force: true });
    servers.delete(name);
    return {};
  },
};

const proxyActions = {
  async start({ name, target }) {
    await proxyActions.stop({ name });
    const proxy = { log: [], drops: [], server: null, upstream: new URL(target) };
    proxy.server = createServer(async (req, res) => {
      if (proxy.delay) await new Promise((r) => setTimeout(r, proxy.delay));
      const rule = proxy.drops.find((d) => d.count > 0 && d.method === req.method);
      if (rule) rule.count--;
      const entry = { method: req.method, path: req.url, status: null, dropped: Boolean(rule) };
      proxy.log.push(entry);
      const forward = request(
        { host: proxy.upstream.hostname, port: proxy.upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          entry.status = answer.statusCode;
          if (rule) {
            // The server has committed and answered; the client never hears it.
            answer.resume();
            answer.once('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      forward.once('error', () => req.socket.destroy());
      req.pipe(forward);
    });
    await new Promise((r) => proxy.server.listen(0, '127.0.0.1', r));
    proxies.set(name, proxy);
    return { url: `http://127.0.0.1:${proxy.server.address().port}` };
  },
  /** Points the proxy at another upstream (a dead port: the server is away). */
  async target({ name, target }) {
    proxies.get(name).upstream = new URL(target);
    return {};
  },
  /** Holds every request `ms` before forwarding it: a slow network, so a drain can be cut midway. */
  async delay({ name, ms }) {
    proxies.get(name).delay = ms;
    return {};
  },
  async drop({ name, method, count = 1 }) {
    proxies.get(name).drops.push({ method, count });
    return {};
  },
  async log({ name }) {
    return { log: proxies.get(name)?.log ?? [] };
  },
  async stop({ name }) {
    const proxy = proxies.get(name);
    if (!proxy) return {};
    await new Promise((r) => {
      proxy.server.close(r);
      proxy.server.closeAllConnections();
    });
    proxies.delete(name);
    return {};
  },
};

export function syncPlugin() {
  return {
    name: 'kolam-sync',
    async executeCommand({ command, payload }) {
      if (command === 'kolam-sync-server') return serverActions[payload.action](payload);
      if (command === 'kolam-sync-proxy') return proxyActions[payload.action](payload);
      return undefined;
    },
    async serverStop() {
      for (const name of [...proxies.keys()]) await proxyActions.stop({ name });
      for (const name of [...servers.keys()]) await serverActions.stop({ name });
    },
  };
}
