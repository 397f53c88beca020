/**
 * What a speaker is called on screen. Diarisation hands over ids such as `SPEAKER_00` or
 * `urn:uuid:…` with no name; an annotator reads "Speaker 1", numbered in the label list's order
 * (the order of the 1–9 keys that pick them), never the raw id.
 */
import type { Label } from '../core/annotation.js';
import { msg, str } from '../core/localize.js';

export function speakerName(labels: readonly Label[], id: string | undefined): string {
  if (id === undefined) return '';
  const index = labels.findIndex((l) => l.id === id);
  if (index < 0) return id;
  const name = labels[index].name?.trim();
  return name || msg(str`Speaker ${index + 1}`);
}
