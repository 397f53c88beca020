import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '../core/localize.js';
import { themeStyles } from '../core/theme.js';
import type { SyncConnection, SyncState } from './types.js';

/** The sentence an annotator reads for a state: "All changes saved", "3 edits waiting — offline". */
export function describeSyncState(state: SyncState): string {
  const { status, waiting } = state;
  if (status === 'saved' || waiting === 0) return msg('All changes saved');
  const edits = waiting === 1 ? msg('1 edit waiting') : msg(str`${waiting} edits waiting`);
  if (status === 'offline') return msg(str`${edits} — offline`);
  if (status === 'error') return msg(str`${edits} — the server refused one`);
  return msg(str`Saving… ${edits}`);
}

/**
 * @tagname kolam-sync-status
 * Shows whether the annotator's work is saved, from a `connectSync()` connection: "All changes
 * saved", "Saving… 2 edits waiting", "3 edits waiting — offline". A polite live region, so a screen
 * reader hears each change without losing its place. Listens to `kolam-sync-status` events on
 * the window (any connection on the page) unless `sync` names one.
 *
 * @csspart status - The text, with `data-status` = saved | saving | offline | error.
 * @cssprop --kolam-sync-offline-color - Colour of the dot while offline or refused.
 */
@localized()
export class KolamSyncStatus extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: inline-block;
        font-family: var(--_font);
        font-size: var(--_font-size);
        color: var(--_fg);
      }
      [part='status']::before {
        content: '';
        display: inline-block;
        inline-size: 0.6em;
        block-size: 0.6em;
        margin-inline-end: 0.4em;
        border-radius: 50%;
        background: #2a9d4b;
        forced-color-adjust: auto;
      }
      [data-status='saving']::before {
        background: #c99a06;
      }
      [data-status='offline']::before,
      [data-status='error']::before {
        background: var(--kolam-sync-offline-color, var(--_danger));
      }
      @media (forced-colors: active) {
        [part='status']::before {
          background: CanvasText;
        }
      }
    `,
  ];

  /** The connection to show; unset, the last `kolam-sync-status` event on the page. */
  @property({ attribute: false }) sync: SyncConnection | undefined;

  @state() private current: SyncState = { status: 'saved', waiting: 0, error: null };

  private readonly onStatus = (event: Event): void => {
    // With a connection given, its own state is the truth, whichever connection fired.
    this.show(this.sync ? () => this.sync!.state : () => (event as CustomEvent<SyncState>).detail);
  };

  /** Takes a state from anything a host handed us; what is not one (or throws) is ignored. */
  private show(read: () => unknown): void {
    try {
      const state = read() as SyncState | null | undefined;
      if (state && typeof state.status === 'string' && typeof state.waiting === 'number')
        this.current = { status: state.status, waiting: state.waiting, error: state.error ?? null };
    } catch {
      /* a hostile getter: keep showing the last good state */
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('kolam-sync-status', this.onStatus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('kolam-sync-status', this.onStatus);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('sync') && this.sync) this.show(() => this.sync!.state);
  }

  override render() {
    const { status } = this.current;
    return html`<span part="status" role="status" aria-live="polite" data-status=${status}>${describeSyncState(this.current)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-sync-status': KolamSyncStatus;
  }
}
