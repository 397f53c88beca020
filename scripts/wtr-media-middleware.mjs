// Serves the generated test media the way real networks do, for the player's loading tests:
//   /__media/slow/<name>?kbps=N    the file at N kilobytes per second (a long download to watch)
//   /__media/drop/<name>?after=N   the whole file's length promised, N bytes sent, then the
//                                  connection dies (a server or network failing mid-stream)
// Only files in test/fixtures/generated, by plain name.
import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = join(process.cwd(), 'test/fixtures/generated');

export async function mediaMiddleware(ctx, next) {
  const match = /^\/__media\/(slow|drop)\/([\w.-]+)$/.exec(ctx.path);
  if (!match) return next();
  const [, mode, name] = match;
  const file = join(dir, basename(name));
  let size;
  try {
    size = statSync(file).size;
  } catch {
    ctx.status = 404;
    return;
  }
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size), 'cache-control': 'no-store' });
  const stream = createReadStream(file, { highWaterMark: 16 * 1024 });
  const after = Number(ctx.query.after) || size / 2;
  const perChunkMs = mode === 'slow' ? (16 / (Number(ctx.query.kbps) || 256)) * 1000 : 0;
  let sent = 0;
  for await (const chunk of stream) {
    if (res.destroyed) break;
    if (mode === 'drop' && sent + chunk.length > after) {
      res.write(chunk.subarray(0, Math.max(0, after - sent)));
      // Let the bytes go out, then cut the connection without finishing the response.
      setTimeout(() => res.socket?.destroy(), 50);
      stream.destroy();
      return;
    }
    res.write(chunk);
    sent += chunk.length;
    if (perChunkMs) await new Promise((r) => setTimeout(r, perChunkMs));
  }
  res.end();
}
