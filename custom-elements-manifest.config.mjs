// Feeds custom-elements.json (the "customElements" field) and Storybook's docs from our JSDoc.
import { shippedModules, typedEvents } from './scripts/cem-shipped-paths.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/formats/**', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [typedEvents(), shippedModules()],
};
