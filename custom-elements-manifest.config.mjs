// Feeds custom-elements.json (the "customElements" field) and Storybook's docs from our JSDoc,
// listing only the public API (scripts/cem-public-api.mjs).
import { publicApiPlugin } from './scripts/cem-public-api.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/formats/**', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicApiPlugin()],
};
