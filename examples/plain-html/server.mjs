#!/usr/bin/env node
// Serves this folder (the page, app.js, and node_modules/kolam/dist/kolam.bundle.js) with the
// strictest policy Kolam promises to work under, as a real HTTP header:
//   npm install && npm start   (PORT=8080 by default; PORT=0 picks a free port)
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "style-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html kolam',
].join('; ');

const root = resolve(import.meta.dirname);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.wav': 'audio/wav', '.json': 'application/json', '.map': 'application/json' };

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(root, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not found');
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'cache-control': 'no-store',
  });
  res.end(readFileSync(file));
});

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
  console.log(`Kolam plain-HTML example on http://127.0.0.1:${server.address().port}/`);
});
