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
import {compileHints, importChunksTogether, loaderCopies, stripSchemaDescriptions, withoutWorkerFile} from './scripts/rollup-slim.mjs';

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

const file = (path) => new URL(path, import.meta.url).pathname;
/** The CDN loader's module: it holds copies of the modules it imports (loaderCopies), so no chunk imports it. */
const LOADER = file('dist/embed.js');

/** The name of the elements' shared chunk (chunks/define-<hash>.js). */
const SHARED = 'define';

/**
 * The elements' shared chunk, named: LoftElement with everything it imports statically, and
 * the styles, catalog-part table and `define` helper every element uses. Rollup would
 * otherwise group modules by the lazy modules that reach them, and hydration and JSON-LD,
 * which reach only part of this code, would split it: every page would download one more
 * file for modules it never loads.
 */
function sharedChunk(id, {getModuleInfo}) {
  if (!sharedChunk.members) {
    const reach = (from, seen = new Set()) => {
      if (seen.has(from)) return seen;
      seen.add(from);
      for (const next of getModuleInfo(from)?.importedIds ?? []) reach(next, seen);
      return seen;
    };
    const shared = ['dist/elements/shared/loft-element.js', 'dist/elements/shared/shared.styles.js', 'dist/elements/shared/catalog-parts.js', 'dist/define/define.js'];
    sharedChunk.members = new Set(shared.flatMap((path) => [...reach(file(path))]));
  }
  if (MISTAKES.includes(id)) return 'repair';
  if (CATALOG_CHECKS.includes(id)) return 'check';
  return sharedChunk.members.has(id) ? SHARED : undefined;
}

/**
 * What only a page with a mistake in it loads, in one chunk: the slow path of validation (a
 * broken feed) with the shapes it walks, the console's words for its problems, and the
 * editor's hints for an id that matches nothing. The shared chunk then names one file for all
 * three, which costs the pages without mistakes fewer bytes than three.
 */
const MISTAKES = ['dist/feed/check/repair.js', 'dist/feed/generated/shapes.js', 'dist/feed/warn-editor.js', 'dist/feed/not-found.js'].map(file);
/**
 * The checks of run-time catalogs, which the slow path also uses (for a feed's labels): a
 * chunk of their own, or a page with a catalog (a language added at run time) would download
 * the slow path with them (rollup puts what a named chunk imports into it).
 */
const CATALOG_CHECKS = ['dist/i18n/check.js', 'dist/i18n/generated/shapes.js'].map(file);

export default [
  {
    ...common,
    input: {'loft-widgets': 'dist/embed.js', 'altcha-worker': 'dist/contact/altcha-worker.js'},
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: (chunk) => (chunk.name === 'altcha-worker' ? 'chunks/altcha-worker.js' : '[name].js'),
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: sharedChunk,
      sourcemap: false,
    },
    plugins: [loaderCopies({entry: LOADER}), ...plugins(), importChunksTogether({entry: LOADER}), compileHints({shared: SHARED})],
  },
  // Server rendering for Node (npx loft-widgets render, the /embed pages): the elements'
  // templates minified exactly as in the CDN bundle, since hydration checks that the
  // server rendered the very template (a digest of its strings) the browser has.
  {
    ...common,
    input: 'dist/ssr/render.js',
    preserveEntrySignatures: 'strict',
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    output: {dir: 'dist/ssr/node', format: 'es', chunkFileNames: '[name]-[hash].js', sourcemap: false},
    plugins: [minifyHTML({failOnError: true})],
  },
  {
    ...common,
    input: 'dist/embed.js',
    output: {file: 'dist/cdn/loft-widgets.single.js', format: 'es', inlineDynamicImports: true, sourcemap: false},
    plugins: [withoutWorkerFile(), ...plugins()],
  },
];
