import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { media, segment, shadow, speechPlayer, waveformOf } from './helpers.js';

/** What an annotator sees of the player: the controls' state, names, and where a click lands. */
describe('<kolam-transcription-player> display', () => {
  it('disables Play, skip, speed, loop and zoom when the source fails', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player></kolam-transcription-player>`);
    const error = oneEvent(el, 'kolam-error');
    el.src = media('broken.wav');
    await error;
    await waitUntil(() => shadow(el).querySelector('.status.error'), 'error shown');
    await el.updateComplete;
    const toolbar = shadow(el).querySelector('[part="toolbar"]')!;
    const controls = [...toolbar.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input')];
    expect(controls.length).to.be.greaterThan(5);
    expect(controls.filter((c) => !c.disabled).map((c) => c.outerHTML)).to.deep.equal([]);
  });

  it('draws nothing segment-like where a failed source has no audio, and lists its segments', async () => {
    const el = await fixture<KolamTranscriptionPlayer>(
      html`<kolam-transcription-player style="width:800px" .annotations=${[segment('a', 0.3, 3.1, 'one', 'ana'), segment('b', 3.7, 7.5, 'two')]}></kolam-transcription-player>`,
    );
    const error = oneEvent(el, 'kolam-error');
    el.src = media('broken.wav');
    await error;
    await waitUntil(() => shadow(el).querySelector('.status.error'), 'error shown');
    await el.updateComplete;
    const wave = waveformOf(el);
    expect(wave.querySelectorAll('[part~="segment"], [part~="playhead"], [part~="edge"], .coverage, .segment-label').length).to.equal(0);
    expect(wave.querySelector('.status')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('The media could not be loaded. Its segments are listed below.');
    expect(wave.getAttribute('aria-disabled')).to.equal('true');
    // The list keeps them, editable; there is nothing to play.
    expect([...shadow(el).querySelectorAll('li[data-id] textarea')].map((t) => (t as HTMLTextAreaElement).value)).to.deep.equal(['one', 'two']);
    expect([...shadow(el).querySelectorAll<HTMLButtonElement>('[part="segment-time"]')].map((b) => b.disabled)).to.deep.equal([true, true]);
    // A drag across the strip makes no segment.
    const created: Event[] = [];
    el.addEventListener('kolam-create', (e) => created.push(e));
    const r = wave.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + 100), Math.round(r.top + 80)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(r.left + 300), Math.round(r.top + 80)] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(created).to.have.length(0);
    expect(wave.querySelectorAll('[part~="segment"]').length).to.equal(0);
  });

  it('keeps the controls enabled for a source that loads', async () => {
    const el = await speechPlayer();
    expect(shadow(el).querySelector<HTMLButtonElement>('[part="play"]')!.disabled).to.equal(false);
    expect(shadow(el).querySelector<HTMLInputElement>('[part="zoom"]')!.disabled).to.equal(false);
  });

  it('names speakers without a name "Speaker n", never their raw id', async () => {
    const labels = [{ id: 'SPEAKER_00' }, { id: 'SPEAKER_01', name: '  ' }, { id: 'ana', name: 'Ana' }];
    const el = await speechPlayer([segment('a', 0.5, 2, 'one', 'SPEAKER_01'), segment('b', 3, 5, 'two', 'ana')], { labels });
    await el.updateComplete;
    const options = [...shadow(el).querySelectorAll('li[data-id="a"] [part="speaker"] option')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Speaker 1', 'Speaker 2', 'Ana']);
    const onWave = [...shadow(el).querySelectorAll('.segment-label')].map((s) => s.textContent!.trim());
    expect(onWave).to.deep.equal(['Speaker 2', 'Ana']);
  });

  it('names speakers outside the label list "Speaker n" by first appearance, never their id or URL', async () => {
    // Diarisation output with no label list, given out of time order.
    const el = await speechPlayer([
      segment('b', 3, 5, 'two', 'https://example.org/speakers/7'),
      segment('a', 0.5, 2, 'one', 'spk_1'),
      segment('d', 8.5, 9.5, 'four', 'spk_0'),
      segment('c', 6, 8, 'three', 'spk_1'),
    ]);
    await el.updateComplete;
    const onWave = [...shadow(el).querySelectorAll('.segment-label')].map((s) => s.textContent!.trim());
    expect(onWave).to.deep.equal(['Speaker 1', 'Speaker 2', 'Speaker 1', 'Speaker 3']);
    const inList = [...shadow(el).querySelectorAll('li[data-id] [part="speaker"]')].map((s) => s.textContent!.trim());
    expect(inList).to.deep.equal(['Speaker 1', 'Speaker 2', 'Speaker 1', 'Speaker 3']);
    expect(shadow(el).textContent).not.to.match(/spk_|https:/);
    // A list that no longer has a segment's speaker: numbered after the list's, not shown blank or raw.
    el.labels = [{ id: 'ana', name: 'Ana' }, { id: 'SPEAKER_00' }];
    await el.updateComplete;
    const select = shadow(el).querySelector<HTMLSelectElement>('li[data-id="b"] select[part="speaker"]')!;
    expect(select.selectedOptions[0].textContent!.trim()).to.equal('Speaker 4');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Ana', 'Speaker 2', 'Speaker 4']);
    expect(shadow(el).querySelector('li[data-id="a"] select')!.textContent).to.contain('Speaker 3');
    expect(shadow(el).textContent).not.to.match(/spk_|https:/);
  });

  it('gives each speaker outside the label list a colour of its own, the same in the list, on the waveform and in the overview, after a reload too', async () => {
    // Diarisation output with no label list: three speakers, one of them twice.
    const diarised = () => [
      segment('a', 0.5, 2, 'one', 'spk_1'),
      segment('b', 3, 5, 'two', 'https://example.org/speakers/7'),
      segment('c', 6, 7, 'three', 'spk_1'),
      segment('d', 8, 9.5, 'four', 'spk_0'),
    ];
    const colours = async (el: KolamTranscriptionPlayer) => {
      await el.updateComplete;
      const onWave = [...shadow(el).querySelectorAll<HTMLElement>('[part~="segment"][data-segment]')].map((s) => [s.dataset.segment!, getComputedStyle(s.querySelector('.segment-label')!).backgroundColor]);
      const inList = [...shadow(el).querySelectorAll<HTMLElement>('li[data-id]')].map((row) => [row.dataset.id!, getComputedStyle(row.querySelector('[part="speaker"]')!).borderInlineStartColor]);
      return { onWave: Object.fromEntries(onWave), inList: Object.fromEntries(inList) };
    };
    const el = await speechPlayer(diarised());
    const { onWave, inList } = await colours(el);
    expect(inList).to.deep.equal(onWave);
    const grey = 'rgb(138, 143, 152)';
    expect(onWave.a).to.equal(onWave.c);
    expect(new Set([onWave.a, onWave.b, onWave.d]).size, JSON.stringify(onWave)).to.equal(3);
    expect(Object.values(onWave)).to.not.include(grey);
    // The overview strip (shown when zoomed in) marks each segment in its speaker's colour.
    el.zoom = el.zoom * 4;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('[part~="overview"] canvas')!;
    const dpr = canvas.width / canvas.clientWidth;
    const scale = canvas.clientWidth / el.duration;
    const pixel = (seconds: number) => {
      const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round(seconds * scale * dpr), Math.round((28 - 2) * dpr), 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    };
    expect({ a: pixel(1.2), b: pixel(4), d: pixel(8.7) }).to.deep.equal({ a: onWave.a, b: onWave.b, d: onWave.d });
    // A reload of the same recording: the same speaker, the same colour.
    const again = await speechPlayer(diarised());
    expect((await colours(again)).onWave).to.deep.equal(onWave);
  });

  it('keeps unlisted speakers readable, in the light and the dark theme', async () => {
    const el = await speechPlayer([segment('a', 0.5, 2, 'one', 'spk_1'), segment('b', 3, 5, 'two', 'spk_2'), segment('c', 6, 7, 'three', 'spk_3'), segment('d', 8, 9.5, 'four', 'spk_4')]);
    await expect(el).to.be.accessible();
    el.classList.add('kolam-theme-dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('seeks where the time axis is clicked', async () => {
    const el = await speechPlayer([segment('a', 0.5, 9)]);
    const wave = waveformOf(el);
    const rect = wave.getBoundingClientRect();
    // On the ruler (the top 20 px), above a segment.
    await sendMouse({ type: 'click', position: [Math.round(rect.left + 6 * el.zoom - wave.scrollLeft), Math.round(rect.top + 8)] });
    await waitUntil(() => Math.abs(el.currentTime - 6) < 0.1, `seeked to 6 s, at ${el.currentTime}`);
  });

  it('says so with a kolam-error when the server cannot seek (no byte ranges)', async () => {
    // The test server answers without Accept-Ranges: a seek the browser cannot make snaps back to 0.
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" src=${media('speech-ta-hi.wav')}></kolam-transcription-player>`);
    await waitUntil(() => el.duration > 0, 'duration known', { timeout: 10000 });
    const error = oneEvent(el, 'kolam-error');
    el.currentTime = 5;
    const { detail } = await error;
    expect(detail.code).to.equal('seek-unsupported');
    expect(detail.input).to.equal(media('speech-ta-hi.wav'));
  });
});

