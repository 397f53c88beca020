/**
 * The player's segment list and editing (player-editing.ts) are not in what a page loads to show a
 * recording: they are fetched right after the first screen, drawn by the time `updateComplete`
 * resolves, and what the annotator does before they arrive waits for them. When they cannot be
 * fetched the player still plays and shows its segments, says so, and emits one `kolam-error`.
 * This file runs in a page of its own, so "not fetched" means this page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { timeRangeOf } from '../../src/core/selectors.js';
import '../../src/transcription-player.js';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import type { Annotation } from '../../src/core/annotation.js';
import { editingCode } from '../../src/transcription-player/editing-slot.js';
import { mediaOf, pointAt, rowOf, seekableMedia, segment, shadow, waveformOf } from './helpers.js';

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
  await waitUntil(() => el.duration > 0 && mediaOf(el).readyState >= 1 && el.waveformReady && shadow(el).querySelectorAll('[part~="segment"]').length === annotations.length, 'waveform painted', { timeout: 10000 });
  return el;
}

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

  it('shows the waveform and its segments first, the list saying it is on its way', async () => {
    const held = hold();
    try {
      const el = await heldPlayer(SEGMENTS());
      expect(shadow(el).querySelectorAll('[part~="segment"]')).to.have.length(2);
      expect(shadow(el).querySelector('[part~="list"]')!.getAttribute('aria-busy')).to.equal('true');
      held.release();
      await el.updateComplete;
      expect(rowOf(el, 'a')).to.exist;
      expect(shadow(el).querySelector('[part~="list"]')!.hasAttribute('aria-busy')).to.equal(false);
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

  it('offline: shows the segments on the waveform and seeks on a click, says the list could not be loaded, one kolam-error, nothing thrown', async () => {
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
      await waitUntil(() => el.waveformReady && shadow(el).querySelector('[part~="segment"]'), 'waveform painted', { timeout: 10000 });
      const list = shadow(el).querySelector('[part~="list"]')!;
      expect(list.getAttribute('role')).to.equal('alert');
      expect(list.textContent).to.contain('could not be loaded');
      expect(shadow(el).querySelectorAll('[part~="segment"]')).to.have.length(2);
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
      expect(errors).to.have.length(1);
    } finally {
      editingCode.load = load;
    }
  });
});
