// Every importer, fed junk of every shape, throws a FormatError that names the format, or returns:
// never a bare TypeError from deep inside.
import { expect } from '@open-wc/testing';
import { fromCoco } from '../../src/formats/coco.js';
import { fromConll } from '../../src/formats/conll.js';
import { fromDoccano } from '../../src/formats/doccano.js';
import { fromLabelStudio } from '../../src/formats/label-studio.js';
import { FormatError } from '../../src/formats/lib/errors.js';
import { fromSpacy } from '../../src/formats/spacy.js';
import { fromSrt } from '../../src/formats/srt.js';
import { fromVoc } from '../../src/formats/voc.js';
import { fromWebVtt } from '../../src/formats/webvtt.js';
import { fromYolo } from '../../src/formats/yolo.js';

const importers: Record<string, (input: never) => unknown> = {
  coco: (i) => fromCoco(i),
  voc: (i) => fromVoc(i),
  yolo: (i) => fromYolo(i, { width: 10, height: 10, classes: ['a'], source: 's' }),
  spacy: (i) => fromSpacy(i, { source: 's' }),
  doccano: (i) => fromDoccano(i),
  conll: (i) => fromConll(i, { source: 's' }),
  webvtt: (i) => fromWebVtt(i, { source: 's' }),
  srt: (i) => fromSrt(i, { source: 's' }),
  'label-studio': (i) => fromLabelStudio(i),
};

const junk: unknown[] = [
  undefined, null, 0, NaN, true, '', ' ', '\n\n', '{', '[]', '[null]', '{}', 'null', '[[]]', '[{}]', {}, [], [null], [[]], [{}], [1, 2],
  { images: null }, { images: [null], annotations: [], categories: [] }, { images: [], annotations: [{}], categories: [] },
  { data: null }, [{ data: { text: 'a' }, annotations: [{ result: [null] }] }], [{ data: { text: 'a' }, annotations: [{ result: [{ value: null }] }] }],
  [{ data: { text: 'a' }, predictions: [{ result: [{ type: 'labels', value: { text: 'a', start: 0, end: 1, labels: [null] } }] }] }],
  ['text', null], ['text', { entities: [null] }], ['text', { entities: [[0, 1, null]] }], { text: 'a', ents: [null] },
  '{"text": "abc", "label": [null]}', '{"text": null}', '{"text": "abc", "entities": [null]}',
  '<annotation><object><name>x</name><bndbox/></object></annotation>', '<a', '<annotation attr=x/>', '<?xml version="1.0"?>',
  'WEBVTT\n\n-->', 'WEBVTT\n\nid\n', 'WEBVTT\n\n00:00.000 --> ', '1\n', '1\n-->\n', '0 0 0', 'B-X', 'x B-', 'x I-\n',
  '\u0000\u0001', '\ufeff', 'WEBVTT\n\n99:99.999 --> 99:99.999\nx',
];

describe('malformed input', () => {
  for (const [name, read] of Object.entries(importers)) {
    it(`${name}: throws only FormatErrors that name the format`, () => {
      for (const input of junk) {
        try {
          const result = read(input as never) as { skipped?: unknown; warnings?: unknown };
          // What it returns always carries the partial-result report.
          expect(Array.isArray(result.skipped) && Array.isArray(result.warnings), `${name} on ${JSON.stringify(input)}`).to.equal(true);
        } catch (error) {
          expect(error, `${name} on ${JSON.stringify(input)}: ${(error as Error).stack}`).to.be.instanceOf(FormatError);
          expect((error as FormatError).format).to.equal(name);
          expect((error as FormatError).message.startsWith(`${name}: `)).to.equal(true);
          // The catch-all in guard() is a safety net; a foreseen error says where, not "could not be read".
          expect((error as FormatError).reason, `${name} on ${JSON.stringify(input)}`).not.to.include('could not be read');
        }
      }
    });
  }
});
