import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { timeRangeOf } from '../../src/core/selectors.js';
import '../../src/label-set.js';
import { mediaOf, pointAt, segment, shadow, speechPlayer, waveformOf } from './helpers.js';

async function drag(from: [number, number], to: [number, number], steps = 6): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= steps; i++) {
    await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / steps), to[1]] });
  }
  await sendMouse({ type: 'up' });
}

describe('<kolam-transcription-player> editing on the waveform', () => {
  afterEach(() => resetMouse());

  it('creates one segment from a drag, in seconds of the media', async () => {
    const el = await speechPlayer();
    const created = oneEvent(el, 'kolam-create');
    await drag(pointAt(el, 4), pointAt(el, 7));
    const { detail } = await created;
    const range = timeRangeOf(detail.annotation)!;
    // One CSS px is duration/width seconds; allow two of them.
    const px = 1 / el.zoom;
    expect(range.start).to.be.closeTo(4, 2 * px);
    expect(range.end).to.be.closeTo(7, 2 * px);
    expect(detail.annotation.motivation).to.equal('supplementing');
    expect(detail.annotation.body[0]).to.deep.equal({ type: 'TextualBody', value: '', format: 'text/plain' });
    expect(detail.annotation.target.source).to.equal(el.src);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('li[data-id]')).to.have.length(1);
    expect(shadow(el).querySelector('[part~="segment"][part~="selected"]')).to.exist;
  });

  it('creates nothing from a drag shorter than a segment may be', async () => {
    const el = await speechPlayer();
    el.zoom = 1000;
    await el.updateComplete;
    let created = 0;
    el.addEventListener('kolam-create', () => created++);
    const [x, y] = pointAt(el, el.currentTime + 1);
    // 40 px at 1000 px/s is 0.04 s: shorter than the 0.05 s minimum.
    await drag([x, y], [x + 40, y]);
    expect(created).to.equal(0);
    expect(shadow(el).querySelector('.ghost')).to.equal(null);
  });

  it('clicks seek, without creating anything', async () => {
    const el = await speechPlayer();
    let created = 0;
    el.addEventListener('kolam-create', () => created++);
    const [x, y] = pointAt(el, 5);
    await sendMouse({ type: 'click', position: [x, y] });
    await el.updateComplete;
    expect(el.currentTime).to.be.closeTo(5, 2 / el.zoom);
    expect(mediaOf(el).currentTime).to.be.closeTo(5, 2 / el.zoom);
    expect(created).to.equal(0);
    expect(waveformOf(el).getAttribute('aria-valuenow')).to.equal('5');
  });

  it('drags an edge as one update, stopping at the neighbour', async () => {
    const el = await speechPlayer([segment('a', 1, 3), segment('b', 4, 6)]);
    const updates: unknown[] = [];
    el.addEventListener('kolam-update', (e) => updates.push(e.detail));
    const updated = oneEvent(el, 'kolam-update');
    const [x, y] = pointAt(el, 3);
    await drag([x - 2, y], pointAt(el, 5));
    const { detail } = await updated;
    expect(updates).to.have.length(1);
    expect(detail.annotation.id).to.equal('a');
    expect(timeRangeOf(detail.previous)).to.deep.equal({ start: 1, end: 3 });
    // The edge stops where b starts: segments never overlap by dragging.
    expect(timeRangeOf(detail.annotation)).to.deep.equal({ start: 1, end: 4 });
  });

  it('never inverts a segment: the start stops short of the end', async () => {
    const el = await speechPlayer([segment('a', 2, 3)]);
    const updated = oneEvent(el, 'kolam-update');
    const [x, y] = pointAt(el, 2);
    await drag([x + 2, y], pointAt(el, 6));
    const { detail } = await updated;
    const range = timeRangeOf(detail.annotation)!;
    expect(range.start).to.be.lessThan(range.end);
    expect(range.end).to.equal(3);
  });

  it('cancels an edge drag with Escape, restoring the segment', async () => {
    const el = await speechPlayer([segment('a', 2, 3)]);
    let updates = 0;
    el.addEventListener('kolam-update', () => updates++);
    const [x, y] = pointAt(el, 3);
    await sendMouse({ type: 'move', position: [x - 2, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: pointAt(el, 5) });
    await sendKeys({ press: 'Escape' });
    await sendMouse({ type: 'up' });
    expect(updates).to.equal(0);
    expect(timeRangeOf(el.annotations[0])).to.deep.equal({ start: 2, end: 3 });
    expect(mediaOf(el).paused).to.equal(true);
  });

  it('is readonly: drags create nothing, edges are gone, fields are read-only', async () => {
    const el = await speechPlayer([segment('a', 1, 3, 'text')], { readonly: true });
    await el.updateComplete;
    let created = 0;
    el.addEventListener('kolam-create', () => created++);
    await drag(pointAt(el, 4), pointAt(el, 7));
    expect(created).to.equal(0);
    expect(shadow(el).querySelector('[part~="edge"]')).to.equal(null);
    expect(shadow(el).querySelector('textarea')!.readOnly).to.equal(true);
  });

  it('gives new segments the active speaker of the label set, and relabels with digit keys', async () => {
    const wrapper = await fixture<HTMLElement>(html`<kolam-label-set active-label="b">
      <kolam-label id="a">Ana</kolam-label><kolam-label id="b">Bala</kolam-label>
    </kolam-label-set>`);
    const el = await speechPlayer();
    wrapper.append(el);
    await el.updateComplete;
    const created = oneEvent(el, 'kolam-create');
    await drag(pointAt(el, 1), pointAt(el, 2));
    const { detail } = await created;
    expect(detail.annotation.body).to.deep.include({ type: 'TextualBody', purpose: 'tagging', value: 'b' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.segment-label')!.textContent).to.equal('Bala');
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: '1' });
    expect((await updated).detail.annotation.body).to.deep.include({ type: 'TextualBody', purpose: 'tagging', value: 'a' });
  });

  it('moves edges to the playhead with [ and ], and deletes with Delete, all undoable', async () => {
    const el = await speechPlayer([segment('a', 2, 3)]);
    waveformOf(el).focus();
    el.select('a');
    el.currentTime = 1.5;
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: '[' });
    expect(timeRangeOf((await updated).detail.annotation)).to.deep.equal({ start: 1.5, end: 3 });
    const deleted = oneEvent(el, 'kolam-delete');
    await sendKeys({ press: 'Delete' });
    expect((await deleted).detail.annotation.id).to.equal('a');
    const restored = oneEvent(el, 'kolam-create');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    expect(timeRangeOf((await restored).detail.annotation)).to.deep.equal({ start: 1.5, end: 3 });
  });

  it('zooms with keys and the wheel, about the playhead or pointer', async () => {
    const el = await speechPlayer();
    const fit = el.zoom;
    waveformOf(el).focus();
    await sendKeys({ press: '+' });
    await el.updateComplete;
    expect(el.zoom).to.be.closeTo(fit * 1.5, 1e-6);
    const [x, y] = pointAt(el, 3);
    // @web/test-runner-commands has no wheel; a WheelEvent where the pointer is stands in for it.
    waveformOf(el).dispatchEvent(new WheelEvent('wheel', { clientX: x, clientY: y, deltaY: -200, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(el.zoom).to.be.greaterThan(fit * 1.5);
    // The time under the pointer stayed under it.
    const rect = waveformOf(el).getBoundingClientRect();
    expect((x - rect.left + waveformOf(el).scrollLeft) / el.zoom).to.be.closeTo(3, 0.05);
    await sendKeys({ press: '0' });
    await el.updateComplete;
    expect(el.zoom).to.be.closeTo(fit, 1e-6);
  });
});
