/**
 * The WebM demuxer on ffmpeg's files (scripts/fixtures/audio.mjs): the same frames however the
 * bytes arrive, a video's frames passed over, MediaRecorder's unknown sizes read, damage reported.
 */
import { expect } from '@open-wc/testing';
import { WebmDemuxer, WebmError, type WebmFrame } from '../../src/transcription-player/decode/webm-blocks.js';
import { media } from './helpers.js';

const bytesOf = async (name: string) => new Uint8Array(await (await fetch(media(name))).arrayBuffer());

function demux(bytes: Uint8Array, step: number): { demuxer: WebmDemuxer; frames: WebmFrame[] } {
  const demuxer = new WebmDemuxer();
  const frames: WebmFrame[] = [];
  for (let at = 0; at < bytes.length; at += step) for (const f of demuxer.push(bytes.subarray(at, at + step))) frames.push({ data: f.data.slice(), time: f.time });
  return { demuxer, frames };
}

describe('WebM demuxer', () => {
  it('finds the Opus track and its 20 ms frames, the same in one piece as in 7-byte pieces', async () => {
    const bytes = await bytesOf('tones.webm');
    const whole = demux(bytes, bytes.length);
    const trickle = demux(bytes, 7);
    expect(whole.demuxer.track).to.include({ codec: 'opus', channels: 1 });
    expect(new TextDecoder().decode(whole.demuxer.track!.description.subarray(0, 8))).to.equal('OpusHead');
    expect(whole.demuxer.duration).to.be.closeTo(180, 0.1);
    // 180 s of 20 ms frames, in time order.
    expect(whole.frames.length).to.be.within(8990, 9010);
    expect(whole.frames[2].time - whole.frames[1].time).to.be.closeTo(0.02, 0.0011);
    expect(whole.frames.at(-1)!.time).to.be.closeTo(180, 0.05);
    expect(trickle.frames.map((f) => f.time)).to.deep.equal(whole.frames.map((f) => f.time));
    expect(trickle.frames[4000].data).to.deep.equal(whole.frames[4000].data);
    expect(whole.demuxer.partway).to.equal(false);
  });

  it("reads MediaRecorder's layout: no duration, segment and clusters of unknown size", async () => {
    const { demuxer, frames } = demux(await bytesOf('tones-live.webm'), 4096);
    expect(demuxer.duration).to.equal(null);
    expect(frames.length).to.be.within(8990, 9010);
  });

  it('splits laced Vorbis blocks and hands over the Xiph-laced headers', async () => {
    const { demuxer, frames } = demux(await bytesOf('tones-vorbis.webm'), 4096);
    expect(demuxer.track).to.include({ codec: 'vorbis', sampleRate: 16000 });
    expect(demuxer.track!.description[0], 'Xiph lacing of three headers').to.equal(2);
    expect(frames.length).to.be.greaterThan(1000);
    expect(frames.at(-1)!.time).to.be.closeTo(180, 0.1);
  });

  it("passes over a video's frames, keeping only its sound", async () => {
    const bytes = await bytesOf('video.webm');
    const { frames } = demux(bytes, 4096);
    const audioBytes = frames.reduce((n, f) => n + f.data.length, 0);
    expect(frames.length).to.be.within(580, 600);
    expect(audioBytes, 'far less than the file: no video frame').to.be.below(bytes.length * 0.7);
  });

  it('says a file cut short ends inside a block, and that a file of another kind is not WebM', async () => {
    const bytes = await bytesOf('tones.webm');
    expect(demux(bytes.subarray(0, 500_001), 4096).demuxer.partway).to.equal(true);
    expect(() => new WebmDemuxer().push(new TextEncoder().encode('RIFF....WAVEfmt '))).to.throw(WebmError, /not a WebM/);
  });
});
