// The CDN bundle: one self-registering ES module (dist/cdn/loft-widgets.js) with Lit
// bundled, built from tsc's output. Finnish and the ALTCHA solver are lazy chunks; the
// ALTCHA worker is a second entry at a fixed name beside the chunks (a worker must be a
// same-origin file, never a blob:), found by the solver chunk through import.meta.url.
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import {stripSchemaDescriptions} from './scripts/rollup-slim.mjs';

export default {
  input: {'loft-widgets': 'dist/embed.js', 'altcha-worker': 'dist/contact/altcha-worker.js'},
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: (chunk) => (chunk.name === 'altcha-worker' ? 'chunks/altcha-worker.js' : '[name].js'),
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: false,
  },
  plugins: [
    // Lit's production build: no dev-mode warnings in visitors' consoles.
    nodeResolve({exportConditions: ['production'], browser: true}),
    // Schema descriptions are for the JSON Schema only; template whitespace is for humans.
    stripSchemaDescriptions(),
    minifyHTML({failOnError: true}),
    terser({
      module: true,
      ecma: 2022,
      compress: {passes: 2},
      format: {comments: false},
    }),
  ],
  preserveEntrySignatures: false,
  onwarn(warning, warn) {
    // tsc's decorator helper tests `this` at module level; harmless.
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
};
