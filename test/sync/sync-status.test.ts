import { configureLocalization } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/sync-status.js';
import type { KolamSyncStatus, SyncConnection, SyncState } from '../../src/sync-status.js';
import { sourceLocale, targetLocales } from '../../src/locales/locale-codes.js';

const announce = (state: SyncState, target: EventTarget = document.body) =>
  target.dispatchEvent(new CustomEvent('kolam-sync-status', { detail: state, bubbles: true, composed: true }));

const text = (el: KolamSyncStatus) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();

describe('<kolam-sync-status>', () => {
  const loaders: Record<string, () => Promise<unknown>> = {
    ta: () => import('../../src/locales/ta.js'),
    hi: () => import('../../src/locales/hi.js'),
  };
  const { setLocale } = configureLocalization({ sourceLocale, targetLocales, loadLocale: (l) => loaders[l]() as never });
  after(() => setLocale('en'));

  it('says what annotators expect for each state, in a polite live region', async () => {
    const el = await fixture<KolamSyncStatus>(html`<kolam-sync-status></kolam-sync-status>`);
    const region = el.shadowRoot!.querySelector('[part="status"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(text(el)).to.equal('All changes saved');
    const cases: Array<[SyncState, string]> = [
      [{ status: 'offline', waiting: 3, error: null }, '3 edits waiting — offline'],
      [{ status: 'saving', waiting: 1, error: null }, 'Saving… 1 edit waiting'],
      [{ status: 'error', waiting: 2, error: { id: 'urn:uuid:x', status: 400, message: 'no' } }, '2 edits waiting — the server refused one'],
      [{ status: 'saved', waiting: 0, error: null }, 'All changes saved'],
    ];
    for (const [state, expected] of cases) {
      announce(state);
      await el.updateComplete;
      expect(text(el)).to.equal(expected);
      expect(region.getAttribute('data-status')).to.equal(state.status);
    }
    await expect(el).to.be.accessible();
  });

  it('follows the connection it is given, not others on the page', async () => {
    let state: SyncState = { status: 'offline', waiting: 5, error: null };
    const sync = { get state() { return state; } } as SyncConnection;
    const el = await fixture<KolamSyncStatus>(html`<kolam-sync-status .sync=${sync}></kolam-sync-status>`);
    expect(text(el)).to.equal('5 edits waiting — offline');
    announce({ status: 'saved', waiting: 0, error: null });
    await el.updateComplete;
    expect(text(el), 'another connection saved; ours still waits').to.equal('5 edits waiting — offline');
    state = { status: 'saved', waiting: 0, error: null };
    announce(state);
    await el.updateComplete;
    expect(text(el)).to.equal('All changes saved');
  });

  it('ignores events that are not a sync state, and connections that are not one, without throwing', async () => {
    const el = await fixture<KolamSyncStatus>(html`<kolam-sync-status></kolam-sync-status>`);
    announce(null as never);
    announce({ status: 42 } as never);
    await el.updateComplete;
    expect(text(el)).to.equal('All changes saved');
    el.sync = new Proxy({} as SyncConnection, { get: () => { throw new Error('hostile'); } });
    await el.updateComplete;
    announce({ status: 'offline', waiting: 1, error: null });
    await el.updateComplete;
    el.sync = Object.freeze({ state: 'nope' }) as never;
    await el.updateComplete;
    expect(text(el)).to.equal('All changes saved');
  });

  for (const [locale, saved, offline] of [
    ['ta', 'எல்லா மாற்றங்களும் சேமிக்கப்பட்டன', '3 திருத்தங்கள் காத்திருக்கின்றன — இணைப்பு இல்லை'],
    ['hi', 'सभी बदलाव सहेजे गए', '3 बदलाव बाकी हैं — ऑफ़लाइन'],
  ]) {
    it(`speaks ${locale}`, async () => {
      const el = await fixture<KolamSyncStatus>(html`<kolam-sync-status></kolam-sync-status>`);
      await setLocale(locale!);
      await el.updateComplete;
      expect(text(el)).to.equal(saved);
      announce({ status: 'offline', waiting: 3, error: null });
      await el.updateComplete;
      expect(text(el)).to.equal(offline);
      await setLocale('en');
    });
  }
});
