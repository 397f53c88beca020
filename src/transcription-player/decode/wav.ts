/**
 * PCM WAV, the usual transcription format: the header gives the sample format and where the samples
 * start, and the samples need no decoder — they are reduced to peaks as the bytes arrive.
 */

export interface WavFormat {
  channels: number;
  sampleRate: number;
  bits: number;
  float: boolean;
  dataStart: number;
  /** Bytes of samples the header declares (0 or 0xffffffff: unknown, e.g. a live recording). */
  dataSize: number;
}

const text = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);

export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && text(bytes, 0) === 'RIFF' && text(bytes, 8) === 'WAVE';
}

/**
 * The PCM format once the header up to the "data" chunk is in `bytes`; null if more bytes are
 * needed; 'other' for WAV that holds no plain PCM (ADPCM, µ-law…: the browser's decoder's job).
 */
export function parseWavHeader(bytes: Uint8Array): WavFormat | 'other' | null {
  if (!isWav(bytes)) return bytes.length >= 12 ? 'other' : null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  let fmt: Omit<WavFormat, 'dataStart' | 'dataSize'> | null = null;
  while (at + 8 <= bytes.length) {
    const id = text(bytes, at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      if (at + 8 + 16 > bytes.length) return null;
      let tag = view.getUint16(at + 8, true);
      // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
      if (tag === 0xfffe && size >= 40) {
        if (at + 8 + 26 > bytes.length) return null;
        tag = view.getUint16(at + 8 + 24, true);
      }
      const bits = view.getUint16(at + 22, true);
      const channels = view.getUint16(at + 10, true);
      const sampleRate = view.getUint32(at + 12, true);
      const pcm = tag === 1 && [8, 16, 24, 32].includes(bits);
      const float = tag === 3 && bits === 32;
      if ((!pcm && !float) || channels < 1 || sampleRate < 1) return 'other';
      fmt = { channels, sampleRate, bits, float };
    } else if (id === 'data') {
      return fmt ? { ...fmt, dataStart: at + 8, dataSize: size } : 'other';
    }
    at += 8 + size + (size % 2);
  }
  return at > 1 << 20 ? 'other' : null;
}

/** Interleaved samples of whole frames in `bytes`, as −1…1 floats (`out` reused when big enough). */
export function pcmToFloat(bytes: Uint8Array, format: WavFormat, out?: Float32Array): Float32Array {
  const size = format.bits / 8;
  const count = Math.floor(bytes.length / (size * format.channels)) * format.channels;
  const samples = out && out.length >= count ? out.subarray(0, count) : new Float32Array(count);
  if (format.bits === 16 && bytes.byteOffset % 2 === 0) {
    // The usual case, through a typed array: several times faster than a DataView per sample.
    const ints = new Int16Array(bytes.buffer, bytes.byteOffset, count);
    for (let i = 0; i < count; i++) samples[i] = ints[i] / 32768;
    return samples;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) {
    const o = i * size;
    if (format.bits === 8) samples[i] = (bytes[o] - 128) / 128;
    else if (format.bits === 16) samples[i] = view.getInt16(o, true) / 32768;
    else if (format.bits === 24) samples[i] = (((bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16)) << 8) >> 8) / 8388608;
    else samples[i] = format.float ? view.getFloat32(o, true) : view.getInt32(o, true) / 2147483648;
  }
  return samples;
}
