// JSON.parse in slices (src/feed/json-in-slices.ts) must give what JSON.parse gives, for any
// text: the same values and key order, the same error for a text that is not JSON.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {BATCH_CHARS, parseJsonInSlices} from '../../dist/feed/json-in-slices.js';
import {parseFeedTextInSlices} from '../../dist/feed/read.js';

const SEED = 777;

/** The value and every object's key order, comparable. */
const exactly = (value) => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : Object.is(v, -0) ? '-0' : v));

async function outcome(parse, text) {
  try {
    return {value: exactly(await parse(text))};
  } catch (error) {
    return {error: `${error.name}: ${error.message}`};
  }
}

/** Whitespace JSON allows, put between tokens. */
const spaced = fc.tuple(fc.jsonValue({maxDepth: 4}), fc.constantFrom('', ' ', '\n\t ', '\r\n')).map(([value, space]) => JSON.stringify(value, null, space || undefined));

/**
 * Batch sizes: none (every member read here), a few characters (members read here down to
 * those that fit, batches of one or two), and the real one (whole small texts in one batch).
 */
const batchChars = fc.constantFrom(0, 1, 4, 12, 40, BATCH_CHARS);
const inBatchesOf = (chars) => (text) => parseJsonInSlices(text, chars);

/** How many times `JSON.parse` was given the whole of `text` while `run` ran (the fallback for a text that is not JSON). */
async function wholeParses(text, run) {
  const parse = JSON.parse;
  let count = 0;
  JSON.parse = (source, ...rest) => {
    if (source === text) count++;
    return parse(source, ...rest);
  };
  try {
    await run();
  } finally {
    JSON.parse = parse;
  }
  return count;
}

test(`gives what JSON.parse gives for any JSON text, whatever the batches, never by parsing all of it at once (seed ${SEED})`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(spaced, fc.jsonValue().map((v) => JSON.stringify(v))), batchChars, async (text, chars) => {
      const expected = await outcome(JSON.parse, text);
      let got;
      const whole = await wholeParses(text, async () => (got = await outcome(inBatchesOf(chars), text)));
      assert.deepEqual(got, expected);
      // A text longer than a batch (and its brackets) is never given to JSON.parse whole.
      if (text.length > chars + 2) assert.equal(whole, 0);
    }),
    {seed: SEED, numRuns: 1000}
  );
});

test(`gives JSON.parse's error for any text that is not JSON, whatever the batches (seed ${SEED})`, async () => {
  const broken = fc.oneof(
    fc.string({maxLength: 20}),
    fc.tuple(fc.jsonValue({maxDepth: 3}).map((v) => JSON.stringify(v)), fc.nat(), fc.string({maxLength: 3})).map(([text, at, junk]) => text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1)))
  );
  await fc.assert(
    fc.asyncProperty(broken, batchChars, async (text, chars) => {
      assert.deepEqual(await outcome(inBatchesOf(chars), text), await outcome(JSON.parse, text));
    }),
    {seed: SEED, numRuns: 2000}
  );
});

test('escapes, lone surrogates, numbers at the edges, duplicate keys and "__proto__" read alike', async () => {
  for (const text of [
    '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e5\\uD83D\\uDE00\\uD800x"',
    '[-0, 0.5e-400, 1e400, -1.5E+3, 123456789012345678901234567890, 0]',
    '{"a": 1, "b": 2, "a": 3}',
    '{"__proto__": {"polluted": true}, "x": 1}',
    '{"2": "b", "1": "a", "k": "c"}',
    ' \t\n{ "a" : [ true , false , null ] } \r\n',
    '[1, ,2]',
    '[ ,1]',
    '{"a": 1, , "b": 2}',
    '["a\\\\", "b\\"c", {"d]": "}"}]',
    '[1, 2}',
    '["unterminated\\"]',
  ]) {
    for (const chars of [0, 1, 4, 12, BATCH_CHARS]) assert.deepEqual(await outcome(inBatchesOf(chars), text), await outcome(JSON.parse, text), `${text} in batches of ${chars}`);
  }
  const parsed = await parseJsonInSlices('{"__proto__": {"polluted": true}}');
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  assert.equal({}.polluted, undefined);
});

test('a list nested 500,000 levels deep, without recursion', async () => {
  let value = await parseJsonInSlices(`${'['.repeat(500_000)}1${']'.repeat(500_000)}`);
  let depth = 0;
  while (Array.isArray(value)) [value, depth] = [value[0], depth + 1];
  assert.equal(depth, 500_000);
  assert.equal(value, 1);
});

test('lets other work run while it reads a dense text', async () => {
  let ran = false;
  setImmediate(() => (ran = true));
  const list = await parseJsonInSlices(`[${Array(300_000).fill('{}').join(',')}]`);
  assert.equal(ran, true);
  assert.equal(list.length, 300_000);
});

test('lets other work run while it opens lists one inside the next (a million, never closed)', async () => {
  let ran = false;
  setImmediate(() => (ran = true));
  await assert.rejects(parseJsonInSlices('['.repeat(1_000_000)), SyntaxError);
  assert.equal(ran, true);
});

/** The longest the event loop was held while `run` ran, in milliseconds (a timer's lateness). */
async function longestHold(run) {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

test('a string that never closes, deep in lists, is read in slices too (the scans for batches stop at the batch)', async () => {
  // Every quote but the first escaped: each list level's scan for a batch would otherwise
  // read the rest of the text for the string's end (seconds in one task for 2,000 levels).
  for (const text of [`${'['.repeat(2000)}"${'\\"['.repeat(300_000)}`, `${'['.repeat(2000)}"${'\\"['.repeat(300_000)}"${']'.repeat(2000)}`]) {
    const hold = await longestHold(() => outcome(parseJsonInSlices, text));
    assert.ok(hold < 250, `the event loop was held ${hold.toFixed(0)} ms`);
    assert.deepEqual(await outcome(parseJsonInSlices, text), await outcome((t) => JSON.parse(t), text));
  }
});

test('a page reads a dense feed under 1 MB in slices, and any other at once, to the same values', async () => {
  for (const text of [`{"version": 1, "projects": [${Array(100_000).fill('{}').join(',')}]}`, '\ufeff{"version": 1}', '{"version": 1, "x": [[]]}']) {
    assert.deepEqual(exactly(await parseFeedTextInSlices(text)), exactly(JSON.parse(text.replace(/^\ufeff/, ''))));
  }
  await assert.rejects(parseFeedTextInSlices(`[${Array(100_000).fill('{}').join(',')},]`, 'feed.json'), {code: 'feed-not-json', message: /^feed\.json is not valid JSON: /});
  await assert.rejects(parseFeedTextInSlices(' \n'), {code: 'feed-not-json', message: /is empty/});
});
