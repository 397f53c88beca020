// Its own page: nothing else here may load the decoder first.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { media, shadow } from './helpers.js';

// The decoder's own folder: a checkout whose path holds /decode/ must not count the test runner's files.
const decoderRequests = () => performance.getEntriesByType('resource').filter((e) => /\/transcription-player\/decode\//.test(e.name));

describe('<kolam-transcription-player> given peaks', () => {
  it('never downloads the decoder', async () => {
    const peaks = await (await fetch(media('three-hours.peaks.json'))).json();
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" src=${media('speech.wav')} .peaks=${peaks}></kolam-transcription-player>`);
    await waitUntil(() => el.waveformReady && shadow(el).querySelector('canvas'), 'peaks drawn');
    await new Promise((r) => setTimeout(r, 300));
    expect(decoderRequests()).to.have.length(0);
  });

  it('downloads it, with its worker file, once a src has no peaks', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${`${media('speech.mp3')}?on-demand`}></kolam-transcription-player>`);
    await waitUntil(() => el.waveformReady, 'decoded', { timeout: 10000 });
    const names = decoderRequests().map((e) => e.name);
    expect(names.some((n) => n.includes('/decode/decode.ts'))).to.equal(true);
    expect(names.some((n) => n.includes('/decode/decode-worker.ts'))).to.equal(true);
  });
});
