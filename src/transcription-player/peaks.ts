/**
 * Min/max peaks: what the waveform is drawn from. They come from audiowaveform's JSON (the normal
 * path for long files: no decode in the browser) or from our own decoding of a short clip. Pure
 * data, no DOM.
 */

/** audiowaveform's JSON output (`audiowaveform -i in.wav -o out.json`), version 1 or 2. */
export interface AudiowaveformJson {
  version?: 1 | 2;
  /** Version 2 only; version 1 is always one channel. */
  channels?: number;
  sample_rate: number;
  samples_per_pixel: number;
  /** 8 (values −128…127) or 16 (−32768…32767). */
  bits: 8 | 16;
  /** Number of min/max points per channel. */
  length: number;
  /** Interleaved per point: min, max of channel 0, then of channel 1, … */
  data: ArrayLike<number>;
}

/** Stored peak values: floats −1…1, or audiowaveform's 8-bit integers (a quarter of the memory). */
export type PeakArray = Float32Array | Int8Array;

/** The value of one 8-bit peak, as audiowaveform's 8-bit JSON means it. */
export const INT8_SCALE = 1 / 128;

/** Peaks of all channels together: each stored value times `scale` is −1…1. */
export interface Peaks {
  /** Points per second of audio. */
  rate: number;
  min: PeakArray;
  max: PeakArray;
  /** What one stored unit is worth (1 for floats, `INT8_SCALE` for 8-bit); 1 when absent. */
  scale?: number;
  /** The recording's sample rate and samples per point, when known (for audiowaveform JSON). */
  sampleRate?: number;
  samplesPerPoint?: number;
}

export class PeaksError extends Error {}

/** Longer than any recording a person transcribes. */
const MAX_HOURS = 48;

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Reads audiowaveform JSON. Channels are merged (lowest min, highest max), which is what a single
 * waveform row shows. Throws `PeaksError` with a sentence saying what is wrong.
 */
export function parseAudiowaveform(input: unknown): Peaks {
  if (!input || typeof input !== 'object') throw new PeaksError('Peaks must be an object in audiowaveform JSON format.');
  const json = input as Partial<AudiowaveformJson>;
  const version = json.version ?? 1;
  if (version !== 1 && version !== 2) throw new PeaksError(`Peaks version ${String(version)} is not supported (1 or 2).`);
  const channels = version === 2 ? (json.channels ?? 1) : 1;
  if (!Number.isInteger(channels) || channels < 1) throw new PeaksError(`Peaks "channels" must be a whole number ≥ 1, got ${String(json.channels)}.`);
  if (json.bits !== 8 && json.bits !== 16) throw new PeaksError(`Peaks "bits" must be 8 or 16, got ${String(json.bits)}.`);
  if (!positive(json.sample_rate) || !positive(json.samples_per_pixel))
    throw new PeaksError('Peaks need a positive "sample_rate" and "samples_per_pixel".');
  const data = json.data;
  if (!data || typeof data !== 'object' || typeof data.length !== 'number') throw new PeaksError('Peaks have no "data" array.');
  const stride = 2 * channels;
  const length = Math.floor(data.length / stride);
  if (typeof json.length === 'number' && json.length > length)
    throw new PeaksError(`Peaks "length" is ${json.length} but "data" holds only ${length} points.`);
  // Peaks claiming a year would size the waveform past what a renderer survives.
  const hours = length / (json.sample_rate / json.samples_per_pixel) / 3600;
  if (hours > MAX_HOURS) throw new PeaksError(`Peaks claim ${Math.round(hours)} hours of audio; at most ${MAX_HOURS} are drawn.`);
  const scale = json.bits === 8 ? 1 / 128 : 1 / 32768;
  const min = new Float32Array(length);
  const max = new Float32Array(length);
  if (channels === 1) {
    // The usual file: no channel loop.
    for (let i = 0; i < length; i++) {
      const lo = data[2 * i];
      const hi = data[2 * i + 1];
      min[i] = Number.isFinite(lo) ? lo * scale : 0;
      max[i] = Number.isFinite(hi) ? hi * scale : 0;
    }
    return { rate: json.sample_rate / json.samples_per_pixel, min, max };
  }
  for (let i = 0; i < length; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let c = 0; c < channels; c++) {
      const a = data[i * stride + 2 * c];
      const b = data[i * stride + 2 * c + 1];
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    // NaN or strings would poison every level above them; treat them as silence.
    min[i] = Number.isFinite(lo) ? lo * scale : 0;
    max[i] = Number.isFinite(hi) ? hi * scale : 0;
  }
  return { rate: json.sample_rate / json.samples_per_pixel, min, max };
}

