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
