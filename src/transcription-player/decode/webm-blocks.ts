/**
 * Just enough of Matroska / WebM (EBML) to stream an audio track's frames to WebCodecs: the track's
 * codec and private data, the timecode scale and duration, and each SimpleBlock or Block of that
 * track with its time, laces split. Fed the file as it arrives, in pieces of any size; skips what it
 * does not need (video frames, cues) without holding it. Segments and clusters of unknown size (as
 * MediaRecorder writes them) are read too, since containers are entered, never measured. No
 * library: the smallest well-kept WebM demuxers cost more than the whole player.
 */

export interface WebmTrack {
  number: number;
  codec: 'opus' | 'vorbis';
  /** CodecPrivate: OpusHead, or the three Vorbis headers Xiph-laced — WebCodecs' `description`. */
  description: Uint8Array;
  sampleRate: number;
  channels: number;
  /** Seconds the decoder's first output holds before the audio starts (Opus pre-skip). */
  delay: number;
}

export interface WebmFrame {
  data: Uint8Array;
  /** Seconds from the start of the segment. */
  time: number;
}

export class WebmError extends Error {}

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  codecDelay: 0x56aa,
  audio: 0xe1,
  samplingFrequency: 0xb5,
  channels: 0x9f,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  crc32: 0xbf,
  void: 0xec,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
} as const;

/** Entered rather than skipped: what we need is inside, and their size may be unknown. */
const CONTAINERS = new Set<number>([ID.segment, ID.cluster, ID.blockGroup]);
/** Read whole (small): the head, and a cluster's time. */
const WHOLE = new Set<number>([ID.ebml, ID.info, ID.tracks, ID.timecode]);
const CODECS: Record<string, WebmTrack['codec']> = { A_OPUS: 'opus', A_VORBIS: 'vorbis' };

interface Element {
  id: number;
  /** Payload size; -1 when unknown. */
  size: number;
  /** Bytes of id and size. */
  header: number;
}

/** A variable-length integer at `at`: its length, and its value with (`keepMarker`) or without the length bits. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { length: number; value: number; unknown: boolean } | null {
  if (at >= bytes.length) return null;
  const first = bytes[at];
  const length = first === 0 ? 9 : Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return length > 8 ? { length: 1, value: -1, unknown: false } : null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { length, value, unknown: !keepMarker && allOnes };
}

/** The element header at `at`, or null when it is not all there yet. */
export function elementAt(bytes: Uint8Array, at: number): Element | null {
  const id = vint(bytes, at, true);
  if (!id) return null;
  if (id.value < 0 || id.length > 4) throw new WebmError('not an EBML element');
  const size = vint(bytes, at + id.length, false);
  if (!size) return null;
  if (size.value < 0) throw new WebmError('an EBML size longer than 8 bytes');
  return { id: id.value, size: size.unknown ? -1 : size.value, header: id.length + size.length };
}

function uint(bytes: Uint8Array): number {
  let value = 0;
  for (const b of bytes) value = value * 256 + b;
  return value;
}

function float(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.length === 4 ? view.getFloat32(0) : bytes.length === 8 ? view.getFloat64(0) : NaN;
}

/** The children of a master element's payload, as [id, payload]. */
function* children(bytes: Uint8Array): Generator<[number, Uint8Array]> {
  for (let at = 0; at < bytes.length; ) {
    const el = elementAt(bytes, at);
    if (!el || el.size < 0 || at + el.header + el.size > bytes.length) return;
    yield [el.id, bytes.subarray(at + el.header, at + el.header + el.size)];
    at += el.header + el.size;
  }
}

