#!/usr/bin/env node
// A tiny real server for the example: serves the built app (dist/) and keeps the annotations in
// data/annotations.json. GET /api/annotations loads them, PUT /api/annotations saves them.
//   npm run build && npm run serve   (PORT=3000 by default; PORT=0 picks a free port)
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'dist');
const store = resolve(process.env.DATA_FILE ?? join(import.meta.dirname, 'data/annotations.json'));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wav': 'audio/wav', '.svg': 'image/svg+xml', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/api/annotations') {
    if (req.method === 'PUT') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const annotations = JSON.parse(body);
      if (!Array.isArray(annotations)) return send(res, 400, 'expected an array', 'text/plain');
      mkdirSync(resolve(store, '..'), { recursive: true });
      writeFileSync(store, JSON.stringify(annotations, null, 2));
      return send(res, 204, '');
    }
    return send(res, 200, existsSync(store) ? readFileSync(store) : '[]', 'application/json');
  }
  let file = join(root, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return send(res, 404, 'not found', 'text/plain');
  const data = readFileSync(file);
  // Byte ranges, so the audio can seek.
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
  const type = types[extname(file)] ?? 'application/octet-stream';
  if (!range) return send(res, 200, data, type, { 'accept-ranges': 'bytes' });
  const start = Number(range[1]);
  const end = range[2] ? Number(range[2]) : data.length - 1;
  send(res, 206, data.subarray(start, end + 1), type, { 'content-range': `bytes ${start}-${end}/${data.length}`, 'accept-ranges': 'bytes' });
});

function send(res, status, body, type, headers = {}) {
  res.writeHead(status, { ...(type ? { 'content-type': type } : {}), 'cache-control': 'no-store', ...headers });
  res.end(body);
}

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`Kolam Vue example on http://127.0.0.1:${server.address().port}/`);
});
