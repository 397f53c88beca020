/** Shared by the sync tests: the real server and fault proxy (scripts/wtr-sync-plugin.mjs), bounded waits, the server's set. */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';

type Started = { containerUrl: string; port: number };

/** Polls until the server process prints its container (each poll a short command). */
async function ready(name: string): Promise<Started> {
  for (let i = 0; i < 40; i++) {
    const started = await executeServerCommand<Started | { containerUrl: null }, object>('kolam-sync-server', { action: 'ready', name });
    if (started?.containerUrl) return started as Started;
  }
  throw new Error(`server ${name} did not start`);
}

export const server = {
  async start(name: string, options: { pageSize?: number; tokens?: string } = {}): Promise<Started> {
    await executeServerCommand('kolam-sync-server', { action: 'start', name, ...options });
    return ready(name);
  },
  kill: (name: string) => executeServerCommand('kolam-sync-server', { action: 'kill', name }),
  async restart(name: string): Promise<Started> {
    await executeServerCommand('kolam-sync-server', { action: 'restart', name });
    return ready(name);
  },
  stop: (name: string) => executeServerCommand('kolam-sync-server', { action: 'stop', name }),
};

export interface ProxyLogEntry {
  method: string;
  path: string;
  status: number | null;
  dropped: boolean;
}

export const proxy = {
  start: (name: string, target: string) => executeServerCommand<{ url: string }, object>('kolam-sync-proxy', { action: 'start', name, target }),
  target: (name: string, target: string) => executeServerCommand('kolam-sync-proxy', { action: 'target', name, target }),
  delay: (name: string, ms: number) => executeServerCommand('kolam-sync-proxy', { action: 'delay', name, ms }),
  drop: (name: string, method: string, count = 1) => executeServerCommand('kolam-sync-proxy', { action: 'drop', name, method, count }),
  log: async (name: string) => (await executeServerCommand<{ log: ProxyLogEntry[] }, object>('kolam-sync-proxy', { action: 'log', name }))!.log,
  stop: (name: string) => executeServerCommand('kolam-sync-proxy', { action: 'stop', name }),
};

/** Polls `condition` every 25 ms, at most `limit` times; fails with `what` when it never holds. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, limit = 800): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Everything the server lists in the container (all pages), as it gives it: its IRI in `id`, ours in `canonical`. */
export async function serverSet(container: string, source?: string): Promise<Array<Annotation & { canonical?: string }>> {
  const url = new URL(container);
  if (source) url.searchParams.set('source', source);
  const items: Array<Annotation & { canonical?: string }> = [];
  let page: string | undefined = (await (await fetch(url)).json()).first;
  for (let i = 0; page && i < 1000; i++) {
    const body: { items: Array<Annotation & { canonical?: string }>; next?: string } = await (await fetch(page)).json();
    items.push(...body.items);
    page = body.next;
  }
  return items;
}

/** A fresh outbox database per test, so tests never see each other's queue. */
export function freshDatabase(): string {
  return `kolam-sync-test-${Math.random().toString(36).slice(2)}`;
}

export async function post(container: string, annotation: Annotation): Promise<Response> {
  return fetch(container, {
    method: 'POST',
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', Slug: annotation.id.replace('urn:uuid:', '') },
    body: JSON.stringify(annotation),
  });
}

/** Our view of a server item: our id back in `id`, the server's IRI dropped. */
export function ours(item: Annotation & { canonical?: string }): Annotation {
  const { canonical, ...rest } = item;
  return { ...rest, id: canonical ?? item.id };
}
