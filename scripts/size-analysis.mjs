#!/usr/bin/env node
// What each dependency and each folder of src/ costs in the CDN bundle's initial chunk:
// node scripts/size-analysis.mjs [--modules]
// Builds the bundle in memory from dist/ (run `npm run build` or `npx tsc` first) with
// rollup.config.js, takes each module's code as rollup rendered it (after tree shaking),
// minifies each group with the same terser settings and compresses it alone. Compressing
// a group alone loses the dictionary it shares with the rest, so the groups add up to a bit
// more than the real bundle (and their top-level names stay unmangled): read them as shares,
// and the total line as the truth.
import {rollup} from 'rollup';
import {minify} from 'terser';
import {relative} from 'node:path';
import {kb, sizesOf} from './size-lib.mjs';
import config from '../rollup.config.js';

const perModule = process.argv.includes('--modules');
const terserOptions = {module: true, ecma: 2022, compress: {passes: 2}, format: {comments: false}};

function group(id) {
  const rel = relative(process.cwd(), id);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  if (pkg) return perModule ? rel.replace(/^.*node_modules\//, '') : pkg[1];
  return perModule ? rel : rel.split('/').slice(0, 3).join('/').replace(/\/[^/]+\.js$/, '');
}

const build = await rollup({...config, plugins: config.plugins.filter((p) => p.name !== 'terser'), onwarn: () => {}});
const {output} = await build.generate({...config.output});
await build.close();
const entry = output.find((o) => o.type === 'chunk' && o.isEntry && o.name === 'loft-widgets');
const groups = new Map();
for (const [id, info] of Object.entries(entry.modules)) {
  const name = group(id);
  groups.set(name, (groups.get(name) ?? '') + info.code + '\n');
}
const rows = [];
for (const [name, code] of groups) {
  if (!code.trim()) continue;
  // Alone, a group's top-level code has no importers: keep it (toplevel off), else terser drops it all.
  const min = (await minify(code, {ecma: 2022, module: false, toplevel: false, compress: {passes: 2, toplevel: false}, format: {comments: false}})).code ?? '';
  rows.push({name, rendered: code.length, ...sizesOf(min)});
}
rows.sort((a, b) => b.brotli - a.brotli);
const min = (await minify(entry.code, terserOptions)).code;
const total = sizesOf(min);
console.log('module group'.padEnd(48), 'rendered'.padStart(10), 'minified'.padStart(10), 'brotli'.padStart(9), 'gzip'.padStart(9));
for (const r of rows) console.log(r.name.padEnd(48), kb(r.rendered).padStart(10), kb(r.raw).padStart(10), kb(r.brotli).padStart(9), kb(r.gzip).padStart(9));
const sum = rows.reduce((a, r) => a + r.brotli, 0);
console.log(`groups compressed alone: ${kb(sum)} brotli; the initial chunk as built: ${kb(total.raw)} minified, ${kb(total.brotli)} brotli, ${kb(total.gzip)} gzip`);
