/**
 * The worker that turns a media URL into peaks without holding the file: it streams the response and,
 * for PCM WAV (the usual transcription format), keeps only min/max per point as the bytes arrive —
 * an hour of audio costs a few MB, not the hundreds a full decode takes. Anything else is handed
 * back as bytes for the browser's decoder.
 *
 * `wavPeaksWorker` runs inside the worker, built from its source text: it must use nothing from
 * outside its own body.
 */

/** Messages from the worker. */
export type WavWorkerReply =
  | { kind: 'peaks'; rate: number; min: Float32Array; max: Float32Array }
  | { kind: 'bytes'; buffer: ArrayBuffer }
  | { kind: 'error'; message: string };

export function wavPeaksWorker(): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<{ url: string }>) => void) | null;
    postMessage(message: unknown, transfer?: Transferable[]): void;
  };
  const MAX_POINTS_PER_SECOND = 500;
  const MAX_POINTS = 2_000_000;

  scope.onmessage = async (event) => {
    try {
      const response = await fetch(event.data.url);
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.getReader();
      let head = new Uint8Array(0);
      const chunks: Uint8Array[] = [];
      // Read until the WAV header (up to the "data" chunk) is in, or it is clearly not WAV.
      let format: { channels: number; sampleRate: number; bits: number; float: boolean; dataStart: number; dataSize: number } | null = null;
      for (;;) {
        const { done, value } = await reader.read();
        if (value) {
          chunks.push(value);
          const joined = new Uint8Array(head.length + value.length);
          joined.set(head);
          joined.set(value, head.length);
          head = joined;
        }
        const parsed = parseHeader(head);
        format = parsed === 'other' ? null : parsed;
        if (format || parsed === 'other' || done || head.length > 1 << 16 || (head.length >= 12 && !isWav(head))) {
          if (!format) {
            // Not PCM WAV: collect everything for decodeAudioData on the page.
            for (;;) {
              if (done) break;
              const next = await reader.read();
              if (next.value) chunks.push(next.value);
              if (next.done) break;
            }
            const total = chunks.reduce((s, c) => s + c.length, 0);
            const all = new Uint8Array(total);
            let at = 0;
            for (const c of chunks) {
              all.set(c, at);
              at += c.length;
            }
            scope.postMessage({ kind: 'bytes', buffer: all.buffer }, [all.buffer]);
            return;
          }
          break;
        }
      }
      const { channels, sampleRate, bits, float, dataStart } = format;
      const bytesPerSample = bits / 8;
      const frameBytes = bytesPerSample * channels;
      const declaredFrames = format.dataSize > 0 && format.dataSize < 0xffffffff ? Math.floor(format.dataSize / frameBytes) : 0;
      const estimate = declaredFrames || sampleRate * 3600;
      const perPoint = Math.max(1, Math.ceil(sampleRate / MAX_POINTS_PER_SECOND), Math.ceil(estimate / MAX_POINTS));
      let min = new Float32Array(Math.ceil(estimate / perPoint) + 1);
      let max = new Float32Array(min.length);
      let point = 0;
      let inPoint = 0;
      let lo = 0;
      let hi = 0;
      let framesLeft = declaredFrames || Infinity;
      const scale = float ? 1 : 1 / 2 ** (bits - 1);

      const pushPoint = (): void => {
        if (point >= min.length) {
          const grownMin = new Float32Array(min.length * 2);
          const grownMax = new Float32Array(min.length * 2);
          grownMin.set(min);
          grownMax.set(max);
          min = grownMin;
          max = grownMax;
        }
        min[point] = lo * scale;
        max[point] = hi * scale;
        point++;
        inPoint = 0;
        lo = 0;
        hi = 0;
      };

      // 16-bit PCM, the usual case: read the samples through a typed array, channels together
      // (the waveform merges them), which is several times faster than a DataView per sample.
      const consume16 = (bytes: Uint8Array): void => {
        const frames = Math.min(framesLeft, Math.floor(bytes.length / frameBytes));
        const samples = new Int16Array(bytes.buffer, bytes.byteOffset, frames * channels);
        const perPointSamples = perPoint * channels;
        let inSamples = inPoint * channels;
        for (let i = 0; i < samples.length; i++) {
          const v = samples[i];
          if (v < lo) lo = v;
          else if (v > hi) hi = v;
          if (++inSamples === perPointSamples) {
            pushPoint();
            inSamples = 0;
          }
        }
        inPoint = Math.floor(inSamples / channels);
        framesLeft -= frames;
      };

      const consume = (bytes: Uint8Array): void => {
        if (bits === 16 && bytes.byteOffset % 2 === 0) return consume16(bytes);
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const frames = Math.min(framesLeft, Math.floor(bytes.length / frameBytes));
        for (let f = 0; f < frames; f++) {
          const base = f * frameBytes;
          for (let c = 0; c < channels; c++) {
            const o = base + c * bytesPerSample;
            let v: number;
            if (bits === 16) v = view.getInt16(o, true);
            else if (bits === 8) v = bytes[o] - 128;
            else if (bits === 24) v = (bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16)) << 8 >> 8;
            else v = float ? view.getFloat32(o, true) : view.getInt32(o, true);
            if (v < lo) lo = v;
            else if (v > hi) hi = v;
          }
          if (++inPoint === perPoint) pushPoint();
        }
        framesLeft -= frames;
      };

      let pending = head.subarray(dataStart);
      for (;;) {
        const usable = pending.length - (pending.length % frameBytes);
        if (usable) consume(pending.subarray(0, usable));
        const rest = pending.subarray(usable);
        if (framesLeft <= 0) break;
        const { done, value } = await reader.read();
        if (done || !value) break;
        if (rest.length) {
          const joined = new Uint8Array(rest.length + value.length);
          joined.set(rest);
          joined.set(value, rest.length);
          pending = joined;
        } else pending = value;
      }
      if (framesLeft > 0 && framesLeft !== Infinity) void reader.cancel();
      if (inPoint > 0) {
        min[point] = lo * scale;
        max[point] = hi * scale;
        point++;
      }
      if (point === 0) throw new Error('The WAV file holds no samples.');
      const outMin = min.slice(0, point);
      const outMax = max.slice(0, point);
      scope.postMessage({ kind: 'peaks', rate: sampleRate / perPoint, min: outMin, max: outMax }, [outMin.buffer, outMax.buffer]);
    } catch (error) {
      scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  function text(bytes: Uint8Array, at: number): string {
    return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  }

  function isWav(bytes: Uint8Array): boolean {
    return text(bytes, 0) === 'RIFF' && text(bytes, 8) === 'WAVE';
  }

  /** The PCM format and where its samples start, once the header is complete; else null. */
  function parseHeader(bytes: Uint8Array) {
    if (bytes.length < 12 || !isWav(bytes)) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 12;
    let fmt: { channels: number; sampleRate: number; bits: number; float: boolean } | null = null;
    while (at + 8 <= bytes.length) {
      const id = text(bytes, at);
      const size = view.getUint32(at + 4, true);
      if (id === 'fmt ' && at + 8 + 16 <= bytes.length) {
        let tag = view.getUint16(at + 8, true);
        // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
        if (tag === 0xfffe && size >= 40 && at + 8 + 26 <= bytes.length) tag = view.getUint16(at + 8 + 24, true);
        const bits = view.getUint16(at + 22, true);
        const channels = view.getUint16(at + 10, true);
        const sampleRate = view.getUint32(at + 12, true);
        const pcm = tag === 1 && [8, 16, 24, 32].includes(bits);
        const float = tag === 3 && bits === 32;
        // Compressed WAV (ADPCM, µ-law…) goes to the browser's decoder, as does a nonsense header.
        if ((!pcm && !float) || channels < 1 || sampleRate < 1) return 'other' as const;
        fmt = { channels, sampleRate, bits, float };
      } else if (id === 'data') {
        return fmt ? { ...fmt, dataStart: at + 8, dataSize: size } : null;
      }
      at += 8 + size + (size % 2);
    }
    return null;
  }
}
