import { expect } from '@open-wc/testing';
import { fromLabelStudio, toLabelStudio } from '../../src/formats/label-studio.js';
import { box, essences, expectFormatError, fixture, segment, span, suggestion } from './helpers.js';

const images = [{ source: 'https://example.org/street.jpg', width: 1600, height: 1200 }];
const documents = [{ source: 'urn:doc:1', text: 'Kumar 👋 lives in Chennai.' }];
const audio = 'https://example.org/talk.mp3';

describe('label-studio', () => {
  const ours = () => [
    box(images[0].source, { x: 200, y: 200, w: 400, h: 200 }, 'person'),
    suggestion(box(images[0].source, { x: 3, y: 7, w: 11, h: 13 }, 'car'), 'yolo-v8', 0.42),
    span('urn:doc:1', documents[0].text, 0, 5, 'PER'),
    span('urn:doc:1', documents[0].text, 17, 24, 'LOC'),
    segment(audio, 0.5, 2.25, 'வணக்கம்', 'kumar'),
    segment(audio, 3, 4.5, 'no speaker here'),
    suggestion(segment(audio, 5, 6, 'model heard this', 'ravi'), 'whisper', 0.8),
  ];

  it('round-trips boxes, spans, segments and suggestions for all three tools', () => {
    const list = ours();
    const tasks = toLabelStudio(list, { images, documents });
    expect(tasks).to.have.length(3);
    const back = fromLabelStudio(JSON.stringify(tasks));
    expect(essences(back.annotations)).to.deep.equal(essences(list));
    expect(back.annotations.map((a) => a.id).sort()).to.deep.equal(list.map((a) => a.id).sort());
    expect(back.images).to.deep.equal(images);
    expect(back.documents).to.deep.equal(documents);
    expect(back.skipped).to.deep.equal([]);
  });

  it('writes results as Label Studio does: percent boxes, offsets with text, audio regions', () => {
    const [image, text, sound] = toLabelStudio(ours(), { images, documents });
    expect(image.data).to.deep.equal({ image: images[0].source });
    expect(image.annotations![0].result[0]).to.deep.include({ type: 'rectanglelabels', from_name: 'label', to_name: 'image', original_width: 1600, original_height: 1200 });
    expect(image.annotations![0].result[0].value).to.deep.equal({ x: 12.5, y: 16.666666666666664, width: 25, height: 16.666666666666664, rotation: 0, rectanglelabels: ['person'] });
    expect(image.predictions).to.deep.equal([{ model_version: 'yolo-v8', score: 0.42, result: [image.predictions![0].result[0]] }]);
    expect(image.predictions![0].result[0].score).to.equal(0.42);
    expect(text.annotations![0].result[1].value).to.deep.equal({ start: 17, end: 24, text: 'Chennai', labels: ['LOC'] });
    const [labels, textarea] = sound.annotations![0].result;
    expect(labels).to.deep.include({ type: 'labels', from_name: 'labels', to_name: 'audio', value: { start: 0.5, end: 2.25, channel: 0, labels: ['kumar'] } });
    expect(textarea).to.deep.include({ id: labels.id, type: 'textarea', from_name: 'transcription', value: { start: 0.5, end: 2.25, channel: 0, text: ['வணக்கம்'] } });
  });

  it('reads a Label Studio export with predictions as suggestions', async () => {
    const result = fromLabelStudio(await fixture('label-studio-export.json'));
    expect(result.annotations).to.have.length(4);
    const [boxA, prediction, person, region] = result.annotations;
    expect(boxA.target).to.deep.equal({
      source: '/data/upload/1/street.jpg',
      selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:200,200,400,200' },
    });
    expect(prediction.creator).to.deep.equal({ id: 'yolo-v8', type: 'Software' });
    expect(prediction.body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: 'Car', score: 0.87 }]);
    expect(person.target.selector).to.deep.include({ type: 'TextQuoteSelector', exact: 'Великий Новгород', prefix: 'Дружеская ссылка 😀 в ', suffix: '' });
    expect(region.body).to.deep.equal([
      { type: 'TextualBody', value: 'Hello, and welcome', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Speaker 1' },
    ]);
    expect(result.skipped.map((s) => s.reason)).to.deep.equal(['is a "choices" result, which Kolam\'s tools do not hold', 'is a textarea for the whole audio, not a region']);
  });

  it('reads UTF-16 offsets from older exports when told', () => {
    const task = { id: 1, data: { text: '💩This is an annotation.' }, annotations: [{ result: [{ id: 'a', type: 'labels', from_name: 'l', to_name: 'text', value: { start: 13, end: 23, text: 'annotation', labels: ['X'] } }] }] };
    const [a] = fromLabelStudio(task, { offsets: 'utf16' }).annotations;
    expect(a.target.selector).to.deep.include({ type: 'TextPositionSelector', start: 12, end: 22 });
  });

  it('says when span text does not match its offsets, suggesting the other counting', () => {
    const task = { data: { text: '💩This is an annotation.' }, annotations: [{ result: [{ type: 'labels', to_name: 'text', value: { start: 13, end: 23, text: 'annotation', labels: ['X'] } }] }] };
    expectFormatError(() => fromLabelStudio(task, { strict: true }), 'result[0].value', 'is not what the task\'s text holds at 13–23', "offsets: 'utf16'");
  });

  it('rejects malformed tasks saying where and why', () => {
    const strict = (input: unknown) => fromLabelStudio(input, { strict: true });
    expectFormatError(() => fromLabelStudio('[{"data": {}'), 'label-studio: input: is not valid JSON');
    expectFormatError(() => fromLabelStudio([{ annotations: [] }]), '[0].data: should be an object');
    expectFormatError(() => fromLabelStudio([{ data: {}, annotations: {} }]), '[0].annotations: should be an array');
    const rect = (value: object, extra = {}) => [{ data: { image: 'a.jpg' }, annotations: [{ result: [{ id: 'r', type: 'rectanglelabels', to_name: 'image', value, ...extra }] }] }];
    expectFormatError(() => strict(rect({ x: 1, y: 1, width: 2, height: 2, rectanglelabels: ['a'] })), '[0].annotations[0].result[0].original_width');
    expectFormatError(() => strict(rect({ x: 1, y: 'a', width: 2, height: 2, rectanglelabels: ['a'] }, { original_width: 9, original_height: 9 })), 'result[0].value.y');
    expectFormatError(() => strict(rect({ x: 1, y: 1, width: 2, height: 2, rectanglelabels: [] }, { original_width: 9, original_height: 9 })), 'rectanglelabels', 'one label, found 0');
    const text = (value: object) => ({ data: { text: 'abc' }, annotations: [{ result: [{ type: 'labels', to_name: 'text', value }] }] });
    expectFormatError(() => strict(text({ start: 0, end: 9, text: 'abc', labels: ['x'] })), 'task.annotations[0].result[0].value', 'outside the text');
    expectFormatError(() => strict({ data: { audio: 'a.mp3' }, annotations: [{ result: [{ type: 'labels', to_name: 'audio', value: { start: 3, end: 1, labels: ['x'] } }] }] }), 'inverted time range');
  });

  it('refuses to export a box whose image size it does not know', () => {
    expectFormatError(() => toLabelStudio([box('x.jpg', { x: 1, y: 1, w: 2, h: 2 }, 'a')]), 'whose size is not in options.images');
  });
});
