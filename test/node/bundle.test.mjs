// The CDN bundle as built (scripts/test.mjs builds it before this suite): which chunks carry
// V8's compile hint (scripts/rollup-slim.mjs compileHints).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';

const HINT = '//# allFunctionsCalledOnLoad\n';
const chunks = new URL('../../dist/cdn/chunks/', import.meta.url);

test('the shared chunk and each element’s chunk start with the compile hint; no lazy chunk and not the loader carries it', () => {
  const elements = readdirSync(new URL('../../src/define/', import.meta.url)).map((f) => f.replace(/\.ts$/, ''));
  const hinted = readdirSync(chunks).filter((f) => readFileSync(new URL(f, chunks), 'utf8').startsWith(HINT));
  // Every module of src/define/ names a chunk: its element's, or the shared chunk (define.ts, the guarded define).
  assert.deepEqual(hinted.map((f) => f.replace(/-[\w-]{8}\.js$/, '')).sort(), elements.sort());
  assert.ok(!readFileSync(new URL('../loft-widgets.js', chunks), 'utf8').startsWith(HINT), 'the loader');
});

test('a page with a run-time catalog loads the catalog checks, not the slow path of validation (a chunk of its own)', () => {
  const files = readdirSync(chunks);
  const named = (name) => files.find((f) => f.startsWith(`${name}-`));
  /** The chunks a chunk imports, statically or when it runs, and theirs (not those of the shared chunk, which every page has). */
  const reached = (file, seen = new Set()) => {
    if (seen.has(file) || file.startsWith('define-')) return seen;
    seen.add(file);
    for (const [, imported] of readFileSync(new URL(file, chunks), 'utf8').matchAll(/(?:from|import\()\s*"\.\/([\w.-]+\.js)"/g)) reached(imported, seen);
    return seen;
  };
  const catalogs = reached(named('page-catalogs'));
  assert.ok([...catalogs].some((f) => f.startsWith('check-')), `the catalog checks: ${[...catalogs]}`);
  assert.ok(![...catalogs].some((f) => f.startsWith('repair-')), `the slow path: ${[...catalogs]}`);
  // The slow path holds the editor's words for an id that matches nothing and for the console.
  assert.match(readFileSync(new URL(named('repair'), chunks), 'utf8'), /Did you mean/);
});
