// Serves the generated test media the way real networks do, for the player's loading tests:
//   /__media/slow/<name>?kbps=N    the file at N kilobytes per second (a long download to watch)
//   /__media/drop/<name>?after=N   the whole file's length promised, N bytes sent, then the
//                                  connection dies (a server or network failing mid-stream)
//   /__media/range/<name>          the file with byte ranges (Range → 206), as real servers do;
//                                  ?kbps=N: each response at N kilobytes per second;
//                                  ?cut=N: a whole-file read (no Range) dies half a second after
//                                  its first N bytes, while ranges are still served
//   /__media/kolam-peaks/<name>    the file through kolam/peaks (src/peaks.ts, run in Node with
//                                  the system's ffmpeg): audiowaveform JSON v2
// Only files in test/fixtures/generated, by plain name.
import { build } from 'esbuild';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const dir = join(process.cwd(), 'test/fixtures/generated');

let peaksEntry;
/** src/peaks.ts built for Node, once per test run. */
function nodePeaks() {
  peaksEntry ??= build({
    entryPoints: [join(process.cwd(), 'src/peaks.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(process.cwd(), 'node_modules/.cache/kolam-wtr/peaks-node.mjs'),
    logLevel: 'warning',
  }).then(() => import(`${pathToFileURL(join(process.cwd(), 'node_modules/.cache/kolam-wtr/peaks-node.mjs')).href}?${Date.now()}`));
  return peaksEntry;
}

/** `stream` at `kbps` kilobytes per second (16 KB chunks). */
function throttled(stream, kbps) {
  return Readable.from(
    (async function* () {
      for await (const chunk of stream) {
        yield chunk;
        await new Promise((r) => setTimeout(r, (chunk.length / 1024 / kbps) * 1000));
      }
    })(),
  );
}

export async function mediaMiddleware(ctx, next) {
  const peaks = /^\/__media\/kolam-peaks\/([\w.-]+)$/.exec(ctx.path);
  if (peaks) {
    const { peaksFromFile } = await nodePeaks();
    try {
      ctx.body = await peaksFromFile(join(dir, basename(peaks[1])), { bits: Number(ctx.query.bits) === 8 ? 8 : 16 });
    } catch (error) {
      ctx.status = 422;
      ctx.body = { error: error.message };
    }
    return;
  }
  const ranged = /^\/__media\/range\/([\w.-]+)$/.exec(ctx.path);
  if (ranged) {
    const file = join(dir, basename(ranged[1]));
    let size;
    try {
      size = statSync(file).size;
    } catch {
      ctx.status = 404;
      return;
    }
    const range = /bytes=(\d+)-(\d*)/.exec(ctx.get('range'));
    ctx.set('accept-ranges', 'bytes');
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/octet-stream';
    if (!range && Number(ctx.query.cut)) {
      ctx.respond = false;
      ctx.res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size), 'accept-ranges': 'bytes', 'cache-control': 'no-store' });
      const bytes = readFileSync(file);
      ctx.res.write(bytes.subarray(0, Number(ctx.query.cut)));
      setTimeout(() => ctx.res.socket?.destroy(), 500);
      return;
    }
    if (!range) {
      ctx.length = size;
      ctx.body = createReadStream(file);
      return;
    }
    const start = Number(range[1]);
    const end = range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
    ctx.status = 206;
    ctx.set('content-range', `bytes ${start}-${end}/${size}`);
    ctx.length = end - start + 1;
    ctx.body = Number(ctx.query.kbps) ? throttled(createReadStream(file, { start, end, highWaterMark: 16 * 1024 }), Number(ctx.query.kbps)) : createReadStream(file, { start, end });
    return;
  }
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
