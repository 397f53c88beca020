import { configureLocalization } from '@lit/localize';
import type { Preview } from '@storybook/web-components-vite';
import { sourceLocale, targetLocales } from '../src/locales/locale-codes.js';

// What a host app does once per page (README, "Languages"); the toolbar's globe switches it.
const loaders: Record<string, () => Promise<unknown>> = {
  ta: () => import('../src/locales/ta.js'),
  hi: () => import('../src/locales/hi.js'),
};
const { setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale]() as never,
});

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'Interface language of the components',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ta', title: 'தமிழ் (Tamil)' },
          { value: 'hi', title: 'हिन्दी (Hindi)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, context) => {
      void setLocale((context.globals.locale as string | undefined) ?? 'en');
      return story();
    },
  ],
  tags: ['autodocs'],
};

export default preview;
