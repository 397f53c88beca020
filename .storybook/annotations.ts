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

// The theme toggle does what a host page in dark mode does: an inherited `color-scheme` (which the
// components' light-dark() colours follow) and a page ground to match.
function applyTheme(theme: string): void {
  const root = document.documentElement;
  root.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
  document.body.style.background = theme === 'dark' ? '#0f1114' : '';
  document.body.style.color = theme === 'dark' ? '#e6e8eb' : '';
}

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
    theme: {
      description: 'Light or dark, as the host page sets it',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    (story, context) => {
      void setLocale((context.globals.locale as string | undefined) ?? 'en');
      applyTheme((context.globals.theme as string | undefined) ?? 'light');
      return story();
    },
  ],
  tags: ['autodocs'],
};

export default preview;
