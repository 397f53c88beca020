import { expect } from '@open-wc/testing';
import { fromCoco, toCoco } from '../../src/formats/coco.js';
import { box, essences, expectFormatError, fixture, suggestion } from './helpers.js';

const images = [
  { source: 'street.jpg', width: 1600, height: 1200 },
  { source: 'park.jpg', width: 640, height: 480 },
];

describe('coco', () => {
  it('round-trips boxes, labels, images and suggestion scores', () => {
    const ours = [
      box('street.jpg', { x: 200, y: 200, w: 400, h: 200 }, 'person'),
      box('street.jpg', { x: 0, y: 0, w: 1600, h: 1200 }, 'scene'),
      suggestion(box('park.jpg', { x: 10, y: 20, w: 30, h: 40 }, 'dog'), 'coco-results', 0.875),
    ];
    const coco = toCoco(ours, { images });
    const back = fromCoco(JSON.stringify(coco));
    expect(essences(back.annotations)).to.deep.equal(essences(ours));
    expect(back.images).to.deep.equal(images.map((i) => ({ ...i, fileName: i.source })));
    expect(back.labels.map((l) => l.id)).to.have.members(['person', 'scene', 'dog']);
  });

  it('writes bbox, area, iscrowd and categories as COCO does', () => {
    const coco = toCoco([box('street.jpg', { x: 200, y: 200, w: 400, h: 200 }, 'person')], { images, labels: [{ id: 'car' }, { id: 'person' }] });
    expect(coco.annotations[0]).to.deep.include({ image_id: 1, category_id: 2, bbox: [200, 200, 400, 200], area: 80000, iscrowd: 0 });
    expect(coco.categories).to.deep.equal([{ id: 1, name: 'car' }, { id: 2, name: 'person' }]);
    expect(coco.images[0]).to.deep.equal({ id: 1, file_name: 'street.jpg', width: 1600, height: 1200 });
  });

  it('reads a dataset in the layout pycocotools expects', async () => {
    const result = fromCoco(await fixture('coco-instances.json'), { sourceOf: (image) => `https://example.org/${image.file_name}` });
    expect(result.annotations).to.have.length(3);
    expect(result.annotations[0].target).to.deep.equal({
      source: 'https://example.org/000000397133.jpg',
      selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:218,241,39,57' }, // float edges rounded: 217.62→218, 256.61→257
    });
    expect(result.annotations.map((a) => (a.body[0] as { value: string }).value)).to.deep.equal(['person', 'bottle', 'person']);
  });

  it('reads a results list as suggestions with scores', () => {
    const { annotations } = fromCoco([{ image_id: 42, category_id: 18, bbox: [258.15, 41.29, 348.26, 243.78], score: 0.236 }], {
      labels: [{ id: '18', name: 'dog' }],
      model: 'detr',
    });
    expect(annotations[0].creator).to.deep.equal({ id: 'detr', type: 'Software' });
    expect(annotations[0].body).to.deep.equal([{ type: 'TextualBody', purpose: 'tagging', value: '18', score: 0.236 }]);
    expect(annotations[0].target.source).to.equal('42');
  });

  it('rejects malformed input saying where and why', () => {
    expectFormatError(() => fromCoco('{"images": ['), 'coco: input: is not valid JSON');
    expectFormatError(() => fromCoco({ images: [], categories: [] }), 'coco: annotations: should be an array');
    const base = { images: [{ id: 1, file_name: 'a.jpg', width: 10, height: 10 }], categories: [{ id: 1, name: 'x' }] };
    // strict: the first bad item throws (without it, it would be skipped; see the next test).
    const strict = (input: unknown) => fromCoco(input, { strict: true });
    expectFormatError(() => strict({ ...base, annotations: [{ image_id: 1, category_id: 1, bbox: [1, 2, 3] }] }), 'annotations[0].bbox', 'found 3 numbers');
    expectFormatError(() => strict({ ...base, annotations: [{ image_id: 2, category_id: 1, bbox: [1, 2, 3, 4] }] }), 'annotations[0].image_id', 'image 2');
    expectFormatError(() => strict({ ...base, annotations: [{ image_id: 1, category_id: 9, bbox: [1, 2, 3, 4] }] }), 'category 9');
    expectFormatError(() => strict({ ...base, annotations: [{ image_id: 1, category_id: 1, bbox: [1, 2, 'a', 4] }] }), 'annotations[0].bbox[2]');
    expectFormatError(() => strict({ ...base, annotations: [{ image_id: 1, category_id: 1, bbox: [1, 2, -3, 4] }] }), 'empty or negative');
    expectFormatError(() => strict({ ...base, images: [{ id: 1, file_name: 'a.jpg', width: 'big', height: 1 }], annotations: [] }), 'images[0].width');
  });

  it('refuses to export what COCO cannot hold, or skips it when asked', () => {
    const noBox = { ...box('a.jpg', { x: 1, y: 1, w: 2, h: 2 }, 'x'), target: { source: 'a.jpg', selector: { type: 'FragmentSelector', conformsTo: '', value: 't=1,2' } } } as never;
    expectFormatError(() => toCoco([noBox]), 'has no box');
    expectFormatError(() => toCoco([box('elsewhere.jpg', { x: 1, y: 1, w: 2, h: 2 }, 'x')], { images }), '"elsewhere.jpg", whose size is not in options.images');
    const skipped: string[] = [];
    expect(toCoco([noBox], { onSkip: (a, why) => skipped.push(`${a.id}: ${why}`) }).annotations).to.deep.equal([]);
    expect(skipped).to.have.length(1);
  });
});
