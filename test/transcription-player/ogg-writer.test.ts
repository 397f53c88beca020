import { expect } from '@open-wc/testing';
import { OggPackets, oggPageAt } from '../../src/transcription-player/decode/ogg-pages.js';
import { oggOpusFile } from '../../src/transcription-player/decode/ogg-writer.js';

/** Every page of `file` and the packets they hold. */
function read(file: Uint8Array) {
  const pages = [];
  const packets: Uint8Array[] = [];
  const joiner = new OggPackets();
  for (let at = 0; at < file.length; ) {
    const page = oggPageAt(file, at);
    if (!page) throw new Error(`no page at ${at}`);
    pages.push(page);
    packets.push(...joiner.push(page, file.subarray(at + page.headerLength, at + page.length)));
    at += page.length;
  }
  return { pages, packets };
}

describe('Opus packets written as an Ogg Opus file', () => {
  // OpusHead: version 1, mono, pre-skip 312, 48 kHz.
  const head = Uint8Array.of(...Array.from('OpusHead', (c) => c.charCodeAt(0)), 1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0);

  it('keeps every packet whole, however big, in pages of at most 255 lacing values', () => {
    // 20 ms CELT packets (TOC 0xf8): 1275 bytes take six lacing values each; 255 bytes take two.
    const packets = [...Array.from({ length: 60 }, (_, i) => new Uint8Array(1275).fill(i).fill(0xf8, 0, 1)), new Uint8Array(255).fill(0xf8, 0, 1), Uint8Array.of(0xf8, 1, 2)];
    const { pages, packets: back } = read(oggOpusFile(head, packets));
    expect(back.slice(2).map((p) => p.length)).to.deep.equal(packets.map((p) => p.length));
    expect(back.slice(2).every((p, i) => p[1] === packets[i][1])).to.equal(true);
    for (const page of pages) expect(page.segments.length).to.be.at.most(255);
    // The granule counts the pre-skip and 960 samples a packet; the last page ends the stream.
    expect(pages.at(-1)!.granule).to.equal(312 + 62 * 960);
    expect(pages.at(-1)!.isLast).to.equal(true);
    expect(pages.filter((p) => p.isLast)).to.have.length(1);
  });
});
