import { expect } from '@open-wc/testing';
import { PeakLevels, PeaksError, extentAt, parseAudiowaveform, peaksDuration } from '../../src/transcription-player/peaks.js';
import { peaksFromSamples } from '../../src/transcription-player/decode/samples.js';

describe('audiowaveform peaks', () => {
  it('reads version 1, 8-bit, as values from −1 to 1', () => {
    const peaks = parseAudiowaveform({ sample_rate: 8000, samples_per_pixel: 80, bits: 8, length: 2, data: [-128, 127, -64, 64] });
    expect(peaks.rate).to.equal(100);
    expect([...peaks.min]).to.deep.equal([-1, -0.5]);
    expect(peaks.max[1]).to.equal(0.5);
    expect(peaksDuration(peaks)).to.equal(0.02);
  });

  it('reads version 2, 16-bit, two channels, merging them into one row', () => {
    const peaks = parseAudiowaveform({
      version: 2,
      channels: 2,
      sample_rate: 44100,
      samples_per_pixel: 441,
      bits: 16,
      length: 1,
      data: [-16384, 8192, -32768, 16384],
    });
    expect(peaks.rate).to.equal(100);
    expect(peaks.min[0]).to.equal(-1);
    expect(peaks.max[0]).to.equal(0.5);
  });

  it('rejects what is not audiowaveform JSON, saying why', () => {
    expect(() => parseAudiowaveform(null)).to.throw(PeaksError);
    expect(() => parseAudiowaveform({ version: 3 })).to.throw(/version 3/);
    expect(() => parseAudiowaveform({ sample_rate: 1, samples_per_pixel: 1, bits: 12, data: [] })).to.throw(/"bits"/);
    expect(() => parseAudiowaveform({ sample_rate: 0, samples_per_pixel: 1, bits: 8, data: [] })).to.throw(/sample_rate/);
    expect(() => parseAudiowaveform({ sample_rate: 1, samples_per_pixel: 1, bits: 8, length: 5, data: [0, 0] })).to.throw(/holds only 1/);
  });

  it('halves resolution level by level and picks the coarsest that still fills a pixel', () => {
    const n = 1024;
    const data = Array.from({ length: 2 * n }, (_, i) => (i % 2 ? (i >> 1) % 100 : -((i >> 1) % 50)));
    const levels = new PeakLevels(parseAudiowaveform({ sample_rate: 1000, samples_per_pixel: 1, bits: 8, data }));
    expect(levels.forRate(1000).rate).to.equal(1000);
    expect(levels.forRate(100).rate).to.equal(125);
    const coarse = levels.forRate(1);
    expect(coarse.rate).to.equal(1000 / 512);
    // The coarse level keeps the extremes of what it covers.
    expect(Math.max(...coarse.max)).to.be.closeTo(99 / 128, 1e-6);
    expect(Math.min(...coarse.min)).to.be.closeTo(-49 / 128, 1e-6);
  });

  it('gives the extent of a column and null past the end', () => {
    const peaks = { rate: 10, min: new Float32Array([-0.1, -0.5, -0.2]), max: new Float32Array([0.1, 0.2, 0.9]) };
    const out: [number, number] = [0, 0];
    expect(extentAt(peaks, 0, 0.2, out)).to.deep.equal([-0.5, Math.fround(0.2)]);
    expect(extentAt(peaks, 0.2, 0.25, out)).to.deep.equal([Math.fround(-0.2), Math.fround(0.9)]);
    expect(extentAt(peaks, 0.3, 0.4, out)).to.equal(null);
  });

  it('makes peaks from decoded samples of every channel', () => {
    const left = new Float32Array([0, 0.5, -0.25, 0]);
    const right = new Float32Array([0, 0, 0, -0.75]);
    const peaks = peaksFromSamples([left, right], 4, 2);
    expect(peaks.rate).to.equal(2);
    expect([...peaks.max]).to.deep.equal([0.5, 0]);
    expect([...peaks.min]).to.deep.equal([0, -0.75]);
  });
});

describe('PeakLevels filled where drawn', () => {
  it('gives the same points over the stretch drawn as levels made whole, then elsewhere too', () => {
    // Two hundred thousand points: a level is filled in chunks, only those drawn.
    const n = 200_000;
    const base = () => {
      const min = new Int8Array(n);
      const max = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        max[i] = (i * 7919) % 127;
        min[i] = -((i * 104729) % 128);
      }
      return { rate: 500, min, max, scale: 1 / 128 };
    };
    const drawn = new PeakLevels(base());
    const whole = new PeakLevels(base());
    for (const [rate, from, to] of [
      [100, 200, 230],
      [1, 0, 400],
      [100, 10, 12],
      [30, 390, 400],
    ]) {
      const part = drawn.forRate(rate, from, to);
      const all = whole.forRate(rate);
      const [i0, i1] = [Math.floor(from * part.rate), Math.ceil(to * part.rate)];
      expect(Array.from(part.max.subarray(i0, i1)), `max at ${rate}/s, ${from}–${to} s`).to.deep.equal(Array.from(all.max.subarray(i0, i1)));
      expect(Array.from(part.min.subarray(i0, i1)), `min at ${rate}/s, ${from}–${to} s`).to.deep.equal(Array.from(all.min.subarray(i0, i1)));
    }
  });
});

describe('PeakLevels.changed', () => {
  it('redoes the coarser levels over the changed stretch, as if made from scratch', () => {
    const n = 1000;
    const base = { rate: 100, min: new Float32Array(n), max: new Float32Array(n) };
    const levels = new PeakLevels(base);
    // Two levels drawn, from zeros: the coarse one is then redone from the finer one, not the base.
    levels.forRate(12.5);
    levels.forRate(1);
    for (let i = 300; i < 340; i++) {
      base.min[i] = -0.5 - i / 10000;
      base.max[i] = 0.25 + i / 10000;
    }
    const updated = levels.changed(300, 340);
    const fresh = new PeakLevels({ rate: 100, min: base.min.slice(), max: base.max.slice() });
    for (const rate of [50, 12.5, 3.125, 1]) {
      expect(Array.from(updated.forRate(rate).max), `max at ${rate}/s`).to.deep.equal(Array.from(fresh.forRate(rate).max));
      expect(Array.from(updated.forRate(rate).min), `min at ${rate}/s`).to.deep.equal(Array.from(fresh.forRate(rate).min));
    }
    expect(updated).not.to.equal(levels);
  });
});

describe('peaks that claim too much', () => {
  it('rejects peaks claiming more than 48 hours (a renderer-crashing width) with a sentence', () => {
    const claim = { version: 2, channels: 1, bits: 8, sample_rate: 1, samples_per_pixel: 1e6, length: 2, data: [0, 1, 0, 1] };
    expect(() => parseAudiowaveform(claim)).to.throw(PeaksError, /hours/);
    // Two days exactly is still a recording.
    expect(() => parseAudiowaveform({ ...claim, sample_rate: 100, samples_per_pixel: 8640000 })).not.to.throw();
  });
});
