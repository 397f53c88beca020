/**
 * ADTS, the stream form of AAC: each raw frame behind a 7-byte header that repeats the decoder's
 * configuration, so frames copied out of an MP4's sample table make a file `decodeAudioData` takes
 * on its own — a window of an M4A decoded without the MP4 around it. Pure functions on bytes.
 */

/**
 * A maker of ADTS headers for frames of the AudioSpecificConfig `config`, or null where ADTS can't
 * say it (an explicit sample rate, or channels only a program config element describes).
 */
export function adtsHeaders(config: Uint8Array): ((frameBytes: number) => Uint8Array) | null {
  if (config.length < 2) return null;
  const { objectType, rateIndex, channels } = fields(config);
  if (objectType < 1 || objectType > 4 || rateIndex > 12 || channels < 1 || channels > 7) return null;
  return (frameBytes) => {
    const length = frameBytes + 7;
    const h = new Uint8Array(7);
    h[0] = 0xff;
    // MPEG-4, layer 0, no CRC.
    h[1] = 0xf1;
    h[2] = ((objectType - 1) << 6) | (rateIndex << 2) | (channels >> 2);
    h[3] = ((channels & 3) << 6) | (length >> 11);
    h[4] = (length >> 3) & 0xff;
    // Buffer fullness 0x7FF (variable rate), one raw frame.
    h[5] = ((length & 7) << 5) | 0x1f;
    h[6] = 0xfc;
    return h;
  };
}

/**
 * The channels an AudioSpecificConfig says (null where only a program config element does). An
 * MP4's sample entry is no guide: ISO's template value is 2, which encoders write for mono too.
 */
export function aacChannels(config: Uint8Array): number | null {
  if (config.length < 2) return null;
  const { objectType, rateIndex, channels } = fields(config);
  // An escaped object type or an explicit rate moves the field.
  if (objectType === 31 || rateIndex === 15) return null;
  // Parametric Stereo (HE-AAC v2) says one channel and decodes to two.
  if (objectType === 29) return 2;
  // Configuration 7 is 7.1: eight channels.
  return channels >= 1 && channels <= 6 ? channels : channels === 7 ? 8 : null;
}

/** The first fields of an AudioSpecificConfig (ISO 14496-3 1.6.2.1). */
function fields(config: Uint8Array) {
  return { objectType: config[0] >> 3, rateIndex: ((config[0] & 7) << 1) | (config[1] >> 7), channels: (config[1] >> 3) & 15 };
}
