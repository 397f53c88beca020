import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KolamBoxTool } from '../../src/box-tool.js';
import { connectSync } from '../../src/sync.js';
import type { SyncConnection, SyncState } from '../../src/sync.js';
import { box, drag, mount } from '../box-tool/helpers.js';
import { freshDatabase, ours, post, proxy, server, serverSet, until } from './helpers.js';

describe('connectSync', function () {
  this.timeout(60000);
  let container: string;
  let tool: KolamBoxTool;
  let sync: SyncConnection | undefined;

  before(async () => {
    ({ containerUrl: container } = (await server.start('sync-basic', { pageSize: 2 }))!);
  });
  after(async () => {
    await server.stop('sync-basic');
  });
  beforeEach(async () => {
    // A container per test: each starts from an empty server.
    container = `${container.replace(/[^/]+\/$/, '')}t${Math.random().toString(36).slice(2)}/`;
    tool = await mount();
  });
  afterEach(async () => {
    await sync?.disconnect();
    sync = undefined;
  });

  it("loads its source's annotations into the tool, following the AnnotationPages", async () => {
    const mine = [10, 20, 30, 40, 50].map((x) => box({ x, y: x, w: 40, h: 40 }));
    for (const a of mine) expect((await post(container, a)).status).to.equal(201);
    const elsewhere = { ...box({ x: 1, y: 1, w: 9, h: 9 }), target: { ...mine[0]!.target, source: 'other.png' } };
    await post(container, elsewhere);
    sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase() });
    await sync.loaded;
    expect(tool.annotations.map((a) => a.id)).to.deep.equal(mine.map((a) => a.id));
    expect(tool.annotations[2]).to.deep.equal(mine[2]);
    expect(sync.state).to.deep.equal({ status: 'saved', waiting: 0, error: null });
  });

  it('saves a box drawn with the mouse as one create named by our uuid, our id kept beside the IRI', async () => {
    sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase() });
    await sync.loaded;
    await drag(tool, [100, 100], [300, 200]);
    const [created] = tool.annotations;
    expect(sync.state.waiting).to.be.at.most(1);
    const state = await sync.flush();
    expect(state).to.deep.equal({ status: 'saved', waiting: 0, error: null });
    const items = await serverSet(container);
    expect(items).to.have.length(1);
    expect(items[0]!.canonical).to.equal(created!.id);
    expect(items[0]!.id).to.equal(`${container}${created!.id.replace('urn:uuid:', '')}`);
    expect(ours(items[0]!)).to.deep.equal(created);
    expect(tool.annotations[0]!.id, 'the id in the tool never changes').to.equal(created!.id);
  });

  it('saves a move as a PUT with If-Match and a delete as a DELETE (then the IRI answers 410)', async () => {
    sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase() });
    await sync.loaded;
    await drag(tool, [100, 100], [300, 200]);
    await sync.flush();
    tool.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => (tool.annotations[0]!.target as any).selector.value === 'xywh=pixel:201,200,400,200', 'the box to move');
    await sync.flush();
    const [moved] = await serverSet(container);
    expect((moved!.target as any).selector.value).to.equal('xywh=pixel:201,200,400,200');
    const etag = (await fetch(moved!.id)).headers.get('ETag');
    expect(etag).to.equal('"2"');
    await sendKeys({ press: 'Delete' });
    expect(tool.annotations).to.deep.equal([]);
    expect(await sync.flush()).to.deep.equal({ status: 'saved', waiting: 0, error: null });
    expect(await serverSet(container)).to.deep.equal([]);
    expect((await fetch(moved!.id)).status).to.equal(410);
  });

  it('keeps a box drawn while the first listing is on its way (the listing predates the box)', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let listings = 0;
    const slowList: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if ((init?.method ?? 'GET') === 'GET' && listings++ === 0) await held;
      return response;
    };
    sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase(), fetch: slowList });
    await drag(tool, [100, 100], [300, 200]);
    const drawn = tool.annotations;
    expect(drawn).to.have.length(1);
    release();
    await sync.loaded;
    expect(await sync.flush()).to.deep.equal({ status: 'saved', waiting: 0, error: null });
    expect(tool.annotations).to.deep.equal(drawn);
    expect((await serverSet(container)).map(ours)).to.deep.equal(drawn);
  });

  it("shows what another tab saved while this tab's listing was on its way", async () => {
    const database = freshDatabase();
    const first = connectSync(tool.parentElement!, { container, source: 'street.png', database });
    await first.loaded;
    const other = await fixture<HTMLDivElement>(html`<div><kolam-box-tool source="street.png" style="width:200px;height:150px"></kolam-box-tool></div>`);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let listings = 0;
    const slowList: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if ((init?.method ?? 'GET') === 'GET' && listings++ === 0) await held;
      return response;
    };
    sync = connectSync(other, { container, source: 'street.png', database, fetch: slowList });
    await drag(tool, [100, 100], [300, 200]);
    expect(await first.flush()).to.deep.equal({ status: 'saved', waiting: 0, error: null });
    release();
    await sync.loaded;
    expect(other.querySelector<KolamBoxTool>('kolam-box-tool')!.annotations).to.deep.equal(tool.annotations);
    await first.disconnect();
  });

  it('reports saving, then saved, with the number of edits waiting', async () => {
    sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase() });
    await sync.loaded;
    const seen: SyncState[] = [];
    tool.parentElement!.addEventListener('kolam-sync-status', (e) => seen.push(e.detail));
    await drag(tool, [100, 100], [300, 200]);
    await sync.flush();
    expect(seen.some((s) => s.status === 'saving' && s.waiting === 1), JSON.stringify(seen)).to.equal(true);
    expect(seen.at(-1)).to.deep.equal({ status: 'saved', waiting: 0, error: null });
  });

  it('folds a create and its moves made while the server is away into one request, kept across connections', async () => {
    const database = freshDatabase();
    const origin = container.replace(/\/[^/]+\/$/, '');
    const { url } = (await proxy.start('sync-basic-count', 'http://127.0.0.1:9'))!;
    const viaProxy = container.replace(origin, url);
    sync = connectSync(tool.parentElement!, { container: viaProxy, source: 'street.png', database, minDelay: 50 });
    await sync.loaded;
    await drag(tool, [100, 100], [300, 200]);
    tool.focus();
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowDown' });
    await until(() => sync!.state.status === 'offline' && sync!.state.waiting === 1, 'offline, one edit waiting');
    const last = tool.annotations[0]!;
    await sync.disconnect();

    await proxy.target('sync-basic-count', origin);
    sync = connectSync(tool.parentElement!, { container: viaProxy, source: 'street.png', database });
    await sync.loaded;
    expect(await sync.flush()).to.deep.equal({ status: 'saved', waiting: 0, error: null });
    const writes = (await proxy.log('sync-basic-count')).filter((e) => e.method !== 'GET' && e.method !== 'OPTIONS' && e.status);
    expect(writes.map((e) => `${e.method} ${e.status}`)).to.deep.equal(['POST 201']);
    await proxy.stop('sync-basic-count');
    expect((await serverSet(container)).map(ours)).to.deep.equal([last]);
    expect(tool.annotations).to.deep.equal([last]);
  });

  it('reports an edit the server refuses, keeps it, does not retry it on its own, and sends it on flush()', async () => {
    const { containerUrl } = (await server.start('sync-tokens', { tokens: 'worker-17=right' }))!;
    let token = 'wrong';
    const database = freshDatabase();
    const { url } = (await proxy.start('sync-tokens', containerUrl.replace(/\/annotations\/$/, '')))!;
    sync = connectSync(tool.parentElement!, { container: `${url}/annotations/`, source: 'street.png', database, token: () => token, interval: 50, minDelay: 20 });
    await sync.loaded;
    await drag(tool, [100, 100], [300, 200]);
    await until(() => sync!.state.status === 'error', 'the refusal');
    expect(sync.state.waiting).to.equal(1);
    expect(sync.state.error!.status).to.equal(401);
    expect(sync.state.error!.id).to.equal(tool.annotations[0]!.id);
    const refusedPosts = async () => (await proxy.log('sync-tokens')).filter((e) => e.method === 'POST').length;
    // Many drain timers (every 50 ms) go by; the refused edit is not sent again.
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await refusedPosts()).to.equal(1);
    token = 'right';
    expect(await sync.flush()).to.deep.equal({ status: 'saved', waiting: 0, error: null });
    expect(await refusedPosts()).to.equal(2);
    await proxy.stop('sync-tokens');
    await server.stop('sync-tokens');
  });

  it('never throws on unusable arguments: the connection is in the error state', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    const reported = oneEvent(div, 'kolam-sync-status');
    const bad = connectSync(div, { container: 42 } as any);
    expect((await reported).detail.status).to.equal('error');
    expect(bad.state.status).to.equal('error');
    expect(connectSync(null as any, { container: 'http://127.0.0.1:9/a/' }).state.status).to.equal('error');
    expect(connectSync(div, null as any).state.status).to.equal('error');
    expect(await bad.flush()).to.deep.include({ status: 'error' });
    await bad.disconnect();
    div.remove();
  });
});
