import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/box-tool.js';
import type { KolamBoxTool } from '../../src/box-tool.js';
import { connectSync } from '../../src/sync.js';
import type { SyncConflictDetail, SyncConnection } from '../../src/sync.js';
import { LABELS, box, imageSettled, imageUrl } from '../box-tool/helpers.js';
import { freshDatabase, ours, post, server, serverSet } from './helpers.js';

/** Two annotators, each with their own tool and their own outbox (two browsers), on one container. */
describe('two annotators on one annotation', function () {
  this.timeout(60000);
  let base: string;
  let container: string;
  const syncs: SyncConnection[] = [];

  before(async () => {
    ({ containerUrl: base } = (await server.start('sync-conflicts'))!);
  });
  after(() => server.stop('sync-conflicts'));
  afterEach(async () => {
    for (const s of syncs.splice(0)) await s.disconnect();
  });

  async function annotator(id: string): Promise<{ tool: KolamBoxTool; sync: SyncConnection; conflicts: SyncConflictDetail[] }> {
    const tool = await fixture<KolamBoxTool>(html`<div>
      <kolam-box-tool style="width:400px;height:300px" src=${imageUrl(1600, 1200)} source="street.png" .labels=${LABELS} .annotator=${{ id }}></kolam-box-tool>
    </div>`).then((div) => div.querySelector('kolam-box-tool')!);
    await imageSettled(tool);
    const sync = connectSync(tool.parentElement!, { container, source: 'street.png', database: freshDatabase() });
    syncs.push(sync);
    const conflicts: SyncConflictDetail[] = [];
    tool.parentElement!.addEventListener('kolam-sync-conflict', (e) => conflicts.push(e.detail));
    await sync.loaded;
    return { tool, sync, conflicts };
  }

  async function nudge(tool: KolamBoxTool, key: string) {
    tool.select(tool.annotations[0]!.id);
    tool.focus();
    await sendKeys({ press: key });
  }

  const valueOf = (a: { target: unknown } | null | undefined) => (a?.target as any)?.selector?.value;

  beforeEach(async () => {
    await setViewport({ width: 900, height: 800 });
    container = `${base.replace(/[^/]+\/$/, '')}c${Math.random().toString(36).slice(2)}/`;
    expect((await post(container, box({ x: 100, y: 100, w: 200, h: 100 }))).status).to.equal(201);
  });

  it('keeps both versions on a 412: ours is saved by default, theirs comes in kolam-sync-conflict', async () => {
    const kumar = await annotator('kumar');
    const meena = await annotator('meena');
    await nudge(kumar.tool, 'ArrowRight');
    await kumar.sync.flush();
    await nudge(meena.tool, 'ArrowDown');
    expect(await meena.sync.flush()).to.deep.equal({ status: 'saved', waiting: 0, error: null });

    expect(meena.conflicts).to.have.length(1);
    const [conflict] = meena.conflicts;
    expect(valueOf(conflict!.ours)).to.equal('xywh=pixel:100,101,200,100');
    expect(valueOf(conflict!.theirs), "kumar's version, kept in the event").to.equal('xywh=pixel:101,100,200,100');
    const [stored] = await serverSet(container);
    expect(valueOf(stored)).to.equal('xywh=pixel:100,101,200,100');
    expect(ours(stored!)).to.deep.equal(meena.tool.annotations[0]);
    expect(kumar.conflicts).to.deep.equal([]);
  });

  it("lets the host take theirs: the server keeps it and the tool shows it", async () => {
    const kumar = await annotator('kumar');
    const meena = await annotator('meena');
    meena.tool.parentElement!.addEventListener('kolam-sync-conflict', (e) => e.detail.resolve('theirs'));
    await nudge(kumar.tool, 'ArrowRight');
    await kumar.sync.flush();
    await nudge(meena.tool, 'ArrowDown');
    await meena.sync.flush();
    expect(meena.conflicts).to.have.length(1);
    const [stored] = await serverSet(container);
    expect(valueOf(stored)).to.equal('xywh=pixel:101,100,200,100');
    expect(valueOf(meena.tool.annotations[0])).to.equal('xywh=pixel:101,100,200,100');
  });

  it('keeps our edit of an annotation deleted meanwhile: theirs is null, ours comes back', async () => {
    const kumar = await annotator('kumar');
    const meena = await annotator('meena');
    await nudge(kumar.tool, 'Delete');
    await kumar.sync.flush();
    expect(await serverSet(container)).to.deep.equal([]);
    await nudge(meena.tool, 'ArrowDown');
    await meena.sync.flush();
    expect(meena.conflicts.map((c) => [valueOf(c.ours), c.theirs])).to.deep.equal([['xywh=pixel:100,101,200,100', null]]);
    expect((await serverSet(container)).map(ours)).to.deep.equal(meena.tool.annotations);
  });
});
