#!/usr/bin/env node
/* global fetch */
// kolam/sync (issue 11): 1,000 edits (200 boxes created, each moved 4 times) made with the network
// off in headless Chromium, then the network back: time to drain, requests sent (goal: at most one
// per annotation), main-thread cost per edit (goal: p95 under 1 ms), against the naive host code
// (a fetch per event, the whole set to localStorage per change) on the same edits in the same run.
// Then the reference server alone: creates per second over loopback on PGlite and on PostgreSQL.
//   node bench/sync.mjs [annotations=200] [moves=4]
import '../server/load-ts.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printComparison, round, startBench, stats } from './lib/harness.mjs';
import { postgresBin, startPostgres, stopPostgres } from '../scripts/start-postgres.mjs';

const { startServer } = await import('../server/server.mjs');
const ANNOTATIONS = Number(process.argv[2] ?? 200);
const MOVES = Number(process.argv[3] ?? 4);
const EDITS = ANNOTATIONS * (MOVES + 1);

async function serverCount(container) {
  const body = await (await fetch(container)).json();
  return body.total;
}

// --- the client: offline edits, then the drain ------------------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), 'kolam-bench-sync-'));
const server = await startServer({ dataDir, databaseUrl: null, port: 0, cors: null, tokens: null });
const bench = await startBench({ entries: { 'sync-page': 'bench/lib/sync-page.ts' } });
const page = await bench.newPage({ entry: 'sync-page' });
const ours = `${server.url}/ours-${Date.now()}/`;
await page.context().setOffline(true);
const edited = await page.evaluate(([c, n, m]) => window.__runOurs(c, n, m), [ours, ANNOTATIONS, MOVES]);
if (edited.state.waiting !== ANNOTATIONS || edited.state.status !== 'offline') throw new Error(`expected ${ANNOTATIONS} waiting offline, got ${JSON.stringify(edited.state)}`);
await page.context().setOffline(false);
const drained = await page.evaluate(() => window.__drainOurs());
const held = await serverCount(ours);
if (drained.state.status !== 'saved' || held !== ANNOTATIONS) throw new Error(`drain incomplete: ${JSON.stringify(drained.state)}, server holds ${held}`);
await page.close();

const naivePage = await bench.newPage({ entry: 'sync-page' });
const naive = `${server.url}/naive-${Date.now()}/`;
await naivePage.context().setOffline(true);
const naiveRun = await naivePage.evaluate(([c, n, m]) => window.__runNaive(c, n, m), [naive, ANNOTATIONS, MOVES]);
await naivePage.context().setOffline(false);
await new Promise((r) => setTimeout(r, 1500));
const naiveHeld = await serverCount(naive);
await naivePage.close();

const oursOnlinePage = await bench.newPage({ entry: 'sync-page' });
const oursOnline = `${server.url}/ours-online-${Date.now()}/`;
await oursOnlinePage.evaluate(([c, n, m]) => window.__runOurs(c, n, m, false), [oursOnline, ANNOTATIONS, MOVES]);
const oursOnlineRun = await oursOnlinePage.evaluate(() => window.__drainOurs());
if ((await serverCount(oursOnline)) !== ANNOTATIONS) throw new Error('online run incomplete');
await oursOnlinePage.close();

const online = await bench.newPage({ entry: 'sync-page' });
const naiveOnline = `${server.url}/naive-online-${Date.now()}/`;
const naiveOnlineRun = await online.evaluate(([c, n, m]) => window.__runNaive(c, n, m), [naiveOnline, ANNOTATIONS, MOVES]);
await online.close();
await bench.close();

const oursCost = stats(edited.costs);
const naiveCost = stats(naiveRun.costs);
const writes = (drained.requests.POST ?? 0) + (drained.requests.PUT ?? 0) + (drained.requests.DELETE ?? 0);
console.log(`\n${EDITS} edits (${ANNOTATIONS} boxes created, each moved ${MOVES} times), network off, then on. Chromium, PGlite server on 127.0.0.1.`);
printComparison(
  'Main thread per edit (our listeners + the batch hand-off; IndexedDB work is async)',
  [
    { figure: 'p50', ours: oursCost.p50, peer: naiveCost.p50 },
    { figure: 'p95', ours: round(oursCost.p95, 2), peer: round(naiveCost.p95, 2) },
    { figure: 'max', ours: oursCost.max, peer: naiveCost.max },
    { figure: 'long tasks (>50 ms) while editing', ours: edited.longTasks, peer: naiveRun.longTasks, unit: '' },
  ],
  'naive host',
);
printComparison(
  'Saving',
  [
    { figure: 'write requests sent after reconnecting', ours: writes, peer: 0, unit: '' },
    { figure: 'write requests sent for the same edits online', ours: (oursOnlineRun.requests.POST ?? 0) + (oursOnlineRun.requests.PUT ?? 0), peer: naiveOnlineRun.requests, unit: '' },
    { figure: `annotations on the server after reconnecting (of ${ANNOTATIONS})`, ours: held, peer: naiveHeld, unit: '' },
    { figure: 'time from reconnect to all saved', ours: round(drained.ms), unit: 'ms' },
    { figure: 'time for the edits to be in IndexedDB after the last', ours: round(edited.queuedAfter), unit: 'ms' },
  ],
  'naive host',
);
console.log(`requests by method: offline then drained ${JSON.stringify(drained.requests)}; online ${JSON.stringify(oursOnlineRun.requests)}`);
await server.close();
rmSync(dataDir, { recursive: true, force: true });

// --- the server: creates per second, loopback, keep-alive, 8 at a time ------------------------
async function createsPerSecond(options, label, total = 2000, concurrency = 8) {
  const s = await startServer({ ...options, port: 0, cors: null, tokens: null });
  const container = `${s.url}/load-${Date.now()}/`;
  const body = (i) =>
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'car' }],
      target: { source: 'street.png', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${i % 1000},10,20,30` } },
    });
  let next = 0;
  let created = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const res = await fetch(container, { method: 'POST', headers: { 'Content-Type': 'application/ld+json', Slug: `b${i}` }, body: body(i) });
        await res.arrayBuffer();
        if (res.status === 201) created++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const listed = await serverCount(container);
  await s.close();
  if (created !== total || listed !== total) throw new Error(`${label}: ${created} created, ${listed} listed of ${total}`);
  return round(total / seconds, 0);
}

const pgliteDir = mkdtempSync(join(tmpdir(), 'kolam-bench-pglite-'));
const rows = [{ figure: 'PGlite (files in KOLAM_DATA_DIR)', ours: await createsPerSecond({ dataDir: pgliteDir, databaseUrl: null }, 'PGlite'), unit: '/s' }];
rmSync(pgliteDir, { recursive: true, force: true });
if (process.env.DATABASE_URL || postgresBin()) {
  const url = process.env.DATABASE_URL || (await startPostgres());
  rows.push({ figure: 'PostgreSQL 15 (fsync off, throwaway cluster)', ours: await createsPerSecond({ databaseUrl: url }, 'PostgreSQL'), unit: '/s' });
  if (!process.env.DATABASE_URL) await stopPostgres();
}
console.log('\nReference server: POST creates per second, 2,000 annotations, 8 at a time over loopback');
console.table(rows.map((r) => ({ engine: r.figure, 'creates/s': r.ours })));
