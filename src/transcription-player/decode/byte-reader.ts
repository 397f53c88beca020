/** Bytes asked of the network per read into our own buffer. */
const READ_BYTES = 1 << 18;

/**
 * Reads a response body as it arrives, keeping only the bytes not yet parsed: a frame or page
 * parser asks for `need(n)` bytes, looks at `bytes` and `skip`s what it used. Where the body is a
 * byte stream (fetch's, in Chromium), the network writes straight into one buffer of ours, reused:
 * no new buffer per network chunk for the collector to find later (115 MB of them for an hour of
 * WAV).
 */
export class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private start = 0;
  private end = 0;
  done = false;
  /** Bytes read from the stream so far. */
  received = 0;
  /** Absolute offset in the file of `bytes[0]`. */
  offset = 0;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | ReadableStreamBYOBReader;
  private readonly byob: boolean;

  /** Reads `body` (a response's), into our own buffer where it allows. */
  static of(body: ReadableStream<Uint8Array>): ByteReader {
    try {
      return new ByteReader(body.getReader({ mode: 'byob' }));
    } catch {
      return new ByteReader(body.getReader());
    }
  }

  constructor(reader: ReadableStreamDefaultReader<Uint8Array> | ReadableStreamBYOBReader) {
    this.reader = reader;
    this.byob = typeof ReadableStreamBYOBReader !== 'undefined' && reader instanceof ReadableStreamBYOBReader;
  }

  /** The unparsed bytes (a view: valid until the next `need`). */
  get bytes(): Uint8Array {
    return this.buffer.subarray(this.start, this.end);
  }

  get available(): number {
    return this.end - this.start;
  }

  /** Reads until at least `n` bytes are unparsed or the stream ends; true if they are. */
  async need(n: number): Promise<boolean> {
    while (this.available < n && !this.done) {
      if (this.byob) {
        await this.readInto(n);
        continue;
      }
      const { done, value } = await (this.reader as ReadableStreamDefaultReader<Uint8Array>).read();
      if (done) this.done = true;
      if (value?.length) this.append(value);
    }
    return this.available >= n;
  }

  /** One read into the free end of our buffer (moved to the front, or grown, to fit `n`). */
  private async readInto(n: number): Promise<void> {
    const rest = this.end - this.start;
    const size = Math.max(READ_BYTES, 2 * n);
    if (this.buffer.length < size || this.buffer.length - this.end < size / 2) {
      if (this.buffer.length >= size) this.buffer.copyWithin(0, this.start, this.end);
      else {
        const next = new Uint8Array(size + READ_BYTES);
        next.set(this.buffer.subarray(this.start, this.end));
        this.buffer = next;
      }
      this.start = 0;
      this.end = rest;
    }
    const view = new Uint8Array(this.buffer.buffer, this.end, this.buffer.length - this.end);
    const { done, value } = await (this.reader as ReadableStreamBYOBReader).read(view);
    if (done) this.done = true;
    // The read moved our buffer into `value`: the same bytes, a new ArrayBuffer object.
    if (value) {
      this.buffer = new Uint8Array(value.buffer);
      this.end += value.length;
      this.received += value.length;
    }
  }

  skip(n: number): void {
    const step = Math.min(n, this.available);
    this.start += step;
    this.offset += step;
  }

  /**
   * Reads on to absolute file offset `at`, passing over what lies before it without keeping it
   * (a box, a window's start); false if the stream ends first.
   */
  async passTo(at: number): Promise<boolean> {
    while (this.offset < at) {
      if (!this.available && !(await this.need(1))) return false;
      this.skip(Math.min(at - this.offset, this.available));
    }
    return true;
  }

  cancel(): void {
    this.done = true;
    void this.reader.cancel().catch(() => undefined);
  }

  private append(value: Uint8Array): void {
    this.received += value.length;
    const rest = this.end - this.start;
    if (rest === 0) {
      this.buffer = value;
      this.start = 0;
      this.end = value.length;
      return;
    }
    if (this.buffer.length - this.end >= value.length) {
      this.buffer.set(value, this.end);
      this.end += value.length;
      return;
    }
    // Room for this and the next few network chunks: one copy per growth, not one per read.
    const next = new Uint8Array(Math.max(rest + value.length, 2 * (rest + value.length), 1 << 16));
    next.set(this.buffer.subarray(this.start, this.end));
    next.set(value, rest);
    this.buffer = next;
    this.start = 0;
    this.end = rest + value.length;
  }
}
