// Bench page for <kolam-transcription-player>: the same window.bench API as
// player-wavesurfer-page.mjs, so bench/transcription-player.mjs drives both alike.
import { KolamTranscriptionPlayer } from '../../src/transcription-player.ts';
import { nextPaint, sampleFrames, segmentAnnotations, trackHandlerTime, waitFrames } from './player-common.mjs';

// A used binding: package.json's sideEffects lists dist/ files, so a bare import would be dropped.
window.__KolamTranscriptionPlayer = KolamTranscriptionPlayer;

let el;
const scroller = () => el.shadowRoot.querySelector('[part~="waveform"]');

function mount() {
  el?.remove();
  el = document.createElement('kolam-transcription-player');
  el.style.width = '1200px';
  document.body.append(el);
  return el;
}

/** Some waveform is drawn below the time axis (the axis alone is ink too). */
function waveInk() {
  for (const canvas of el.shadowRoot.querySelectorAll('canvas')) {
    const top = Math.ceil(30 * (canvas.height / canvas.clientHeight || 1));
    if (canvas.height <= top) continue;
    const data = canvas.getContext('2d').getImageData(0, top, canvas.width, canvas.height - top).data;
    for (let i = 3; i < data.length; i += 16) if (data[i] > 0) return true;
  }
  return false;
}

async function untilReady() {
  // Checked once per frame: the first frame that has the waveform is the one we time.
  while (!(el.waveformReady && el.duration > 0 && el.shadowRoot.querySelector('canvas'))) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
}

window.bench = {
  name: 'kolam',
  async loadSrc(url) {
    mount();
    await el.updateComplete;
    const t0 = performance.now();
    el.src = url;
    // The first frame with some waveform in it (it draws as it decodes), then the whole file.
    let first = null;
    while (!(el.waveformReady && el.duration > 0 && el.shadowRoot.querySelector('canvas'))) {
      if (first === null && waveInk()) first = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await el.updateComplete;
    const painted = (await nextPaint()) - t0;
    const idle = (await window.__idle()) - t0;
    return { first: first ?? painted, painted, idle, duration: el.duration, chunks: el.shadowRoot.querySelectorAll('canvas').length };
  },
  /** `src` with its peaks given (fetched first, not timed): the player and its media, no decoding. */
  async loadSrcWithPeaks(url, peaksUrl) {
    const json = await (await window.fetch(peaksUrl)).json();
    mount();
    await el.updateComplete;
    el.peaks = json;
    el.src = url;
    await untilReady();
    const video = el.shadowRoot.querySelector('video');
    // Its media as far as it loads by itself (canplaythrough), for at most 10 s.
    for (let i = 0; i < 200 && video.readyState < 4 && !video.error; i++) await new Promise((r) => setTimeout(r, 50));
    return { duration: el.duration };
  },
  async loadPeaks(json) {
    mount();
    await el.updateComplete;
    const t0 = performance.now();
    el.peaks = json;
    await untilReady();
    const painted = (await nextPaint()) - t0;
    const idle = (await window.__idle()) - t0;
    return { painted, idle, duration: el.duration };
  },
  async addSegments(ranges) {
    const t0 = performance.now();
    el.annotations = segmentAnnotations(ranges);
    await el.updateComplete;
    return (await nextPaint()) - t0;
  },
  /** Zooms to px/s and scrolls so `time` is 300 px from the left; returns ms to the painted frame. */
  async zoom(px, time = null) {
    const t0 = performance.now();
    el.zoom = px;
    await el.updateComplete;
    const work = performance.now() - t0;
    if (time !== null) {
      scroller().scrollLeft = time * el.zoom - 300;
      await waitFrames(2);
    }
    const painted = (await nextPaint()) - t0;
    return { painted, work, zoom: el.zoom };
  },
  /** Seeks; `work` is the JS of it (the set and the update it asks for), `playheadX` where the playhead is drawn. */
  async seek(time) {
    const t0 = performance.now();
    el.currentTime = time;
    await el.updateComplete;
    const work = performance.now() - t0;
    const painted = (await nextPaint()) - t0;
    const playhead = el.shadowRoot.querySelector('[part="playhead"]');
    const playheadX = Number(/translateX\(([-\d.e]+)px\)/.exec(playhead.style.transform)?.[1]);
    return { painted, work, time: el.currentTime, playheadX, expectedX: el.currentTime * el.zoom };
  },
  /**
   * Plays from `time` at `px` per second, muted, for `ms`: the view follows the playhead (pages along
   * with it). Returns each frame's interval and how many times the view moved.
   */
  async follow(time, px, ms) {
    await this.zoom(px);
    el.currentTime = time;
    const media = el.shadowRoot.querySelector('video');
    media.muted = true;
    el.play();
    while (!(media.currentTime > time + 0.05)) await new Promise((r) => requestAnimationFrame(r));
    return sampleFrames(ms, () => scroller().scrollLeft, () => el.pause());
  },
  /** Viewport point on the end edge of segment `index` (time order). */
  endEdge(index) {
    const id = `seg-${index}`;
    const edge = el.shadowRoot.querySelector(`[data-segment="${id}"][data-edge="end"]`);
    const r = edge.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  },
  endOf(index) {
    const a = el.annotations.find((x) => x.id === `seg-${index}`);
    return Number(/t=[^,]+,(.+)$/.exec(a.target.selector.value)[1]);
  },
  trackHandlerTime,
};
window.__benchReady = true;