/** The first Opus or Vorbis audio track of a Tracks payload, or null. */
function audioTrack(tracks: Uint8Array): WebmTrack | null {
  for (const [id, entry] of children(tracks)) {
    if (id !== ID.trackEntry) continue;
    const track: Partial<WebmTrack> & { type?: number } = { sampleRate: 8000, channels: 1, delay: 0 };
    for (const [field, value] of children(entry)) {
      if (field === ID.trackNumber) track.number = uint(value);
      else if (field === ID.trackType) track.type = uint(value);
      else if (field === ID.codecId) track.codec = CODECS[new TextDecoder().decode(value).replace(/\0+$/, '')];
      else if (field === ID.codecPrivate) track.description = value.slice();
      else if (field === ID.codecDelay) track.delay = uint(value) / 1e9;
      else if (field === ID.audio)
        for (const [a, v] of children(value)) {
          if (a === ID.samplingFrequency) track.sampleRate = float(v);
          else if (a === ID.channels) track.channels = uint(v);
        }
    }
    if (track.type === 2 && track.codec && track.number !== undefined && track.description) return track as WebmTrack;
  }
  return null;
}

/** The frames of one (Simple)Block payload, split by its lacing. */
function laces(block: Uint8Array, from: number): Uint8Array[] {
  const flags = block[from - 1];
  const lacing = (flags >> 1) & 3;
  if (lacing === 0) return [block.subarray(from)];
  const count = block[from] + 1;
  let at = from + 1;
  const sizes: number[] = [];
  if (lacing === 1) {
    // Xiph: each size as a run of 255s and a last byte.
    for (let i = 0; i < count - 1; i++) {
      let size = 0;
      for (; block[at] === 255; at++) size += 255;
      sizes.push(size + block[at++]);
    }
  } else if (lacing === 3) {
    // EBML: the first size as a vint, the rest as signed differences.
    const first = vint(block, at, false);
    if (!first) throw new WebmError('a block ends inside its lace sizes');
    sizes.push(first.value);
    at += first.length;
    for (let i = 1; i < count - 1; i++) {
      const d = vint(block, at, false);
      if (!d) throw new WebmError('a block ends inside its lace sizes');
      sizes.push(sizes[i - 1] + d.value - (2 ** (7 * d.length - 1) - 1));
      at += d.length;
    }
  } else {
    const each = (block.length - at) / count;
    for (let i = 0; i < count - 1; i++) sizes.push(each);
  }
  const frames: Uint8Array[] = [];
  for (const size of sizes) {
    frames.push(block.subarray(at, at + size));
    at += size;
  }
  frames.push(block.subarray(at));
  return frames;
}

/**
 * A push parser: `push` each piece of the file as it arrives and take the audio frames it
 * completes. `track`, `duration` (seconds, when the file says) are known once the head is in.
 */
export class WebmDemuxer {
  track: WebmTrack | null = null;
  /** The file's tracks are read and none is Opus or Vorbis (a Matroska file with AAC, FLAC…). */
  unsupported = false;
  duration: number | null = null;
  /** Seconds per timecode tick. */
  scale = 1e-3;
  /** The first cluster starting at or past this file offset ends the reading (a window's end). */
  stopAt = Infinity;
  /** …and it has been reached: later pieces are not read. */
  stopped = false;
  private clusterTime = 0;
  private carry = new Uint8Array(0);
  /** The file offset of the carried bytes' first. */
  private offset = 0;
  private skipping = 0;
  private started = false;

  /**
   * A demuxer for one stretch of a file whose head was read before: fed from the cluster starting
   * at file offset `offset`, it stops at the first cluster at or past `stopAt`.
   */
  static resume(track: WebmTrack, scale: number, offset: number, stopAt: number): WebmDemuxer {
    const demuxer = new WebmDemuxer();
    demuxer.track = track;
    demuxer.scale = scale;
    demuxer.offset = offset;
    demuxer.stopAt = stopAt;
    demuxer.started = true;
    return demuxer;
  }

  /** True when the bytes so far end inside an element: a file cut short, if no more come. */
  get partway(): boolean {
    return !this.stopped && (this.carry.length > 0 || this.skipping > 0);
  }

