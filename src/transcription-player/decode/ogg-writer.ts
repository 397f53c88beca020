/**
 * Writes Opus packets as an Ogg Opus file (RFC 7845): how a window of a WebM's Opus reaches
 * `decodeAudioData`, which reads Ogg but not a stretch of WebM cut from the middle of a file.
 * Pure functions on bytes.
 */
import { joinBytes, opusPacketSamples } from './ogg-pages.js';

/** Any serial number: the file holds one stream. */
const SERIAL = 0x6b6f6c61;
/** Packets per page at most: about a second of 20 ms packets. */
const PAGE_PACKETS = 50;
/** A page's lacing values: a packet takes one per 255 bytes, and one more. */
const PAGE_LACING = 255;
const OPUS_TAGS = Uint8Array.of(...Array.from('OpusTags', (c) => c.charCodeAt(0)), 0, 0, 0, 0, 0, 0, 0, 0);

/** Ogg's CRC-32: polynomial 0x04C11DB7, unreflected, starting at 0. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

function crc(bytes: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < bytes.length; i++) c = (c << 8) ^ CRC_TABLE[((c >>> 24) ^ bytes[i]) & 0xff];
  return c >>> 0;
}

/** One page holding `packets` whole; `flags`: 2 begins the stream, 4 ends it. */
function page(packets: Uint8Array[], granule: number, sequence: number, flags: number): Uint8Array {
  const lacing: number[] = [];
  let body = 0;
  for (const p of packets) {
    for (let n = p.length; ; n -= 255) {
      lacing.push(Math.min(255, n));
      if (n < 255) break;
    }
    body += p.length;
  }
  const out = new Uint8Array(27 + lacing.length + body);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, flags]);
  view.setUint32(6, granule % 2 ** 32, true);
  view.setUint32(10, Math.floor(granule / 2 ** 32), true);
  view.setUint32(14, SERIAL, true);
  view.setUint32(18, sequence, true);
  out[26] = lacing.length;
  out.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const p of packets) {
    out.set(p, at);
    at += p.length;
  }
  view.setUint32(22, crc(out), true);
  return out;
}

/**
 * `packets` behind the identification header `head` (OpusHead: a WebM's CodecPrivate) and empty
 * tags. Granules count from the head's pre-skip, which the decoder drops from the start: the
 * first sample out is `preSkip` samples (at 48 kHz) into the first packet.
 */
export function oggOpusFile(head: Uint8Array, packets: Uint8Array[]): Uint8Array {
  const preSkip = head.length >= 12 ? head[10] | (head[11] << 8) : 0;
  const pages = [page([head], 0, 0, 2), page([OPUS_TAGS], 0, 1, 0)];
  let granule = preSkip;
  for (let i = 0; i < packets.length; ) {
    // Whole packets while their lacing fits (big packets, of a high rate or 120 ms, fill it first).
    const these: Uint8Array[] = [];
    for (let lacing = 0; i < packets.length && these.length < PAGE_PACKETS; i++) {
      const needs = Math.floor(packets[i].length / 255) + 1;
      if (these.length && lacing + needs > PAGE_LACING) break;
      lacing += needs;
      these.push(packets[i]);
      granule += opusPacketSamples(packets[i]);
    }
    pages.push(page(these, granule, pages.length, i >= packets.length ? 4 : 0));
  }
  return joinBytes(pages);
}
