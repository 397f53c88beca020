import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KolamBoxTool } from '../../src/box-tool.js';
import type { Annotation } from '../../src/core/annotation.js';
import { connectSync } from '../../src/sync.js';
import type { SyncConnection } from '../../src/sync.js';
import { drag, mount } from '../box-tool/helpers.js';
import { freshDatabase, ours, proxy, server, serverSet, until } from './helpers.js';

const byId = (list: Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** The server holds exactly what the annotator sees: each annotation once, with the same content. */
async function expectServerHolds(container: string, annotations: Annotation[]) {
  const items = (await serverSet(container)).map(ours);
  expect(new Set(items.map((a) => a.id)).size, 'each annotation once').to.equal(items.length);
  expect(byId(items)).to.deep.equal(byId(annotations));
}

interface Tab {
  frame: HTMLIFrameElement;
  win: Window & { sync: SyncConnection; tool: KolamBoxTool };
}

/** Another "tab": a page of its own (test/sync/frame.html) with a box tool and its own connectSync. */
async function openTab(container: string, database: string): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:420px;height:320px;border:0';
  frame.src = `/test/sync/frame.html?container=${encodeURIComponent(container)}&db=${database}`;
  document.body.append(frame);
  const tab = { frame, win: frame.contentWindow as Tab['win'] };
  await until(() => !!(frame.contentWindow as Tab['win']).sync, 'the tab to connect');
  tab.win = frame.contentWindow as Tab['win'];
  await tab.win.sync.loaded;
  await until(() => !!tab.win.tool.imageSize, "the tab's image");
  return tab;
}

/** Keeps a readwrite transaction on the outbox of `database` open (a read at a time) until released. */
async function holdOutbox(database: string): Promise<{ release(): void }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(database);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  let held = true;
  const store = db.transaction('outbox', 'readwrite').objectStore('outbox');
  const again = () => {
    if (held) store.count().onsuccess = again;
  };
  again();
  return {
    release() {
      held = false;
      db.close();
    },
  };
}

/** Reloads the tab's page and waits for it to connect and load; `meanwhile` runs once the new page is loaded. */
async function reload(tab: Tab, meanwhile = () => {}) {
  const loaded = new Promise((resolve) => tab.frame.addEventListener('load', resolve, { once: true }));
  tab.win.location.reload();
  await loaded;
  meanwhile();
  await until(() => !!(tab.frame.contentWindow as Tab['win']).sync, 'the reloaded tab to connect');
  tab.win = tab.frame.contentWindow as Tab['win'];
  await tab.win.sync.loaded;
}

/** The journal keys (journal.ts) left in localStorage for the outbox `database`. */
const journals = (database: string) => Object.keys(localStorage).filter((k) => k.startsWith(`kolam-sync-journal ${database} `));

/** Moves the tab's box `id` one step with an arrow key, and waits for the tool's update. */
async function nudge(tab: Tab, id: string, key: 'ArrowRight' | 'ArrowDown') {
  const updated = new Promise((resolve) => tab.win.tool.addEventListener('kolam-update', resolve, { once: true }));
  tab.win.tool.select(id);
  tab.win.tool.focus();
  await sendKeys({ press: key });
  tab.win.tool.select(null);
  await updated;
}

/** Draws a box with the keyboard alone (B, then Enter), in the tab's tool. */
async function addBox(tab: Tab) {
  const before = tab.win.tool.annotations.length;
  tab.win.tool.focus();
  await sendKeys({ press: 'b' });
  await sendKeys({ press: 'Enter' });
  await until(() => tab.win.tool.annotations.length === before + 1, 'the new box');
}

