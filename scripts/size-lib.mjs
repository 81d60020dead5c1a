// How a file's size is counted, shared by `npm run size` (scripts/size.mjs), `npm run bench`
// (bench/run.mjs): brotli quality 11 and gzip level 9 per file.
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

/** Every file of the CDN bundle: the entry and all chunks, lazy ones included. */
export function allFiles(entry = ENTRY) {
  const chunks = join(dirname(entry), 'chunks');
  return [entry, ...(existsSync(chunks) ? readdirSync(chunks).map((f) => join(chunks, f)) : [])];
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** size-budget.json: what CI enforces before content (`beforeContent`), and issue #10's `goals`, by page. */
export function readBudgets() {
  const {beforeContent = {}, goals = {}} = JSON.parse(readFileSync('size-budget.json', 'utf8'));
  return {beforeContent, goals};
}

/** A page's budget and goal, and how far it is from the goal: "budget 18.5 KB; goal 12.0 KB not met, 6.2 KB to go". */
export function budgetNote(name, brotli, {beforeContent, goals}) {
  const notes = [];
  if (beforeContent[name] !== undefined) notes.push(`budget ${kb(beforeContent[name])}`);
  const goal = goals[name];
  if (goal !== undefined) notes.push(brotli > goal ? `goal ${kb(goal)} not met, ${kb(brotli - goal)} to go` : `goal ${kb(goal)} met`);
  return notes.join('; ');
}
