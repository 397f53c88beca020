// One ESM file per public entry (Lit external, for apps with a bundler), their declarations, and
// kolam.bundle.js: everything with Lit inside, minified, for a plain <script type="module">.
import { readdirSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';
import { dts } from 'rollup-plugin-dts';
import { build as buildWorker } from 'esbuild';

const topLevel = readdirSync('src').filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`);
const formats = readdirSync('src/formats').filter((f) => f.endsWith('.ts')).map((f) => `src/formats/${f}`);
const locales = readdirSync('src/locales').filter((f) => f.endsWith('.ts')).map((f) => `src/locales/${f}`);
const input = Object.fromEntries(
  [...topLevel, ...formats, ...locales].map((file) => [file.replace(/^src\//, '').replace(/\.ts$/, ''), file]),
);
// Lit, its packages, and the optional React peer of kolam/react stay imports, never bundled.
const external = (id) => /^(lit|lit-html|lit-element|@lit\/|@lit-labs\/|react|idb)($|\/)/.test(id);

/**
 * Workers are files next to the module that starts them, written in the source as
 * `new URL('./x-worker.ts', import.meta.url)` (which Vite and the test server resolve as they are).
 * Each is bundled into one self-contained, minified file (so a host's bundler that copies it as an
 * asset, as Vite does with `new URL(…, import.meta.url)`, copies all it needs) and emitted beside
 * the chunks; the URL points at it wherever the chunk that starts it lands.
 */
function workerFiles() {
  const pattern = /new URL\((['"])(\.\/[\w./-]+-worker)\.ts\1,\s*import\.meta\.url\)/g;
  const built = new Map();
  return {
    name: 'kolam-worker-files',
    async transform(code, id) {
      if (!code.includes('import.meta.url')) return null;
      let out = code;
      for (const [whole, , spec] of code.matchAll(pattern)) {
        const resolved = await this.resolve(`${spec}.ts`, id);
        if (!resolved) this.error(`worker file ${spec}.ts not found from ${id}`);
        if (!built.has(resolved.id)) {
          const { outputFiles } = await buildWorker({ entryPoints: [resolved.id], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, tsconfig: 'tsconfig.json', logLevel: 'silent' });
          built.set(resolved.id, this.emitFile({ type: 'asset', name: `${spec.split('/').pop()}.js`, source: outputFiles[0].text }));
        }
        out = out.replaceAll(whole, `import.meta.ROLLUP_FILE_URL_${built.get(resolved.id)}`);
      }
      return out === code ? null : { code: out, map: null };
    },
    // Back as it was written, a URL object relative to the module: the pattern bundlers know.
    resolveFileUrl: ({ relativePath }) => `new URL(${JSON.stringify(relativePath)}, import.meta.url)`,
  };
}
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
/**
 * The CSS and markup in `css` and `html` templates, without their indentation and comments: a
 * host's bundler minifies our code but never the text inside template literals. Lit's own plugin;
 * a template it can't read is left as written (failOnError off), never broken.
 */
const templates = () => minifyTemplates({ include: ['src/**/*.ts'] });

/**
 * TypeScript follows `lit`'s re-exports to `lit-html` and `@lit/reactive-element`, so the emitted
 * declarations would import those: packages a strict install (pnpm, Yarn PnP) does not let our users
 * resolve, since only `lit` is our dependency. `lit` re-exports every name, so import it from there.
 */
function litTypesFromLit() {
  const fromLit = { 'lit-html': 'lit', 'lit-element': 'lit', '@lit/reactive-element': 'lit', 'lit-element/lit-element.js': 'lit' };
  return {
    name: 'lit-types-from-lit',
    renderChunk(code) {
      return code.replace(/(from |import )'((?:lit-html|lit-element|@lit\/reactive-element)[^']*)'/g, (_, keyword, id) => {
        const target = fromLit[id] ?? id.replace(/^(lit-html|lit-element|@lit\/reactive-element)\//, 'lit/');
        return `${keyword}'${target}'`;
      });
    },
  };
}

export default [
  {
    input,
    external,
    // An entry registers its element (CONTRACT §1) and package.json marks only the entries as having
    // side effects: an entry's own module must stay in its file, never move into a chunk a host's
    // bundler may drop. Letting rollup add exports to entries keeps the code they share in them.
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve(), ts(), templates(), workerFiles()],
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'chunks/[name]-[hash][extname]' },
  },
  {
    input: 'src/index.ts',
    // One file: what the on-demand chunks (review, decoder) share with it, they import from it,
    // rather than rollup moving the shared code into a chunk of its own behind a stub entry.
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve({ exportConditions: ['production'] }), ts(), templates(), workerFiles(), terser({ format: { comments: false } })],
    // The decoder and its worker load only when a file needs decoding: beside the bundle, in bundle/.
    output: { dir: 'dist', entryFileNames: 'kolam.bundle.js', chunkFileNames: 'bundle/[name]-[hash].js', assetFileNames: 'bundle/[name]-[hash][extname]', format: 'es', sourcemap: true },
  },
  {
    input,
    external,
    plugins: [dts({ tsconfig: 'tsconfig.json' }), litTypesFromLit()],
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
];
