/**
 * The player's segments, list and editing (player-editing.ts) are not in what a page loads to show a
 * recording: they are fetched while the first screen is drawn, drawn by the time `updateComplete`
 * resolves, and what the annotator does before they arrive waits for them; a host's annotations are
 * kept as given. When they cannot be fetched the player still plays and seeks, gives the host back
 * its annotations, says so, and emits one `kolam-error`. This file runs in a page of its own, so
 * "not fetched" means this page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { timeRangeOf } from '../../src/core/selectors.js';
import '../../src/transcription-player.js';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import type { Annotation } from '../../src/core/annotation.js';
import { editingCode } from '../../src/transcription-player/editing-slot.js';
import { mediaOf, pointAt, rowOf, seekableMedia, segment, shadow, waveformOf } from './helpers.js';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

const EDITING = /\/(player-editing|player-list|segment-editing|segment-edits|gesture-controller|player-keys|list-controller|segment-list|transcript-drafts|transcript-pieces|keyboard)\.(ts|js)/;
const fetchedEditing = () => performance.getEntriesByType('resource').filter((e) => EDITING.test(e.name));

const SEGMENTS = () => [segment('a', 1, 3, 'vanakkam'), segment('b', 6, 8, 'nandri')];

/** Holds the editing code back until `release` is called. */
function hold(): { release(): void; restore(): void } {
  const load = editingCode.load;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  editingCode.load = () => held.then(load);
  return { release, restore: () => void (editingCode.load = load) };
}

/**
 * A player on the speech clip with its waveform drawn, made without awaiting `updateComplete`
 * (which waits for the editing code, held back here).
 */
async function heldPlayer(annotations: Annotation[]): Promise<KolamTranscriptionPlayer> {
  const el = document.createElement('kolam-transcription-player');
  el.style.width = '800px';
  el.src = await seekableMedia('speech.wav');
  el.annotations = annotations;
  document.body.append(el);
  await waitUntil(() => el.duration > 0 && mediaOf(el).readyState >= 1 && el.waveformReady, 'waveform painted', { timeout: 10000 });
  return el;
}

const drawnSegments = (el: KolamTranscriptionPlayer) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="segment"]')].map((s) => s.dataset.segment);

