// The partial result every importer shares (lib/partial.ts): a partly bad file gives what could be
// read plus `skipped` (where, line and column when the format has lines, and why); `strict` throws
// the first problem instead; a file nothing can be read from throws either way.
import { expect } from '@open-wc/testing';
import { fromCoco } from '../../src/formats/coco.js';
import { fromConll } from '../../src/formats/conll.js';
import { fromDoccano } from '../../src/formats/doccano.js';
import { fromLabelStudio } from '../../src/formats/label-studio.js';
import type { ImportReport } from '../../src/formats/lib/partial.js';
import { fromSpacy } from '../../src/formats/spacy.js';
import { fromSrt } from '../../src/formats/srt.js';
import { fromVoc } from '../../src/formats/voc.js';
import { fromWebVtt } from '../../src/formats/webvtt.js';
import { fromYolo } from '../../src/formats/yolo.js';
import { expectFormatError } from './helpers.js';

/** Each importer on a file with one good and one bad item, the bad one's place, and a hopeless input. */
interface Case {
  read: (input: string, strict?: boolean) => ImportReport & { annotations: unknown[] };
  partlyBad: string;
  skipped: { where: string; line?: number; column?: number; reason: string }[];
  /** What the file holds at the first skipped item's line and column. */
  at?: string;
  hopeless: string;
}

/** The text at a 1-based line and column. */
const textAt = (text: string, line: number, column: number) => text.split('\n')[line - 1].slice(column - 1);

const yoloOptions = { width: 100, height: 100, classes: ['car'], source: 'a.jpg' };
const coco = (annotations: unknown[]) =>
  JSON.stringify({ images: [{ id: 1, file_name: 'a.jpg', width: 10, height: 10 }], categories: [{ id: 1, name: 'car' }], annotations });
const voc = (objects: string) => `<annotation>\n  <filename>a.jpg</filename>\n  <size><width>9</width><height>9</height></size>\n${objects}</annotation>\n`;
const box = '<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>4</xmax><ymax>4</ymax></bndbox>';

