/** Shared by the player's tests: fixtures made by scripts/fixtures/audio.mjs, and geometry helpers. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { cssom } from '../../src/core/cssom-style.js';
import type { Annotation } from '../../src/core/annotation.js';
import type { Peaks } from '../../src/transcription-player/peaks.js';
import '../../src/transcription-player.js';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';

export const media = (name: string) => `/test/fixtures/generated/${name}`;

const blobs = new Map<string, string>();
/**
 * The fixture as a blob: URL. The test server answers without byte ranges, which leaves a media
 * element unable to seek until it has buffered everything; a blob is seekable at once.
 */
export async function seekableMedia(name: string): Promise<string> {
  if (!blobs.has(name)) blobs.set(name, URL.createObjectURL(await (await fetch(media(name))).blob()));
  return blobs.get(name)!;
}

export function segment(id: string, start: number, end: number, text = '', speaker?: string): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'supplementing',
    body: [
      { type: 'TextualBody', value: text, format: 'text/plain' },
      ...(speaker ? [{ type: 'TextualBody' as const, purpose: 'tagging', value: speaker }] : []),
    ],
    target: { source: media('speech.wav'), selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `t=${start},${end}` } },
  };
}

export const shadow = (el: KolamTranscriptionPlayer) => el.shadowRoot!;
export const waveformOf = (el: KolamTranscriptionPlayer) => shadow(el).querySelector<HTMLElement>('[part~="waveform"]')!;
export const mediaOf = (el: KolamTranscriptionPlayer) => shadow(el).querySelector('video')!;
export const rowOf = (el: KolamTranscriptionPlayer, id: string) => shadow(el).querySelector<HTMLElement>(`li[data-id="${id}"]`)!;
export const fieldOf = (el: KolamTranscriptionPlayer, id: string) => rowOf(el, id).querySelector('textarea')!;

/** A player on the speech clip, its waveform painted and its media's duration known. */
export async function speechPlayer(annotations: Annotation[] = [], extra: Partial<KolamTranscriptionPlayer> = {}): Promise<KolamTranscriptionPlayer> {
  const src = await seekableMedia('speech.wav');
  const el = await fixture<KolamTranscriptionPlayer>(
    html`<kolam-transcription-player ${cssom({ width: '800px' })} src=${src} .annotations=${annotations}></kolam-transcription-player>`,
  );
  Object.assign(el, extra);
  await waitUntil(() => el.duration > 0 && mediaOf(el).readyState >= 1 && el.waveformReady, 'waveform painted', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

/** Viewport x of a time on the waveform, and a y inside the wave (below the time axis). */
export function pointAt(el: KolamTranscriptionPlayer, seconds: number, yFraction = 0.6): [number, number] {
  const wave = waveformOf(el);
  const rect = wave.getBoundingClientRect();
  const x = rect.left + seconds * el.zoom - wave.scrollLeft;
  return [Math.round(x), Math.round(rect.top + 20 + (wave.clientHeight - 20) * yFraction)];
}

/** True when some pixel of the canvas is drawn. */
export function hasInk(canvas: HTMLCanvasElement): boolean {
  const data = canvas.getContext('2d')!.getImageData(0, 30, canvas.width, canvas.height - 30).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
  return false;
}

/** Peaks' values −1…1, whatever they are stored as (decoded peaks are 8-bit, as audiowaveform's JSON). */
export function peakValues<T extends { min: ArrayLike<number>; max: ArrayLike<number>; scale?: number }>(peaks: T): T & { min: Float32Array; max: Float32Array } {
  const scale = peaks.scale ?? 1;
  return { ...peaks, min: Float32Array.from(peaks.min, (v) => v * scale), max: Float32Array.from(peaks.max, (v) => v * scale) };
}

/**
 * The tones files (scripts/fixtures/audio.mjs): 1 s of a sine at half scale, then 1 s of silence,
 * for 180 s. Checks the waveform shows exactly that, second by second, whatever the decoder —
 * the middle of each second, away from edges a codec smears.
 */
export function expectTones(stored: Peaks, label: string, seconds = 180, { exact = true } = {}): void {
  const peaks = peakValues(stored);
  expect(peaks.min.length / peaks.rate, `${label}: duration`).to.be.closeTo(seconds, 0.2);
  const middle = (s: number) => {
    let loudest = 0;
    for (let i = Math.ceil((s + 0.2) * peaks.rate); i < Math.floor((s + 0.8) * peaks.rate); i++) loudest = Math.max(loudest, peaks.max[i], -peaks.min[i]);
    return loudest;
  };
  // Placed where it is heard: the tone starts at 0 and stops at 1 s (codecs' delays are taken off).
  const at = (t: number) => {
    const i = Math.round(t * peaks.rate);
    return Math.max(peaks.max[i], -peaks.min[i]);
  };
  if (exact) checkPlacement(at, label, seconds);
  for (let s = 0; s < Math.floor(seconds) - 1; s++) {
    if (s % 2 === 0) expect(middle(s), `${label}: tone at ${s} s`).to.be.within(0.42, 0.58);
    else expect(middle(s), `${label}: silence at ${s} s`).to.be.below(0.05);
  }
}

function checkPlacement(at: (t: number) => number, label: string, seconds: number): void {
  expect(at(0.04), `${label}: tone from the start`).to.be.above(0.3);
  expect(at(0.96), `${label}: tone until 1 s`).to.be.above(0.3);
  expect(at(1.04), `${label}: silence from 1 s`).to.be.below(0.05);
  if (seconds > 152) {
    // Far in, past several pieces: still in place.
    expect(at(150.04), `${label}: tone from 150 s`).to.be.above(0.3);
    expect(at(150.96), `${label}: tone until 151 s`).to.be.above(0.3);
    expect(at(151.04), `${label}: silence from 151 s`).to.be.below(0.05);
  }
}
