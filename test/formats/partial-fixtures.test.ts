// Partly bad files written the way the tools write them (Roboflow's COCO export, LabelImg's VOC,
// Ultralytics' `save_txt save_conf` predictions, doccano's JSONL export): what reads is kept, what
// doesn't is listed with where it is and why.
import { expect } from '@open-wc/testing';
import { fromCoco } from '../../src/formats/coco.js';
import { fromDoccano } from '../../src/formats/doccano.js';
import { fromVoc } from '../../src/formats/voc.js';
import { fromYolo } from '../../src/formats/yolo.js';
import { fixture } from './helpers.js';

const rect = (a: { target: { selector: unknown } }) => (a.target.selector as { value: string }).value;
/** What the file holds at each skipped item's line and column (the start of the value). */
const heldAt = (file: string, skipped: { line?: number; column?: number }[], length: number) =>
  skipped.map(({ line, column }) => file.split('\n')[line! - 1].slice(column! - 1, column! - 1 + length));

describe('partly bad files from real tools', () => {
  it('Roboflow COCO: keeps the good boxes, skips a 3-number bbox, a string height and the box on that image', async () => {
    const file = await fixture('roboflow-coco-partly-bad.json');
    const result = fromCoco(file);
    expect(result.annotations.map(rect)).to.deep.equal(['xywh=pixel:51,148,97,60', 'xywh=pixel:300,200,50,40']);
    expect(result.images.map((i) => i.source)).to.deep.equal(['road_1_jpg.rf.3a9c.jpg']);
    expect(result.skipped).to.deep.equal([
      { where: 'images[1].height', line: 11, column: 79, reason: 'should be a finite number, found "416"' },
      { where: 'annotations[1].bbox', line: 15, column: 57, reason: 'should be [x, y, width, height], found 3 numbers' },
      { where: 'annotations[2].image_id', line: 16, column: 28, reason: 'refers to image 1, which is not in "images" (or could not be read)' },
    ]);
    expect(heldAt(file, result.skipped, 5)).to.deep.equal(['"416"', '[200,', '1, "c']);
  });

  it('LabelImg VOC: keeps the other objects and their flags, skips the one whose <bndbox> lost <ymax>', async () => {
    const result = fromVoc(await fixture('labelimg-partly-bad.xml'));
    expect(result.annotations.map((a) => [rect(a), (a.body[0] as { value: string }).value])).to.deep.equal([
      ['xywh=pixel:47,239,148,132', 'person'],
      ['xywh=pixel:399,299,71,81', 'dog'],
    ]);
    expect(Object.values(result.flags)).to.deep.equal([{ difficult: true, pose: 'Left' }]);
    expect(result.skipped).to.deep.equal([{ where: 'line 31, column 3', line: 31, column: 3, reason: '<bndbox> has no <ymax>' }]);
  });

  it('Ultralytics predictions: keeps the scored boxes, skips a cut-off line and a NaN, with line and column', async () => {
    const result = fromYolo(await fixture('ultralytics-predict-partly-bad.txt'), { width: 640, height: 480, classes: ['person', 'bicycle', 'car'], source: 'street.jpg' });
    expect(result.annotations.map((a) => [(a.body[0] as { value: string }).value, (a.body[0] as { score?: number }).score])).to.deep.equal([
      ['person', 0.91],
      ['person', 0.47],
    ]);
    expect(result.skipped).to.deep.equal([
      { where: 'line 2', line: 2, reason: 'should be "class cx cy w h" (optionally a confidence), found 4 fields' },
      { where: 'line 4, column 3', line: 4, column: 3, reason: '"nan" is not a number' },
    ]);
  });

  it('doccano JSONL: keeps every document and the spans that fit, skips a classification label and a span past the text', async () => {
    const file = await fixture('doccano-partly-bad.jsonl');
    const result = fromDoccano(file);
    expect(result.documents.map((d) => d.source)).to.deep.equal(['1', '2', '3']);
    expect(result.annotations.map((a) => (a.target.selector as { exact?: string }[])[1].exact)).to.deep.equal(['Kumar', 'Chennai', 'Delhi', 'Ravi', 'Priya']);
    expect(result.skipped).to.deep.equal([
      { where: 'line 2 label[0]', line: 2, column: 47, reason: 'is a document label "positive" (text classification), not a span' },
      { where: 'line 3 label[2]', line: 3, column: 83, reason: 'span 14–40 is empty, inverted or outside the text (17 code points)' },
    ]);
    expect(heldAt(file, result.skipped, 10)).to.deep.equal(['"positive"', '[14, 40, "']);
  });
});
