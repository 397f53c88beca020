/**
 * Reads a response body as it arrives, keeping only the bytes not yet parsed: a frame or page
 * parser asks for `need(n)` bytes, looks at `bytes` and `skip`s what it used.
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

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

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
      const { done, value } = await this.reader.read();
      if (done) this.done = true;
      if (value?.length) this.append(value);
    }
    return this.available >= n;
  }

  skip(n: number): void {
    const step = Math.min(n, this.available);
    this.start += step;
    this.offset += step;
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