describe('<kolam-transcription-player> state colours', () => {
  /** The colour's red, green and blue 0–255, whether written rgb() or color(srgb …) by color-mix. */
  const rgb = (colour: string) => {
    const channels = colour.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    return (colour.startsWith('color(') ? channels.map((c) => Math.round(c * 255)) : channels).join(',');
  };

  it('marks the current segment with one colour on the waveform and in the list', async () => {
    const el = await speechPlayer([segment('a', 0.5, 3, 'one'), segment('b', 4, 6, 'two')]);
    el.currentTime = 1;
    await waitUntil(() => shadow(el).querySelector('[part~="segment"][part~="current"]'), 'current segment');
    await el.updateComplete;
    const onWave = getComputedStyle(shadow(el).querySelector('[part~="segment"][part~="current"]')!).backgroundColor;
    const inList = getComputedStyle(shadow(el).querySelector('li[part~="current"]')!).backgroundColor;
    expect(rgb(onWave)).to.equal(rgb(inList));
    // …and not the selection's colour.
    el.select('b');
    await el.updateComplete;
    const selected = getComputedStyle(shadow(el).querySelector('[part~="segment"][part~="selected"]')!).outlineColor;
    expect(rgb(selected)).to.not.equal(rgb(inList));
    expect(getComputedStyle(shadow(el).querySelector('li[part~="selected"]')!).boxShadow).to.contain(selected);
  });
});
