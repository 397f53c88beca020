import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { overviewCode } from '../../src/transcription-player/overview-slot.js';
import { media, segment, shadow, speechPlayer, waveformOf } from './helpers.js';

let peaks: unknown;
async function threeHours(): Promise<KolamTranscriptionPlayer> {
  peaks ??= await (await fetch(media('three-hours.peaks.json'))).json();
  const many = Array.from({ length: 200 }, (_, i) => segment(`s${i}`, i * 54, i * 54 + 30));
  const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" .peaks=${peaks} .annotations=${many}></kolam-transcription-player>`);
  // Fitted: three hours in 800 px (the view has been measured).
  await waitUntil(() => el.waveformReady && el.duration > 0 && el.zoom < 0.1, 'peaks drawn, fitted');
  await el.updateComplete;
  return el;
}
const strip = (el: KolamTranscriptionPlayer) => shadow(el).querySelector<HTMLCanvasElement>('[part~="overview"] canvas');
/** The waveform's view, in seconds. */
function viewOf(el: KolamTranscriptionPlayer) {
  const wave = waveformOf(el);
  return { start: wave.scrollLeft / el.zoom, end: (wave.scrollLeft + wave.clientWidth) / el.zoom };
}
async function settled(el: KolamTranscriptionPlayer) {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
}

/** The canvas columns (CSS px) whose pixel at CSS y is the colour of the window's outline. */
function outlinedColumns(canvas: HTMLCanvasElement, y: number, color: [number, number, number]): number[] {
  const dpr = canvas.width / canvas.clientWidth;
  const row = canvas.getContext('2d')!.getImageData(0, Math.round(y * dpr), canvas.width, 1).data;
  const columns: number[] = [];
  for (let x = 0; x < canvas.width; x++) {
    const [r, g, b] = [row[4 * x], row[4 * x + 1], row[4 * x + 2]];
    if (Math.abs(r - color[0]) + Math.abs(g - color[1]) + Math.abs(b - color[2]) < 30 && row[4 * x + 3] > 200) columns.push(x / dpr);
  }
  return columns;
}

describe('<kolam-transcription-player> overview strip', () => {
  it('is not shown while the whole file is in view', async () => {
    const el = await threeHours();
    expect(strip(el)).to.equal(null);
  });

  it('shows the whole file with the view window where the waveform is scrolled', async () => {
    const el = await threeHours();
    el.zoom = 20;
    await settled(el);
    waveformOf(el).scrollLeft = 3600 * el.zoom;
    await settled(el);
    const canvas = strip(el)!;
    expect(canvas).to.not.equal(null);
    const accent = getComputedStyle(shadow(el).querySelector('.probe.accent')!).color.match(/\d+/g)!.map(Number) as [number, number, number];
    const columns = outlinedColumns(canvas, 1.5, accent);
    const { start, end } = viewOf(el);
    const scale = canvas.clientWidth / el.duration;
    expect(columns.length).to.be.greaterThan(0);
    expect(Math.min(...columns)).to.be.closeTo(start * scale, 3);
    expect(Math.max(...columns)).to.be.closeTo(end * scale, 3);
  });

  it('moves the view where it is pressed, and along a drag', async () => {
    const el = await threeHours();
    el.zoom = 20;
    await settled(el);
    const rect = strip(el)!.getBoundingClientRect();
    const y = Math.round(rect.top + rect.height / 2);
    const at = (fraction: number) => Math.round(rect.left + rect.width * fraction);
    const playhead = el.currentTime;
    await sendMouse({ type: 'move', position: [at(0.5), y] });
    await sendMouse({ type: 'down' });
    await settled(el);
    const middle = (v: { start: number; end: number }) => (v.start + v.end) / 2;
    expect(middle(viewOf(el))).to.be.closeTo(el.duration * 0.5, el.duration / rect.width * 2);
    await sendMouse({ type: 'move', position: [at(0.75), y] });
    await sendMouse({ type: 'up' });
    await settled(el);
    expect(middle(viewOf(el))).to.be.closeTo(el.duration * 0.75, el.duration / rect.width * 2);
    // Moving the view is not seeking.
    expect(el.currentTime).to.equal(playhead);
  });

  it('says where the playhead is when it is out of view, and brings it back', async () => {
    const el = await threeHours();
    el.zoom = 20;
    await settled(el);
    waveformOf(el).scrollLeft = 5400 * el.zoom;
    await settled(el);
    const button = shadow(el).querySelector<HTMLButtonElement>('[part~="reveal-playhead"]')!;
    expect(button.textContent).to.contain('0:00.0');
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await settled(el);
    const { start, end } = viewOf(el);
    expect(el.currentTime).to.be.within(start, end);
    expect(shadow(el).querySelector('[part~="reveal-playhead"]')).to.equal(null);
  });

  describe('loaded on demand', () => {
    const original = overviewCode.load;
    afterEach(() => (overviewCode.load = original));

    it('fetches its code for a long recording when the page is idle, before any zoom', async () => {
      let calls = 0;
      overviewCode.load = () => {
        calls++;
        return original();
      };
      const el = await threeHours();
      await waitUntil(() => calls === 1, 'fetched at idle');
      await settled(el);
      expect(strip(el), 'fetched, not shown: the whole file is in view').to.equal(null);
      el.zoom = 20;
      await el.updateComplete;
      expect(strip(el)).to.not.equal(null);
      expect(calls).to.equal(1);
    });

    it('after a failed fetch, tries again at the next zoom, not on every update', async () => {
      let calls = 0;
      overviewCode.load = () => {
        calls++;
        return Promise.reject(new Error('offline'));
      };
      const el = await speechPlayer([segment('a', 1, 3, 'one')]);
      el.zoom = el.zoom * 4;
      await settled(el);
      expect(calls).to.equal(1);
      // The playhead moves: updates at the same zoom.
      for (const t of [0.5, 1, 1.5, 2]) {
        el.currentTime = t;
        await settled(el);
      }
      expect(calls, 'no fetch per update').to.equal(1);
      overviewCode.load = original;
      el.zoom = el.zoom * 2;
      await settled(el);
      expect(calls).to.equal(1);
      expect(strip(el), 'the next zoom fetched it').to.not.equal(null);
    });

    it('fetches its code for a short clip only when first zoomed in, a strip of the same size standing in', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let calls = 0;
      overviewCode.load = () => {
        calls++;
        return held.then(original);
      };
      const el = await speechPlayer([segment('a', 1, 3, 'one')]);
      const list = shadow(el).querySelector('[part~="list"]')!;
      expect(calls, 'nothing fetched while the whole clip is in view').to.equal(0);
      el.zoom = el.zoom * 4;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(calls).to.equal(1);
      const standIn = shadow(el).querySelector<HTMLElement>('[part~="overview"]')!;
      const before = { height: standIn.getBoundingClientRect().height, list: list.getBoundingClientRect().top };
      expect(before.height).to.be.greaterThan(20);
      release();
      await el.updateComplete;
      const strip = shadow(el).querySelector<HTMLElement>('[part~="overview"]')!;
      expect(strip.getBoundingClientRect().height).to.equal(before.height);
      expect(list.getBoundingClientRect().top, 'nothing below it moved').to.equal(before.list);
      const canvas = strip.querySelector('canvas')!;
      const accent = getComputedStyle(strip.querySelector('.probe.accent')!).color.match(/\d+/g)!.map(Number) as [number, number, number];
      expect(outlinedColumns(canvas, 1.5, accent).length, 'the view window is drawn').to.be.greaterThan(0);
      expect(calls).to.equal(1);
    });
  });
});
