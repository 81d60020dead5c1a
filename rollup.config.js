// The CDN bundle, built from tsc's output with Lit bundled (its production build), in two
// forms for two kinds of hosting:
//
// - dist/cdn/loft-widgets.js and dist/cdn/chunks/: a small loader that imports the code of
//   the loft-* tags on the page from chunks beside it, so a page loads only what it shows.
//   The ALTCHA worker is an entry at a fixed name in chunks/ (a worker must be a same-origin
//   file, never a blob:), found by the solver chunk through import.meta.url.
// - dist/cdn/loft-widgets.single.js: everything in one file, for CMS file archives that give
//   each uploaded file its own URL and cannot keep a folder (ALTCHA is then solved on the
//   main thread, in slices).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import {stripSchemaDescriptions, withoutWorkerFile} from './scripts/rollup-slim.mjs';

const plugins = () => [
  // Lit's production build: no dev-mode warnings in visitors' consoles.
  nodeResolve({exportConditions: ['production'], browser: true}),
  // Schema descriptions are for the JSON Schema only; template whitespace is for humans.
  stripSchemaDescriptions(),
  minifyHTML({failOnError: true}),
  terser({module: true, ecma: 2022, compress: {passes: 2}, format: {comments: false}}),
];

const common = {
  preserveEntrySignatures: false,
  onwarn(warning, warn) {
    // tslib's decorator helper tests `this` at module level; harmless.
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
};

export default [
  {
    ...common,
    input: {'loft-widgets': 'dist/embed.js', 'altcha-worker': 'dist/contact/altcha-worker.js'},
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: (chunk) => (chunk.name === 'altcha-worker' ? 'chunks/altcha-worker.js' : '[name].js'),
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: false,
    },
    plugins: plugins(),
  },
  {
    ...common,
    input: 'dist/embed.js',
    output: {file: 'dist/cdn/loft-widgets.single.js', format: 'es', inlineDynamicImports: true, sourcemap: false},
    plugins: [withoutWorkerFile(), ...plugins()],
  },
];