const cases: Record<string, Case> = {
  coco: {
    read: (input, strict) => fromCoco(input, { strict }),
    partlyBad: coco([{ image_id: 1, category_id: 1, bbox: [1, 1, 2, 2] }, { image_id: 1, category_id: 1, bbox: [1, 1, 0, 2] }]),
    skipped: [{ where: 'annotations[1].bbox', line: 1, column: 202, reason: 'has an empty or negative size 0×2' }],
    at: '[1,1,0,2]',
    hopeless: '{"images": "none"}',
  },
  voc: {
    read: (input, strict) => fromVoc(input, { strict }),
    partlyBad: voc(`  <object><name>car</name>${box}</object>\n  <object><name>car</name></object>\n`),
    skipped: [{ where: 'line 5, column 3', line: 5, column: 3, reason: '<object> "car" has no <bndbox>' }],
    at: '<object><name>car</name></object>',
    hopeless: '<annotation><object>',
  },
  yolo: {
    read: (input, strict) => fromYolo(input, { ...yoloOptions, strict }),
    partlyBad: '0 0.5 0.5 0.2 0.2\n0 0.5 0,5 0.2 0.2\n',
    skipped: [{ where: 'line 2, column 7', line: 2, column: 7, reason: '"0,5" is not a number' }],
    at: '0,5 0.2 0.2',
    hopeless: 'car 10 10 20 20\n',
  },
  spacy: {
    read: (input, strict) => fromSpacy(input, { source: 'doc', strict }),
    partlyBad: JSON.stringify(['Kumar met Ravi', { entities: [[0, 5, 'PER'], [10, 40, 'PER']] }]),
    skipped: [{ where: '[1].entities[1]', line: 1, column: 44, reason: 'span 10–40 is empty, inverted or outside the text (14 code points)' }],
    at: '[10,40,"PER"]]}]',
    hopeless: '{"entities": []}',
  },
  doccano: {
    read: (input, strict) => fromDoccano(input, { strict }),
    partlyBad: '{"text": "Kumar met Ravi", "label": [[0, 5, "PER"], [10, 4, "PER"]]}\n[1, 2]\n{"text": "Ravi", "label": []}\n',
    skipped: [
      { where: 'line 1 label[1]', line: 1, column: 53, reason: 'span 10–4 is empty, inverted or outside the text (14 code points)' },
      { where: 'line 2', line: 2, reason: 'should be an object, found [1,2]' },
    ],
    at: '[10, 4, "PER"]]}',
    hopeless: 'not json\n',
  },
  conll: {
    read: (input, strict) => fromConll(input, { source: 'doc', strict }),
    partlyBad: 'Kumar\tB-PER\nmet\tX-PER\n',
    skipped: [{ where: 'line 2, column 5', line: 2, column: 5, reason: 'tag "X-PER" is not O or B-/I-/E-/S-<label>' }],
    at: 'X-PER',
    hopeless: 'one-column\n',
  },
  webvtt: {
    read: (input, strict) => fromWebVtt(input, { source: 'a.mp3', strict }),
    partlyBad: 'WEBVTT\n\n00:01.000 --> 00:02.000\ngood\n\n00:03.000 --> 00:04.00\nbad\n',
    skipped: [{ where: 'line 6, column 15', line: 6, column: 15, reason: 'end "00:04.00" is not a timestamp (milliseconds have three digits)' }],
    at: '00:04.00',
    hopeless: 'WEBVTX\n',
  },
  srt: {
    read: (input, strict) => fromSrt(input, { source: 'a.mp3', strict }),
    partlyBad: '1\n00:00:01,000 --> 00:00:02,000\ngood\n\n2\n00:00:03,000 to 00:00:04,000\nbad\n',
    skipped: [{ where: 'line 6', line: 6, reason: 'should be "hh:mm:ss,mmm --> hh:mm:ss,mmm" after block 2, found "00:00:03,000 to 00:00:04,000"' }],
    hopeless: 'Hello\n',
  },
  'label-studio': {
    read: (input, strict) => fromLabelStudio(input, { strict }),
    partlyBad: JSON.stringify([
      { id: 1, data: { text: 'Kumar met Ravi' }, annotations: [{ result: [{ type: 'labels', to_name: 'text', value: { start: 0, end: 5, text: 'Kumar', labels: ['PER'] } }] }] },
      { id: 2, data: 'no data' },
    ]),
    skipped: [{ where: '[1].data', line: 1, column: 183, reason: 'should be an object, found "no data"' }],
    at: '"no data"}]',
    hopeless: '[{"data": null}]',
  },
};

describe('partial results', () => {
  for (const [name, c] of Object.entries(cases)) {
    describe(name, () => {
      it('reads what it can and lists what it skipped, where and why', () => {
        const result = c.read(c.partlyBad);
        expect(result.annotations).to.have.length(1);
        expect(result.skipped).to.deep.equal(c.skipped);
        expect(result.warnings).to.deep.equal([]);
        const { line, column } = c.skipped[0];
        if (c.at !== undefined) expect(textAt(c.partlyBad, line!, column!).slice(0, c.at.length)).to.equal(c.at);
      });

      it('throws the first problem as a located FormatError when strict', () => {
        const error = expectFormatError(() => c.read(c.partlyBad, true), `${name}: ${c.skipped[0].where}`, `: ${c.skipped[0].reason}`);
        expect([error.line, error.column]).to.deep.equal([c.skipped[0].line, c.skipped[0].column]);
      });

      it('throws a FormatError for input it cannot read at all', () => {
        expectFormatError(() => c.read(c.hopeless), `${name}: `);
      });
    });
  }

  it('gives an empty report for a file that reads completely', () => {
    expect(fromYolo('0 0.5 0.5 0.2 0.2\n', yoloOptions)).to.deep.include({ skipped: [], warnings: [] });
    expect(fromCoco(coco([]))).to.deep.include({ skipped: [], warnings: [] });
  });

  it('keeps Label Studio results it does not map in skipped, strict or not: they are not errors', () => {
    const task = { data: { image: 'a.jpg' }, annotations: [{ result: [{ type: 'choices', to_name: 'image', value: { choices: ['x'] } }] }] };
    for (const strict of [false, true]) expect(fromLabelStudio(task, { strict }).skipped.map((s) => s.where)).to.deep.equal(['task.annotations[0].result[0]']);
  });
});
