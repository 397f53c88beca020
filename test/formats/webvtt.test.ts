import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import { fromSrt } from '../../src/formats/srt.js';
import { fromWebVtt, toWebVtt } from '../../src/formats/webvtt.js';
import { chromiumCues } from './chromium-track.js';
import { essences, expectFormatError, fixture, segment } from './helpers.js';

const media = 'https://example.org/talk.mp3';
const ours = (): Annotation[] => [
  segment(media, 0.5, 2.25, 'வணக்கம் & welcome <all>', 'kumar', 'ta'),
  segment(media, 2.25, 4, 'Second line\nwith a break', 'ravi'),
  segment(media, 3661.001, 3662.5, 'After an hour, nobody speaks'),
];

describe('webvtt', () => {
  it('round-trips segments: times, transcript, language, speaker and id', () => {
    const list = ours();
    const back = fromWebVtt(toWebVtt(list), { source: media });
    expect(essences(back.annotations)).to.deep.equal(essences(list));
    expect(back.annotations.map((a) => a.id)).to.deep.equal(list.map((a) => a.id));
  });

  it('writes voice and lang tags, escaped text and hh:mm:ss.ttt times', () => {
    const vtt = toWebVtt(ours(), { labels: [{ id: 'kumar', name: 'Kumar S.' }] });
    expect(vtt.startsWith('WEBVTT\n\n')).to.equal(true);
    expect(vtt).to.include('00:00:00.500 --> 00:00:02.250\n<v Kumar S.><lang ta>வணக்கம் &amp; welcome &lt;all&gt;</lang>');
    expect(vtt).to.include('01:01:01.001 --> 01:01:02.500\nAfter an hour');
  });

  it('reads NOTE, STYLE, REGION, cue settings and identifiers, and writes them back', async () => {
    const file = await fixture('sample.vtt');
    const first = fromWebVtt(file, { source: media, labels: [{ id: 'esme', name: 'Esme' }] });
    expect(first.styles).to.deep.equal(['::cue {\n  color: yellow;\n}']);
    expect(first.notes).to.deep.equal(['This file was written by hand\nto cover the spec\'s blocks.']);
    expect(first.regions).to.deep.equal(['id:fred\nwidth:40%']);
    expect(first.annotations).to.have.length(3);
    const [a, b, c] = first.annotations;
    expect(a.target.selector).to.deep.include({ value: 't=1,4.5' });
    expect(a.body).to.deep.equal([
      { type: 'TextualBody', value: 'Hello & welcome, Mary-Ann.', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'esme' },
    ]);
    expect(first.cues[a.id]).to.deep.equal({ identifier: 'intro', settings: 'line:0 position:20% align:start' });
    expect(b.id).to.equal('urn:uuid:11111111-2222-4333-8444-555555555555');
    expect(b.body[0]).to.deep.include({ value: 'It was\nred.', language: 'en-GB' });
    expect(c.body[0]).to.deep.include({ value: 'Voices: one, two' });
    const again = fromWebVtt(toWebVtt(first.annotations, { ...first, labels: [{ id: 'esme', name: 'Esme' }] }), { source: media, labels: [{ id: 'esme', name: 'Esme' }] });
    expect(essences(again.annotations)).to.deep.equal(essences(first.annotations));
    expect(again.cues[again.annotations[0].id]).to.deep.equal(first.cues[a.id]);
    expect([again.header, again.styles, again.notes, again.regions]).to.deep.equal([first.header, first.styles, first.notes, first.regions]);
    expect(first.header).to.equal(' - Kolam fixture');
    const headed = fromWebVtt('WEBVTT\nKind: captions\nLanguage: ta\n\n00:01.000 --> 00:02.000\nx\n', { source: media });
    expect(headed.header).to.equal('\nKind: captions\nLanguage: ta');
    expect(toWebVtt(headed.annotations, headed).startsWith('WEBVTT\nKind: captions\nLanguage: ta\n\n')).to.equal(true);
  });

  it('reads CRLF line endings and a byte order mark', () => {
    const { annotations } = fromWebVtt('\ufeffWEBVTT\r\n\r\nurn:x:1\r\n00:01.000 --> 00:02.000\r\nOne\r\ntwo\r\n', { source: media });
    expect(annotations.map((a) => [a.id, a.body[0]])).to.deep.equal([['urn:x:1', { type: 'TextualBody', value: 'One\ntwo', format: 'text/plain' }]]);
  });

  it('refuses only a file without the WEBVTT signature, the one failure the W3C algorithm has', () => {
    expectFormatError(() => fromWebVtt('WEBVTTX\n', { source: media }), 'webvtt: line 1', 'should start with "WEBVTT"');
    expectFormatError(() => fromWebVtt('1\n00:01.000 --> 00:02.000\nhi\n', { source: media }), 'line 1');
    expectFormatError(() => fromWebVtt('', { source: media }), 'line 1');
    expectFormatError(() => fromWebVtt({} as never, { source: media }), 'should be text');
    // A file with the signature and nothing else is a valid, empty file.
    expect(fromWebVtt('WEBVTT', { source: media })).to.deep.include({ annotations: [], skipped: [], warnings: [] });
  });

  it('skips a block the algorithm drops, saying which line, column and why, and keeps the rest', () => {
    const file = 'WEBVTT\n\n00:01.000 -> 00:02.000\nbad arrow\n\nx\n00:01,000 --> 00:02.000\nbad comma\n\n00:03.000 --> 00:04.000\ngood\n\nstray text\n';
    const { annotations, skipped } = fromWebVtt(file, { source: media });
    expect(annotations.map((a) => a.target.selector)).to.deep.equal([{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=3,4' }]);
    expect(skipped).to.deep.equal([
      // No "-->": to the algorithm this is not a timing line at all.
      { where: 'line 3', line: 3, reason: 'block "00:01.000 -> 00:02.000" is not a cue: no "start --> end" line as its first or second line' },
      { where: 'line 7, column 1', line: 7, column: 1, reason: 'start "00:01,000" is not a timestamp (the milliseconds must follow a ".")' },
      { where: 'line 13', line: 13, reason: 'block "stray text" is not a cue: no "start --> end" line as its first or second line' },
    ]);
  });

  it('throws the first dropped block when asked to be strict', () => {
    const file = 'WEBVTT\n\n00:03.000 --> 00:04.000\ngood\n\n00:05.000 --> 00:99.000\nbad\n';
    expect(fromWebVtt(file, { source: media }).skipped.map((s) => s.where)).to.deep.equal(['line 6, column 15']);
    expectFormatError(() => fromWebVtt(file, { source: media, strict: true }), 'webvtt: line 6, column 15', 'end "00:99.000" is not a timestamp (minutes and seconds are at most 59)');
  });

  describe('in Chromium', () => {
    it('loads through a <track> with the same cues', async () => {
      const list = ours();
      const cues = await chromiumCues(toWebVtt(list));
      expect(cues.map((c) => [c.id, c.startTime, c.endTime, c.getCueAsHTML().textContent])).to.deep.equal([
        [list[0].id, 0.5, 2.25, 'வணக்கம் & welcome <all>'],
        [list[1].id, 2.25, 4, 'Second line\nwith a break'],
        [list[2].id, 3661.001, 3662.5, 'After an hour, nobody speaks'],
      ]);
      // The voice and language are real cue markup to Chromium, not text.
      const voice = cues[0].getCueAsHTML().firstChild as HTMLElement;
      expect(voice.localName).to.equal('span');
      expect(voice.title).to.equal('kumar');
    });

    it('applies our cue settings as Chromium reads them', async () => {
      const { annotations, cues } = fromWebVtt(await fixture('sample.vtt'), { source: media });
      const [cue] = await chromiumCues(toWebVtt(annotations, { cues }));
      expect([cue.id, cue.line, cue.position, cue.align]).to.deep.equal(['intro', 0, 20, 'start']);
    });
  });

  describe('converted by ffmpeg', () => {
    it('turns into SRT that reads back as the same segments (speakers and language aside)', async () => {
      const list = ours();
      const { text } = await executeServerCommand<{ text: string }, unknown>('kolam-ffmpeg-subtitles', { text: toWebVtt(list), from: 'webvtt', to: 'srt' });
      expect(text).to.match(/^1\r?\n00:00:00,500 --> 00:00:02,250/);
      const back = fromSrt(text, { source: media });
      const plain = (a: Annotation) => ({ selector: a.target.selector, text: (a.body[0] as { value: string }).value });
      // ffmpeg drops voice and lang markup (SRT has neither) and un-escapes our entities to literals.
      expect(back.annotations.map(plain)).to.deep.equal(list.map(plain));
    });
  });
});
