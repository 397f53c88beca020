/**
 * How long to wait before retry number `attempt` (0-based): doubling from `min` up to `max`, with
 * "equal jitter" (half fixed, half random) so tabs and clients that failed together do not all
 * come back in the same millisecond.
 */
export function retryDelay(attempt: number, min: number, max: number, random: () => number = Math.random): number {
  const ceiling = Math.min(max, min * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
