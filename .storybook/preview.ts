import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import annotations from './annotations.js';
import { DocsPage } from './docs-page.js';

// Docs and controls read our JSDoc (@fires, @csspart, @cssprop, properties) from the manifest that
// `npm run analyze` writes before Storybook starts or builds. The story tests use annotations.ts
// directly, so they need no generated file.
setCustomElementsManifest(manifest);

// `tags` stays a literal here: Storybook's indexer reads it from this file without running it.
export default {
  ...annotations,
  parameters: { ...annotations.parameters, docs: { page: DocsPage } },
  tags: ['autodocs'],
};
