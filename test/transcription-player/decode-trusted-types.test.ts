// Its own page: Trusted Types, once required, stay required.
import { expect } from '@open-wc/testing';
import { loadPeaks } from '../../src/transcription-player/decode/decode.js';
import { media } from './helpers.js';

describe('decoding where Trusted Types are required', () => {
  it('starts the worker through the `kolam` policy', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; trusted-types kolam lit-html";
    document.head.append(meta);
    // A plain string is refused now: so a worker that starts went through the policy.
    expect(() => new Worker('/nothing.js')).to.throw(TypeError);
    const peaks = await loadPeaks(`${media('tones.ogg')}?tt`);
    expect(peaks.min.length / peaks.rate).to.be.closeTo(180, 0.2);
    const worker = performance.getEntriesByType('resource').filter((e) => e.name.includes('/decode/decode-worker.ts'));
    expect(worker.length).to.be.greaterThan(0);
  });
});
