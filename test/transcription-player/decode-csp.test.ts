// Its own page: the policy set here stays for the page's life.
import { expect } from '@open-wc/testing';
import { loadPeaks } from '../../src/transcription-player/decode/decode.js';
import { media, peakValues } from './helpers.js';

describe('decoding under a CSP that refuses workers', () => {
  it('decodes on the page instead, when the refusal comes only after the worker was made', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "worker-src 'none'";
    document.head.append(meta);
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    // The constructor does not throw: the refusal is an error event later.
    expect(() => new Worker(new URL('../../src/transcription-player/decode/decode-worker.ts', import.meta.url), { type: 'module' }).terminate()).not.to.throw();
    const peaks = peakValues(await loadPeaks(`${media('tones.opus')}?csp`));
    expect(peaks.min.length / peaks.rate).to.be.closeTo(180, 0.2);
    // Second 10 is a tone, 11 silence.
    expect(peaks.max[Math.round(10.5 * peaks.rate)]).to.be.within(0.42, 0.58);
    expect(peaks.max[Math.round(11.5 * peaks.rate)]).to.be.below(0.05);
    expect(violations).to.include('worker-src');
  });
});
