/**
 * What a speaker is called and coloured on screen. Diarisation hands over ids such as `SPEAKER_00`,
 * `spk_0` or `urn:uuid:…` with no name; an annotator reads "Speaker 1", never the raw id. A speaker
 * in the label list is numbered in the list's order (the order of the 1–9 keys that pick them); one
 * not in it (no list given, or a list that changed since) is numbered after the list's, in order of
 * first appearance in time, so two speakers never share a name — and gets a colour of its own by
 * that number, from the palette colours no label has taken, so two such speakers never share the
 * one grey. The number depends only on the labels and the segments, so the same recording shows
 * the same speaker in the same colour after a reload, in the list, on the waveform and in the
 * overview alike. The name is always shown beside the colour: colour is never the only cue.
 */
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdOf } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';
import { UNLABELLED_COLOR, paletteColor } from '../core/palette.js';

export type SpeakerNamer = (id: string | undefined) => string;

export interface Speakers {
  nameOf: SpeakerNamer;
  colorOf(id: string | undefined): string;
}

/** The palette, in order (core's `paletteColor` cycles through it). */
function palette(): string[] {
  const colors = [paletteColor(0)];
  for (let i = 1; i < 64 && paletteColor(i) !== colors[0]; i++) colors.push(paletteColor(i));
  return colors;
}

/** `labelColor`: a listed label's colour (its own, else the palette's by its place). */
export function speakersOf(labels: readonly Label[], sorted: readonly Annotation[], labelColor: (id: string) => string): Speakers {
  // Names, or numbers to say as "Speaker n" in the language of the moment (msg() at each call).
  const known = new Map<string, string | number>(labels.map((l, i) => [l.id, l.name?.trim() || i + 1]));
  const unlisted = new Map<string, number>();
  let next = labels.length + 1;
  for (const segment of sorted) {
    const id = labelIdOf(segment);
    if (id === undefined || known.has(id)) continue;
    unlisted.set(id, unlisted.size);
    known.set(id, next++);
  }
  const taken = new Set(labels.map((l) => labelColor(l.id).toLowerCase()));
  const free = palette().filter((c) => !taken.has(c.toLowerCase()));
  const colors = free.length ? free : palette();
  const listed = new Set(labels.map((l) => l.id));
  return {
    nameOf: (id) => {
      if (id === undefined) return '';
      // An id in no segment yet (asked about before the list caught up) still gets a number, not itself.
      const name = known.get(id) ?? next;
      return typeof name === 'number' ? msg(str`Speaker ${name}`) : name;
    },
    colorOf: (id) => {
      if (id === undefined) return UNLABELLED_COLOR;
      if (listed.has(id)) return labelColor(id);
      const n = unlisted.get(id);
      return n === undefined ? UNLABELLED_COLOR : colors[n % colors.length];
    },
  };
}

/** One per labels list and segment list (both are replaced, never mutated, when they change). */
export class SpeakerNames {
  private cache: { labels: readonly Label[]; sorted: readonly Annotation[]; speakers: Speakers } | null = null;

  of(labels: readonly Label[], sorted: readonly Annotation[], labelColor: (id: string) => string): Speakers {
    const cache = this.cache;
    if (cache?.labels === labels && cache.sorted === sorted) return cache.speakers;
    const speakers = speakersOf(labels, sorted, labelColor);
    this.cache = { labels, sorted, speakers };
    return speakers;
  }
}
