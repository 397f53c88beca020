/**
 * What a speaker is called on screen. Diarisation hands over ids such as `SPEAKER_00`, `spk_0` or
 * `urn:uuid:…` with no name; an annotator reads "Speaker 1", never the raw id. A speaker in the
 * label list is numbered in the list's order (the order of the 1–9 keys that pick them); one not in
 * it (no list given, or a list that changed since) is numbered after the list's, in order of first
 * appearance in time, so two speakers never share a name.
 */
import type { Annotation, Label } from '../core/annotation.js';
import { labelIdOf } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';

export type SpeakerNamer = (id: string | undefined) => string;

export function speakerNamer(labels: readonly Label[], sorted: readonly Annotation[]): SpeakerNamer {
  // Names, or numbers to say as "Speaker n" in the language of the moment (msg() at each call).
  const known = new Map<string, string | number>(labels.map((l, i) => [l.id, l.name?.trim() || i + 1]));
  let next = labels.length + 1;
  for (const segment of sorted) {
    const id = labelIdOf(segment);
    if (id !== undefined && !known.has(id)) known.set(id, next++);
  }
  return (id) => {
    if (id === undefined) return '';
    // An id in no segment yet (asked about before the list caught up) still gets a number, not itself.
    const name = known.get(id) ?? next;
    return typeof name === 'number' ? msg(str`Speaker ${name}`) : name;
  };
}

/** One namer per labels list and segment list (both are replaced, never mutated, when they change). */
export class SpeakerNames {
  private cache: { labels: readonly Label[]; sorted: readonly Annotation[]; namer: SpeakerNamer } | null = null;

  of(labels: readonly Label[], sorted: readonly Annotation[]): SpeakerNamer {
    const cache = this.cache;
    if (cache?.labels === labels && cache.sorted === sorted) return cache.namer;
    const namer = speakerNamer(labels, sorted);
    this.cache = { labels, sorted, namer };
    return namer;
  }
}
