// Starts the reference annotation server: opens the database, listens on 127.0.0.1 only.
import { createServer } from 'node:http';
import { configFrom } from './config.mjs';
import { openDatabase } from './database.mjs';
import { protocolHandler } from './protocol.mjs';

/**
 * Starts a server; `overrides` replace settings read from the environment (tests pass their own).
 * Resolves to `{ url, containerUrl, engine, close() }` once it listens.
 */
export async function startServer(overrides = {}) {
  const config = { ...configFrom(), ...overrides };
  const db = await openDatabase(config);
  const server = createServer(protocolHandler(db, config));
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  config.port = port;
  const url = config.baseUrl ?? `http://127.0.0.1:${port}`;
  return {
    url,
    containerUrl: `${url}/${config.defaultContainer}`,
    engine: db.engine,
    async close() {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
