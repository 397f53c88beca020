/**
 * Holds the span tagger's on-demand code (`span-extras.ts`) for one element: asked for where it is
 * first needed, fetched once, and `arrived` called when it is here (or could not be fetched), so
 * the tagger places and draws what waited for it.
 */
export type SpanExtras = typeof import('./span-extras.js');

/** Where the code comes from: one place, so a test can point it at a file that is missing. */
export const extrasCode = { load: (): Promise<SpanExtras> => import('./span-extras.js') };

export class ExtrasSlot {
  #code: SpanExtras | undefined;
  /**
   * It could not be fetched (offline, a broken deploy): callers do without, as said where each
   * asks. The tagger clears it on a new text or set, so the next need fetches again.
   */
  failed = false;
  /** While the code is on its way: settles once it is here and `arrived` has run. Read only. */
  loading: Promise<void> | undefined;
  readonly #arrived: () => void;

  constructor(arrived: () => void) {
    this.#arrived = arrived;
  }

  /** The code if it is here; else undefined, and it is on its way (unless it could not be fetched). */
  get(): SpanExtras | undefined {
    if (!this.#code && !this.failed) {
      this.loading ??= extrasCode
        .load()
        .then(
          (code) => void (this.#code = code),
          () => void (this.failed = true),
        )
        .then(() => {
          this.loading = undefined;
          this.#arrived();
        });
    }
    return this.#code;
  }
}
