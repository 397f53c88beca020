import type { Peaks } from '../peaks.js';

/** The file could not be read or decoded; `partial` holds the peaks of what was decoded before. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly partial: Peaks | null = null,
  ) {
    super(message);
  }
}

/** This context (a worker) lacks what the file needs (`decodeAudioData`): decode on the page. */
export class NeedsPage extends Error {}
