#!/usr/bin/env node
// npm run size: brotli and gzip sizes of the CDN bundle's initial chunk(s) (the entry and
// what it imports statically) and of the lazy ones; fails above the budget in
// size-budget.json. Build first (npm run build).
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {brotliCompressSync, gzipSync, constants} from 'node:zlib';

const ENTRY = 'dist/cdn/loft-widgets.js';
if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run "npm run build" first.`);
  process.exit(1);
}
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));

export function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    brotli: brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
    gzip: gzipSync(bytes, {level: 9}).length,
  };
}

/** The entry and every chunk it imports statically (what a page loads before first render). */
function initialFiles(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
    initialFiles(join(dirname(entry), match[1]), seen);
  }
  return seen;
}

const initial = [...initialFiles(ENTRY)];
const all = [ENTRY, ...readdirSync('dist/cdn/chunks').map((f) => join('dist/cdn/chunks', f))];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (files) => files.map(sizes).reduce((a, b) => ({raw: a.raw + b.raw, brotli: a.brotli + b.brotli, gzip: a.gzip + b.gzip}), {raw: 0, brotli: 0, gzip: 0});

console.log('file'.padEnd(44), 'raw'.padStart(9), 'brotli'.padStart(9), 'gzip'.padStart(9));
for (const file of all) {
  const s = sizes(file);
  console.log(`${relative('dist/cdn', file)}${initial.includes(file) ? ' (initial)' : ' (lazy)'}`.padEnd(44), kb(s.raw).padStart(9), kb(s.brotli).padStart(9), kb(s.gzip).padStart(9));
}
const first = sum(initial);
const total = sum(all);
console.log(`initial: ${kb(first.brotli)} brotli, ${kb(first.gzip)} gzip (budget ${kb(budget.initialBrotliBytes)} brotli); all chunks: ${kb(total.brotli)} brotli, ${kb(total.gzip)} gzip`);
if (first.brotli > budget.initialBrotliBytes) {
  console.error(`Over budget by ${first.brotli - budget.initialBrotliBytes} bytes brotli. Make it smaller, or raise size-budget.json with a reason in the commit.`);
  process.exit(1);
}
