import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import { cssom } from '../../src/core/cssom-style.js';
import { assignSlots } from '../../src/transcription-player/list-window.js';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { fieldOf, rowOf, segment, shadow, waveformOf } from './helpers.js';

const N = 300;
/** Suggestions whose review order (least sure first) jumps across the whole list at each step. */
function suggestions(): Annotation[] {
  return Array.from({ length: N }, (_, i) => ({
    ...segment(`s${i}`, i * 2, i * 2 + 1.5, `words ${i}`),
    creator: { id: 'asr', type: 'Software' as const },
    body: [
      { type: 'TextualBody' as const, value: `words ${i}`, format: 'text/plain' },
      { type: 'TextualBody' as const, purpose: 'tagging', value: 'a', score: ((i * 37) % N) / N },
    ],
  }));
}
const peaks = { version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: 800, bits: 8, length: N * 20 + 20, data: new Array(N * 40 + 40).fill(0) };

async function longReview(): Promise<KolamTranscriptionPlayer> {
  const el = await fixture<KolamTranscriptionPlayer>(
    html`<kolam-transcription-player
      ${cssom({ width: '800px' })}
      .labels=${[{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }]}
      .annotator=${{ id: 'w', name: 'W' }}
      .peaks=${peaks}
      .annotations=${suggestions()}
    ></kolam-transcription-player>`,
  );
  await waitUntil(() => el.waveformReady, 'peaks drawn');
  await el.updateComplete;
  return el;
}

const list = (el: KolamTranscriptionPlayer) => shadow(el).querySelector<HTMLElement>('[part~="list"]')!;
const rows = (el: KolamTranscriptionPlayer) => [...list(el).querySelectorAll<HTMLElement>('li[data-id]')];
function inView(el: KolamTranscriptionPlayer, id: string): boolean {
  const row = rowOf(el, id).getBoundingClientRect();
  const view = list(el).getBoundingClientRect();
  return row.top >= view.top - 1 && row.bottom <= view.bottom + 1;
}

describe('<kolam-transcription-player> reviewing a long list', () => {
  it('reuses the list rows when a decision jumps to a far segment, and shows that segment', async () => {
    const el = await longReview();
    waveformOf(el).focus();
    await sendKeys({ press: 'n' });
    await el.updateComplete;
    const shownBefore = rows(el).length;
    const first = shadow(el).querySelector<HTMLElement>('li[part~="selected"]')!.dataset.id!;
    let added = 0;
    const watch = new MutationObserver((records) => {
      for (const r of records) added += [...r.addedNodes].filter((n) => n instanceof HTMLLIElement && n.dataset.id).length;
    });
    watch.observe(list(el), { childList: true });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    watch.disconnect();
    const selected = shadow(el).querySelector<HTMLElement>('li[part~="selected"]')!.dataset.id!;
    expect(selected).to.not.equal(first);
    // The review order jumps far: the rows now show other segments, in the same elements.
    // Only rows the window grew by (it was at the top before) are built.
    expect(added, `${added} rows built for ${rows(el).length} shown`).to.equal(Math.max(0, rows(el).length - shownBefore));
    expect(inView(el, selected)).to.equal(true);
    expect(fieldOf(el, selected).value).to.equal(`words ${selected.slice(1)}`);
  });

  it('follows a scroll made in the frame the list applied its own: the rows show where the list is', async () => {
    const el = await longReview();
    waveformOf(el).focus();
    await sendKeys({ press: 'n' });
    await el.updateComplete;
    const scroller = list(el);
    const before = scroller.scrollTop;
    // Right after the player scrolls the list for the next decision, in the same frame, the list is
    // scrolled elsewhere (as a wheel turned at that moment would): one scroll event reports both.
    let userTop: number | null = null;
    const spy = new ResizeObserver(() => {
      if (userTop !== null) return;
      if (Math.abs(scroller.scrollTop - before) < 1) {
        requestAnimationFrame(() => (spy.unobserve(scroller), spy.observe(scroller)));
        return;
      }
      userTop = scroller.scrollTop > scroller.scrollHeight / 2 ? 0 : scroller.scrollHeight - scroller.clientHeight;
      scroller.scrollTop = userTop;
    });
    spy.observe(scroller);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => userTop !== null, 'the list scrolled by the player');
    spy.disconnect();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
    await el.updateComplete;
    const view = scroller.getBoundingClientRect();
    const visible = rows(el).filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
    expect(visible.length, 'rows drawn where the list now is').to.be.greaterThan(2);
  });

  it('keeps the row being typed in, its element, focus and text, while the list jumps away', async () => {
    const el = await longReview();
    const field = fieldOf(el, 's0');
    field.focus();
    await sendKeys({ type: ' and more' });
    el.currentTime = (N - 10) * 2 + 0.5; // the playhead's row is revealed far below
    await el.updateComplete;
    expect(inView(el, `s${N - 10}`)).to.equal(true);
    expect(fieldOf(el, 's0')).to.equal(field);
    expect(shadow(el).activeElement).to.equal(field);
    expect(field.value).to.equal('words 0 and more');
  });
});

describe('<kolam-transcription-player> typing while the list scrolls', () => {
  it('keeps focus in the field being typed in when the list scrolls by a few rows', async () => {
    const el = await longReview();
    const shown = rows(el);
    const row = shown[Math.floor(shown.length / 2) - 2];
    const field = row.querySelector('textarea')!;
    field.focus();
    await sendKeys({ type: ' still typing' });
    let blurred = 0;
    field.addEventListener('blur', () => blurred++);
    // The annotator scrolls the list down, a few rows at a time, while the field keeps focus.
    const box = list(el).getBoundingClientRect();
    const height = row.getBoundingClientRect().height;
    for (let step = 0; step < 4; step++) {
      await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + 10)] });
      list(el).scrollBy(0, 3 * height);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await el.updateComplete;
    }
    expect(rows(el)[0].dataset.id, 'the list moved').to.not.equal(shown[0].dataset.id);
    expect(blurred).to.equal(0);
    expect(shadow(el).activeElement).to.equal(field);
    await sendKeys({ type: '!' });
    expect(field.value).to.match(/ still typing!$/);
  });
});

describe('assignSlots', () => {
  it('keeps the rows of items still shown and gives arriving items the rows of those that left, in order', () => {
    const first = assignSlots(new Map(), ['a', 'b', 'c']);
    expect([...first]).to.deep.equal([['a', 0], ['b', 1], ['c', 2]]);
    // a's row stood before the kept ones: reusing it for d would move it below them (a move blurs
    // a focused field), so d gets a new row and a's goes.
    const scrolled = assignSlots(first, ['b', 'c', 'd']);
    expect([...scrolled]).to.deep.equal([['b', 1], ['c', 2], ['d', 3]]);
    // c keeps its row; x takes b's (before c, where it stood), y a new one, z takes d's (after c).
    const jumped = assignSlots(scrolled, ['x', 'y', 'c', 'z']);
    expect([...jumped]).to.deep.equal([['x', 1], ['y', 4], ['c', 2], ['z', 3]]);
    // A far jump, nothing kept: every row is reused, in the order the rows stand.
    expect([...assignSlots(jumped, ['p', 'q', 'r', 's'])]).to.deep.equal([['p', 1], ['q', 4], ['r', 2], ['s', 3]]);
  });
});
