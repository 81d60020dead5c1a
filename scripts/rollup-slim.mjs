// Rollup plugins for the CDN bundle. The first makes the CDN bundle smaller without changing what it does. It runs
// only in rollup (the CDN bundle); dist/ modules stay as tsc wrote them, so the JSON Schema
// (scripts/build-schema.mjs, from dist/feed/schema.js) keeps every description. (Templates
// are minified by @lit-labs/rollup-plugin-minify-html-literals.)

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
