import { configureLocalization } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/label-set.js';
import type { KolamLabelSet } from '../../src/label-set.js';
import { sourceLocale, targetLocales } from '../../src/locales/locale-codes.js';

describe('interface languages', () => {
  const loaders: Record<string, () => Promise<unknown>> = {
    ta: () => import('../../src/locales/ta.js'),
    hi: () => import('../../src/locales/hi.js'),
  };
  const { setLocale } = configureLocalization({ sourceLocale, targetLocales, loadLocale: (l) => loaders[l]() as never });

  after(() => setLocale('en'));

  it('ships Tamil and Hindi', () => {
    expect([...targetLocales].sort()).to.deep.equal(['hi', 'ta']);
  });

  for (const [locale, name] of [
    ['ta', 'குறிச்சொற்கள்'],
    ['hi', 'लेबल'],
    ['en', 'Labels'],
  ]) {
    it(`re-renders a live element in ${locale}`, async () => {
      const set = await fixture<KolamLabelSet>(html`<kolam-label-set .labels=${[{ id: 'a', name: 'A' }]}></kolam-label-set>`);
      await setLocale(locale);
      await set.updateComplete;
      expect(set.shadowRoot!.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal(name);
    });
  }
});
