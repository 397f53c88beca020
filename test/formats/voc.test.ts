import { expect } from '@open-wc/testing';
import { fromVoc, toVoc } from '../../src/formats/voc.js';
import { box, essences, expectFormatError, fixture } from './helpers.js';

const image = { source: 'street.jpg', width: 1600, height: 1200 };

describe('voc', () => {
  it('round-trips boxes, labels and flags', () => {
    const ours = [box('street.jpg', { x: 200, y: 200, w: 400, h: 200 }, 'person'), box('street.jpg', { x: 0, y: 0, w: 1600, h: 1200 }, 'a & <b>')];
    const xml = toVoc(ours, { image, flags: { [ours[0].id]: { difficult: true, pose: 'Left' } } });
    const back = fromVoc(xml);
    expect(essences(back.annotations)).to.deep.equal(essences(ours));
    expect(back.image).to.deep.include({ source: 'street.jpg', width: 1600, height: 1200, depth: 3 });
    expect(Object.values(back.flags)).to.deep.equal([{ difficult: true, pose: 'Left' }]);
  });

  it('writes 1-based inclusive corners', () => {
    const xml = toVoc([box('street.jpg', { x: 200, y: 200, w: 400, h: 200 }, 'person')], { image });
    expect(xml).to.include('<xmin>201</xmin>').and.include('<ymin>201</ymin>').and.include('<xmax>600</xmax>').and.include('<ymax>400</ymax>');
    expect(xml).to.include('<difficult>0</difficult>').and.include('<truncated>0</truncated>');
  });

  it('reads a VOC2007 devkit file', async () => {
    const { annotations, image: info, flags } = fromVoc(await fixture('voc-000005.xml'));
    expect(info).to.deep.include({ source: '000005.jpg', width: 500, height: 375, depth: 3, folder: 'VOC2007' });
    expect(annotations.map((a) => a.target.selector)).to.deep.equal([
      { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:262,210,62,129' },
      { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:164,263,89,109' },
      { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:4,243,63,131' },
    ]);
    expect(Object.values(flags)).to.deep.equal([{ truncated: true, difficult: true, pose: 'Rear' }]);
  });

  it('reads 0-based corners (LabelImg) when told', () => {
    const xml = toVoc([box('street.jpg', { x: 0, y: 0, w: 10, h: 10 }, 'x')], { image, base: 0 });
    expect(xml).to.include('<xmin>0</xmin>');
    expect(fromVoc(xml, { base: 0 }).annotations[0].target.selector).to.deep.include({ value: 'xywh=pixel:0,0,10,10' });
  });

  it('rejects malformed XML with the line and column', () => {
    expectFormatError(() => fromVoc('<annotation><object></annotation>'), 'voc: line 1, column 21', '</annotation> closes <object>');
    expectFormatError(() => fromVoc('<annotation>\n  <filename>a.jpg'), 'line 2, column 3', '<filename> is never closed');
    expectFormatError(() => fromVoc('<annotation>a & b</annotation>'), 'bare "&"');
    expectFormatError(() => fromVoc('<foo/>'), 'root element is <foo>');
    expectFormatError(() => fromVoc(''), 'no root element');
    expectFormatError(() => fromVoc(42 as never), 'should be XML text');
  });

  it('rejects objects without what a box needs', () => {
    const strict = (xml: string) => fromVoc(xml, { strict: true });
    const doc = (object: string) => `<annotation><filename>a.jpg</filename><size><width>9</width><height>9</height></size><object>${object}</object></annotation>`;
    expectFormatError(() => strict(doc('<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox>')), 'has no <name>');
    expectFormatError(() => strict(doc('<name>x</name>')), 'has no <bndbox>');
    expectFormatError(() => strict(doc('<name>x</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax></bndbox>')), '<bndbox> has no <ymax>');
    expectFormatError(() => strict(doc('<name>x</name><bndbox><xmin>one</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox>')), '<xmin> should be a number, found "one"');
    expectFormatError(() => strict(doc('<name>x</name><bndbox><xmin>5</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox>')), 'inverted');
  });

  it('skips boxes on another image only when asked', () => {
    const other = box('park.jpg', { x: 1, y: 1, w: 2, h: 2 }, 'x');
    expectFormatError(() => toVoc([other], { image }), 'not on this file\'s image');
    expect(toVoc([other], { image, onSkip: () => {} })).not.to.include('<object>');
  });
});
