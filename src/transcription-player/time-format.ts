/**
 * Times as people read them (`1:02:03.4`, `2:05`) and the tick spacing of the time axis. Pure.
 */

/** `m:ss` or `h:mm:ss`, with `decimals` tenths/hundredths; negative and NaN read as 0. */
export function formatClock(seconds: number, decimals = 1): string {
  const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  const factor = 10 ** decimals;
  const total = Math.floor(safe * factor + 1e-6) / factor;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const sec = decimals ? s.toFixed(decimals).padStart(decimals + 3, '0') : String(Math.floor(s)).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/**
 * Seconds between labelled ticks so labels sit at least `minGap` px apart, and between the small
 * ticks under them.
 */
export function tickSteps(pxPerSecond: number, minGap = 80): { major: number; minor: number } {
  const major = STEPS.find((s) => s * pxPerSecond >= minGap) ?? STEPS[STEPS.length - 1];
  const minor = [...STEPS].reverse().find((s) => s < major && s * pxPerSecond >= 8 && isDivisor(s, major)) ?? major;
  return { major, minor };
}

function isDivisor(small: number, big: number): boolean {
  const ratio = big / small;
  return Math.abs(ratio - Math.round(ratio)) < 1e-6;
}

/** Decimals a tick label needs at a given major step. */
export function tickDecimals(major: number): number {
  return major >= 1 ? 0 : major >= 0.1 ? 1 : 2;
}
