// Issue #14: a transcript of a megabyte with no line break froze the page (seconds in English,
// minutes in Tamil) because its field laid the whole text out as one paragraph, on load and on
// every key. A field now holds one part of such a text; these check the parts hold all of it, cut
// where a reader would, and that edits, splits and undo land on the right characters.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { timeRangeOf } from '../../src/core/selectors.js';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { fieldOf, rowOf, segment, speechPlayer, waveformOf } from './helpers.js';

const TAMIL = 'நான் இன்று காலை பள்ளிக்குப் போனேன் அங்கே ஆசிரியர் ஒரு கதை சொன்னார்'.split(' ');
const ENGLISH = 'the annotator heard every word of this long recording and typed it all out'.split(' ');

/** `units` UTF-16 units of words joined by spaces, no line break. */
function running(words: string[], units: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < units; i++) {
    // Steps of 5: coprime with both word lists' lengths, so all words come round.
    const word = words[(i * 5) % words.length];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ').slice(0, units);
}

const partsOf = (el: KolamTranscriptionPlayer, id: string) => rowOf(el, id).querySelector<HTMLElement>('[part~="transcript-parts"]');
const nextButton = (el: KolamTranscriptionPlayer, id: string) => partsOf(el, id)!.querySelectorAll('button')[1];

async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + Math.min(20, r.width / 2)), Math.round(r.top + Math.min(10, r.height / 2))] });
}

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

/** Shows the next part by a real click on its button; resolves when the field holds it. */
async function nextPart(el: KolamTranscriptionPlayer, id: string): Promise<void> {
  const before = partsOf(el, id)!.textContent;
  await click(nextButton(el, id));
  await el.updateComplete;
  await waitUntil(() => partsOf(el, id)!.textContent !== before, 'next part shown');
}

const graphemeStarts = (text: string) => new Set([...new Intl.Segmenter('ta', { granularity: 'grapheme' }).segment(text)].map((s) => s.index));

