import { expect } from '@open-wc/testing';
import { DecodeError, loadPeaks } from '../../src/transcription-player/decode/decode.js';
import { peakValues } from './helpers.js';

/** A PCM WAV of `frames` frames whose channel c holds `value(frame, c)` (−1…1). */
function wav(bits: 8 | 16 | 24, channels: number, sampleRate: number, frames: number, value: (f: number, c: number) => number): string {
  const bytesPerSample = bits / 8;
  const data = frames * channels * bytesPerSample;
  const buffer = new ArrayBuffer(44 + data);
  const view = new DataView(buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * bytesPerSample, true);
  view.setUint16(32, channels * bytesPerSample, true);
  view.setUint16(34, bits, true);
  text(36, 'data');
  view.setUint32(40, data, true);
  let at = 44;
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) {
      const v = value(f, c);
      if (bits === 8) view.setUint8(at, Math.round(v * 127) + 128);
      else if (bits === 16) view.setInt16(at, Math.round(v * 32767), true);
      else {
        const i = Math.round(v * 8388607);
        view.setUint8(at, i & 0xff);
        view.setUint8(at + 1, (i >> 8) & 0xff);
        view.setUint8(at + 2, (i >> 16) & 0xff);
      }
      at += bytesPerSample;
    }
  }
  return URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
}

describe('peaks from a media URL', () => {
  it('streams 16-bit stereo WAV into peaks, merging channels', async () => {
    // Left is loud in the first second, right in the second.
    const url = wav(16, 2, 1000, 2000, (f, c) => ((f < 1000) === (c === 0) ? (f % 2 ? 0.8 : -0.6) : 0));
    const peaks = peakValues(await loadPeaks(url));
    expect(peaks.rate).to.equal(500);
    expect(peaks.min.length).to.equal(1000);
    // To the nearest of audiowaveform's 8-bit steps (1/128), as the JSON a host stores.
    expect(peaks.max[10]).to.be.closeTo(0.8, 0.5 / 128);
    expect(peaks.min[10]).to.be.closeTo(-0.6, 0.5 / 128);
    expect(peaks.max[900]).to.be.closeTo(0.8, 0.5 / 128);
  });

  it('reads 8-bit and 24-bit PCM too', async () => {
    for (const bits of [8, 24] as const) {
      const peaks = peakValues(await loadPeaks(wav(bits, 1, 2000, 2000, (f) => (f % 4 === 0 ? 0.5 : -0.25))));
      expect(peaks.max[3], `${bits}-bit max`).to.be.closeTo(0.5, 0.01);
      expect(peaks.min[3], `${bits}-bit min`).to.be.closeTo(-0.25, 0.01);
    }
  });

  it('rejects a file that is neither WAV nor decodable', async () => {
    const url = URL.createObjectURL(new Blob([new Uint8Array(2048).fill(7)]));
    let error: unknown;
    await loadPeaks(url).catch((e) => (error = e));
    expect(error).to.be.instanceOf(DecodeError);
  });
});
