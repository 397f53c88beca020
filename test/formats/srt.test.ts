import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import { fromSrt, toSrt } from '../../src/formats/srt.js';
import { fromWebVtt, toWebVtt } from '../../src/formats/webvtt.js';
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

  it('rejects malformed blocks saying which line and why', () => {
    expectFormatError(() => fromSrt('one\n00:00:01,000 --> 00:00:02,000\nhi\n', { source: media }), 'srt: line 1', 'sequence number');
    expectFormatError(() => fromSrt('1\n00:00:01,000 -> 00:00:02,000\nhi\n', { source: media }), 'line 2', 'hh:mm:ss,mmm --> hh:mm:ss,mmm');
    expectFormatError(() => fromSrt('1\n00:00:01 --> 00:00:02,000\nhi\n', { source: media }), 'line 2', 'start "00:00:01"');
    expectFormatError(() => fromSrt('1\n00:00:03,000 --> 00:00:02,000\nhi\n', { source: media }), 'line 2', 'before or when it starts');
    expectFormatError(() => fromSrt('1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n', { source: media }), 'line 6', 'after block 2');
    expectFormatError(() => fromSrt(7 as never, { source: media }), 'should be text');
  });

  describe('converted by ffmpeg', () => {
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
