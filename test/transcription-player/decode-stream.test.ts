import { expect } from '@open-wc/testing';
import { DecodeError, loadPeaks } from '../../src/transcription-player/decode/decode.js';
import { decodeStream, type DecodeProgress } from '../../src/transcription-player/decode/stream-decode.js';
import { expectTones, media, peakValues } from './helpers.js';

const url = (name: string) => new URL(media(name), location.href).href;

describe('decoding a media URL in pieces', () => {
  for (const ext of ['mp3', 'opus', 'ogg', 'wav']) {
    it(`draws ${ext} through WebCodecs, piece by piece`, async () => {
      // Each test its own query, so none reads the peaks another cached.
      expectTones(await decodeStream(`${url(`tones.${ext}`)}?webcodecs`, { page: false }), ext);
    });
  }

  for (const name of ['tones.webm', 'tones-vorbis.webm', 'tones-live.webm']) {
    it(`streams ${name} through WebCodecs, block by block`, async () => {
      const progress: DecodeProgress[] = [];
      expectTones(await decodeStream(`${url(name)}?webcodecs`, { page: false, onProgress: (p) => progress.push(p) }), name);
      expect(progress.length, 'streamed, not decoded whole').to.be.greaterThan(0);
    });
  }

  it('hands a Matroska file with no Opus or Vorbis track to the whole-file decoder', async () => {
    // PCM in Matroska: the browser's decoder reads it; ours steps aside rather than fail.
    expectTones(await loadPeaks(`${media('tones-pcm.mka')}?whole`), 'pcm mka', 180, { exact: false });
  });

  it("draws only a video's sound from its WebM, as it streams", async () => {
    const progress: DecodeProgress[] = [];
    const peaks = await decodeStream(`${url('video.webm')}?sound`, { page: false, onProgress: (p) => progress.push(p) });
    expect(peaks.min.length / peaks.rate).to.be.closeTo(11.8, 0.3);
    expect(peakValues(peaks).max.reduce((a, b) => Math.max(a, b), 0), 'speech, not silence').to.be.above(0.1);
    expect(progress.length, 'streamed, not decoded whole').to.be.greaterThan(0);
  });

  for (const ext of ['mp3', 'opus', 'ogg']) {
    it(`draws ${ext} without WebCodecs, by decodeAudioData on runs of frames or pages`, async () => {
      // Placed within a codec frame or two only: each run decodes afresh.
      expectTones(await decodeStream(`${url(`tones.${ext}`)}?chunked`, { page: true, webCodecs: false }), `${ext} chunked`, 180, { exact: false });
    });
  }

  it('streams M4A with its index first through WebCodecs, sample by sample', async () => {
    const progress: DecodeProgress[] = [];
    expectTones(await decodeStream(`${url('tones-faststart.m4a')}?webcodecs`, { page: false, onProgress: (p) => progress.push(p) }), 'm4a');
    expect(progress.length, 'streamed, not decoded whole').to.be.greaterThan(0);
  });

  it('streams M4A with its index last, reading the index with one range request', async () => {
    const progress: DecodeProgress[] = [];
    expectTones(await decodeStream(new URL('/__media/range/tones.m4a', location.href).href, { page: false, onProgress: (p) => progress.push(p) }), 'm4a, moov last');
    expect(progress.length, 'streamed, not decoded whole').to.be.greaterThan(0);
  });

  it('decodes M4A whole on the page where the server has no ranges for its index at the end', async () => {
    const progress: DecodeProgress[] = [];
    // This route ignores Range headers, as some servers do.
    expectTones(await loadPeaks('/__media/slow/tones.m4a?kbps=100000', { onProgress: (p) => progress.push(p) }), 'm4a whole');
    expect(progress).to.have.length(0);
  });

  it('runs in the worker next to the module, and reports progress on the way', async () => {
    const progress: DecodeProgress[] = [];
    // A query of its own: not the peaks cached by an earlier test.
    const peaks = await loadPeaks(`${media('tones.mp3')}?progress`, { onProgress: (p) => progress.push(p) });
    expectTones(peaks, 'mp3 in the worker');
    expect(progress.length).to.be.greaterThan(0);
    // The capacity known from the first frames is the file's length: the axis is whole at once.
    expect(progress[0].capacity / progress[0].rate).to.be.closeTo(180, 1);
    const last = progress[progress.length - 1];
    expect(last.slice.from + last.slice.min.length).to.equal(peaks.min.length);
  });

  it('keeps no more than the peaks: memory does not grow with the decoded samples', async () => {
    // 180 s at 16 kHz is 11.5 MB of float samples; the peaks are 2 × 90,000 floats.
    const peaks = await decodeStream(`${url('tones.mp3')}?memory`, { page: false });
    expect(peaks.min.byteLength + peaks.max.byteLength).to.be.below(1_000_000);
  });

  it('caches the peaks per URL, size and ETag in IndexedDB, and reads them back instead of decoding', async () => {
    const source = `${url('tones.opus')}?cache`;
    const first = await decodeStream(source, { page: false });
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const open = indexedDB.open('kolam-peaks');
      open.onsuccess = () => {
        const request = open.result.transaction('peaks').objectStore('peaks').getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      };
    });
    const key = keys.map(String).find((k) => k.startsWith(`${source}\n`))!;
    expect(Number(key.split('\n')[1])).to.be.greaterThan(100_000);
    // Read back: no progress, since nothing is decoded.
    const progress: DecodeProgress[] = [];
    const again = await decodeStream(source, { page: false, onProgress: (p) => progress.push(p) });
    expect(progress).to.have.length(0);
    expect(again.min).to.deep.equal(first.min);
  });

  const bad: [string, RegExp][] = [
    ['empty.mp3', /empty/],
    ['not-audio.mp3', /decode|no MPEG/i],
    ['missing.mp3', /HTTP 404/],
    ['broken.wav', /decode/i],
  ];
  for (const [name, message] of bad) {
    it(`rejects ${name} with a DecodeError that says why`, async () => {
      const error = await loadPeaks(media(name)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DecodeError);
      expect((error as Error).message).to.match(message);
    });
  }

  for (const ext of ['wav', 'mp3', 'ogg', 'm4a', 'webm']) {
    it(`rejects a truncated ${ext}, keeping the peaks of the part it holds`, async () => {
      const error = (await loadPeaks(media(`tones-cut.${ext}`)).then(
        () => null,
        (e: unknown) => e,
      )) as DecodeError;
      expect(error).to.be.instanceOf(DecodeError);
      expect(error.message).to.match(/ends/);
      const partial = error.partial!;
      // 60 % of the bytes: about 108 of the 180 s, drawn as they were.
      const seconds = Math.floor(partial.min.length / partial.rate);
      expect(seconds).to.be.within(95, 120);
      expectTones(partial, `cut ${ext}`, partial.min.length / partial.rate);
    });
  }
});
