// One ESM file per public entry (Lit external, for apps with a bundler), their declarations, and
// kolam.bundle.js: everything with Lit inside, minified, for a plain <script type="module">.
import { readdirSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';

const topLevel = readdirSync('src').filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`);
const formats = readdirSync('src/formats').filter((f) => f.endsWith('.ts')).map((f) => `src/formats/${f}`);
const locales = readdirSync('src/locales').filter((f) => f.endsWith('.ts')).map((f) => `src/locales/${f}`);
const input = Object.fromEntries(
  [...topLevel, ...formats, ...locales].map((file) => [file.replace(/^src\//, '').replace(/\.ts$/, ''), file]),
);
// Lit, its packages, and the optional React peer of kolam/react stay imports, never bundled.
const external = (id) => /^(lit|lit-html|lit-element|@lit\/|@lit-labs\/|react)($|\/)/.test(id);
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

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
    plugins: [nodeResolve(), ts()],
    output: { dir: 'dist', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  {
    input: 'src/index.ts',
    plugins: [nodeResolve({ exportConditions: ['production'] }), ts(), terser({ format: { comments: false } })],
    output: { file: 'dist/kolam.bundle.js', format: 'es', sourcemap: true },
  },
  {
    input,
    external,
    plugins: [dts({ tsconfig: 'tsconfig.json' }), litTypesFromLit()],
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
];
