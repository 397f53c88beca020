// What a seek costs the page besides its frame: the media element's own reads. The browser reads a
// streamed <video> on the page's main thread, so what it buffers after a paused seek is work done
// before (and around) the frame that shows the seek.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { mediaOf, shadow } from './helpers.js';

/** Seconds of the media the element holds, over all its buffered ranges. */
function bufferedSeconds(video: HTMLVideoElement): number {
  let total = 0;
  for (let i = 0; i < video.buffered.length; i++) total += video.buffered.end(i) - video.buffered.start(i);
  return total;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<kolam-transcription-player> media reads on a seek', () => {
  it('reads a long recording around a paused seek, not the whole of it', async () => {
    // 24 minutes, served with byte ranges at full speed; tiny peaks given, so the only reads are the media element's.
    const peaks = { version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 8000, bits: 8, length: 1440, data: new Array(2880).fill(0) };
    const el = await fixture<KolamTranscriptionPlayer>(
      html`<kolam-transcription-player style="width:800px" src="/__media/range/tones-long.mp3?seek-reads" .peaks=${peaks}></kolam-transcription-player>`,
    );
    const video = mediaOf(el);
    await waitUntil(() => video.readyState >= 1 && el.waveformReady && shadow(el).querySelector('canvas'), 'metadata and waveform', { timeout: 10000 });
    expect(video.duration).to.be.closeTo(1440, 1);
    await settle(1500);
    el.currentTime = 600;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    await settle(1500);
    // Playable where it landed…
    let around = false;
    for (let i = 0; i < video.buffered.length; i++) around ||= video.buffered.start(i) <= 600.1 && video.buffered.end(i) > 605;
    expect(around, 'buffered past the seek').to.equal(true);
    // …and not the rest: with preload="auto" Chromium had read all 1,440 s by now.
    expect(bufferedSeconds(video)).to.be.below(360);
  });
});
