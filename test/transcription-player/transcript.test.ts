import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { timeRangeOf } from '../../src/core/selectors.js';
import { fieldOf, rowOf, segment, speechPlayer } from './helpers.js';

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

describe('<kolam-transcription-player> transcripts', () => {
  it('commits typing as one update when the field loses focus, not per keystroke', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, ''), segment('b', 3.8, 7.4, '')]);
    const updates: CustomEvent[] = [];
    el.addEventListener('kolam-update', (e) => updates.push(e));
    fieldOf(el, 'a').focus();
    await sendKeys({ type: 'the quick brown fox' });
    expect(updates).to.have.length(0);
    await sendKeys({ press: 'Tab' });
    expect(updates).to.have.length(1);
    expect(updates[0].detail.annotation.body[0]).to.deep.equal({ type: 'TextualBody', value: 'the quick brown fox', format: 'text/plain' });
    expect(updates[0].detail.previous.body[0].value).to.equal('');
  });

  it('commits after a short pause in typing', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, 'hello')]);
    fieldOf(el, 'a').focus();
    const updated = oneEvent(el, 'kolam-update');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' world' });
    const { detail } = await updated;
    expect(detail.annotation.body[0].value).to.equal('hello world');
    expect(document.activeElement).to.equal(el);
  });

  it('commits what was typed when the page is hidden or closed', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2)]);
    fieldOf(el, 'a').focus();
    await sendKeys({ type: 'not lost' });
    const updated = oneEvent(el, 'kolam-update');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect((await updated).detail.annotation.body[0].value).to.equal('not lost');
  });

  it('takes Tamil and Hindi, marks the field with the language for spell-check', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2)], { language: 'ta' });
    await el.updateComplete;
    expect(fieldOf(el, 'a').lang).to.equal('ta');
    expect(fieldOf(el, 'a').spellcheck).to.equal(true);
    fieldOf(el, 'a').focus();
    await sendKeys({ type: 'வணக்கம் नमस्ते' });
    const updated = oneEvent(el, 'kolam-update');
    fieldOf(el, 'a').blur();
    expect((await updated).detail.annotation.body[0].value).to.equal('வணக்கம் नमस्ते');
  });

  it('windows a long list but keeps the row being typed in, and commits it', async () => {
    const many = Array.from({ length: 300 }, (_, i) => segment(`s${i}`, i * 0.039, i * 0.039 + 0.03, `line ${i}`));
    const el = await speechPlayer(many);
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
    expect(el.shadowRoot!.querySelectorAll('li[data-id]').length).to.be.lessThan(60);
    fieldOf(el, 's0').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '!' });
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => el.shadowRoot!.querySelector('li[data-id="s299"]'), 'last rows rendered');
    expect(el.shadowRoot!.activeElement).to.equal(fieldOf(el, 's0'));
    const updated = oneEvent(el, 'kolam-update');
    fieldOf(el, 's0').blur();
    expect((await updated).detail.annotation.body[0].value).to.equal('line 0!');
  });

  it('never renders a transcript as HTML', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, '<img src=x onerror=alert(1)>')]);
    expect(fieldOf(el, 'a').value).to.equal('<img src=x onerror=alert(1)>');
    expect(rowOf(el, 'a').querySelector('img')).to.equal(null);
  });

  it('splits at the playhead and the caret with Ctrl+Enter while typing; one undo restores it', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, 'the quick brown fox')]);
    el.currentTime = 1.5;
    const field = fieldOf(el, 'a');
    field.focus();
    field.setSelectionRange(9, 9);
    const updated = oneEvent(el, 'kolam-update');
    const created = oneEvent(el, 'kolam-create');
    await ctrl('Enter');
    const first = (await updated).detail.annotation;
    const second = (await created).detail.annotation;
    expect(timeRangeOf(first)).to.deep.equal({ start: 0.3, end: 1.5 });
    expect(first.body[0].value).to.equal('the quick');
    expect(timeRangeOf(second)).to.deep.equal({ start: 1.5, end: 3.2 });
    expect(second.body[0].value).to.equal('brown fox');
    await el.updateComplete;
    // Typing goes on in the new segment.
    expect(el.shadowRoot!.activeElement).to.equal(fieldOf(el, second.id));
    // One undo step: both halves go back.
    (el.shadowRoot!.querySelector('[part~="waveform"]') as HTMLElement).focus();
    const deleted = oneEvent(el, 'kolam-delete');
    await ctrl('z');
    await deleted;
    await el.updateComplete;
    expect(el.annotations.map((a) => [a.id, timeRangeOf(a), a.body[0].value])).to.deep.equal([['a', { start: 0.3, end: 3.2 }, 'the quick brown fox']]);
  });

  it('starts a segment at the playhead with Ctrl+Enter where there is none', async () => {
    const el = await speechPlayer([segment('b', 6, 8)]);
    el.currentTime = 2;
    (el.shadowRoot!.querySelector('[part~="waveform"]') as HTMLElement).focus();
    const created = oneEvent(el, 'kolam-create');
    await ctrl('Enter');
    expect(timeRangeOf((await created).detail.annotation)).to.deep.equal({ start: 2, end: 6 });
  });

  it('merges a segment with the next with Ctrl+M, as one edit', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, 'one'), segment('b', 3.8, 7.4, 'two')]);
    fieldOf(el, 'a').focus();
    const updated = oneEvent(el, 'kolam-update');
    const deleted = oneEvent(el, 'kolam-delete');
    await ctrl('m');
    const merged = (await updated).detail.annotation;
    expect((await deleted).detail.annotation.id).to.equal('b');
    expect(timeRangeOf(merged)).to.deep.equal({ start: 0.3, end: 7.4 });
    expect(merged.body[0].value).to.equal('one two');
    el.undo();
    expect(el.annotations.map((a) => a.id).sort()).to.deep.equal(['a', 'b']);
  });

  it('undo inside a field is the field’s own', async () => {
    const el = await speechPlayer([segment('a', 0.3, 3.2, 'abc')]);
    let events = 0;
    el.addEventListener('kolam-change', () => events++);
    fieldOf(el, 'a').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: 'd' });
    await ctrl('z');
    expect(fieldOf(el, 'a').value).to.equal('abc');
    expect(events).to.equal(0);
  });
});
