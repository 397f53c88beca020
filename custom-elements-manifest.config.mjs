// Feeds custom-elements.json (the "customElements" field) and Storybook's docs from our JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/formats/**', 'src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
