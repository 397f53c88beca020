#!/usr/bin/env node
// `npm run server`: the reference Web Annotation server Kolam's sync talks to. Settings: README,
// "The annotation server".
import './load-ts.mjs';

const { startServer } = await import('./server.mjs');
try {
  const server = await startServer();
  console.log(`Kolam annotation server (${server.engine}) — container: ${server.containerUrl}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`[kolam-server] could not start: ${error.message}`);
  process.exit(1);
}
