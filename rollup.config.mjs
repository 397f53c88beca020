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
const external = (id) => /^(lit|@lit\/|@lit-labs\/|idb$)/.test(id);
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

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
    plugins: [dts({ tsconfig: 'tsconfig.json' })],
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
];
