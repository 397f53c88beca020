import { expect } from '@open-wc/testing';
import { adtsHeaders } from '../../src/transcription-player/decode/adts.js';

describe('ADTS headers for AAC frames out of an MP4', () => {
  it('repeats the AudioSpecificConfig: AAC-LC, 16 kHz, mono, the frame length with the header', () => {
    // AAC-LC (2), rate index 8 (16 kHz), one channel.
    const header = adtsHeaders(Uint8Array.of(0x14, 0x08))!(100);
    // syncword, MPEG-4, no CRC | profile LC, index 8 | channels 1, length 107 | fullness 0x7FF, one frame
    expect(Array.from(header)).to.deep.equal([0xff, 0xf1, 0x60, 0x40, 0x0d, 0x7f, 0xfc]);
  });

  it('has no header for what ADTS cannot say: an explicit sample rate, channels from a program config', () => {
    expect(adtsHeaders(Uint8Array.of(0x17, 0x80, 0x3e, 0x80, 0x08)), 'rate index 15').to.equal(null);
    expect(adtsHeaders(Uint8Array.of(0x14, 0x00)), 'channel config 0').to.equal(null);
  });
});
