#!/usr/bin/env node
// npm run size: brotli and gzip sizes of the CDN bundle's initial chunk(s) (the entry and
// what it imports statically) and of the lazy ones; fails above the budget in
// size-budget.json. Build first (npm run build). How it measures: scripts/size-lib.mjs.
import {readFileSync, existsSync} from 'node:fs';
import {relative} from 'node:path';
import {ENTRY, bundleSizes, kb, sizes} from './size-lib.mjs';

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run "npm run build" first.`);
  process.exit(1);
}
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const {initial, all, first, total} = bundleSizes();

console.log('file'.padEnd(44), 'raw'.padStart(9), 'brotli'.padStart(9), 'gzip'.padStart(9));
for (const file of all) {
  const s = sizes(file);
  console.log(`${relative('dist/cdn', file)}${initial.includes(file) ? ' (initial)' : ' (lazy)'}`.padEnd(44), kb(s.raw).padStart(9), kb(s.brotli).padStart(9), kb(s.gzip).padStart(9));
}
console.log(`initial: ${kb(first.brotli)} brotli, ${kb(first.gzip)} gzip (budget ${kb(budget.initialBrotliBytes)} brotli); all chunks: ${kb(total.brotli)} brotli, ${kb(total.gzip)} gzip`);
if (first.brotli > budget.initialBrotliBytes) {
  console.error(`Over budget by ${first.brotli - budget.initialBrotliBytes} bytes brotli. Make it smaller, or raise size-budget.json with a reason in the commit.`);
  process.exit(1);
}
