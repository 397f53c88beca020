/**
 * MPEG audio (MP3) frames: each frame header says its own length, so a stream can be cut into
 * frames as it arrives and each run of frames decoded on its own. Pure functions on bytes.
 */

export interface Mp3Frame {
  length: number;
  /** Samples per channel in the frame. */
  samples: number;
  sampleRate: number;
  channels: number;
  /** kb/s */
  bitrate: number;
  /** Key to tell one stream's frames from a false sync in the data. */
  kind: number;
}

const BITRATES = {
  v1l1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

/**
 * The first frame from `at` on (of `kind`, if given) that another of its kind follows: a lone
 * 0xFFE… in the data, or a tag, is not one. A frame whose follower would lie past the bytes counts
 * when they are `ended` (the file ends there); else the search stops at it (`more`: read on, then
 * look again). `at` is −1 when there is none.
 */
export function mp3Sync(bytes: Uint8Array, at: number, kind: number | null, ended: boolean): { at: number; more: boolean } {
  for (; at + 4 <= bytes.length; at++) {
    if (bytes[at] !== 0xff) continue;
    const frame = mp3FrameAt(bytes, at);
    if (!frame || (kind !== null && frame.kind !== kind)) continue;
    const next = at + frame.length;
    if (next + 4 <= bytes.length) {
      if (mp3FrameAt(bytes, next)?.kind === frame.kind) return { at, more: false };
    } else return { at, more: !ended };
  }
  return { at: -1, more: false };
}

/** The frame whose header starts at `bytes[at]`, or null if none does. */
export function mp3FrameAt(bytes: Uint8Array, at: number): Mp3Frame | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (bytes[at + 1] >> 3) & 3; // 0 MPEG 2.5, 2 MPEG 2, 3 MPEG 1
  const layer = (bytes[at + 1] >> 1) & 3; // 1 III, 2 II, 3 I
  const bitrateIndex = bytes[at + 2] >> 4;
  const rateIndex = (bytes[at + 2] >> 2) & 3;
  if (version === 1 || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const padding = (bytes[at + 2] >> 1) & 1;
  const v1 = version === 3;
  const sampleRate = [44100, 48000, 32000][rateIndex] / (v1 ? 1 : version === 2 ? 2 : 4);
  const table = v1 ? (layer === 3 ? BITRATES.v1l1 : layer === 2 ? BITRATES.v1l2 : BITRATES.v1l3) : layer === 3 ? BITRATES.v2l1 : BITRATES.v2l3;
  const bitrate = table[bitrateIndex];
  const samples = layer === 3 ? 384 : layer === 2 || v1 ? 1152 : 576;
  const length = layer === 3 ? (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4 : Math.floor((samples * 125 * bitrate) / sampleRate) + padding;
  const channels = bytes[at + 3] >> 6 === 3 ? 1 : 2;
  return { length, samples, sampleRate, channels, bitrate, kind: (version << 2) | layer | (rateIndex << 4) };
}

/** Length of an ID3v2 tag at the start, else 0. */
export function id3Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9];
  return 10 + size + (bytes[5] & 0x10 ? 10 : 0);
}

/** Samples every MPEG audio decoder outputs before the first encoded one (its filter bank). */
export const MP3_DECODER_DELAY = 529;

/**
 * The encoder's delay in samples from a LAME tag in the Xing frame at `at`, else 0: decoders output
 * this much padding first, so the waveform is placed that much earlier to match what is heard.
 */
export function mp3EncoderDelay(bytes: Uint8Array, at: number, frame: Mp3Frame): number {
  const v1 = frame.samples === 1152 && frame.sampleRate >= 32000;
  const tag = at + 4 + (v1 ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17);
  const lame = tag + 120;
  // The tag starts with the encoder's name: "LAME3.100", or "Lavc59.37" from ffmpeg.
  if (lame + 24 > bytes.length || !/^(LAME|Lavc|Lavf|GOGO)/.test(String.fromCharCode(...bytes.subarray(lame, lame + 4)))) return 0;
  return (bytes[lame + 21] << 4) | (bytes[lame + 22] >> 4);
}

/**
 * Frames in the file when the first frame is a Xing/Info (LAME) or VBRI header, else null: the exact
 * duration before decoding, for VBR files too.
 */
export function mp3FrameCount(bytes: Uint8Array, at: number, frame: Mp3Frame): number | null {
  const v1 = frame.samples === 1152 && frame.sampleRate >= 32000;
  const side = v1 ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17;
  const tag = at + 4 + side;
  const text = (i: number) => String.fromCharCode(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]);
  const u32 = (i: number) => ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
  if (tag + 12 <= bytes.length && (text(tag) === 'Xing' || text(tag) === 'Info')) return u32(tag + 4) & 1 ? u32(tag + 8) : null;
  if (at + 36 + 18 <= bytes.length && text(at + 36) === 'VBRI') return u32(at + 36 + 14);
  return null;
}

/**
 * Whether every frame has the first one's bitrate: an `Info` tag says so (LAME writes `Xing` or
 * `VBRI` for variable rates), and a file with no tag at all is almost always constant. Only then
 * does a byte offset tell the frame's time, which reading a stretch from the middle needs.
 */
export function mp3IsConstantRate(bytes: Uint8Array, at: number, frame: Mp3Frame): boolean {
  const v1 = frame.samples === 1152 && frame.sampleRate >= 32000;
  const tag = at + 4 + (v1 ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17);
  const text = (i: number) => (i + 4 <= bytes.length ? String.fromCharCode(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]) : '');
  if (text(tag) === 'Xing' || text(at + 36) === 'VBRI') return false;
  return true;
}
