// How the CDN bundle's size is measured, shared by `npm run size` (scripts/size.mjs) and
// `npm run bench` (bench/run.mjs): brotli quality 11 and gzip level 9 per file, and the
// initial chunk(s) = the entry plus every chunk it imports statically.
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {brotliCompressSync, gzipSync, constants} from 'node:zlib';

export const ENTRY = 'dist/cdn/loft-widgets.js';

/** Raw, brotli and gzip bytes of a file. */
export function sizes(file) {
  return sizesOf(readFileSync(file));
}

/** Raw, brotli and gzip bytes of a Buffer or string. */
export function sizesOf(content) {
  const bytes = Buffer.from(content);
  return {
    raw: bytes.length,
    brotli: brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
    gzip: gzipSync(bytes, {level: 9}).length,
  };
}

/** The entry and every chunk it imports statically (what a page loads before first render). */
export function initialFiles(entry = ENTRY, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
    initialFiles(join(dirname(entry), match[1]), seen);
  }
  return seen;
}

/** Every file of the CDN bundle: the entry and all chunks, lazy ones included. */
export function allFiles(entry = ENTRY) {
  const chunks = join(dirname(entry), 'chunks');
  return [entry, ...(existsSync(chunks) ? readdirSync(chunks).map((f) => join(chunks, f)) : [])];
}

export const sum = (list) => list.reduce((a, b) => ({raw: a.raw + b.raw, brotli: a.brotli + b.brotli, gzip: a.gzip + b.gzip}), {raw: 0, brotli: 0, gzip: 0});

/** Sizes of the bundle's initial chunk(s) and of all its files. */
export function bundleSizes(entry = ENTRY) {
  const initial = [...initialFiles(entry)];
  const all = allFiles(entry);
  return {initial, all, first: sum(initial.map(sizes)), total: sum(all.map(sizes))};
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
