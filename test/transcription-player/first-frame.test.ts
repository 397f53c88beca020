// A zoom or a jump far along the waveform shows the whole view drawn in the frame that shows it:
// the canvas chunks there are drawn before that frame is painted, never a frame or more later.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { AXIS_HEIGHT } from '../../src/transcription-player/waveform.js';
import { media, shadow, waveformOf } from './helpers.js';

let peaks: unknown;
async function threeHours(): Promise<KolamTranscriptionPlayer> {
  peaks ??= await (await fetch(media('three-hours.peaks.json'))).json();
  const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" .peaks=${peaks}></kolam-transcription-player>`);
  await waitUntil(() => el.waveformReady && el.duration > 0 && el.zoom < 0.1, 'peaks drawn, fitted');
  await el.updateComplete;
  await settled();
  return el;
}

const settled = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
/** Just after the next frame is painted (as bench:player times a seek). */
const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** The view's columns (content CSS px, every 25 px) that no canvas has drawn wave in. */
function blankColumns(el: KolamTranscriptionPlayer): number[] {
  const wave = waveformOf(el);
  const canvases = [...shadow(el).querySelectorAll<HTMLCanvasElement>('.chunks canvas')];
  const blank: number[] = [];
  for (let x = wave.scrollLeft + 1; x < wave.scrollLeft + wave.clientWidth - 1; x += 25) {
    const canvas = canvases.find((c) => c.offsetLeft <= x && x < c.offsetLeft + c.clientWidth);
    const dpr = canvas ? canvas.width / canvas.clientWidth : 1;
    const top = Math.ceil((AXIS_HEIGHT + 2) * dpr);
    const column = canvas?.getContext('2d')!.getImageData(Math.floor((x - canvas.offsetLeft) * dpr), top, 1, canvas.height - top).data;
    let ink = false;
    for (let i = 3; column && i < column.length; i += 4) ink ||= column[i] > 0;
    if (!ink) blank.push(Math.round(x));
  }
  return blank;
}

describe('<kolam-transcription-player> the first frame after a zoom or a far jump', () => {
  it('has the zoomed waveform across the whole view', async () => {
    const el = await threeHours();
    for (const px of [20, 200, 5, 1000]) {
      el.zoom = px;
      await nextPaint();
      expect(el.zoom).to.equal(px);
      expect(blankColumns(el), `${px} px/s`).to.deep.equal([]);
    }
  });

  it('has the waveform across the whole view where a jump lands (the overview, the reveal button, a list row)', async () => {
    const el = await threeHours();
    el.zoom = 50;
    await settled();
    const wave = waveformOf(el);
    // Far from every chunk drawn so far, as the overview and view.reveal() scroll.
    for (const seconds of [9000, 600, 5400.5, 10700]) {
      wave.scrollLeft = seconds * el.zoom;
      await nextPaint();
      expect(wave.scrollLeft).to.be.closeTo(Math.min(seconds * el.zoom, wave.scrollWidth - wave.clientWidth), 1);
      expect(blankColumns(el), `at ${seconds} s`).to.deep.equal([]);
    }
  });
});
