/* eslint-disable @typescript-eslint/no-explicit-any -- a bench page: window globals read by bench/sync.mjs */
// Bench page for kolam/sync: a real <kolam-box-tool> as the root the events come from (the events
// are the tools' own kolam-create/update, dispatched as the tool dispatches them), connectSync on
// it with a request-counting fetch, and the naive host code it replaces, for comparison.
import { KolamBoxTool } from '../../src/box-tool.ts';
import { connectSync } from '../../src/sync.ts';
import { KolamSyncStatus } from '../../src/sync/sync-status.ts';

customElements.define('kolam-sync-status', KolamSyncStatus);
const w = window as any;
w.__KolamBoxTool = KolamBoxTool;

const MEDIA = 'http://www.w3.org/TR/media-frags/';
const box = (i: number, step: number) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'Annotation',
  motivation: 'tagging',
  creator: { id: 'worker-17', type: 'Person' },
  body: [{ type: 'TextualBody', purpose: 'tagging', value: 'car' }],
  target: { source: 'street.png', selector: { type: 'FragmentSelector', conformsTo: MEDIA, value: `xywh=pixel:${(i * 7) % 1400 + step},${(i * 11) % 1000},40,30` } },
});

/** The edits: `annotations` creates, each followed by `moves` updates, one per task (a drag's end, a relabel…). */
async function makeEdits(tool: HTMLElement, annotations: number, moves: number) {
  const costs: number[] = [];
  let longTasks = 0;
  let longTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks++;
      longTaskMs += e.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  const set: any[] = [];
  for (let i = 0; i < annotations; i++) {
    for (let step = 0; step <= moves; step++) {
      const annotation = box(i, step);
      const previous = step ? box(i, step - 1) : null;
      if (step === 0) set.push(annotation);
      else set[i] = annotation;
      const t0 = performance.now();
      tool.dispatchEvent(new CustomEvent(step ? 'kolam-update' : 'kolam-create', { detail: step ? { annotation, previous } : { annotation }, bubbles: true, composed: true }));
      tool.dispatchEvent(new CustomEvent('kolam-change', { detail: { annotations: set }, bubbles: true, composed: true }));
      // Our microtask (the batch hand-off to IndexedDB) runs before this one: it is counted.
      await new Promise<void>((r) => queueMicrotask(r));
      costs.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  observer.disconnect();
  return { costs, longTasks, longTaskMs };
}

w.__runOurs = async (container: string, annotations: number, moves: number, offline = true) => {
  document.body.innerHTML = '<kolam-sync-status></kolam-sync-status><div id="root"><kolam-box-tool source="street.png" style="width:400px;height:300px"></kolam-box-tool></div>';
  const root = document.getElementById('root')!;
  const tool = root.querySelector('kolam-box-tool') as HTMLElement;
  const requests: Record<string, number> = {};
  const sync = connectSync(root, {
    container,
    source: 'street.png',
    database: `bench-${Math.random()}`,
    minDelay: 50,
    maxDelay: 200,
    fetch: (input, init) => {
      const method = init?.method ?? 'GET';
      requests[method] = (requests[method] ?? 0) + 1;
      return fetch(input, init);
    },
  });
  await sync.loaded;
  w.__sync = sync;
  w.__requests = requests;
  for (const key of Object.keys(requests)) delete requests[key];
  const edits = await makeEdits(tool, annotations, moves);
  // Every edit in the outbox (offline: none sent).
  const t0 = performance.now();
  for (let i = 0; i < 10_000 && offline && sync.state.waiting !== annotations; i++) await new Promise((r) => setTimeout(r, 5));
  return { ...edits, queuedAfter: performance.now() - t0, state: sync.state };
};

/** After the network is back: time until the outbox is empty. */
w.__drainOurs = async () => {
  const sync = w.__sync;
  const t0 = performance.now();
  for (let i = 0; i < 60_000 && sync.state.status !== 'saved'; i++) await new Promise((r) => setTimeout(r, 5));
  return { ms: performance.now() - t0, state: sync.state, requests: { ...w.__requests } };
};

/** The host code Kolam's users write without sync: save on every event, straight to the server. */
w.__runNaive = async (container: string, annotations: number, moves: number) => {
  document.body.innerHTML = '<div id="root"><kolam-box-tool source="street.png" style="width:400px;height:300px"></kolam-box-tool></div>';
  const root = document.getElementById('root')!;
  const tool = root.querySelector('kolam-box-tool') as HTMLElement;
  let requests = 0;
  let failed = 0;
  const send = (method: string, url: string, body?: unknown) => {
    requests++;
    fetch(url, { method, headers: { 'Content-Type': 'application/ld+json', Slug: '', 'If-Match': '*' }, body: body ? JSON.stringify(body) : null }).catch(() => failed++);
  };
  const slug = (id: string) => id.replace('urn:uuid:', '');
  root.addEventListener('kolam-create', (e: any) => fetch(container, { method: 'POST', headers: { 'Content-Type': 'application/ld+json', Slug: slug(e.detail.annotation.id) }, body: JSON.stringify(e.detail.annotation) }).catch(() => failed++) && requests++);
  root.addEventListener('kolam-update', (e: any) => send('PUT', container + slug(e.detail.annotation.id), e.detail.annotation));
  // and, as the README's example does, the whole set kept locally on every change
  root.addEventListener('kolam-change', (e: any) => localStorage.setItem('bench-naive', JSON.stringify(e.detail.annotations)));
  const edits = await makeEdits(tool, annotations, moves);
  await new Promise((r) => setTimeout(r, 1000));
  return { ...edits, requests, failed };
};

w.__benchReady = true;