export function peaksDuration(peaks: Peaks): number {
  return peaks.min.length / peaks.rate;
}

/**
 * The peaks at halving resolutions: any zoom reads at most about two points per drawn pixel, so a
 * fully zoomed-out three-hour view costs the same as a ten-second one. A level is made when first
 * drawn and filled in chunks, only where drawn (and where its coarser levels need it), each chunk
 * from the nearest finer level made. Making every level whole, all between the base and the one
 * drawn, kept 3.6 MB more after an hour's load; making only the one drawn, but whole, made a zoom
 * to a new level read all of the base (bench:player, JS per zoom 8.3 ms mean against 3.6).
 * Levels past ANCHOR are filled from it.
 */
export class PeakLevels {
  /** By index: level i has a point per 2^i of the base's (level 0 is the base, always filled). */
  private readonly levels: (Level | undefined)[];

  /** `sharing`: levels of the same base whose made levels these are too (see `changed`). */
  constructor(
    readonly base: Peaks,
    sharing?: PeakLevels,
  ) {
    this.levels = sharing ? sharing.levels : [{ peaks: base, filled: null }];
  }

  get duration(): number {
    return peaksDuration(this.base);
  }

  /**
   * The coarsest level with at least `pointsPerSecond` points per second (else the finest),
   * filled over seconds [from, to) at least.
   */
  forRate(pointsPerSecond: number, from = 0, to = Infinity): Peaks {
    const n = this.base.min.length;
    let i = 0;
    // Level i + 1 exists while level i has two points or more.
    while (Math.ceil(n / 2 ** i) >= 2 && this.base.rate / 2 ** (i + 1) >= pointsPerSecond) i++;
    if (i === 0) return this.base;
    const level = this.levels[i] ?? this.make(i);
    const { rate, min } = level.peaks;
    this.fill(i, Math.max(0, Math.floor(from * rate)), Math.min(min.length, Math.ceil(to * rate)));
    return level.peaks;
  }

  /**
   * These levels after points [from, to) of the base changed in place (decoding as it goes): the
   * chunks over that stretch are filled again when next drawn. A new object, so a view that
   * compares levels redraws.
   */
  changed(from: number, to: number): PeakLevels {
    for (let i = 1; i < this.levels.length; i++) {
      const filled = this.levels[i]?.filled;
      if (!filled) continue;
      const chunk = CHUNK * 2 ** i;
      filled.fill(0, Math.floor(from / chunk), Math.ceil(to / chunk));
    }
    return new PeakLevels(this.base, this);
  }

  private make(i: number): Level {
    const n = Math.ceil(this.base.min.length / 2 ** i);
    const { min, max } = this.base;
    const level = { peaks: { rate: this.base.rate / 2 ** i, min: sameKind(min, n), max: sameKind(max, n), scale: this.base.scale ?? 1 }, filled: new Uint8Array(Math.ceil(n / CHUNK)) };
    this.levels[i] = level;
    return level;
  }