  push(piece: Uint8Array): WebmFrame[] {
    if (this.unsupported || this.stopped) return [];
    let bytes = piece;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + piece.length);
      bytes.set(this.carry);
      bytes.set(piece, this.carry.length);
    }
    const frames: WebmFrame[] = [];
    let at = Math.min(this.skipping, bytes.length);
    this.skipping -= at;
    for (;;) {
      const el = this.skipping ? null : elementAt(bytes, at);
      if (!el) break;
      if (!this.started) {
        if (el.id !== ID.ebml) throw new WebmError('not a WebM file');
        this.started = true;
      }
      const body = at + el.header;
      if (el.id === ID.cluster && this.offset + at >= this.stopAt) {
        this.stopped = true;
        break;
      }
      if (CONTAINERS.has(el.id)) {
        at = body;
        continue;
      }
      if (el.size < 0) throw new WebmError('an element of unknown size that is not a container');
      const end = body + el.size;
      if (WHOLE.has(el.id) || el.id === ID.simpleBlock || el.id === ID.block) {
        if (!this.wanted(el.id, bytes, body)) {
          // Another track's block (a video frame): passed over as it streams, never held.
          if (end > bytes.length) this.skipping = end - bytes.length;
          at = Math.min(end, bytes.length);
          continue;
        }
        if (end > bytes.length) break;
        this.read(el.id, bytes.subarray(body, end), frames);
      } else if (end > bytes.length) {
        this.skipping = end - bytes.length;
        at = bytes.length;
        break;
      }
      at = end;
    }
    this.carry = this.stopped ? new Uint8Array(0) : bytes.slice(at);
    this.offset += at;
    return frames;
  }

  /** False for a block of another track (known from its first bytes). */
  private wanted(id: number, bytes: Uint8Array, body: number): boolean {
    if (id !== ID.simpleBlock && id !== ID.block) return true;
    const track = vint(bytes, body, false);
    return !track || !this.track || track.value === this.track.number;
  }

  private read(id: number, payload: Uint8Array, frames: WebmFrame[]): void {
    if (id === ID.info) {
      let duration = NaN;
      for (const [field, value] of children(payload)) {
        if (field === ID.timecodeScale) this.scale = uint(value) / 1e9;
        else if (field === ID.duration) duration = float(value);
      }
      if (Number.isFinite(duration) && duration > 0) this.duration = duration * this.scale;
    } else if (id === ID.tracks) {
      this.track = audioTrack(payload);
      this.unsupported = !this.track;
    } else if (id === ID.timecode) {
      this.clusterTime = uint(payload);
    } else if (id === ID.simpleBlock || id === ID.block) {
      const track = vint(payload, 0, false);
      if (!track || !this.track || track.value !== this.track.number || payload.length < track.length + 3) return;
      const relative = (payload[track.length] << 24) >> 16 | payload[track.length + 1];
      const time = (this.clusterTime + relative) * this.scale;
      for (const data of laces(payload, track.length + 3)) frames.push({ data, time });
    }
  }
}

/**
 * Where the first cluster at or after `from` starts in `bytes` (a stretch read from the middle of
 * a file), or -1: its id, a size, and a Timecode first (after a CRC-32 or Void, if any), as every
 * cluster has — the id's four bytes alone turn up by chance in compressed audio.
 */
export function findCluster(bytes: Uint8Array, from = 0): number {
  for (let at = bytes.indexOf(0x1f, from); at >= 0 && at + 4 <= bytes.length; at = bytes.indexOf(0x1f, at + 1)) {
    if (bytes[at + 1] !== 0x43 || bytes[at + 2] !== 0xb6 || bytes[at + 3] !== 0x75) continue;
    try {
      const cluster = elementAt(bytes, at);
      if (!cluster) continue;
      // A CRC-32 or Void may come before the Timecode (mkvmerge writes a CRC-32 first).
      let child = at + cluster.header;
      let first = elementAt(bytes, child);
      for (let i = 0; first && (first.id === ID.crc32 || first.id === ID.void) && first.size >= 0 && i < 2; i++) {
        child += first.header + first.size;
        first = elementAt(bytes, child);
      }
      if (first?.id === ID.timecode) return at;
    } catch {
      // Not an element after all.
    }
  }
  return -1;
}
