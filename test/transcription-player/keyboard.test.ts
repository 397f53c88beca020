import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import { mediaOf, segment, shadow, speechPlayer, waveformOf } from './helpers.js';

const suggestion = (id: string, start: number, end: number, score: number): Annotation => ({
  ...segment(id, start, end, 'model text'),
  creator: { id: 'asr-model', type: 'Software', name: 'ASR' },
  body: [
    { type: 'TextualBody', value: 'model text', format: 'text/plain' },
    { type: 'TextualBody', purpose: 'tagging', value: 'ana', score },
  ],
});

describe('<kolam-transcription-player> keyboard', () => {
  it('moves the selection through segments in time order with Tab', async () => {
    const el = await speechPlayer([segment('late', 6, 7), segment('early', 1, 2), segment('middle', 3, 4)]);
    waveformOf(el).focus();
    const picked: (string | undefined)[] = [];
    el.addEventListener('kolam-select', (e) => picked.push(e.detail.annotation?.id));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(picked).to.deep.equal(['early', 'middle', 'early']);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="row"][part~="selected"]')!.getAttribute('data-id')).to.equal('early');
  });

  it('goes to the least sure suggestion with N and accepts it with Enter, keeping the model as generator', async () => {
    const el = await speechPlayer([suggestion('sure', 1, 2, 0.9), suggestion('unsure', 4, 5, 0.3)], {
      labels: [{ id: 'ana', name: 'Ana' }],
      annotator: { id: 'worker-17', name: 'Kumar' },
    });
    waveformOf(el).focus();
    await sendKeys({ press: 'n' });
    expect(el.currentTime).to.equal(4);
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Enter' });
    const { annotation } = (await updated).detail;
    expect(annotation.id).to.equal('unsure');
    expect(annotation.creator).to.deep.equal({ id: 'worker-17', type: 'Person', name: 'Kumar' });
    expect(annotation.generator).to.deep.equal({ id: 'asr-model', type: 'Software', name: 'ASR' });
  });

  it('follows the playhead with the view while playing', async () => {
    const el = await speechPlayer();
    el.zoom = 300;
    await el.updateComplete;
    const wave = waveformOf(el);
    wave.scrollLeft = 0;
    await new Promise((r) => requestAnimationFrame(r));
    const visibleSeconds = wave.clientWidth / el.zoom;
    el.currentTime = visibleSeconds - 0.3;
    el.play();
    await waitUntil(() => wave.scrollLeft > 0, 'view followed', { timeout: 5000 });
    const playheadX = el.currentTime * el.zoom - wave.scrollLeft;
    expect(playheadX).to.be.within(0, wave.clientWidth);
    el.pause();
    expect(mediaOf(el).paused).to.equal(true);
  });

  it('prints no Lit dev-mode warnings', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await speechPlayer([segment('a', 1, 2, 'x')]);
      el.zoom = 200;
      el.currentTime = 1.5;
      el.select('a');
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => /lit|kolam/i.test(w))).to.deep.equal([]);
  });
});
