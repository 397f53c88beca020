import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import type { AudiowaveformJson } from '../../src/transcription-player/peaks.js';
import { hasInk, media, shadow } from './helpers.js';

/** Loudest value in seconds [a, b) of audiowaveform JSON, as a share of full scale. */
function loudest(json: AudiowaveformJson, a: number, b: number): number {
  const full = json.bits === 8 ? 128 : 32768;
  const point = (t: number) => Math.floor((t * json.sample_rate) / json.samples_per_pixel);
  let top = 0;
  for (let i = point(a); i < point(b); i++) top = Math.max(top, Math.abs(json.data[2 * i]), Math.abs(json.data[2 * i + 1]));
  return top / full;
}

describe('kolam/peaks (Node, through ffmpeg)', () => {
  for (const name of ['tones.mp3', 'tones.opus', 'tones.m4a', 'tones.wav']) {
    it(`writes audiowaveform JSON v2 for ${name} that the player draws`, async () => {
      const json: AudiowaveformJson = await (await fetch(`/__media/kolam-peaks/${name}`)).json();
      expect(json).to.include({ version: 2, channels: 1, bits: 16, samples_per_pixel: 256 });
      expect((json.length * json.samples_per_pixel) / json.sample_rate).to.be.closeTo(180, 0.1);
      // 1 s of a tone at half scale, 1 s of silence (scripts/fixtures/audio.mjs).
      expect(loudest(json, 10.2, 10.8)).to.be.within(0.42, 0.58);
      expect(loudest(json, 11.2, 11.8)).to.be.below(0.05);
      const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" .peaks=${json}></kolam-transcription-player>`);
      await waitUntil(() => el.waveformReady && shadow(el).querySelector('canvas'), 'drawn');
      expect(el.duration).to.be.closeTo(180, 0.1);
      expect([...shadow(el).querySelectorAll('canvas')].some(hasInk)).to.equal(true);
    });
  }

  it('agrees with what the browser decodes from the same file', async () => {
    const fromNode: AudiowaveformJson = await (await fetch('/__media/kolam-peaks/tones.ogg?bits=8')).json();
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${`${media('tones.ogg')}?agree`}></kolam-transcription-player>`);
    await waitUntil(() => el.waveformReady, 'decoded', { timeout: 10000 });
    const fromBrowser = el.peaks!;
    for (let s = 0; s < 178; s++) expect(loudest(fromBrowser, s + 0.2, s + 0.8), `second ${s}`).to.be.closeTo(loudest(fromNode, s + 0.2, s + 0.8), 0.03);
  });

  it('answers a file with no audio with an error, not a crash', async () => {
    const response = await fetch('/__media/kolam-peaks/not-audio.mp3');
    expect(response.status).to.equal(422);
    expect((await response.json()).error).to.match(/ffmpeg/);
  });
});
