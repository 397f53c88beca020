import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import { fromSrt, toSrt } from '../../src/formats/srt.js';
import { fromWebVtt, toWebVtt } from '../../src/formats/webvtt.js';
import { chromiumView, ourView } from './chromium-track.js';
import { essences, expectFormatError, fixture, segment } from './helpers.js';

const media = 'https://example.org/talk.mp3';
const ours = (): Annotation[] => [
  segment(media, 12.5, 14, 'Then: the second one', 'ravi'),
  segment(media, 0.001, 2.25, 'வணக்கம் — first', 'kumar'),
  segment(media, 7322.25, 7323, 'Two hours in\nand two lines'),
];

describe('srt', () => {
  it('writes numbered blocks in time order with comma milliseconds', () => {
    expect(toSrt(ours())).to.equal(
      '1\n00:00:00,001 --> 00:00:02,250\nவணக்கம் — first\n\n2\n00:00:12,500 --> 00:00:14,000\nThen: the second one\n\n3\n02:02:02,250 --> 02:02:03,000\nTwo hours in\nand two lines\n',
    );
  });

  it('round-trips times and transcripts; speakers only with speakerPrefix', () => {
    const list = ours();
    const withoutSpeakers = (a: Annotation) => ({ ...a, body: a.body.filter((b) => b.type === 'TextualBody' && b.purpose !== 'tagging') });
    expect(essences(fromSrt(toSrt(list), { source: media }).annotations)).to.deep.equal(essences(list.map(withoutSpeakers)));
    const labels = [{ id: 'kumar', name: 'Kumar' }, { id: 'ravi', name: 'Ravi' }];
    const back = fromSrt(toSrt(list, { speakerPrefix: true, labels }), { source: media, speakerPrefix: true, labels });
    expect(essences(back.annotations)).to.deep.equal(essences(list));
  });

  it('reads a file with CRLF, a BOM, SubRip tags and coordinates', async () => {
    const { annotations } = fromSrt(await fixture('sample.srt'), { source: media });
    expect(annotations.map((a) => [a.target.selector, (a.body[0] as { value: string }).value])).to.deep.equal([
      [{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=1.2,3.4' }, 'Hello there'],
      [{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=5,6.789' }, 'Top line\nred words'],
    ]);
  });

  it('rejects malformed blocks saying which line and why, when strict', () => {
    const strict = (srt: string) => fromSrt(srt, { source: media, strict: true });
    expectFormatError(() => strict('one\n00:00:01,000 --> 00:00:02,000\nhi\n'), 'srt: line 1, column 1', 'sequence number');
    expectFormatError(() => strict('1\n00:00:01,000 -> 00:00:02,000\nhi\n'), 'line 2', 'hh:mm:ss,mmm --> hh:mm:ss,mmm');
    expectFormatError(() => strict('1\n00:00:01 --> 00:00:02,000\nhi\n'), 'line 2, column 1', 'start "00:00:01"');
    expectFormatError(() => strict('1\n00:00:01,000 --> 00:00:0x,000\nhi\n'), 'line 2, column 18', 'end "00:00:0x,000"');
    expectFormatError(() => strict('1\n00:00:03,000 --> 00:00:02,000\nhi\n'), 'line 2', 'ends (00:00:02,000) before it starts');
    expectFormatError(() => strict('1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n'), 'line 6', 'after block 2');
    expectFormatError(() => fromSrt(7 as never, { source: media }), 'should be text');
  });

  it('skips a bad block and reads on from the next blank line, saying where and why', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n2\n00:00:03,000 --> 00:00:0x,000\nlost\n\nstray words\nmore\n\n4\n00:00:05,000 --> 00:00:06,000\nlast\n';
    const { annotations, skipped } = fromSrt(srt, { source: media });
    expect(annotations.map((a) => (a.body[0] as { value: string }).value)).to.deep.equal(['first', 'last']);
    expect(skipped).to.deep.equal([
      { where: 'line 6, column 18', line: 6, column: 18, reason: 'end "00:00:0x,000" is not hh:mm:ss,mmm' },
      { where: 'line 9, column 1', line: 9, column: 1, reason: 'should be a sequence number, found "stray words"' },
    ]);
  });

  it('throws for a file nothing can be read from, naming the first problem', () => {
    expectFormatError(() => fromSrt('WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n', { source: media }), 'srt: line 1, column 1', 'sequence number', 'nothing in the file could be read; 1 more item(s) are wrong too');
  });

  it('keeps zero-length cues as pysrt and others write them, with a warning per cue', async () => {
    const result = fromSrt(await fixture('pysrt-zero-length.srt'), { source: media });
    expect(result.annotations.map((a) => [a.target.selector, (a.body[0] as { value: string }).value])).to.deep.equal([
      [{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=0,0' }, ''],
      [{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=0,0' }, 'Title card (zero length)'],
      [{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=1.5,3.25' }, 'It began in Chennai.'],
      [{ type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=3.25,5' }, 'வணக்கம், everyone'],
    ]);
    expect(result.skipped).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([
      { where: 'line 2', line: 2, reason: 'block 1 is zero-length (00:00:00,000 --> 00:00:00,000): kept, but a player cannot show it' },
      { where: 'line 5', line: 5, reason: 'block 2 is zero-length (00:00:00,000 --> 00:00:00,000): kept, but a player cannot show it' },
    ]);
    // Nothing is lost on the way back out either.
    expect(fromSrt(toSrt(result.annotations), { source: media }).annotations.map((a) => a.target.selector)).to.deep.equal(result.annotations.map((a) => a.target.selector));
  });

  describe('converted by ffmpeg', () => {
    const ffmpeg = (text: string, from: 'srt' | 'webvtt', to: 'srt' | 'webvtt') =>
      executeServerCommand<{ text: string }, unknown>('kolam-ffmpeg-subtitles', { text, from, to }).then((r) => r.text);
    const plain = (a: Annotation) => ({ selector: a.target.selector, text: (a.body[0] as { value: string })?.value ?? '' });

    it('keeps the zero-length cues of a pysrt file through SRT → WebVTT → SRT', async () => {
      const file = await fixture('pysrt-zero-length.srt');
      const ours = fromSrt(file, { source: media }).annotations;
      // ffmpeg drops a cue with no text at all (an empty subtitle event), zero-length or not.
      const withText = ours.filter((a) => plain(a).text !== '');
      const vtt = await ffmpeg(file, 'srt', 'webvtt');
      expect(vtt).to.include('00:00.000 --> 00:00.000\nTitle card (zero length)');
      const viaVtt = fromWebVtt(vtt, { source: media, newId: () => 'generated' });
      expect(viaVtt.annotations.map(plain)).to.deep.equal(withText.map(plain));
      // We read ffmpeg's WebVTT exactly as Chromium's <track> does.
      expect(ourView(viaVtt)).to.deep.equal(await chromiumView(vtt));
      expect(viaVtt.warnings.map((w) => w.reason)).to.deep.equal(['cue is zero-length (at 00:00:00.000): kept, but a player cannot show it']);
      // Our own SRT of them, read by ffmpeg and written as WebVTT, is the same too.
      expect(fromWebVtt(await ffmpeg(toSrt(ours), 'srt', 'webvtt'), { source: media }).annotations.map(plain)).to.deep.equal(withText.map(plain));
      // And our WebVTT of them, turned into SRT by ffmpeg, reads back with the zero-length cue.
      expect(fromSrt(await ffmpeg(toWebVtt(ours), 'webvtt', 'srt'), { source: media }).annotations.map(plain)).to.deep.equal(withText.map(plain));
    });

    it('carries the youtube-dl cues our WebVTT reader finds through SRT and back', async () => {
      const file = await fixture('youtube-dl-auto-captions.en.vtt');
      const ours = fromWebVtt(file, { source: media }).annotations;
      expect(ours).to.have.length(5);
      // SRT has no lines of spaces (such a line ends a block), so compare the text without them.
      const srtText = (a: Annotation) => ({ ...plain(a), text: plain(a).text.split('\n').filter((l) => l.trim() !== '').join('\n') });
      const vtt = await ffmpeg(toSrt(ours), 'srt', 'webvtt');
      expect(fromWebVtt(vtt, { source: media }).annotations.map(srtText)).to.deep.equal(ours.map(srtText));
    });

    it('reports, not loses, the text ffmpeg cuts off when it turns a WebVTT line of spaces into an SRT blank line', async () => {
      const ours = fromWebVtt(await fixture('youtube-dl-auto-captions.en.vtt'), { source: media }).annotations;
      const back = fromSrt(await ffmpeg(toWebVtt(ours), 'webvtt', 'srt'), { source: media });
      expect(back.annotations.map((a) => a.target.selector)).to.deep.equal(ours.map((a) => a.target.selector));
      // The first cue starts with a line of one space: in SRT that ends the block (ffmpeg reads it so too).
      expect(plain(back.annotations[0]).text).to.equal('');
      expect(back.skipped).to.deep.equal([{ where: 'line 4, column 1', line: 4, column: 1, reason: 'should be a sequence number, found "hello everyone and welcome"' }]);
    });

    it('turns into WebVTT that reads back as the same segments', async () => {
      const list = ours();
      const { text } = await executeServerCommand<{ text: string }, unknown>('kolam-ffmpeg-subtitles', { text: toSrt(list), from: 'srt', to: 'webvtt' });
      expect(text.startsWith('WEBVTT')).to.equal(true);
      const back = fromWebVtt(text, { source: media });
      const plain = (a: Annotation) => ({ selector: a.target.selector, text: (a.body[0] as { value: string }).value });
      const inTimeOrder = [list[1], list[0], list[2]];
      expect(back.annotations.map(plain)).to.deep.equal(inTimeOrder.map(plain));
    });

    it('reads the SRT ffmpeg makes from our WebVTT', async () => {
      const list = ours();
      const { text } = await executeServerCommand<{ text: string }, unknown>('kolam-ffmpeg-subtitles', { text: toWebVtt(list), from: 'webvtt', to: 'srt' });
      const back = fromSrt(text, { source: media });
      expect(back.annotations).to.have.length(3);
      expect(back.annotations[2].body[0]).to.deep.include({ value: 'Two hours in\nand two lines' });
    });
  });
});
