import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { hasInk, media, segment, shadow, speechPlayer } from './helpers.js';

describe('<kolam-transcription-player> loading', () => {
  it('draws the waveform of a decoded clip, with its duration and time axis', async () => {
    const el = await speechPlayer();
    expect(el.duration).to.be.closeTo(11.78, 0.05);
    const canvases = [...shadow(el).querySelectorAll('canvas')];
    expect(canvases.length).to.be.greaterThan(0);
    expect(canvases.some(hasInk)).to.equal(true);
    expect(shadow(el).querySelector('[part="time"]')!.textContent).to.contain('0:11.7');
    await expect(el).to.be.accessible();
  });

  it('decodes compressed audio (mp3) too', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${media('speech.mp3')}></kolam-transcription-player>`);
    await waitUntil(() => el.duration > 0 && el.waveformReady, 'mp3 waveform', { timeout: 10000 });
    expect(el.duration).to.be.closeTo(11.8, 0.2);
  });

  it('draws three hours from peaks without decoding, only the visible chunks', async () => {
    const peaks = await (await fetch(media('three-hours.peaks.json'))).json();
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" .peaks=${peaks}></kolam-transcription-player>`);
    await waitUntil(() => shadow(el).querySelector('canvas'), 'peaks drawn');
    expect(el.duration).to.be.closeTo(3 * 3600, 1);
    // Fit to width: one chunk; zoomed far in: still only the chunks near the view (the 800 px in
    // view and one on each side: at most four of the 2,100 at this zoom; the overview strip's own
    // canvas is not one of them).
    el.zoom = 200;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.chunks canvas').length).to.be.within(2, 4);
    expect([...shadow(el).querySelectorAll('canvas')].some(hasInk)).to.equal(true);
  });

  it('shows 2,000 segments zoomed out as coverage bars, and as segments once zoomed in', async () => {
    const peaks = await (await fetch(media('three-hours.peaks.json'))).json();
    const many = Array.from({ length: 2000 }, (_, i) => segment(`s${i}`, i * 5.4, i * 5.4 + 4.8));
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" .peaks=${peaks} .annotations=${many}></kolam-transcription-player>`);
    // Fitted: three hours in 800 px.
    await waitUntil(() => el.waveformReady && el.zoom < 0.1, 'peaks drawn, fitted');
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part~="segment"]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('.coverage').length).to.be.within(1, 400);
    el.zoom = 50;
    await el.updateComplete;
    const shown = shadow(el).querySelectorAll('[part~="segment"]').length;
    // Three screens' worth (the view and one on each side) at 50 px/s: 48 s, about nine segments.
    expect(shown).to.be.within(5, 15);
    expect(shadow(el).querySelectorAll('li[data-id]').length).to.be.lessThan(60);
  });

  it('reports peaks it cannot read', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player></kolam-transcription-player>`);
    const error = oneEvent(el, 'kolam-error');
    el.peaks = { version: 2, bits: 12, sample_rate: 8000, samples_per_pixel: 80, length: 0, data: [] } as never;
    const { detail } = await error;
    expect(detail.code).to.equal('invalid-peaks');
    expect(detail.message).to.match(/bits/);
  });

  it('reports media that will not load, once', async () => {
    const errors: string[] = [];
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player @kolam-error=${(e: CustomEvent) => errors.push(e.detail.code)}></kolam-transcription-player>`);
    const error = oneEvent(el, 'kolam-error');
    el.src = media('broken.wav');
    const { detail } = await error;
    expect(['media-error', 'decode-error']).to.include(detail.code);
    expect(detail.input).to.equal(media('broken.wav'));
    await waitUntil(() => shadow(el).querySelector('.status.error'), 'error shown');
    await new Promise((r) => mediaLoadSettled(el, r));
    expect(errors).to.have.length(1);
  });

  it('shows segments set from code without firing events, and reports bad ones', async () => {
    const fired: string[] = [];
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player
      src=${media('speech.wav')}
      @kolam-create=${() => fired.push('create')}
      @kolam-change=${() => fired.push('change')}
      @kolam-update=${() => fired.push('update')}
    ></kolam-transcription-player>`);
    const error = oneEvent(el, 'kolam-error');
    const bad = segment('bad', 3, 1);
    el.annotations = [segment('a', 0.3, 3.2, 'one'), bad, segment('b', 3.8, 7.4, 'two')];
    const { detail } = await error;
    expect(detail.code).to.equal('invalid-geometry');
    expect(detail.input).to.deep.equal(bad);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('li[data-id]')).to.have.length(2);
    // Nothing the host gave is lost: the rejected one stays in `annotations`.
    expect(el.annotations.map((a) => a.id)).to.deep.equal(['a', 'bad', 'b']);
    expect(fired).to.deep.equal([]);
  });

  it('gives the decoded peaks as audiowaveform JSON v2, which a new player draws without decoding', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${media('tones.opus')}></kolam-transcription-player>`);
    expect(el.peaks).to.equal(null);
    await waitUntil(() => el.waveformReady, 'opus decoded', { timeout: 10000 });
    const json = el.peaks!;
    expect(json).to.include({ version: 2, channels: 1, bits: 8 });
    expect((json.length * json.samples_per_pixel) / json.sample_rate).to.be.closeTo(180, 0.2);
    expect(json.data).to.have.length(2 * json.length);
    // Second 10 is a tone at half scale (64 of 128), second 11 is silence.
    const point = (t: number) => Math.round((t * json.sample_rate) / json.samples_per_pixel);
    expect(json.data[2 * point(10.5) + 1]).to.be.within(52, 76);
    expect(json.data[2 * point(11.5) + 1]).to.be.below(7);
    const again = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player .peaks=${JSON.parse(JSON.stringify(json))}></kolam-transcription-player>`);
    expect(again.waveformReady).to.equal(true);
    expect(again.duration).to.be.closeTo(180, 0.2);
  });

  it('draws the waveform as it decodes, with the share done in the status', async () => {
    // 1.4 MB at 400 KB/s: three and a half seconds to watch.
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src="/__media/slow/tones.mp3?kbps=400"></kolam-transcription-player>`);
    const seen: string[] = [];
    // Each frame until done: what the status says while some waveform is already drawn.
    while (!el.waveformReady) {
      const status = shadow(el).querySelector('.status.loading')?.textContent ?? '';
      if (/\d+ %/.test(status) && [...shadow(el).querySelectorAll('canvas')].some(hasInk)) seen.push(status);
      await new Promise((r) => requestAnimationFrame(r));
    }
    expect(seen.length, 'frames with a partial waveform and a percentage').to.be.greaterThan(0);
    expect(el.duration).to.be.closeTo(180, 0.2);
  });

  it('finishes the waveform of a player moved in the DOM while decoding', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${`${media('tones.mp3')}?moved`}></kolam-transcription-player>`);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await waitUntil(() => el.waveformReady, 'waveform after the move', { timeout: 10000 });
    expect(el.duration).to.be.closeTo(180, 0.3);
    elsewhere.remove();
  });

  it('starts the decode again when a removed player is put back', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${`${media('tones.ogg')}?removed`}></kolam-transcription-player>`);
    const parent = el.parentElement!;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    parent.append(el);
    await waitUntil(() => el.waveformReady, 'waveform after coming back', { timeout: 10000 });
    const json = el.peaks!;
    expect((json.length * json.samples_per_pixel) / json.sample_rate).to.be.closeTo(180, 0.3);
  });

  for (const name of ['tones-cut.wav', 'tones-cut.mp3', 'tones-cut.ogg']) {
    it(`reports a truncated file (${name}) once, keeps what it drew, and still plays`, async () => {
      const errors: CustomEvent[] = [];
      const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player
        src=${media(name)}
        @kolam-error=${(e: CustomEvent) => errors.push(e)}
      ></kolam-transcription-player>`);
      await waitUntil(() => errors.length > 0, 'decode error', { timeout: 10000 });
      await el.updateComplete;
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['decode-error']);
      expect(errors[0].detail.message).to.match(/ends/);
      expect([...shadow(el).querySelectorAll('canvas')].some(hasInk), 'the part decoded is drawn').to.equal(true);
      const video = shadow(el).querySelector('video')!;
      await waitUntil(() => video.readyState >= 2, 'media playable', { timeout: 10000 });
      el.play();
      await waitUntil(() => el.currentTime > 0.1, 'playing', { timeout: 10000 });
      el.pause();
      await new Promise((r) => mediaLoadSettled(el, r));
      expect(errors).to.have.length(1);
    });
  }

  it('reports a connection that dies mid-stream once, keeping the part drawn', async () => {
    const errors: CustomEvent[] = [];
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player
      src="/__media/drop/tones.mp3?after=400000"
      @kolam-error=${(e: CustomEvent) => errors.push(e)}
    ></kolam-transcription-player>`);
    await waitUntil(() => errors.some((e) => e.detail.code === 'decode-error'), 'decode error', { timeout: 10000 });
    // Drawn in the frame after the last piece: wait for it rather than for a fixed moment.
    await waitUntil(() => [...shadow(el).querySelectorAll('canvas')].some(hasInk), 'the part decoded is drawn', { timeout: 5000 });
    expect(errors).to.have.length(1);
  });

  for (const name of ['empty.mp3', 'not-audio.mp3', 'missing.mp3']) {
    it(`reports ${name} with one error`, async () => {
      const errors: string[] = [];
      const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player
        src=${media(name)}
        @kolam-error=${(e: CustomEvent) => errors.push(e.detail.code)}
      ></kolam-transcription-player>`);
      await waitUntil(() => shadow(el).querySelector('.status.error'), 'error shown', { timeout: 10000 });
      await new Promise((r) => mediaLoadSettled(el, r));
      // The media element fails on these too; whichever speaks first is the one error.
      expect(errors).to.have.length(1);
      expect(['decode-error', 'media-error']).to.include(errors[0]);
    });
  }

  it('shows the video of a video file', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player src=${media('video.webm')}></kolam-transcription-player>`);
    const video = shadow(el).querySelector('video')!;
    await waitUntil(() => video.readyState >= 1 && !video.hidden, 'video shown', { timeout: 10000 });
    expect(video.videoWidth).to.equal(320);
    await waitUntil(() => el.duration > 0 && el.waveformReady, 'video waveform', { timeout: 10000 });
  });
});

/** Resolves once the media element has either failed or loaded, plus a frame for late errors. */
function mediaLoadSettled(el: KolamTranscriptionPlayer, done: (v: unknown) => void): void {
  const video = shadow(el).querySelector('video')!;
  const finish = () => requestAnimationFrame(() => requestAnimationFrame(done));
  if (video.error || video.readyState > 0 || video.networkState === HTMLMediaElement.NETWORK_NO_SOURCE) finish();
  else video.addEventListener('error', finish, { once: true });
}