describe('<kolam-transcription-player> a very long transcript', () => {
  for (const [language, words] of [
    ['ta', TAMIL],
    ['en', ENGLISH],
  ] as const) {
    it(`a 1 MB ${language} transcript on one line paints within a second, its field holding one part`, async () => {
      const el = await speechPlayer([]);
      const text = running(words, 1 << 20);
      const t0 = performance.now();
      el.annotations = [{ ...segment('a', 0.3, 3.2, text), body: [{ type: 'TextualBody', value: text, format: 'text/plain', language }] }];
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const painted = performance.now() - t0;
      const field = fieldOf(el, 'a');
      // What the browser lays out is bounded; the rest is a click away, and the annotation is whole.
      expect(field.value.length).to.be.within(500, 1500);
      expect(text.startsWith(field.value)).to.equal(true);
      expect(partsOf(el, 'a')!.textContent).to.match(/Part 1 of \d{3,}/);
      expect(el.annotations[0].body[0].value).to.equal(text);
      expect(painted).to.be.below(1000);
    });
  }

  it('walking the parts shows every character once, cut between words and never inside a letter', async () => {
    // Words, then runs with no space at all: Tamil letters with vowel signs, emoji ZWJ sequences.
    const text = running(TAMIL, 6000) + ' ' + 'க்ஷிகொ'.repeat(700) + '👩‍👩‍👧‍👦🏽'.repeat(300) + ' ' + running(ENGLISH, 3000);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    const parts = [fieldOf(el, 'a').value];
    while (!nextButton(el, 'a').disabled) {
      await nextPart(el, 'a');
      parts.push(fieldOf(el, 'a').value);
    }
    expect(parts.join('')).to.equal(text);
    expect(partsOf(el, 'a')!.textContent).to.contain(`Part ${parts.length} of ${parts.length}`);
    const letters = graphemeStarts(text);
    let at = 0;
    for (const part of parts.slice(0, -1)) {
      at += part.length;
      expect(part.length, `part ending at ${at}`).to.be.within(1, 1500);
      expect(letters.has(at), `cut at ${at} is inside a letter`).to.equal(true);
      // Where the text has spaces, a cut follows one.
      if (at < 6000 || at > text.length - 3000) expect(text[at - 1], `cut at ${at}`).to.equal(' ');
    }
  });

  it('typing in a later part changes only those characters, and one undo brings the text back', async () => {
    const text = running(TAMIL, 5000);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    const first = fieldOf(el, 'a').value;
    await nextPart(el, 'a');
    const second = fieldOf(el, 'a').value;
    expect(text.slice(first.length).startsWith(second)).to.equal(true);
    await click(fieldOf(el, 'a'));
    await ctrl('Home');
    await sendKeys({ type: 'புதிய ' });
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Tab' });
    const { detail } = await updated;
    expect(detail.annotation.body[0].value).to.equal(text.slice(0, first.length) + 'புதிய ' + text.slice(first.length));
    expect(detail.previous.body[0].value).to.equal(text);
    await el.updateComplete;
    // The field still shows the part typed in.
    expect(fieldOf(el, 'a').value).to.equal('புதிய ' + second);
    waveformOf(el).focus();
    await ctrl('z');
    await el.updateComplete;
    expect(el.annotations[0].body[0].value).to.equal(text);
    expect(fieldOf(el, 'a').value).to.equal(second);
  });

  it('going to another part straight from typing keeps what was typed', async () => {
    const text = running(ENGLISH, 5000);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    const first = fieldOf(el, 'a').value;
    await nextPart(el, 'a');
    await click(fieldOf(el, 'a'));
    await ctrl('Home');
    await sendKeys({ type: 'new words ' });
    const updated = oneEvent(el, 'kolam-update');
    await click(partsOf(el, 'a')!.querySelectorAll('button')[0]);
    const typed = text.slice(0, first.length) + 'new words ' + text.slice(first.length);
    expect((await updated).detail.annotation.body[0].value).to.equal(typed);
    await el.updateComplete;
    await waitUntil(() => partsOf(el, 'a')!.textContent!.includes('Part 1 of'), 'first part shown');
    expect(fieldOf(el, 'a').value).to.equal(first);
    await nextPart(el, 'a');
    expect(fieldOf(el, 'a').value.startsWith('new words ')).to.equal(true);
    expect(el.annotations[0].body[0].value).to.equal(typed);
  });

  it('Ctrl+Enter in a later part splits the text at the caret there', async () => {
    const text = running(ENGLISH, 5000);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    el.currentTime = 1.5;
    const first = fieldOf(el, 'a').value;
    await nextPart(el, 'a');
    await click(fieldOf(el, 'a'));
    await ctrl('Home');
    for (let i = 0; i < 12; i++) await sendKeys({ press: 'ArrowRight' });
    const updated = oneEvent(el, 'kolam-update');
    const created = oneEvent(el, 'kolam-create');
    await ctrl('Enter');
    const cut = first.length + 12;
    const head = (await updated).detail.annotation;
    const tail = (await created).detail.annotation;
    expect(timeRangeOf(head)).to.deep.equal({ start: 0.3, end: 1.5 });
    expect(head.body[0].value).to.equal(text.slice(0, cut).trimEnd());
    expect(tail.body[0].value).to.equal(text.slice(cut).trimStart());
  });

  it('Ctrl+M puts the caret at the join, in the part that holds it', async () => {
    const text = running(ENGLISH, 5000);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text), segment('b', 3.8, 7.4, 'the next one')]);
    await click(fieldOf(el, 'a'));
    const updated = oneEvent(el, 'kolam-update');
    await ctrl('m');
    expect((await updated).detail.annotation.body[0].value).to.equal(`${text} the next one`);
    await waitUntil(() => el.shadowRoot!.activeElement === fieldOf(el, 'a') && fieldOf(el, 'a').value.endsWith('the next one'), 'last part focused');
    const field = fieldOf(el, 'a');
    expect(field.value.slice(field.selectionStart)).to.equal(' the next one');
  });

  it('typing a transcript past one part keeps every character once', async () => {
    // Found in review: past 1,500 units the next key spliced the whole field over the first part.
    const text = running(ENGLISH, 1490);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    await click(fieldOf(el, 'a'));
    await ctrl('End');
    await sendKeys({ type: ' and then some more words' });
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Tab' });
    expect((await updated).detail.annotation.body[0].value).to.equal(`${text} and then some more words`);
  });

  it('deleting a later part down to one part keeps the part before it', async () => {
    // Found in review: once the whole text fit one part, the next key kept only the field's part.
    const text = running(ENGLISH, 1600);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    const first = fieldOf(el, 'a').value;
    await nextPart(el, 'a');
    const second = fieldOf(el, 'a').value;
    await click(fieldOf(el, 'a'));
    await ctrl('End');
    for (let i = 0; i < 150; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'x' });
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Tab' });
    expect((await updated).detail.annotation.body[0].value).to.equal(first + second.slice(0, -150) + 'x');
  });

  it('Alt+PageDown and Alt+PageUp move between parts from the keyboard, across the join', async () => {
    const text = running(ENGLISH, 5000);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    const first = fieldOf(el, 'a').value;
    await click(fieldOf(el, 'a'));
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => partsOf(el, 'a')!.textContent!.includes('Part 2 of'), 'second part shown');
    const field = fieldOf(el, 'a');
    expect(el.shadowRoot!.activeElement, 'still typing in the field').to.equal(field);
    expect(field.selectionStart, 'caret at the start of the part').to.equal(0);
    expect(text.slice(first.length).startsWith(field.value)).to.equal(true);
    await sendKeys({ type: 'X' });
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => partsOf(el, 'a')!.textContent!.includes('Part 1 of'), 'first part shown');
    // Back at the end of the first part, and what was typed in the second is kept.
    expect(fieldOf(el, 'a').selectionStart).to.equal(first.length - 1);
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'Tab' });
    expect((await updated).detail.annotation.body[0].value).to.equal(text.slice(0, first.length) + 'X' + text.slice(first.length));
  });

  it('a transcript of ordinary length is one field, whole, with no parts', async () => {
    const text = running(TAMIL, 1400);
    const el = await speechPlayer([segment('a', 0.3, 3.2, text)]);
    expect(fieldOf(el, 'a').value).to.equal(text);
    expect(partsOf(el, 'a')).to.equal(null);
  });
});
