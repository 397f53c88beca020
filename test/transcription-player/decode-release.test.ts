import { expect } from '@open-wc/testing';
import { ownCopy } from '../../src/transcription-player/decode/release-buffer.js';
import { UnseenMemory } from '../../src/transcription-player/decode/unseen-memory.js';

describe('decoding frees what it is done with', () => {
  it('cuts a window out of its range read and frees the read at once', () => {
    const read = Uint8Array.from({ length: 64 }, (_, i) => i);
    const cut = ownCopy(read.subarray(8), 4, 20);
    expect([...cut]).to.deep.equal(Array.from({ length: 16 }, (_, i) => i + 12));
    expect(cut.buffer.byteLength, 'a buffer of its own').to.equal(16);
    expect(read.buffer.byteLength, 'the read is freed (detached)').to.equal(0);
  });

  it('does not tell the collector before the limit, and tells it once past it', () => {
    const unseen = new UnseenMemory(1000);
    expect(unseen.add(600)).to.equal(false);
    expect(unseen.add(600)).to.equal(true);
    // Counted again from nothing.
    expect(unseen.add(600)).to.equal(false);
  });

  it('gets the page collected once past the limit, on a page that does nothing else', async () => {
    let collected = false;
    const registry = new FinalizationRegistry(() => (collected = true));
    (() => registry.register({ garbage: new Array(1000).fill(0) }, 'garbage'))();
    const unseen = new UnseenMemory(1);
    unseen.add(1);
    for (let i = 0; i < 50 && !collected; i++) await new Promise((r) => setTimeout(r, 20));
    expect(collected, 'garbage collected within a second').to.equal(true);
  });
});
