// Feeds custom-elements.json (the "customElements" field) and Storybook's docs from our JSDoc,
// listing only the public API (scripts/cem-public-api.mjs), typed events, and the paths that ship.
import { publicApiPlugin } from './scripts/cem-public-api.mjs';
import { shippedModules, typedEvents } from './scripts/cem-shipped-paths.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/formats/**', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicApiPlugin(), typedEvents(), shippedModules()],
};
