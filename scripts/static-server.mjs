// A static file server on 127.0.0.1 for the benches and the built-Storybook check: byte ranges (so
// media can seek), directory index.html, and optional generated routes.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.mp4': 'video/mp4', '.webm': 'video/webm', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.txt': 'text/plain', '.woff2': 'font/woff2' };

/**
 * Serves `dir`; `routes` maps a URL path to `() => ({ body, type })` (looked up on each request, so
 * routes may be added later). Resolves to `{ url(path), close() }`.
 */
export async function serveStatic(dir, { routes = {} } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (routes[path]) {
      const { body, type } = routes[path]();
      res.writeHead(200, { 'content-type': type ?? 'text/plain', 'cache-control': 'no-store' });
      return res.end(body);
    }
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    // Streamed from disk, a range read from where it starts, as real servers do: reading the whole
    // file for each range made every range request cost the file's length.
    const size = statSync(file).size;
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    const type = types[extname(file)] ?? 'application/octet-stream';
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes', 'content-length': end - start + 1 });
      return createReadStream(file, { start, end }).pipe(res);
    }
    res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': size });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: () => server.close(),
  };
}
