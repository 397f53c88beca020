import { expect } from '@open-wc/testing';
import { WindowScheduler } from '../../src/transcription-player/decode/window-scheduler.js';
import type { ByteWindow, WindowPlan } from '../../src/transcription-player/decode/window-plan.js';

/** Ten seconds of 16 kHz mono WAV in ten one-second windows after the first (bytes 0–32,000). */
const plan: WindowPlan = {
  format: { kind: 'wav', format: { channels: 1, sampleRate: 16000, bits: 16, float: false, dataStart: 0, dataSize: 352000 }, dataStart: 0, dataEnd: 352000 },
  sampleRate: 16000,
  seconds: 11,
  rate: 100,
  samplesPerPoint: 160,
  size: 352000,
  dataStart: 0,
  firstEnd: 32000,
  step: 32000,
  cacheKey: null,
};
const second = (w: ByteWindow) => w.from / 32000;
const empty = { rate: 100, min: new Int8Array(100), max: new Int8Array(100) };

/** A promise and its resolve, to hold a window's read or decode until the test lets it go. */
function held<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

type Held<T> = ReturnType<typeof held<T>>;

describe('the windows of a long file, a few at a time', () => {
  it('reads the next windows while others decode, so a decode never waits on the network', async () => {
    const reads = new Map<number, Held<string>>();
    const decodes = new Map<number, Held<void>>();
    const given: (string | null)[] = [];
    const scheduler = new WindowScheduler<string>(plan, {
      parallel: 1,
      prepare(window) {
        const read = held<string>();
        reads.set(second(window), read);
        return read.promise;
      },
      async run(window, _progress, _more, prepared) {
        given.push(prepared ? await prepared : null);
        const decode = held();
        decodes.set(second(window), decode);
        return decode.promise;
      },
    });
    // While the first window is read (by the worker), one more runs, and reads itself.
    expect(given, 'window 1 reads its own bytes').to.deep.equal([null]);
    scheduler.firstDone({ ...empty, scale: 1 / 128, sampleRate: 16000, samplesPerPoint: 160 });
    // Two windows run now; the two after them are already being read.
    expect([...reads.keys()], 'windows read ahead').to.deep.equal([2, 3, 4]);
    reads.get(2)!.resolve('bytes of 2');
    await new Promise((r) => setTimeout(r));
    expect([...decodes.keys()], 'decoding').to.deep.equal([1, 2]);
    expect(given).to.deep.equal([null, 'bytes of 2']);
    // A decode ends: the window read meanwhile starts at once, and one more is read behind it.
    decodes.get(1)!.resolve();
    reads.get(3)!.resolve('bytes of 3');
    await new Promise((r) => setTimeout(r));
    expect([...decodes.keys()]).to.deep.equal([1, 2, 3]);
    expect([...reads.keys()]).to.deep.equal([2, 3, 4, 5]);
    scheduler.stop(new DOMException('Aborted', 'AbortError'));
    await scheduler.done.catch(() => undefined);
  });

  it('ends the reads ahead when a window fails, and runs none of them', async () => {
    const reads = new Map<number, AbortSignal>();
    const runs: number[] = [];
    const failing = held();
    const scheduler = new WindowScheduler<string>(plan, {
      parallel: 1,
      prepare(window, signal) {
        reads.set(second(window), signal);
        // A read that never ends on its own (a slow network).
        return new Promise(() => undefined);
      },
      run(window) {
        runs.push(second(window));
        return failing.promise;
      },
    });
    expect([...reads.keys()], 'read ahead').to.deep.equal([2]);
    expect([...reads.values()].some((s) => s.aborted), 'none ended yet').to.equal(false);
    failing.reject(new Error('window 1 is damaged'));
    const error = await scheduler.done.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).message).to.equal('window 1 is damaged');
    expect([...reads.values()].every((s) => s.aborted), 'reads ahead ended').to.equal(true);
    expect(runs, 'windows run').to.deep.equal([1]);
  });

  it('after a jump, decodes the window in view next and reads ahead the ones after it', async () => {
    let focus: number | null = null;
    const reads = new Map<number, Held<string>>();
    const decodes = new Map<number, Held<void>>();
    const runs: [number, string | null][] = [];
    const scheduler = new WindowScheduler<string>(plan, {
      parallel: 1,
      focus: () => focus,
      prepare(window) {
        const read = held<string>();
        reads.set(second(window), read);
        read.resolve(`bytes of ${second(window)}`);
        return read.promise;
      },
      async run(window, _progress, _more, prepared) {
        runs.push([second(window), prepared ? await prepared : null]);
        const decode = held();
        decodes.set(second(window), decode);
        return decode.promise;
      },
    });
    scheduler.firstDone({ ...empty, scale: 1 / 128, sampleRate: 16000, samplesPerPoint: 160 });
    await new Promise((r) => setTimeout(r));
    // The user jumps to 7.5 s (window 7) while windows 1 and 2 decode and 3 and 4 are read.
    focus = 7.5;
    decodes.get(1)!.resolve();
    await new Promise((r) => setTimeout(r));
    decodes.get(2)!.resolve();
    await new Promise((r) => setTimeout(r));
    decodes.get(7)!.resolve();
    await new Promise((r) => setTimeout(r));
    expect(runs.slice(2), 'after the jump').to.deep.equal([
      [7, null],
      [8, 'bytes of 8'],
      [9, 'bytes of 9'],
    ]);
    scheduler.stop(new DOMException('Aborted', 'AbortError'));
    await scheduler.done.catch(() => undefined);
  });

  it('fails once the windows running are in, so what they decoded is kept', async () => {
    const decodes = new Map<number, Held<void>>();
    let settled = false;
    const scheduler = new WindowScheduler(plan, {
      parallel: 1,
      run(window) {
        const decode = held();
        decodes.set(second(window), decode);
        return decode.promise;
      },
    });
    scheduler.firstDone({ ...empty, scale: 1 / 128, sampleRate: 16000, samplesPerPoint: 160 });
    scheduler.done.then(
      () => undefined,
      () => (settled = true),
    );
    decodes.get(2)!.reject(new Error('cut short'));
    await new Promise((r) => setTimeout(r));
    expect(settled, 'still waiting for window 1').to.equal(false);
    decodes.get(1)!.resolve();
    await new Promise((r) => setTimeout(r));
    expect(settled).to.equal(true);
    expect([...decodes.keys()], 'no window started after the failure').to.deep.equal([1, 2]);
    expect(await scheduler.done.catch((e: Error) => e.message)).to.equal('cut short');
  });
});
