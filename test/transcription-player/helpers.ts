/** Shared by the player's tests: fixtures made by scripts/fixtures/audio.mjs, and geometry helpers. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { cssom } from '../../src/core/cssom-style.js';
import type { Annotation } from '../../src/core/annotation.js';
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
