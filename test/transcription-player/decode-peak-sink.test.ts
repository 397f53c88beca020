import { expect } from '@open-wc/testing';
import { PeakSink } from '../../src/transcription-player/decode/peak-sink.js';

/** A second of a 1 kHz square wave at `level`, at 8 kHz: every point holds both its highs and lows. */
const square = (level: number) => Float32Array.from({ length: 8000 }, (_, i) => (Math.floor(i / 4) % 2 ? -level : level));

describe('PeakSink', () => {
  it('kept within a stretch, gives the same points there as a sink of the whole file', () => {
    const whole = new PeakSink(8000, 3600);
    // A window of a long file: from 1,000 s, for 10 s.
    const window = new PeakSink(8000, 3600, { from: 1000, to: 1010 });
    for (const sink of [whole, window]) {
      // Warm-up samples that start before the stretch are dropped there; the rest lands in place.
      sink.write(999.5, [square(0.25)], 8000);
      sink.write(1003, [square(0.5)], 8000);
    }
    whole.take();
    const full = whole.result();
    const slice = window.take()!;
    expect(window.rate).to.equal(whole.rate);
    expect(slice.from, 'starts at the stretch').to.equal(Math.floor(1000 * whole.rate));
    const at = (t: number) => Math.round(t * whole.rate) - slice.from;
    expect(slice.max[at(1000.2)] / 128).to.be.closeTo(0.25, 0.01);
    expect(slice.min[at(1003.5)] / 128).to.be.closeTo(-0.5, 0.01);
    expect(slice.max[at(1002)], 'nothing written there').to.equal(0);
    expect(Array.from(slice.max)).to.deep.equal(Array.from(full.max.subarray(slice.from, slice.from + slice.max.length)));
    expect(Array.from(slice.min)).to.deep.equal(Array.from(full.min.subarray(slice.from, slice.from + slice.min.length)));
  });

  it('kept within a stretch, holds that stretch’s points, not the whole file’s', () => {
    const window = new PeakSink(8000, 3600, { from: 1000, to: 1010 });
    expect(window.capacity - Math.floor(1000 * window.rate)).to.be.below(Math.ceil(11 * window.rate));
  });

  it('drops the samples written before 0 s and places the rest where they are heard', () => {
    // What a decoder gives for the top of an AAC stream: its priming (here 0.5 s of silence) comes
    // first and is heard before 0 s, then one second of sound and half a second of silence.
    const samples = new Float32Array(16000);
    samples.set(square(0.5), 4000);
    const sink = new PeakSink(8000, 10);
    sink.write(-0.5, [samples], 8000);
    const peaks = sink.result();
    const at = (t: number) => peaks.max[Math.floor(t * peaks.rate)] / 128;
    for (const t of [0, 0.01, 0.3, 0.99]) expect(at(t), `sound at ${t} s`).to.be.closeTo(0.5, 0.01);
    for (const t of [1.01, 1.2, 1.49]) expect(at(t), `silence at ${t} s`).to.equal(0);
    expect(peaks.max.length / peaks.rate, 'seconds of points: to the last sample').to.be.closeTo(1.5, 0.01);
  });
});
