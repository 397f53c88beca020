/**
 * Ogg pages and the packets laced inside them (RFC 3533), and the Opus and Vorbis identification
 * headers: enough to cut an Ogg stream into decodable pieces as it arrives. Pure functions on bytes.
 */

export interface OggPage {
  /** Bytes of the whole page, header included. */
  length: number;
  headerLength: number;
  granule: number;
  serial: number;
  isContinued: boolean;
  isLast: boolean;
  /** Lacing values: packet pieces in the body. */
  segments: Uint8Array;
}

/** The page at `bytes[at]`, or null if no complete page starts there. */
export function oggPageAt(bytes: Uint8Array, at: number): OggPage | null {
  if (at + 27 > bytes.length || bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, bytes.length - at);
  const count = bytes[at + 26];
  const headerLength = 27 + count;
  if (at + headerLength > bytes.length) return null;
  const segments = bytes.subarray(at + 27, at + headerLength);
  let body = 0;
  for (const s of segments) body += s;
  if (at + headerLength + body > bytes.length) return null;
  // A granule of −1 means "no packet ends on this page".
  const low = view.getUint32(6, true);
  const high = view.getInt32(10, true);
  return {
    length: headerLength + body,
    headerLength,
    granule: high === -1 && low === 0xffffffff ? -1 : high * 2 ** 32 + low,
    serial: view.getUint32(14, true),
    isContinued: (bytes[at + 5] & 1) === 1,
    isLast: (bytes[at + 5] & 4) === 4,
    segments,
  };
}

/** Bytes a page needs before `oggPageAt` can read it: 27, then the header, then the body. */
export function oggPageNeeds(bytes: Uint8Array, at: number): number {
  if (at + 27 > bytes.length) return 27;
  const headerLength = 27 + bytes[at + 26];
  if (at + headerLength > bytes.length) return headerLength;
  let body = 0;
  for (let i = at + 27; i < at + headerLength; i++) body += bytes[i];
  return headerLength + body;
}

/** Joins packet pieces across pages; hand it each page's body with its lacing values. */
export class OggPackets {
  private partial: Uint8Array[] = [];

  /** The packets completed on this page. */
  push(page: OggPage, body: Uint8Array): Uint8Array[] {
    if (!page.isContinued) this.partial = [];
    const done: Uint8Array[] = [];
    let at = 0;
    let start = 0;
    for (const lace of page.segments) {
      at += lace;
      if (lace < 255) {
        this.partial.push(body.subarray(start, at));
        done.push(joinBytes(this.partial));
        this.partial = [];
        start = at;
      }
    }
    if (start < at) this.partial.push(body.slice(start, at));
    return done;
  }
}

/** `parts` in one array of its own. */
export function joinBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0].slice();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface OggCodec {
  codec: 'opus' | 'vorbis';
  channels: number;
  /** The rate granules count in (48 kHz for Opus). */
  granuleRate: number;
  /** The rate the recording was made at (for the peaks' JSON). */
  sampleRate: number;
  /** Opus: samples at 48 kHz to drop at the start. */
  preSkip: number;
  /** Header packets before the audio. */
  headerPackets: number;
}

/** The codec from a stream's first packet, or null for anything but Opus and Vorbis. */
export function oggCodecOf(packet: Uint8Array): OggCodec | null {
  const text = String.fromCharCode(...packet.subarray(0, 8));
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  if (text === 'OpusHead' && packet.length >= 19) {
    return { codec: 'opus', channels: packet[9], granuleRate: 48000, sampleRate: view.getUint32(12, true) || 48000, preSkip: view.getUint16(10, true), headerPackets: 2 };
  }
  if (packet[0] === 1 && text.slice(1, 7) === 'vorbis' && packet.length >= 16) {
    const rate = view.getUint32(12, true);
    return { codec: 'vorbis', channels: packet[11], granuleRate: rate, sampleRate: rate, preSkip: 0, headerPackets: 3 };
  }
  return null;
}

/** Samples (at 48 kHz) in an Opus packet, from its TOC byte (RFC 6716 §3.1). */
export function opusPacketSamples(packet: Uint8Array): number {
  if (!packet.length) return 0;
  const toc = packet[0];
  const config = toc >> 3;
  const frame = config < 12 ? [480, 960, 1920, 2880][config & 3] : config < 16 ? [480, 960][config & 1] : [120, 240, 480, 960][config & 3];
  const code = toc & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (packet[1] ?? 0) & 0x3f;
  return frame * frames;
}

/** Vorbis headers as WebCodecs wants them (Xiph lacing of the first two lengths, then all three). */
export function vorbisDescription(headers: Uint8Array[]): Uint8Array {
  const lacing: number[] = [2];
  for (const h of headers.slice(0, 2)) {
    let n = h.length;
    while (n >= 255) {
      lacing.push(255);
      n -= 255;
    }
    lacing.push(n);
  }
  const total = lacing.length + headers.reduce((n, h) => n + h.length, 0);
  const out = new Uint8Array(total);
  out.set(lacing);
  let at = lacing.length;
  for (const h of headers) {
    out.set(h, at);
    at += h.length;
  }
  return out;
}

/** The granule of the last page of `serial` in `tail` (the end of the file), or −1. */
export function lastGranule(tail: Uint8Array, serial: number): number {
  for (let at = tail.length - 27; at >= 0; at--) {
    if (tail[at] !== 0x4f) continue;
    const page = oggPageAt(tail, at);
    if (page && page.serial === serial && page.granule >= 0) return page.granule;
  }
  return -1;
}
