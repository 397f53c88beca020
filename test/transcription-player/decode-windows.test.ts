import { expect } from '@open-wc/testing';
import { DecodeError, loadPeaks, type DecodeProgress } from '../../src/transcription-player/decode/decode.js';
import { expectTones, peakValues } from './helpers.js';

/** The tones files from a server that answers byte ranges, as real ones do. */
const ranged = (name: string, tag: string) => `/__media/range/${name}?${tag}`;

/** Seconds of the recording the first progress slice after the opening window starts at. */
function firstJumpAfter(progress: DecodeProgress[], seconds: number): number | null {
  for (const p of progress) {
    const at = p.slice.from / p.rate;
    if (at > seconds) return at;
  }
  return null;
}

describe('decoding a long file in windows', () => {
  for (const ext of ['mp3', 'opus', 'm4a', 'wav', 'webm']) {
    it(`places every window of ${ext} where it is heard, with no gap between windows`, async () => {
      const progress: DecodeProgress[] = [];
      // 20 s windows: nine of them over the 180 s file, two at once.
      const peaks = await loadPeaks(ranged(`tones.${ext}`, `windows-${ext}`), { windowSeconds: 20, parallel: 2, onProgress: (p) => progress.push(p) });
      expectTones(peaks, `${ext} in windows`);
      expect(firstJumpAfter(progress, 25), 'later windows were read').to.not.equal(null);
    });
  }

  for (const ext of ['mp3', 'm4a', 'opus', 'webm']) {
    it(`fetches and decodes the later windows of ${ext} on the page, with no worker started for each`, async () => {
      const tag = `page-windows-${ext}`;
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(2000);
      const peaks = await loadPeaks(ranged(`tones.${ext}`, tag), { windowSeconds: 20 });
      expectTones(peaks, `${ext}, windows read by the page`);
      // A worker's fetches are in its own timeline, not the page's: the first window's worker reads
      // from the top, each later window is a range the page asked for.
      const reads = performance.getEntriesByType('resource').filter((e) => e.name.includes(tag));
      expect(reads.length, 'range reads by the page').to.be.at.least(ext === 'opus' || ext === 'webm' ? 30 : 10);
    });
  }

  it('reads a variable-rate MP3 in windows too, each placed by the frames counted before it', async () => {
    // No byte offset tells a frame's index: the worker walks the frame headers, the page reads
    // and decodes the windows it finds.
    const tag = 'windows-vbr';
    performance.clearResourceTimings();
    const progress: DecodeProgress[] = [];
    const peaks = await loadPeaks(ranged('tones-vbr.mp3', tag), { windowSeconds: 20, parallel: 2, onProgress: (p) => progress.push(p) });
    expectTones(peaks, 'variable-rate MP3 in windows');
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes(tag)).length, 'range reads by the page').to.be.at.least(10);
    expect(firstJumpAfter(progress, 25), 'later windows were read').to.not.equal(null);
  });

  it('passes over a tag partway through a variable-rate MP3 (files joined into one), placing every window after it', async () => {
    const peaks = await loadPeaks(ranged('tones-joined.mp3', 'windows-joined'), { windowSeconds: 20, parallel: 2 });
    expectTones(peaks, 'variable-rate MP3 with a tag partway, in windows');
  });

  it('reads a WebM as MediaRecorder writes it (no duration, clusters of unknown size) in windows too', async () => {
    const tag = 'windows-live-webm';
    performance.clearResourceTimings();
    const peaks = await loadPeaks(ranged('tones-live.webm', tag), { windowSeconds: 20 });
    expectTones(peaks, 'MediaRecorder WebM in windows');
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes(tag)).length, 'range reads by the page').to.be.at.least(10);
  });

  it('places a WebM’s windows from its first block, whatever that block’s timecode', async () => {
    // Its first block is at 1 s: each window counts from there, as the first window's decoder does.
    const peaks = await loadPeaks(ranged('tones-offset.webm', 'windows-offset-webm'), { windowSeconds: 20, parallel: 2 });
    expectTones(peaks, 'WebM starting at 1 s, in windows');
  });

  it('sends the waveform what the windows added at most every 120 ms, not once per window', async () => {
    // A report is a slice per window that came in since the last, all sent in one task (one redraw).
    const reports: number[] = [];
    let inReport = false;
    const drawn = new Map<number, number>();
    const peaks = peakValues(
      await loadPeaks(ranged('tones-long.mp3', 'throttled'), {
        windowSeconds: 20,
        onProgress: ({ slice }) => {
          if (!inReport) {
            inReport = true;
            reports.push(performance.now());
            queueMicrotask(() => (inReport = false));
          }
          slice.max.forEach((v, i) => drawn.set(slice.from + i, v));
        },
      }),
    );
    // The last report is sent when the last window is in, however soon after the one before.
    const gaps = reports.slice(1, -1).map((t, i) => t - reports[i]);
    expect(gaps.length, 'reports while decoding').to.be.above(2);
    expect(Math.min(...gaps), 'the shortest time between two reports').to.be.at.least(110);
    // … and nothing is left out: every point of the file was sent, at its final value.
    expect(drawn.size).to.equal(peaks.max.length);
    let differ = 0;
    for (const [p, v] of drawn) if (v / 128 !== peaks.max[p]) differ++;
    expect(differ).to.equal(0);
  });

  it('decodes the window in view next, and the rest after it', async () => {
    const progress: DecodeProgress[] = [];
    const peaks = await loadPeaks(ranged('tones.mp3', 'focus'), { windowSeconds: 20, parallel: 1, focus: () => 150, onProgress: (p) => progress.push(p) });
    // After the first window (0–20 s), the points around 150 s are drawn before any of 40–120 s.
    const covers = (p: DecodeProgress, t: number) => p.slice.from / p.rate <= t && (p.slice.from + p.slice.min.length) / p.rate > t;
    const inView = progress.findIndex((p) => covers(p, 150));
    const between = progress.findIndex((p) => p.slice.from / p.rate >= 40 && p.slice.from / p.rate < 120);
    expect(inView, 'the window in view was drawn').to.be.above(-1);
    expect(inView, 'before the windows between').to.be.below(between);
    // … and everything else still came in.
    expectTones(peaks, 'mp3, view at 150 s first');
  });

  it('sends the page merged points: a window’s warm-up frames never lower what its neighbour drew', async () => {
    const drawn = new Map<number, number>();
    const peaks = peakValues(
      await loadPeaks(ranged('tones.m4a', 'merged'), {
        windowSeconds: 20,
        parallel: 2,
        onProgress: ({ slice }) => slice.max.forEach((v, i) => drawn.set(slice.from + i, v)),
      }),
    );
    // What the page last drew at each point is the final peak there.
    let differ = 0;
    for (const [p, v] of drawn) if (v / 128 !== peaks.max[p]) differ++;
    expect(differ).to.equal(0);
  });

  for (const ext of ['mp3', 'm4a', 'opus', 'wav', 'webm']) {
    it(`hands back ${ext}'s peaks in arrays of their own length, and never tells the waveform a longer file`, async () => {
      const capacities: number[] = [];
      const peaks = await loadPeaks(ranged(`tones.${ext}`, `own-length-${ext}`), { windowSeconds: 20, onProgress: (p) => capacities.push(p.capacity) });
      // A view into longer arrays keeps (and the cache stores) the whole of them.
      expect(peaks.min.buffer.byteLength, 'min').to.equal(peaks.min.byteLength);
      expect(peaks.max.buffer.byteLength, 'max').to.equal(peaks.max.byteLength);
      expect(Math.max(...capacities), 'the length drawn while decoding').to.be.at.most(peaks.min.length * 1.05);
    });
  }

  it('caches the whole file once every window is in, and reads it back without decoding', async () => {
    const source = ranged('tones.opus', 'windows-cache');
    const first = await loadPeaks(source, { windowSeconds: 20 });
    const progress: DecodeProgress[] = [];
    const t0 = performance.now();
    const again = await loadPeaks(source, { windowSeconds: 20, onProgress: (p) => progress.push(p) });
    expect(progress, 'nothing decoded').to.have.length(0);
    expect(Array.from(again.max)).to.deep.equal(Array.from(first.max));
    expect(performance.now() - t0).to.be.below(2000);
  });

  for (const [ext, how, what] of [
    ['mp3', 'its Info frame counts 180 s of frames', 'an MP3'],
    ['vbr.mp3', 'its Xing frame counts 180 s of frames', 'a variable-rate MP3'],
    ['webm', 'its head says 180 s, the last window ends inside a block', 'a WebM'],
  ]) {
    it(`reports ${what} cut short once, keeping the windows decoded`, async () => {
      const error = await loadPeaks(ranged(`tones-cut.${ext}`, `windows-cut-${ext}`), { windowSeconds: 20 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DecodeError);
      expect((error as DecodeError).message).to.match(/ends early/);
      const partial = peakValues((error as DecodeError).partial!);
      // The windows before the cut are drawn, in place: a tone at 100 s, silence at 101 s.
      const loudest = (t: number) => Math.max(partial.max[Math.round(t * partial.rate)], -partial.min[Math.round(t * partial.rate)]);
      expect(loudest(100.5), how).to.be.above(0.3);
      expect(loudest(101.5), how).to.be.below(0.05);
    });
  }

  it('keeps what the later windows decode when the first one’s read dies', async () => {
    // The worker reads the first window from the top; its connection dies 10 s into the WAV (a
    // network failing), while the windows after it, read as ranges (slowly: 2 s each), go on.
    const drawn = new Map<number, number>();
    const error = await loadPeaks('/__media/range/tones.wav?cut=320000&kbps=300&first-dies', {
      windowSeconds: 20,
      onProgress: ({ slice }) => slice.max.forEach((v, i) => drawn.set(slice.from + i, Math.max(v, drawn.get(slice.from + i) ?? -128))),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(DecodeError);
    const partial = (error as DecodeError).partial!;
    // Everything the waveform was shown is in what is kept: no window was cut off.
    let lost = 0;
    for (const [p, v] of drawn) if (!(partial.max[p] >= v)) lost++;
    expect(lost, 'points drawn, then not kept').to.equal(0);
    const kept = peakValues(partial);
    const loudest = (t: number) => Math.max(kept.max[Math.round(t * kept.rate)], -kept.min[Math.round(t * kept.rate)]);
    expect(loudest(4.5), 'the first window, before the cut').to.be.above(0.3);
    // The windows running then were read to their end: the whole of the next one is kept.
    for (let t = 20.5; t < 40; t += 2) expect(loudest(t), `the window after it, at ${t} s`).to.be.above(0.3);
  });

  it('reports a file cut short of its promised length once, keeping the windows decoded', async () => {
    // The range route serves what is on disk; a window past the end of a cut file gets nothing.
    const error = await loadPeaks(ranged('tones-cut.wav', 'windows-cut'), { windowSeconds: 20 }).then(
      () => null,
      (e: unknown) => e,
    );
    // A cut WAV still promises 180 s in its header: the windows past its end fail.
    expect(error).to.be.instanceOf(DecodeError);
    const partial = (error as DecodeError).partial!;
    expect(partial.min.length / partial.rate).to.be.above(60);
  });
});
