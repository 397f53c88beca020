import { expect } from '@open-wc/testing';
import { ByteReader } from '../../src/transcription-player/decode/byte-reader.js';
import { media } from './helpers.js';

describe('ByteReader', () => {
  it('reads a response body into its own buffer, byte for byte, whatever the sizes asked for and skipped', async () => {
    const whole = new Uint8Array(await (await fetch(`${media('tones.wav')}?whole`)).arrayBuffer());
    const reader = ByteReader.of((await fetch(`${media('tones.wav')}?bytes`)).body!);
    // Sizes that make it move what is left to the front, and grow past its first buffer.
    const asks = [1, 7, 300_000, 4, 1 << 19, 13, 65_536, 2];
    let mismatches = 0;
    for (let i = 0; reader.offset < whole.length; i++) {
      const ask = asks[i % asks.length];
      await reader.need(ask);
      const bytes = reader.bytes;
      const n = Math.min(bytes.length, ask);
      for (let j = 0; j < n; j += 97) if (bytes[j] !== whole[reader.offset + j]) mismatches++;
      if (!n) break;
      reader.skip(Math.max(1, Math.floor(n / 2)));
    }
    expect(reader.offset).to.equal(whole.length);
    expect(reader.received).to.equal(whole.length);
    expect(mismatches).to.equal(0);
  });
});
