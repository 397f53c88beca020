/**
 * Just enough of ISO BMFF (MP4, M4A) to find an audio track's samples: where each is in the file,
 * how long, and the decoder's configuration (AAC's AudioSpecificConfig, from `esds`). No library:
 * an audio track needs eight box types, and the smallest well-kept demuxers (mp4box.js,
 * mediabunny) cost more than the whole player. Pure functions on bytes.
 */
import { aacChannels } from './adts.js';

export interface Mp4Track {
  /** WebCodecs codec string, e.g. `mp4a.40.2`. */
  codec: string;
  description: Uint8Array;
  sampleRate: number;
  channels: number;
  timescale: number;
  /** Seconds the edit list skips at the start (AAC's priming samples). */
  skip: number;
  /** Seconds of audio. */
  duration: number;
  /** File offset and size of each sample, in file order. */
  offsets: Float64Array;
  sizes: Uint32Array;
}

interface Box {
  type: string;
  start: number;
  /** Offset of the payload. */
  body: number;
  end: number;
}

const type = (b: Uint8Array, at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

/** The box whose header starts at `at` (null if its header is not all there). */
export function boxAt(bytes: Uint8Array, at: number, fileEnd = Infinity): Box | null {
  if (at + 8 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size = view.getUint32(at);
  let body = at + 8;
  if (size === 1) {
    if (at + 16 > bytes.length) return null;
    size = view.getUint32(at + 8) * 2 ** 32 + view.getUint32(at + 12);
    body = at + 16;
  } else if (size === 0) size = fileEnd - at;
  return { type: type(bytes, at + 4), start: at, body, end: at + size };
}

function* children(bytes: Uint8Array, from: number, to: number): Generator<Box> {
  for (let at = from; at + 8 <= to; ) {
    const box = boxAt(bytes, at, to);
    if (!box || box.end <= at || box.end > to) return;
    yield box;
    at = box.end;
  }
}

const child = (bytes: Uint8Array, box: Box, name: string, skip = 0) => {
  for (const c of children(bytes, box.body + skip, box.end)) if (c.type === name) return c;
  return null;
};

/** The first audio track of a `moov` box (`bytes` from the box's start), or null. */
export function audioTrack(bytes: Uint8Array): Mp4Track | null {
  const moov = boxAt(bytes, 0);
  if (!moov || moov.type !== 'moov' || moov.end > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const trak of children(bytes, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(bytes, trak, 'mdia');
    const hdlr = mdia && child(bytes, mdia, 'hdlr');
    if (!mdia || !hdlr || type(bytes, hdlr.body + 8) !== 'soun') continue;
    const mdhd = child(bytes, mdia, 'mdhd')!;
    const v1 = bytes[mdhd.body] === 1;
    const timescale = view.getUint32(mdhd.body + (v1 ? 20 : 12));
    const stbl = ((m) => m && child(bytes, m, 'stbl'))(child(bytes, mdia, 'minf'));
    const stsd = stbl && child(bytes, stbl, 'stsd');
    if (!stbl || !stsd || !timescale) continue;
    const entry = boxAt(bytes, stsd.body + 8, stsd.end);
    if (!entry || entry.type !== 'mp4a') return null;
    // QuickTime sound descriptions v1/v2 carry more fields before the child boxes.
    const version = view.getUint16(entry.body + 8);
    const esds = child(bytes, entry, 'esds', 28 + (version === 1 ? 16 : version === 2 ? 36 : 0));
    const config = esds && decoderSpecificInfo(bytes.subarray(esds.body + 4, esds.end));
    if (!config?.length) return null;
    const objectType = config[0] >> 3;
    const channels = aacChannels(config) ?? view.getUint16(entry.body + 16);
    const sampleRate = view.getUint32(entry.body + 24) >>> 16 || timescale;
    const table = sampleTable(bytes, view, stbl);
    if (!table) return null;
    let skip = 0;
    const elst = ((e) => e && child(bytes, e, 'elst'))(child(bytes, trak, 'edts'));
    if (elst && view.getUint32(elst.body + 4) >= 1) {
      const mediaTime = bytes[elst.body] === 1 ? view.getUint32(elst.body + 16) * 2 ** 32 + view.getUint32(elst.body + 20) : view.getInt32(elst.body + 12);
      if (mediaTime > 0) skip = mediaTime / timescale;
    }
    const duration = (v1 ? view.getUint32(mdhd.body + 24) * 2 ** 32 + view.getUint32(mdhd.body + 28) : view.getUint32(mdhd.body + 16)) / timescale;
    return { codec: `mp4a.40.${objectType}`, description: config.slice(), sampleRate, channels, timescale, skip, duration, ...table };
  }
  return null;
}

/** Sample offsets (stco/co64 with stsc) and sizes (stsz), in file order. */
function sampleTable(bytes: Uint8Array, view: DataView, stbl: Box): Pick<Mp4Track, 'offsets' | 'sizes'> | null {
  const stsz = child(bytes, stbl, 'stsz');
  const stsc = child(bytes, stbl, 'stsc');
  const stco = child(bytes, stbl, 'stco') ?? child(bytes, stbl, 'co64');
  if (!stsz || !stsc || !stco) return null;
  const fixed = view.getUint32(stsz.body + 4);
  const count = view.getUint32(stsz.body + 8);
  const sizes = new Uint32Array(count);
  for (let i = 0; i < count; i++) sizes[i] = fixed || view.getUint32(stsz.body + 12 + 4 * i);
  const wide = stco.type === 'co64';
  const chunks = view.getUint32(stco.body + 4);
  const chunkOffset = (c: number) => (wide ? view.getUint32(stco.body + 8 + 8 * c) * 2 ** 32 + view.getUint32(stco.body + 12 + 8 * c) : view.getUint32(stco.body + 8 + 4 * c));
  const runs = view.getUint32(stsc.body + 4);
  const offsets = new Float64Array(count);
  let sample = 0;
  for (let r = 0; r < runs; r++) {
    const firstChunk = view.getUint32(stsc.body + 8 + 12 * r) - 1;
    const perChunk = view.getUint32(stsc.body + 12 + 12 * r);
    const lastChunk = r + 1 < runs ? view.getUint32(stsc.body + 8 + 12 * (r + 1)) - 1 : chunks;
    for (let c = firstChunk; c < lastChunk && sample < count; c++) {
      let at = chunkOffset(c);
      for (let s = 0; s < perChunk && sample < count; s++) {
        offsets[sample] = at;
        at += sizes[sample++];
      }
    }
  }
  if (sample < count) return null;
  return { offsets, sizes };
}

/** AudioSpecificConfig from an `esds` payload (ES_Descriptor → DecoderConfig → DecoderSpecificInfo). */
function decoderSpecificInfo(bytes: Uint8Array): Uint8Array | null {
  let at = 0;
  const descriptor = () => {
    const tag = bytes[at++];
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const b = bytes[at++];
      length = (length << 7) | (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    return { tag, length };
  };
  if (descriptor().tag !== 3) return null;
  const flags = bytes[at + 2];
  at += 3;
  if (flags & 0x80) at += 2;
  if (flags & 0x40) at += 1 + bytes[at];
  if (flags & 0x20) at += 2;
  if (descriptor().tag !== 4) return null;
  at += 13;
  const info = descriptor();
  return info.tag === 5 ? bytes.subarray(at, at + info.length) : null;
}
