import { expect } from '@open-wc/testing';
import { aacChannels } from '../../src/transcription-player/decode/adts.js';
import { audioTrack } from '../../src/transcription-player/decode/mp4-boxes.js';

describe('an M4A’s audio track', () => {
  it('counts the channels its AAC holds, not the 2 that ISO’s sample entry always says', async () => {
    // ffmpeg's mono M4A: its `mp4a` entry says 2 channels, its AudioSpecificConfig says 1.
    const file = new Uint8Array(await (await fetch('/test/fixtures/generated/tones-faststart.m4a')).arrayBuffer());
    const at = (name: string) => file.findIndex((_, i) => String.fromCharCode(...file.subarray(i, i + 4)) === name) - 4;
    // The sample entry's body starts after its size and type; its channel count is 16 bytes in.
    expect(new DataView(file.buffer).getUint16(at('mp4a') + 8 + 16), 'what the sample entry says').to.equal(2);
    const track = audioTrack(file.subarray(at('moov')))!;
    expect(track.sampleRate).to.equal(16000);
    expect(track.channels).to.equal(1);
  });

  it('reads the channels from an AudioSpecificConfig, where it says them', () => {
    // AAC-LC, 16 kHz: mono, stereo, 7.1.
    expect(aacChannels(Uint8Array.of(0x14, 0x08))).to.equal(1);
    expect(aacChannels(Uint8Array.of(0x14, 0x10))).to.equal(2);
    expect(aacChannels(Uint8Array.of(0x14, 0x38))).to.equal(8);
    // HE-AAC v2 (object type 29), 16 kHz: one channel said, two decoded.
    expect(aacChannels(Uint8Array.of(0xec, 0x08))).to.equal(2);
    // A program config element, an explicit rate, too short: the sample entry's word stands.
    expect(aacChannels(Uint8Array.of(0x14, 0x00))).to.equal(null);
    expect(aacChannels(Uint8Array.of(0x17, 0x80, 0x3e, 0x80, 0x08))).to.equal(null);
    expect(aacChannels(Uint8Array.of(0x14))).to.equal(null);
  });
});
