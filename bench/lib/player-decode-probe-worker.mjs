// Probe worker: WebCodecs AudioDecoder throughput on part of a long file, or one range fetched.
/* global self, fetch, AudioDecoder, EncodedAudioChunk */
import { mp3FrameAt, id3Length } from '../../src/transcription-player/decode/mp3-frames.ts';
import { OggPackets, oggPageAt } from '../../src/transcription-player/decode/ogg-pages.ts';
import { audioTrack, boxAt } from '../../src/transcription-player/decode/mp4-boxes.ts';

function packetsOf(kind, file, framesPerChunk) {
  const out = [];
  if (kind === 'mp3') {
    let at = id3Length(file);
    while (at < file.length && !mp3FrameAt(file, at)) at++;
    let start = at;
    let n = 0;
    while (at < file.length) {
      const f = mp3FrameAt(file, at);
      if (!f) break;
      at += f.length;
      if (++n >= framesPerChunk) {
        out.push(file.subarray(start, at));
        start = at;
        n = 0;
      }
    }
    if (at > start) out.push(file.subarray(start, at));
    return { packets: out, config: { codec: 'mp3', sampleRate: 16000, numberOfChannels: 1 } };
  }
  if (kind === 'opus') {
    const packets = new OggPackets();
    let at = 0;
    let head = null;
    let pages = 0;
    while (at < file.length) {
      const p = oggPageAt(file, at);
      if (!p) break;
      const done = packets.push(p, file.subarray(at + p.headerLength, at + p.length));
      if (pages === 0) head = done[0];
      else if (pages > 1) out.push(...done);
      pages++;
      at += p.length;
    }
    return { packets: out, config: { codec: 'opus', sampleRate: 48000, numberOfChannels: 1, description: head } };
  }
  for (let at = 0; at < file.length; ) {
    const box = boxAt(file, at, file.length);
    if (box.type === 'moov') {
      const t = audioTrack(file.subarray(at, box.end));
      for (let i = 0; i < t.sizes.length; i++) out.push(file.subarray(t.offsets[i], t.offsets[i] + t.sizes[i]));
      return { packets: out, config: { codec: t.codec, sampleRate: t.sampleRate, numberOfChannels: t.channels, description: t.description } };
    }
    at = box.end;
  }
}

self.onmessage = async ({ data }) => {
  if (data.kind === 'fetch') {
    const r = await fetch(data.url, { headers: { range: `bytes=${data.start}-${data.end}` } });
    const ab = await r.arrayBuffer();
    self.postMessage(ab, [ab]);
    return;
  }
  const { kind, file, rate, part, parts, framesPerChunk = 1, copy = 'planar' } = data;
  const { packets, config } = packetsOf(kind, file, framesPerChunk);
  if (rate) config.sampleRate = rate;
  const from = Math.floor((packets.length * part) / parts);
  const to = Math.floor((packets.length * (part + 1)) / parts);
  const support = await AudioDecoder.isConfigSupported(config);
  let frames = 0;
  let outputs = 0;
  let outRate = 0;
  let buf = new Float32Array(8192);
  let error = null;
  let lo = 0;
  let hi = 0;
  const t0 = performance.now();
  const decoder = new AudioDecoder({
    output(a) {
      outputs++;
      frames += a.numberOfFrames;
      outRate = a.sampleRate;
      if (copy !== 'none') {
        if (buf.length < a.numberOfFrames * a.numberOfChannels) buf = new Float32Array(a.numberOfFrames * a.numberOfChannels);
        const view = buf.subarray(0, a.numberOfFrames);
        a.copyTo(view, { planeIndex: 0, format: 'f32-planar' });
        for (let i = 0; i < view.length; i++) {
          const v = view[i];
          if (v < lo) lo = v;
          else if (v > hi) hi = v;
        }
      }
      a.close();
    },
    error(e) {
      error = String(e);
    },
  });
  decoder.configure(config);
  for (let i = from; i < to && !error; i++) {
    decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: i, data: packets[i] }));
    if (decoder.decodeQueueSize > 48) while (decoder.decodeQueueSize > 16) await new Promise((r) => decoder.addEventListener('dequeue', r, { once: true }));
  }
  await decoder.flush().catch((e) => (error = String(e)));
  const ms = performance.now() - t0;
  self.postMessage({ ms: Math.round(ms), packets: to - from, outputs, seconds: Math.round(frames / (outRate || 1)), outRate, supported: support.supported, error, usPerPacket: Math.round((ms * 1000) / (to - from)), range: hi - lo });
};
