/**
 * Collects min/max peaks from decoded pieces as they come, each written at its own time in the
 * file, so pieces may arrive in any order and the samples are dropped as soon as they are reduced:
 * memory is the peaks, whatever the length of the recording. `take()` hands out what changed since
 * the last call, for the waveform to draw while the rest decodes. Points are kept as audiowaveform's
 * 8-bit integers: an hour is 3.6 MB, not 14 MB of floats, and the JSON a host stores is the same.
 */
import { INT8_SCALE, type Peaks } from '../peaks.js';
import { samplesPerPoint } from './samples.js';

/** Beyond this a wrong length estimate is a bug or a hostile file, not a recording. */
const MAX_POINTS = 16_000_000;

export interface PeakSlice {
  from: number;
  /** 8-bit points (times `INT8_SCALE`: −1…1). */
  min: Int8Array;
  max: Int8Array;
}

/** A sample −1…1 as an 8-bit point, to the nearest step (as audiowaveform writes them). */
const toInt8 = (v: number) => {
  const q = Math.round(v * 128);
  return q > 127 ? 127 : q < -128 ? -128 : q;
};

/*
 * Larger and smaller of two samples without a branch: a comparison's branch mispredicts on audio,
 * which made reducing 5.5–6.6 ns a sample (0.38 s of the page's time for an hour of M4A at 16 kHz),
 * against 2.9–3.0 with these and two runs interleaved (so no sum waits on the one before). In
 * doubles the sum and difference of two float32 samples are exact (but for one 2^29 times the
 * other, off by a double's last bit): the answer is the sample, far within an 8-bit step.
 */
const larger = (a: number, b: number) => 0.5 * (a + b + Math.abs(a - b));
const smaller = (a: number, b: number) => 0.5 * (a + b - Math.abs(a - b));

export class PeakSink {
  /** Points per second. */
  readonly rate: number;
  readonly samplesPerPoint: number;
  private min: Int8Array;
  private max: Int8Array;
  /** Points written so far (the highest one touched, plus one). */
  length = 0;
  private dirtyFrom = Infinity;
  private dirtyTo = 0;
  /** The point `min[0]` holds: points before it are not kept. */
  private readonly origin: number;

  /**
   * `sampleRate` of the file (for the JSON), `seconds` its expected length (grows if longer).
   * `within` (seconds): keep only the points of this stretch, as one window of a long file needs —
   * the whole file's points per second in a window's memory (a sink per window was 4 MB of an
   * hour's points, 120 MB of garbage over the hour's windows on the page).
   */
  constructor(
    readonly sampleRate: number,
    seconds: number,
    within?: { from: number; to: number },
  ) {
    this.samplesPerPoint = samplesPerPoint(sampleRate, Math.max(1, seconds) * sampleRate);
    this.rate = sampleRate / this.samplesPerPoint;
    this.origin = within ? Math.max(0, Math.floor(within.from * this.rate)) : 0;
    const span = within ? Math.max(0, within.to - Math.max(0, within.from)) : Math.max(1, seconds);
    const points = Math.min(MAX_POINTS, Math.ceil(span * this.rate) + 1);
    this.min = new Int8Array(points);
    this.max = new Int8Array(points);
  }

  /** Points the file is expected to have (for drawing the axis before the end is known). */
  get capacity(): number {
    return this.origin + this.min.length;
  }

  /** Reduces `frames` samples of each channel, the first at `start` seconds, into the peaks. */
  write(start: number, channels: Float32Array[], sampleRate: number, frames = channels[0]?.length ?? 0): void {
    // Samples heard before 0 s (a decoder's priming) are dropped: `base` is the one heard at `start`.
    const base = start < 0 ? Math.ceil(-start * sampleRate) : 0;
    if (base >= frames) return;
    start += base / sampleRate;
    const { rate, origin } = this;
    let { min: mins, max: maxes } = this;
    let s = base;
    let p = Math.floor(start * rate);
    const first = p;
    while (s < frames) {
      const next = Math.min(frames, Math.max(s + 1, base + Math.ceil(((p + 1) / rate - start) * sampleRate)));
      const at = p - origin;
      if (at >= 0) {
        if (at >= mins.length) {
          if (!this.ensure(at)) break;
          ({ min: mins, max: maxes } = this);
        }
        let lo = 0;
        let hi = 0;
        for (let c = 0; c < channels.length; c++) {
          const samples = channels[c];
          let lo2 = lo;
          let hi2 = hi;
          let i = s;
          for (; i + 1 < next; i += 2) {
            const v = samples[i];
            const w = samples[i + 1];
            hi = larger(hi, v);
            lo = smaller(lo, v);
            hi2 = larger(hi2, w);
            lo2 = smaller(lo2, w);
          }
          if (i < next) {
            hi = larger(hi, samples[i]);
            lo = smaller(lo, samples[i]);
          }
          hi = larger(hi, hi2);
          lo = smaller(lo, lo2);
        }
        const qlo = toInt8(lo);
        const qhi = toInt8(hi);
        if (qlo < mins[at]) mins[at] = qlo;
        if (qhi > maxes[at]) maxes[at] = qhi;
      }
      s = next;
      p++;
    }
    if (p > this.length) this.length = p;
    if (Math.max(first, this.origin) < this.dirtyFrom) this.dirtyFrom = Math.max(first, this.origin);
    if (p > this.dirtyTo) this.dirtyTo = p;
  }

  /** The points changed since the last call, or null. */
  take(): PeakSlice | null {
    if (this.dirtyTo <= this.dirtyFrom) return null;
    const from = this.dirtyFrom - this.origin;
    const to = this.dirtyTo - this.origin;
    const slice = { from: this.dirtyFrom, min: this.min.slice(from, to), max: this.max.slice(from, to) };
    this.dirtyFrom = Infinity;
    this.dirtyTo = 0;
    return slice;
  }

  /**
   * The peaks written, trimmed to what the file held, in arrays of their own length (kept as the
   * sink's: one copy of an hour's peaks). A view into longer ones would keep, transfer and cache the
   * whole of them: the length is estimated, and a sink grown by doubling is up to twice too long.
   * A sink made `within` a stretch has only its slices (`take`).
   */
  result(): Peaks {
    if (this.min.length !== this.length) {
      this.min = this.min.slice(0, this.length);
      this.max = this.max.slice(0, this.length);
    }
    return { rate: this.rate, min: this.min, max: this.max, scale: INT8_SCALE, sampleRate: this.sampleRate, samplesPerPoint: this.samplesPerPoint };
  }

  private ensure(point: number): boolean {
    if (point < this.min.length) return true;
    if (point + this.origin >= MAX_POINTS) return false;
    const size = Math.min(MAX_POINTS, Math.max(point + 1, this.min.length * 2));
    const min = new Int8Array(size);
    const max = new Int8Array(size);
    min.set(this.min);
    max.set(this.max);
    this.min = min;
    this.max = max;
    return true;
  }
}
