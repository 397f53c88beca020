import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fieldOf, mediaOf, rowOf, segment, shadow, speechPlayer, waveformOf } from './helpers.js';

describe('<kolam-transcription-player> transport', () => {
  it('plays and pauses with Escape while typing, rewinding on pause', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2)], { rewindOnPause: 1 });
    const media = mediaOf(el);
    fieldOf(el, 'a').focus();
    el.currentTime = 5;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !media.paused && media.currentTime > 5.05, 'playing');
    const before = media.currentTime;
    await sendKeys({ press: 'Escape' });
    expect(media.paused).to.equal(true);
    // It paused at `before` or a little later, then stepped back one second.
    expect(media.currentTime).to.be.within(before - 1.01, before);
    expect(shadow(el).activeElement).to.equal(fieldOf(el, 'a'));
  });

  it('skips with F1/F2 and changes speed with F3/F4, keeping pitch', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2)]);
    fieldOf(el, 'a').focus();
    el.currentTime = 4;
    await sendKeys({ press: 'F2' });
    expect(el.currentTime).to.be.closeTo(5.5, 1e-6);
    await sendKeys({ press: 'F1' });
    await sendKeys({ press: 'F1' });
    expect(el.currentTime).to.be.closeTo(2.5, 1e-6);
    await sendKeys({ press: 'F4' });
    await el.updateComplete;
    expect(el.playbackRate).to.equal(1.25);
    expect(mediaOf(el).playbackRate).to.equal(1.25);
    expect(mediaOf(el).preservesPitch).to.equal(true);
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'F3' });
    await el.updateComplete;
    expect(mediaOf(el).playbackRate).to.equal(0.5);
    expect(fieldOf(el, 'a').value).to.equal('');
  });

  it('takes playback-rate from its attribute, clamped to 0.5–2', async () => {
    const el = await speechPlayer();
    el.setAttribute('playback-rate', '3');
    await el.updateComplete;
    expect(mediaOf(el).playbackRate).to.equal(2);
  });

  it('highlights the segment under the playhead in the waveform and the list, and scrolls the list to it', async () => {
    const many = Array.from({ length: 40 }, (_, i) => segment(`s${i}`, i * 0.29, i * 0.29 + 0.25, `line ${i}`));
    const el = await speechPlayer(many);
    el.currentTime = 39 * 0.29 + 0.1;
    await el.updateComplete;
    const row = rowOf(el, 's39');
    expect(row.getAttribute('part')).to.contain('current');
    expect(row.getAttribute('aria-current')).to.equal('true');
    const list = shadow(el).querySelector<HTMLElement>('[part~="list"]')!;
    const rowTop = row.getBoundingClientRect().top;
    const listRect = list.getBoundingClientRect();
    expect(rowTop).to.be.within(listRect.top, listRect.bottom);
    expect(shadow(el).querySelector('[part~="segment"][part~="current"]')!.getAttribute('data-segment')).to.equal('s39');
  });

  it('plays a segment from its row and stops at its end', async () => {
    const el = await speechPlayer([segment('a', 1, 1.4)]);
    const media = mediaOf(el);
    rowOf(el, 'a').querySelector<HTMLButtonElement>('[part~="segment-time"]')!.click();
    await waitUntil(() => !media.paused, 'playing');
    await waitUntil(() => media.paused, 'stopped at the end', { timeout: 5000 });
    expect(media.currentTime).to.be.closeTo(1.4, 0.05);
  });

  it('loops a segment with L until paused', async () => {
    const el = await speechPlayer([segment('a', 1, 1.3)]);
    const media = mediaOf(el);
    el.select('a');
    waveformOf(el).focus();
    await sendKeys({ press: 'l' });
    let wrapped = false;
    let last = 0;
    await waitUntil(() => {
      if (media.currentTime < last) wrapped = true;
      last = media.currentTime;
      return wrapped;
    }, 'looped back', { timeout: 5000 });
    expect(media.paused).to.equal(false);
    expect(media.currentTime).to.be.within(0.95, 1.35);
    await sendKeys({ press: 'Escape' });
    expect(media.paused).to.equal(true);
  });
});
