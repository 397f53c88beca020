// Serves some packages to the test runner pre-bundled by esbuild. storybook/test (imported by the
// stories' play functions) reaches CommonJS packages (aria-query via jest-dom) that the dev
// server's per-file CommonJS transform cannot give named exports; esbuild's bundler can.
import { build } from 'esbuild';

export function prebundle(specifiers) {
  const cache = new Map();
  const urlOf = (spec) => `/__prebundled__/${spec.replace(/[^a-z0-9]+/gi, '_')}.js`;
  const byUrl = new Map(specifiers.map((spec) => [urlOf(spec), spec]));
  return {
    name: 'kolam-prebundle',
    resolveImport({ source }) {
      if (specifiers.includes(source)) return urlOf(source);
    },
    async serve(context) {
      const spec = byUrl.get(context.path);
      if (!spec) return;
      if (!cache.has(spec)) {
        cache.set(
          spec,
          build({
            stdin: { contents: `export * from '${spec}';`, resolveDir: process.cwd() },
            bundle: true,
            format: 'esm',
            write: false,
            platform: 'browser',
            define: { 'process.env.NODE_ENV': '"development"', global: 'globalThis' },
            logLevel: 'silent',
          }).then((result) => result.outputFiles[0].text),
        );
      }
      return { body: await cache.get(spec), type: 'js' };
    },
  };
}
