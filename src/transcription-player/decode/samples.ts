/** Peaks from whole decoded buffers: for files the browser decodes in one go. */
import type { Peaks } from '../peaks.js';

/** Peaks from decoded samples (channels already mixed or the first channel), `perPoint` samples each. */
export function peaksFromSamples(channels: Float32Array[], sampleRate: number, perPoint: number): Peaks {
  const length = Math.ceil((channels[0]?.length ?? 0) / perPoint);
  const min = new Float32Array(length);
  const max = new Float32Array(length);
  for (let p = 0; p < length; p++) {
    let lo = 0;
    let hi = 0;
    const end = Math.min((p + 1) * perPoint, channels[0].length);
    for (const samples of channels) {
      for (let s = p * perPoint; s < end; s++) {
        const v = samples[s];
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
      }
    }
    min[p] = lo;
    max[p] = hi;
  }
  return { rate: sampleRate / perPoint, min, max };
}

/** Samples per point so that a file has at most ~500 points a second and 2 million in all. */
export function samplesPerPoint(sampleRate: number, totalSamples: number): number {
  return Math.max(1, Math.ceil(sampleRate / 500), Math.ceil(totalSamples / 2_000_000));
}
