/**
 * The events every Kolam tool fires (CONTRACT §3), declared once with their detail types. They
 * bubble and are composed so they reach host storage code through the host's own shadow roots.
 */
import type { Annotation } from './annotation.js';
import type { KolamReviewDetail } from './review.js';

/** Why an input was rejected or a resource failed. */
export type KolamErrorCode =
  | 'invalid-annotation'
  | 'missing-id'
  | 'duplicate-id'
  | 'unknown-selector'
  | 'invalid-geometry'
  | 'out-of-bounds'
  | 'unknown-label'
  | 'orphaned'
  | 'image-error'
  | 'media-error'
  | 'decode-error'
  | 'seek-unsupported'
  | 'invalid-peaks'
  | 'invalid-labels'
  /** A part of the tool's own code, fetched when needed, could not be fetched (offline, a broken deploy). */
  | 'code-unavailable'
  /** A property was given a value of the wrong type or range; the previous or default value is kept. */
  | 'invalid-property';

export interface KolamErrorDetail {
  code: KolamErrorCode;
  /** A sentence for a person: what was wrong and where. */
  message: string;
  /** The rejected input, as given (a copy). */
  input: unknown;
}

export interface KolamEventDetails {
  'kolam-create': { annotation: Annotation };
  'kolam-update': { annotation: Annotation; previous: Annotation };
  'kolam-delete': { annotation: Annotation };
  'kolam-select': { annotation: Annotation | null };
  'kolam-change': { annotations: Annotation[] };
  'kolam-error': KolamErrorDetail;
  /** A suggestion was accepted, rejected or relabelled (CONTRACT §8). */
  'kolam-review': KolamReviewDetail;
  /** Not in CONTRACT §3: the active label changed (picker click or hotkey). */
  'kolam-active-label-change': { activeLabel: string | undefined };
}

export type KolamEventName = keyof KolamEventDetails;

declare global {
  interface HTMLElementEventMap {
    'kolam-create': CustomEvent<KolamEventDetails['kolam-create']>;
    'kolam-update': CustomEvent<KolamEventDetails['kolam-update']>;
    'kolam-delete': CustomEvent<KolamEventDetails['kolam-delete']>;
    'kolam-select': CustomEvent<KolamEventDetails['kolam-select']>;
    'kolam-change': CustomEvent<KolamEventDetails['kolam-change']>;
    'kolam-error': CustomEvent<KolamEventDetails['kolam-error']>;
    'kolam-active-label-change': CustomEvent<KolamEventDetails['kolam-active-label-change']>;
    'kolam-review': CustomEvent<KolamEventDetails['kolam-review']>;
  }
  /**
   * The same events on `document` and `window` listeners (they bubble and are composed, so a
   * page-level `addEventListener('kolam-change', …)` sees every tool's events), typed alike.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members are KolamEventMap's.
  interface GlobalEventHandlersEventMap extends KolamEventMap {}
}

/** Every Kolam event name mapped to its `CustomEvent`, for typing listeners and wrappers. */
export type KolamEventMap = { [K in KolamEventName]: CustomEvent<KolamEventDetails[K]> };

/**
 * Fires a Kolam event on `target`. The caller passes copies (see `copy()`): details are the host's
 * to mutate.
 */
export function emit<K extends KolamEventName>(target: EventTarget, name: K, detail: KolamEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}