  /** Fills points [from, to) of level i where they are not. */
  private fill(i: number, from: number, to: number): void {
    const level = this.levels[i]!;
    const filled = level.filled!;
    // Levels past ANCHOR are filled from it (or a finer one): a zoomed-out view reads an eighth of
    // the base, once filled, rather than all of it for each new level.
    if (i > ANCHOR && !this.levels[ANCHOR]) this.make(ANCHOR);
    let k = i - 1;
    while (k > 0 && !this.levels[k]) k--;
    const factor = 2 ** (i - k);
    for (let c = Math.floor(from / CHUNK); c * CHUNK < to; c++) {
      if (filled[c]) continue;
      const start = c * CHUNK;
      const end = Math.min(level.peaks.min.length, start + CHUNK);
      if (k > 0) this.fill(k, start * factor, end * factor);
      reduceLevel(level.peaks, this.levels[k]!.peaks, factor, start, end);
      filled[c] = 1;
    }
  }
}

/** The level the coarser ones are filled from: an eighth of the base's points. */
const ANCHOR = 3;

/** Points of a level filled at a time: a chunk of the finest levels is read in about 0.1 ms. */
const CHUNK = 1 << 14;

/** A coarser level: its peaks, and which of its chunks hold their points (null: all of them). */
interface Level {
  peaks: Peaks;
  filled: Uint8Array | null;
}

/** Points [from, to) of `level`: the extremes of `factor` points of `finer` each. */
function reduceLevel(level: Peaks, finer: Peaks, factor: number, from: number, to: number): void {
  const { min, max } = level;
  const fineMin = finer.min;
  const fineMax = finer.max;
  const end = fineMin.length;
  const last = Math.min(to, min.length);
  for (let j = from; j < last; j++) {
    const a = j * factor;
    const stop = a + factor < end ? a + factor : end;
    let lo = fineMin[a];
    let hi = fineMax[a];
    // Math.min/max, not comparisons: their branches mispredict on peaks.
    for (let b = a + 1; b < stop; b++) {
      lo = Math.min(lo, fineMin[b]);
      hi = Math.max(hi, fineMax[b]);
    }
    min[j] = lo;
    max[j] = hi;
  }
}

/** A new zeroed array of `array`'s kind (8-bit levels stay 8-bit). */
function sameKind(array: PeakArray, length: number): PeakArray {
  return array instanceof Int8Array ? new Int8Array(length) : new Float32Array(length);
}

/**
 * Min and max (−1…1) of the points covering seconds [t0, t1) of a level: one drawn column. Returns
 * null past the end.
 */
export function extentAt(level: Peaks, t0: number, t1: number, out: [number, number]): [number, number] | null {
  const n = level.min.length;
  let i0 = Math.floor(t0 * level.rate);
  if (i0 >= n || t1 <= 0) return null;
  if (i0 < 0) i0 = 0;
  const i1 = Math.min(n, Math.max(i0 + 1, Math.ceil(t1 * level.rate)));
  let lo = level.min[i0];
  let hi = level.max[i0];
  for (let i = i0 + 1; i < i1; i++) {
    if (level.min[i] < lo) lo = level.min[i];
    if (level.max[i] > hi) hi = level.max[i];
  }
  const scale = level.scale ?? 1;
  out[0] = lo * scale;
  out[1] = hi * scale;
  return out;
}

/**
 * Peaks as audiowaveform JSON v2 (8-bit, one channel: what a waveform row shows), for a host to
 * store and give back as `peaks` next time.
 */
export function toAudiowaveform(peaks: Peaks): AudiowaveformJson {
  const perPoint = peaks.samplesPerPoint ?? 1;
  const sampleRate = peaks.sampleRate ?? Math.round(peaks.rate * perPoint);
  const length = peaks.min.length;
  const data = new Array<number>(2 * length);
  const toBits = (peaks.scale ?? 1) * 128;
  const clamp = (v: number) => Math.max(-128, Math.min(127, Math.round(v * toBits)));
  for (let i = 0; i < length; i++) {
    data[2 * i] = clamp(peaks.min[i]);
    data[2 * i + 1] = clamp(peaks.max[i]);
  }
  return { version: 2, channels: 1, sample_rate: sampleRate, samples_per_pixel: perPoint, bits: 8, length, data };
}
