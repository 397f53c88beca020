// Bench page for wavesurfer.js v8 with its Regions plugin: the peer. Same window.bench API as
// player-kolam-page.mjs; options are wavesurfer's defaults except the size.
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { nextPaint, sampleFrames, trackHandlerTime, waitFrames } from './player-common.mjs';

let ws;
let regions;
let container;

function mount(options) {
  ws?.destroy();
  container?.remove();
  container = document.createElement('div');
  container.style.width = '1200px';
  document.body.append(container);
  regions = RegionsPlugin.create();
  ws = WaveSurfer.create({ container, height: 128, plugins: [regions], ...options });
  return new Promise((resolve) => ws.once('ready', resolve));
}

window.bench = {
  name: 'wavesurfer.js',
  async loadSrc(url) {
    const t0 = performance.now();
    await mount({ url });
    const painted = (await nextPaint()) - t0;
    const idle = (await window.__idle()) - t0;
    // wavesurfer.js draws once the whole file is decoded: its first screen is the whole file.
    return { first: painted, painted, idle, duration: ws.getDuration() };
  },
  /** `url` with its peaks given, as its docs do it (fetched first, not timed): no decoding. */
  async loadSrcWithPeaks(url, peaksUrl) {
    const json = await (await window.fetch(peaksUrl)).json();
    const channel = Float32Array.from({ length: json.length }, (_, i) => json.data[2 * i + 1] / 128);
    await mount({ url, peaks: [channel], duration: (json.length * json.samples_per_pixel) / json.sample_rate });
    const media = ws.getMediaElement();
    for (let i = 0; i < 200 && media.readyState < 4 && !media.error; i++) await new Promise((r) => setTimeout(r, 50));
    return { duration: ws.getDuration() };
  },
  async loadPeaks(json) {
    const t0 = performance.now();
    // audiowaveform's integers as wavesurfer's −1…1 channel data, as its docs do it.
    const scale = json.bits === 8 ? 128 : 32768;
    const channel = Float32Array.from(json.data, (v) => v / scale);
    const duration = (json.length * json.samples_per_pixel) / json.sample_rate;
    await mount({ peaks: [channel], duration });
    const painted = (await nextPaint()) - t0;
    const idle = (await window.__idle()) - t0;
    return { painted, idle, duration: ws.getDuration() };
  },
  async addSegments(ranges) {
    const t0 = performance.now();
    ranges.forEach(([start, end, text], i) => regions.addRegion({ id: `seg-${i}`, start, end, content: text, color: 'rgba(0, 114, 178, 0.2)' }));
    await waitFrames(1);
    return (await nextPaint()) - t0;
  },
  async zoom(px, time = null) {
    const t0 = performance.now();
    ws.zoom(px);
    const work = performance.now() - t0;
    if (time !== null) {
      ws.setScroll(time * px - 300);
      await waitFrames(2);
    }
    const painted = (await nextPaint()) - t0;
    return { painted, work, zoom: px };
  },
  async seek(time) {
    const t0 = performance.now();
    ws.setTime(time);
    const work = performance.now() - t0;
    let painted = (await nextPaint()) - t0;
    // Now and then the seek lands a frame or more later; time it to the frame where it has.
    for (let i = 0; i < 30 && Math.abs(ws.getMediaElement().currentTime - time) > 0.05; i++) painted = (await nextPaint()) - t0;
    return { painted, work, time: ws.getMediaElement().currentTime };
  },
  /** As player-kolam-page.mjs: plays from `time` at `px` per second, muted, for `ms`, the view following (autoScroll). */
  async follow(time, px, ms) {
    await this.zoom(px);
    ws.setTime(time);
    const media = ws.getMediaElement();
    media.muted = true;
    await ws.play();
    while (!(media.currentTime > time + 0.05)) await new Promise((r) => requestAnimationFrame(r));
    return sampleFrames(ms, () => ws.getScroll(), () => ws.pause());
  },
  endEdge(index) {
    const region = regions.getRegions().find((r) => r.id === `seg-${index}`);
    const r = region.element.querySelector('[part~="region-handle-right"]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  },
  endOf(index) {
    return regions.getRegions().find((r) => r.id === `seg-${index}`).end;
  },
  trackHandlerTime,
};
window.__benchReady = true;
