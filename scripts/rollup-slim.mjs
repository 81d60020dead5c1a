import {readFileSync} from 'node:fs';

// Rollup plugins for the CDN bundle. They run only in rollup; dist/ modules stay as tsc wrote
// them, so the JSON Schema (scripts/build-schema.mjs, from dist/feed/schema.js) keeps every
// description. (Templates are minified by @lit-labs/rollup-plugin-minify-html-literals.)

/** Calls `visit(node, parent)` for every node of an ESTree AST. */
function walk(node, visit, parent = null) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit, node);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit, node);
  }
}

/** Applies [start, end, text] edits from the end backwards, so earlier offsets stay valid. */
function splice(code, edits) {
  let out = code;
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/**
 * Drops valibot `v.description('…')` actions from `v.pipe(…)` calls in the feed modules:
 * the descriptions are for editors, in the published JSON Schema; the browser never reads
 * them (≈ 2 KB of text).
 */
export function stripSchemaDescriptions({include = /\/dist\/feed\/[^/]+\.js$/} = {}) {
  return {
    name: 'strip-schema-descriptions',
    transform(code, id) {
      if (!include.test(id) || !code.includes('.description(')) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'CallExpression') return;
        node.arguments.forEach((arg, i) => {
          const isDescription =
            arg.type === 'CallExpression' && arg.callee.type === 'MemberExpression' && !arg.callee.computed && arg.callee.property.name === 'description';
          if (!isDescription || node.arguments.length < 2) return;
          // Remove the argument with the comma that separates it from its neighbour.
          if (i > 0) edits.push([node.arguments[i - 1].end, arg.end, '']);
          else edits.push([arg.start, node.arguments[1].start, '']);
        });
      });
      return edits.length ? {code: splice(code, edits), map: null} : null;
    },
  };
}

/**
 * For the single-file build: the ALTCHA solver must not look for a worker file beside the
 * bundle (there is none), so it solves on the main thread at once instead of after a 404.
 */
export function withoutWorkerFile() {
  return {
    name: 'without-worker-file',
    transform(code, id) {
      if (!id.endsWith('/dist/contact/altcha.js')) return null;
      const changed = code.replace("const WORKER_FILE = './altcha-worker.js';", "const WORKER_FILE = '';");
      if (changed === code) this.error('dist/contact/altcha.js no longer declares WORKER_FILE; update scripts/rollup-slim.mjs');
      return {code: changed, map: null};
    },
  };
}

/**
 * For the CDN loader: a dynamic import of a chunk also imports, at the same time, the chunks
 * that chunk imports, so a browser asks for them all at once. Left alone, it would learn of
 * them only once the first had arrived and been parsed: one more round trip before content
 * (100 ms on a slow mobile connection). Rollup's own `import()` is kept as the first of the
 * batch, so its module, and any failure to load it or the others, is what the loader gets.
 */
export function importChunksTogether({entry}) {
  return {
    name: 'import-chunks-together',
    renderDynamicImport({chunk, targetChunk, getTargetChunkImports}) {
      if (chunk.facadeModuleId !== entry || !targetChunk) return null;
      const others = (getTargetChunkImports() ?? []).filter((imported) => imported.type === 'internal' && imported.fileName !== chunk.fileName);
      if (!others.length) return null;
      return {left: 'Promise.all([import(', right: `), ${others.map((o) => `import(${o.resolvedImportPath})`).join(', ')}]).then((modules) => modules[0])`};
    },
  };
}

const COPY = '\0loader-copy:';

/**
 * The modules the CDN loader imports statically (and what they import statically) are put
 * into it as copies of their own, so that no chunk ever imports the loader: a page that
 * loads it as `loft-widgets.js?ver=3` (WordPress adds that) would otherwise load it a second
 * time, as `loft-widgets.js`, for the chunks, after them, and perhaps in another version.
 * The copies' dynamic imports (catalog chunks) stay those of the real modules, so both
 * load the same files; state that both sides use is kept on `globalThis` by the modules
 * themselves (src/feed/request.ts).
 */
export function loaderCopies({entry}) {
  const original = (id) => (id.startsWith(COPY) ? id.slice(COPY.length) : id);
  const fromLoader = (importer) => importer && (importer === entry || importer.startsWith(COPY));
  return {
    name: 'loader-copies',
    async resolveId(source, importer, options) {
      if (!fromLoader(importer) || !source.startsWith('.') || options.isEntry) return null;
      const resolved = await this.resolve(source, original(importer), {...options, skipSelf: true});
      return resolved && !resolved.external ? COPY + resolved.id : resolved;
    },
    // The loader's own `import()`s and its copies' are of the real modules.
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !fromLoader(importer)) return null;
      return this.resolve(specifier, original(importer), {skipSelf: true});
    },
    load(id) {
      return id.startsWith(COPY) ? readFileSync(original(id), 'utf8') : null;
    },
    // What the loader is for: it starts before any chunk, and no chunk waits for it.
    generateBundle(options, bundle) {
      const loader = Object.values(bundle).find((file) => file.type === 'chunk' && file.facadeModuleId === entry);
      if (!loader) return;
      if (loader.imports.length) this.error(`the loader imports ${loader.imports.join(', ')} statically: it would wait for them`);
      const importers = Object.values(bundle).filter((file) => file.type === 'chunk' && [...file.imports, ...file.dynamicImports].includes(loader.fileName));
      if (importers.length) this.error(`${importers.map((file) => file.fileName).join(', ')} import the loader`);
    },
  };
}

/**
 * V8's explicit compile hint (Chromium 136 and later; a comment to other engines) at the top
 * of the chunks whose functions a page calls as soon as they load: the shared chunk (`shared`)
 * and each element's, the chunk that holds its `dist/define/<tag>.js`. Chromium then compiles
 * those functions on the thread that streams the file in, instead of one by one on the main
 * thread as the first render calls them (the seed page's first render: about a quarter less,
 * in A/B runs; at the end of the file the hint does nothing). It costs bytes: about 80 brotli
 * bytes on the shared chunk and 20 on each other.
 */
export function compileHints({shared}) {
  const element = /\/dist\/define\/(?!define\.js$)[^/]+\.js$/;
  return {
    name: 'compile-hints',
    renderChunk(code, chunk) {
      const hinted = !chunk.isEntry && (chunk.name === shared || chunk.moduleIds.some((id) => element.test(id)));
      return hinted ? {code: `//# allFunctionsCalledOnLoad\n${code}`, map: null} : null;
    },
  };
}
