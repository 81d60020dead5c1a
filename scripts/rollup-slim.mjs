// Rollup plugins that make the CDN bundle smaller without changing what it does. They run
// only in rollup (the CDN bundle); dist/ modules stay as tsc wrote them, so the JSON Schema
// (scripts/build-schema.mjs, from dist/feed/schema.js) keeps every description.

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

const minifyCss = (text) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([{;]-*[a-z][-a-z]*):\s+/g, '$1:') // "color: red" → "color:red", only right after { or ;
    .replace(/;}/g, '}')
    .trim();

/**
 * Folds the whitespace in Lit's css`` and html`` templates. CSS: comments and indentation
 * go, spaces around { } ; , > go, and after the ":" of a declaration (never in selectors or
 * inside values, where they mean something). HTML: a whitespace run with a line break becomes one space, which renders the
 * same under `white-space: normal` (templates with <pre> or <textarea> are left alone).
 */
export function minifyTemplates({include = /\/dist\/.*\.js$/} = {}) {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(css|html)\s*`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const kind = node.tag.name;
        if (kind !== 'css' && kind !== 'html') return;
        const quasis = node.quasi.quasis;
        if (kind === 'css' && quasis.length !== 1) return; // interpolated CSS: leave alone
        if (kind === 'html' && quasis.some((q) => /<(pre|textarea)\b/i.test(q.value.raw))) return;
        for (const q of quasis) {
          const raw = code.slice(q.start, q.end);
          const folded = kind === 'css' ? minifyCss(raw) : raw.replace(/\s*\n\s*/g, ' ');
          if (folded !== raw) edits.push([q.start, q.end, folded]);
        }
      });
      return edits.length ? {code: splice(code, edits), map: null} : null;
    },
  };
}