describe('<kolam-transcription-player> list and editing on demand', () => {
  afterEach(async () => {
    await resetMouse();
    document.querySelectorAll('body > kolam-transcription-player').forEach((el) => el.remove());
  });

  it('is not fetched by loading the player, only once a player is drawn', async () => {
    // This page imported the player (and the helpers) at the top: nothing of the editing yet.
    expect(fetchedEditing().map((e) => e.name)).to.deep.equal([]);
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player .annotations=${SEGMENTS()}></kolam-transcription-player>`);
    expect(fetchedEditing().length).to.be.above(0);
    // Drawn by the time updateComplete resolved: the rows, with their transcripts.
    expect([...shadow(el).querySelectorAll('li[data-id] textarea')].map((t) => (t as HTMLTextAreaElement).value)).to.deep.equal(['vanakkam', 'nandri']);
  });

  it('shows the waveform first, the list saying it is on its way, and gives the host its annotations as given', async () => {
    const held = hold();
    try {
      const given = [...SEGMENTS(), { ...segment('c', 10, 12, 'suggested'), creator: { type: 'Software', name: 'asr' } } as Annotation];
      const el = await heldPlayer(given);
      expect(drawnSegments(el)).to.deep.equal([]);
      expect(shadow(el).querySelector('[part~="list"]')!.getAttribute('aria-busy')).to.equal('true');
      // Nothing is lost while the code is on its way: a host's Save gets what it gave.
      expect(el.annotations).to.deep.equal(JSON.parse(JSON.stringify(given)));
      expect(el.reviewState).to.deep.equal({ pending: 1, accepted: 0, rejected: 0, relabeled: 0 });
      held.release();
      await el.updateComplete;
      expect(drawnSegments(el)).to.deep.equal(['a', 'b', 'c']);
      expect(rowOf(el, 'a')).to.exist;
      expect(shadow(el).querySelector('[part~="list"]')!.hasAttribute('aria-busy')).to.equal(false);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'b', 'c']);
    } finally {
      held.restore();
    }
  });

  it('a set replaced before the code arrives: the last one is loaded, its errors reported once it is', async () => {
    const held = hold();
    try {
      const errors: Array<{ code: string; input: unknown }> = [];
      const el = await heldPlayer(SEGMENTS());
      el.addEventListener('kolam-error', (e) => errors.push(e.detail));
      el.annotations = [segment('z', 2, 4, 'puthiya'), { id: 'bad' } as unknown as Annotation];
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['z', 'bad']);
      expect(errors).to.deep.equal([]);
      held.release();
      await el.updateComplete;
      expect(drawnSegments(el)).to.deep.equal(['z']);
      // One error, for the annotation with no target, which CONTRACT §4 reports with its input.
      expect(errors.map((e) => e.input)).to.deep.equal([{ id: 'bad' }]);
      // The rejected one is kept in its place (CONTRACT §4).
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['z', 'bad']);
    } finally {
      held.restore();
    }
  });

  it('keeps a key pressed before the code arrives, and runs it when it does', async () => {
    const held = hold();
    try {
      const el = await heldPlayer(SEGMENTS());
      const deleted: Annotation[] = [];
      el.addEventListener('kolam-delete', (e) => deleted.push(e.detail.annotation));
      el.select('b');
      waveformOf(el).focus();
      await sendKeys({ press: 'Delete' });
      expect(deleted).to.deep.equal([]);
      held.release();
      await el.updateComplete;
      expect(deleted.map((a) => a.id)).to.deep.equal(['b']);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a']);
    } finally {
      held.restore();
    }
  });

  it('keeps a drag made before the code arrives: the segment is created from it', async () => {
    const held = hold();
    try {
      const el = await heldPlayer([]);
      const created: Annotation[] = [];
      el.addEventListener('kolam-create', (e) => created.push(e.detail.annotation));
      const from = pointAt(el, 4);
      const to = pointAt(el, 7);
      await sendMouse({ type: 'move', position: from });
      await sendMouse({ type: 'down' });
      for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / 6), to[1]] });
      await sendMouse({ type: 'up' });
      expect(created).to.deep.equal([]);
      held.release();
      await el.updateComplete;
      expect(created).to.have.length(1);
      const range = timeRangeOf(created[0])!;
      expect(range.start).to.be.closeTo(4, 2 / el.zoom);
      expect(range.end).to.be.closeTo(7, 2 / el.zoom);
    } finally {
      held.restore();
    }
  });

  it('reads a set when it is given: a host changing its array afterwards changes nothing', async () => {
    const held = hold();
    try {
      const el = await heldPlayer(SEGMENTS());
      const late: Annotation[] = [segment('x', 1, 2, 'first')];
      el.annotations = late;
      // The host edits its own copy afterwards (a store it keeps, a reactive array).
      (late[0].body[0] as { value: string }).value = 'changed';
      late.push(segment('y', 4, 5, 'pushed'));
      expect(el.annotations.map((a) => [a.id, (a.body[0] as { value: string }).value])).to.deep.equal([['x', 'first']]);
      held.release();
      await el.updateComplete;
      expect(drawnSegments(el)).to.deep.equal(['x']);
      expect(el.annotations.map((a) => [a.id, (a.body[0] as { value: string }).value])).to.deep.equal([['x', 'first']]);
    } finally {
      held.restore();
    }
  });

  it('a reactive Proxy of a frozen set, then the wrong type, before the code arrives: read as given, the wrong type reported once it is, the Proxy then loaded', async () => {
    const held = hold();
    try {
      const errors: Array<{ code: string; input: unknown }> = [];
      const el = await heldPlayer([]);
      el.addEventListener('kolam-error', (e) => errors.push(e.detail));
      // As Vue's reactive() hands it over: a Proxy whose target is frozen.
      const reactive = () => new Proxy(Object.freeze(SEGMENTS().map((a) => Object.freeze(a))), {}) as unknown as Annotation[];
      el.annotations = reactive();
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'b']);
      el.annotations = 42 as never;
      expect(el.annotations).to.deep.equal([]);
      held.release();
      await el.updateComplete;
      // A bad value never leaves a previous set live (CONTRACT §9).
      expect(drawnSegments(el)).to.deep.equal([]);
      expect(errors.map((e) => e.input)).to.deep.equal([42]);
      el.annotations = reactive();
      await el.updateComplete;
      expect(drawnSegments(el)).to.deep.equal(['a', 'b']);
      expect(errors).to.have.length(1);
    } finally {
      held.restore();
    }
  });

  it('gives back, before the code is here and after, an item that can be no JSON (a cycle)', async () => {
    const held = hold();
    try {
      // A value with a cycle (a host's DOM node, a parent link): rejected once loaded, never dropped.
      const cyclic = segment('z', 6, 7, 'cycle') as Annotation & { self?: unknown };
      cyclic.self = cyclic;
      const el = await heldPlayer([segment('x', 1, 2, 'first'), cyclic]);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['x', 'z']);
      held.release();
      await el.updateComplete;
      expect(drawnSegments(el)).to.deep.equal(['x']);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['x', 'z']);
    } finally {
      held.restore();
    }
  });

  it("a host's handler of the waiting set's kolam-error sees it loaded, and a set it makes there is kept", async () => {
    const held = hold();
    try {
      const el = await heldPlayer([segment('a', 1, 3, 'vanakkam'), { id: 'bad' } as unknown as Annotation]);
      const seen: string[][] = [];
      el.addEventListener('kolam-error', () => {
        seen.push(el.annotations.map((a) => a.id));
        // The host fixes its set at once.
        el.annotations = [segment('a', 1, 3, 'vanakkam')];
        el.select('a');
      });
      held.release();
      await el.updateComplete;
      expect(seen).to.deep.equal([['a', 'bad']]);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a']);
      expect(shadow(el).querySelector('[part~="segment"][part~="selected"]')?.getAttribute('data-segment')).to.equal('a');
    } finally {
      held.restore();
    }
  });

  it('a later player, the code already here, reports a bad keymap once', async () => {
    const errors: Array<{ code: string }> = [];
    const el = document.createElement('kolam-transcription-player');
    el.addEventListener('kolam-error', (e) => errors.push(e.detail));
    el.keymap = 42 as never;
    document.body.append(el);
    await el.updateComplete;
    await nextFrame();
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-property']);
    el.keymap = 42 as never;
    el.requestUpdate();
    await el.updateComplete;
    await nextFrame();
    expect(errors).to.have.length(1);
  });

  it('offline: seeks on a click, says the segments could not be loaded, keeps the host\'s annotations, one kolam-error, nothing thrown; a later press loads them', async () => {
    const load = editingCode.load;
    editingCode.load = () => import(/* @vite-ignore */ `./no-such-chunk-${Date.now()}.js`);
    try {
      const errors: Array<{ code: string }> = [];
      const el = document.createElement('kolam-transcription-player');
      el.addEventListener('kolam-error', (e) => errors.push(e.detail));
      el.style.width = '800px';
      el.src = await seekableMedia('speech.wav');
      el.annotations = SEGMENTS();
      document.body.append(el);
      await el.updateComplete;
      await waitUntil(() => el.waveformReady && mediaOf(el).readyState >= 1, 'waveform painted', { timeout: 10000 });
      const list = shadow(el).querySelector('[part~="list"]')!;
      expect(list.getAttribute('role')).to.equal('alert');
      expect(list.textContent).to.contain('could not be loaded');
      expect(drawnSegments(el)).to.deep.equal([]);
      expect(errors.map((e) => e.code)).to.deep.equal(['code-unavailable']);
      // A key tries again (and fails again, quietly); the transport still works.
      waveformOf(el).focus();
      await sendKeys({ press: 'Delete' });
      await el.updateComplete;
      expect(errors).to.have.length(1);
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'b']);
      // A click on the waveform still seeks.
      const [x, y] = pointAt(el, 5);
      await sendMouse({ type: 'click', position: [x, y] });
      await waitUntil(() => Math.abs(el.currentTime - 5) < 2 / el.zoom + 0.05, 'seeked by a click');
      // The click's own try (it fails again, quietly) is over.
      await el.updateComplete;
      expect(errors).to.have.length(1);
      // A set given while offline is kept too; once the code can be fetched, a press loads it.
      el.annotations = [segment('c', 3, 4, 'marubadi')];
      expect(el.annotations.map((a) => a.id)).to.deep.equal(['c']);
      editingCode.load = load;
      await sendMouse({ type: 'click', position: [x, y] });
      await el.updateComplete;
      expect(drawnSegments(el)).to.deep.equal(['c']);
      expect(rowOf(el, 'c')).to.exist;
      expect(errors).to.have.length(1);
    } finally {
      editingCode.load = load;
    }
  });
});
