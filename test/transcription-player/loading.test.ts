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
    // Fit to width: one chunk; zoomed far in: still only the chunks near the view.
    el.zoom = 200;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('canvas').length).to.be.lessThan(5);
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
