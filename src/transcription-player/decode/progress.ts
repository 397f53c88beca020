/**
 * Progress while decoding, the same for a whole file and for one window of it: the points the sink
 * gained since the last report, at most every PROGRESS_MS (often enough to look live, rarely
 * enough that the page does not redraw per decoded frame).
 */
import type { PeakSink } from './peak-sink.js';
import type { DecodeProgress } from './stream-decode.js';

export const PROGRESS_MS = 120;

/**
 * Sends what `sink` gained to `onProgress`, unless the last report (kept in `state`) is under
 * PROGRESS_MS old and not `now`. `fraction` gives 0…1 of the bytes read.
 */
export function reportProgress(
  state: { reported: number },
  sink: PeakSink | null,
  onProgress: ((progress: DecodeProgress) => void) | undefined,
  fraction: () => number,
  now: boolean,
): void {
  if (!sink || !onProgress) return;
  const time = performance.now();
  if (!now && time - state.reported < PROGRESS_MS) return;
  const slice = sink.take();
  if (!slice) return;
  state.reported = time;
  onProgress({ rate: sink.rate, capacity: Math.max(sink.capacity, sink.length), slice, fraction: fraction() });
}
