/**
 * Memory the garbage collector does not see, counted so that it is told. Chromium's
 * `decodeAudioData` moves the buffer it is handed into an object of its own that V8 does not count
 * and that goes only at the page's next full collection — which nothing prompts on a page that only
 * decodes: an hour of MP3's 29 MB of windows stayed resident until the decode ended (bench:player,
 * renderer peak, the decode alone). Past `limit` bytes, a large buffer is allocated and dropped:
 * V8 counts its length at once and collects, while its pages, never written, are never resident.
 */
const NUDGE_BYTES = 64 << 20;

/** Where the allocation is kept for a moment, so that no compiler drops it as unused. */
const held: { buffer: ArrayBuffer | null } = { buffer: null };

export class UnseenMemory {
  private unseen = 0;

  constructor(private readonly limit: number) {}

  /** `bytes` more went where the collector does not count them; true if it was told now. */
  add(bytes: number): boolean {
    this.unseen += bytes;
    if (this.unseen < this.limit) return false;
    this.unseen = 0;
    try {
      held.buffer = new ArrayBuffer(NUDGE_BYTES);
    } catch {
      // Refused (a small address space): the collector comes when it comes.
    }
    held.buffer = null;
    return true;
  }
}