describe('sync under faults', function () {
  this.timeout(60000);
  let origin: string;
  let container: string;
  let sync: SyncConnection | undefined;
  const tabs: Tab[] = [];

  before(async () => {
    const { containerUrl } = (await server.start('faults'))!;
    origin = containerUrl.replace(/\/annotations\/$/, '');
  });
  after(() => server.stop('faults'));
  beforeEach(() => {
    container = `${origin}/f${Math.random().toString(36).slice(2)}/`;
  });

  /** A fresh outbox behind a proxy to a closed port: the server can't be reached until `drain`. */
  async function offline(): Promise<{ viaProxy: string; database: string }> {
    const { url } = (await proxy.start('faults', 'http://127.0.0.1:9'))!;
    return { viaProxy: container.replace(origin, url), database: freshDatabase() };
  }

  /** Points the proxy at the server and waits until the tab's queue is drained to exactly `annotations`. */
  async function drain(tab: Tab, annotations: Annotation[]) {
    await proxy.target('faults', origin);
    await until(() => tab.win.sync.state.status === 'saved', 'the queue to drain');
    await expectServerHolds(container, annotations);
  }

  afterEach(async () => {
    await sync?.disconnect();
    sync = undefined;
    for (const tab of tabs.splice(0)) {
      await tab.win.sync?.disconnect();
      tab.frame.remove();
    }
    await proxy.stop('faults');
  });

  it('drains to exactly the annotator’s set after the server is SIGKILLed mid-editing and restarted', async () => {
    const tool = await mount();
    sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase(), minDelay: 50, maxDelay: 300 });
    await sync.loaded;
    await drag(tool, [100, 100], [200, 200]);
    await drag(tool, [300, 100], [400, 200]);
    await sync.flush();
    await expectServerHolds(container, tool.annotations);

    await server.kill('faults');
    await drag(tool, [100, 300], [200, 400]);
    await drag(tool, [300, 300], [400, 400]);
    tool.select(tool.annotations[0]!.id);
    tool.focus();
    await sendKeys({ press: 'ArrowRight' });
    tool.select(tool.annotations[1]!.id);
    await sendKeys({ press: 'Delete' });
    // Two new boxes, a move and a delete: four annotations with a change waiting.
    await until(() => sync!.state.status === 'offline' && sync!.state.waiting === 4, 'offline, four waiting');

    await server.restart('faults');
    // No flush(): the backoff timer finds the server back by itself.
    await until(() => sync!.state.status === 'saved', 'the queue to drain');
    expect(tool.annotations).to.have.length(3);
    await expectServerHolds(container, tool.annotations);
  });

  it('creates no duplicate when the server commits and the answer is lost; a lost PUT or DELETE answer is no conflict', async () => {
    const { url } = (await proxy.start('faults', origin))!;
    const viaProxy = container.replace(origin, url);
    const tool = await mount();
    sync = connectSync(tool.parentElement!, { container: viaProxy, source: 'street.png', database: freshDatabase(), minDelay: 50, maxDelay: 300 });
    const conflicts: unknown[] = [];
    tool.parentElement!.addEventListener('kolam-sync-conflict', (e) => conflicts.push(e.detail));
    await sync.loaded;
    await proxy.drop('faults', 'POST');
    await proxy.drop('faults', 'PUT');
    await proxy.drop('faults', 'DELETE');
    await drag(tool, [100, 100], [200, 200]);
    await until(() => sync!.state.status === 'saved', 'the create to land');
    tool.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(async () => (await serverSet(container)).length === 1 && sync!.state.status === 'saved', 'the move to land');
    await expectServerHolds(container, tool.annotations);
    await sendKeys({ press: 'Delete' });
    await until(() => sync!.state.status === 'saved', 'the delete to land');
    await expectServerHolds(container, []);

    const writes = (await proxy.log('faults')).filter((e) => ['POST', 'PUT', 'DELETE'].includes(e.method));
    expect(writes.map((e) => `${e.method} ${e.status}${e.dropped ? ' lost' : ''}`)).to.deep.equal([
      'POST 201 lost',
      'POST 200',
      'PUT 200 lost',
      'PUT 412',
      'DELETE 204 lost',
      'DELETE 410',
    ]);
    expect(conflicts).to.deep.equal([]);
  });

  it('keeps edits queued offline through a page reload, shows them, and drains them when the server is back', async () => {
    const { viaProxy, database } = await offline();
    const tab = await openTab(viaProxy, database);
    tabs.push(tab);
    for (let i = 0; i < 3; i++) await addBox(tab);
    await until(() => tab.win.sync.state.waiting === 3 && tab.win.sync.state.status === 'offline', 'three edits waiting, offline');
    const made = tab.win.tool.annotations;

    tab.win.location.reload();
    await until(() => tab.frame.contentWindow !== tab.win || !(tab.frame.contentWindow as Tab['win']).sync, 'the reload to begin', 200).catch(() => {});
    await until(() => !!(tab.frame.contentWindow as Tab['win']).sync && (tab.frame.contentWindow as Tab['win']).tool.annotations.length === 3, 'the reloaded tab to show its queued boxes');
    tab.win = tab.frame.contentWindow as Tab['win'];
    expect(byId(tab.win.tool.annotations)).to.deep.equal(byId(made));
    expect(tab.win.sync.state.waiting).to.equal(3);

    await drain(tab, made);
  });

  it('keeps an edit whose outbox write a reload cut short: the journal brings it back, and it drains', async () => {
    const { viaProxy, database } = await offline();
    const tab = await openTab(viaProxy, database);
    tabs.push(tab);
    await addBox(tab);
    await until(() => tab.win.sync.state.waiting === 1, 'the first edit waiting');
    // Another connection holds the outbox in a write transaction, so the tab's next write waits
    // behind it and is still open when the page unloads: the browser aborts it.
    const hold = await holdOutbox(database);
    await addBox(tab);
    const made = tab.win.tool.annotations;
    await reload(tab, () => hold.release());
    expect(byId(tab.win.tool.annotations), 'both boxes, the cut-short one included').to.deep.equal(byId(made));
    expect(tab.win.sync.state.waiting).to.equal(2);
    expect(journals(database), 'the journal, once folded in, is gone').to.deep.equal([]);

    await drain(tab, made);
  });

  it('folds what it can use from journals someone else wrote, skipping malformed ones and anything in them that is not a change', async () => {
    const { viaProxy, database } = await offline();
    const good = await openTab(viaProxy, freshDatabase());
    await addBox(good);
    const box = good.win.tool.annotations[0]!;
    good.frame.remove();
    const prefix = `kolam-sync-journal ${database} ${viaProxy} `;
    localStorage.setItem(`${prefix}broken`, '{not json');
    localStorage.setItem(`${prefix}odd`, JSON.stringify({ at: 'soon', changes: [null, { op: 'paint', annotation: box }, { op: 'create', annotation: { id: 7 } }, { op: 'create', annotation: box }] }));
    const tab = await openTab(viaProxy, database);
    tabs.push(tab);
    expect(tab.win.tool.annotations).to.deep.equal([box]);
    expect(tab.win.sync.state.waiting).to.equal(1);
    expect(journals(database)).to.deep.equal([]);
  });

  it('leaves no journal once the writes it holds have committed, when the page lives on after its pagehide', async () => {
    const { viaProxy, database } = await offline();
    const tab = await openTab(viaProxy, database);
    tabs.push(tab);
    const hold = await holdOutbox(database);
    await addBox(tab);
    // A page put in the back/forward cache gets its pagehide and lives on.
    tab.win.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(journals(database)).to.have.length(1);
    const [change] = JSON.parse(localStorage.getItem(journals(database)[0]!)!).changes;
    expect([change.op, change.annotation]).to.deep.equal(['create', tab.win.tool.annotations[0]]);
    hold.release();
    await until(() => journals(database).length === 0, 'the journal to go once the write committed');
    expect(tab.win.sync.state.waiting).to.equal(1);
  });

  it('folds a closing tab\'s journal into an open tab at once, so a later edit there is not undone by it', async () => {
    const { viaProxy, database } = await offline();
    const a = await openTab(viaProxy, database);
    await addBox(a);
    const id = a.win.tool.annotations[0]!.id;
    await a.win.sync.flush();
    const b = await openTab(viaProxy, database);
    tabs.push(b);
    expect(b.win.tool.annotations.map((x) => x.id)).to.deep.equal([id]);

    // A moves the box right; its write is held, so it is journalled when A closes.
    const hold = await holdOutbox(database);
    await nudge(a, id, 'ArrowRight');
    a.frame.remove();
    expect(journals(database), 'A journalled its move as it closed').to.have.length(1);
    hold.release();
    await until(() => journals(database).length === 0, 'B to fold A\'s journal');

    // Later, B moves the box down; that is the box's last state, through B's reload and the drain.
    await nudge(b, id, 'ArrowDown');
    const last = b.win.tool.annotations;
    await b.win.sync.flush();
    await reload(b);
    expect(b.win.tool.annotations).to.deep.equal(last);
    await drain(b, last);
  });

  it('drains from one tab at a time: two tabs on one outbox send each create once', async () => {
    const { viaProxy, database } = await offline();
    const a = await openTab(viaProxy, database);
    const b = await openTab(viaProxy, database);
    tabs.push(a, b);
    for (let i = 0; i < 4; i++) await addBox(a);
    await until(() => a.win.sync.state.waiting === 4 && b.win.sync.state.waiting === 4, 'both tabs to count four waiting');

    await proxy.delay('faults', 30);
    await proxy.target('faults', origin);
    await Promise.all([a.win.sync.flush(), b.win.sync.flush()]);
    await until(() => a.win.sync.state.status === 'saved' && b.win.sync.state.status === 'saved', 'both tabs saved');
    const posts = (await proxy.log('faults')).filter((e) => e.method === 'POST' && e.status);
    expect(posts.map((e) => e.status)).to.deep.equal([201, 201, 201, 201]);
    await expectServerHolds(container, a.win.tool.annotations);
  });

  it('replays idempotently when a tab is closed mid-drain: another tab finishes, nothing twice', async () => {
    const { viaProxy, database } = await offline();
    const a = await openTab(viaProxy, database);
    for (let i = 0; i < 8; i++) await addBox(a);
    await until(() => a.win.sync.state.waiting === 8, 'eight edits waiting');
    const made = a.win.tool.annotations;

    await proxy.delay('faults', 120);
    await proxy.target('faults', origin);
    a.win.sync.flush();
    await until(async () => (await proxy.log('faults')).filter((e) => e.method === 'POST' && e.status).length >= 3, 'the drain to be midway');
    a.frame.remove();
    await proxy.delay('faults', 0);

    const b = await openTab(viaProxy, database);
    tabs.push(b);
    expect(byId(b.win.tool.annotations), 'the second tab shows all eight, sent or not').to.deep.equal(byId(made));
    await b.win.sync.flush();
    await until(() => b.win.sync.state.status === 'saved', 'the second tab to finish the drain');
    await expectServerHolds(container, made);
  });
});
