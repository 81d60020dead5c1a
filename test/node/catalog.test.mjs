// The translator's kit, as a translator and an editor run it: `loft-widgets catalog export`,
// `catalog check` and `validate --catalog`, and the advice `validate` gives on a feed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {MESSAGES} from '../../dist/i18n/messages.js';
import {builtInCatalog} from '../../bin/catalog.mjs';

const BIN = new URL('../../bin/loft-widgets.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'loft-catalog-'));

function run(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], {maxBuffer: 1 << 24}, (error, stdout, stderr) => resolve({code: error ? error.code : 0, stdout, stderr, out: stdout + stderr}));
  });
}

const write = (name, content) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

test('export writes every message to fill in, with the Swedish and English texts, a note, the placeholders and the plural forms of the language', async () => {
  const out = join(dir, 'se.json');
  const {code} = await run('catalog', 'export', '--lang', 'se', '--out', out);
  assert.equal(code, 0);
  const kit = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(kit.language, 'se');
  assert.deepEqual(Object.keys(kit.messages), Object.keys(MESSAGES));
  assert.deepEqual(kit.context['publisher-role'], {
    sv: '{name} roll i projektet',
    en: 'Role of {name} in the project',
    note: MESSAGES['publisher-role'].note,
    placeholders: MESSAGES['publisher-role'].params,
  });
  // Month names and the date patterns in Swedish too, not English: a Sami translator writes from them.
  assert.equal(kit.context['month-3'].sv, 'mars');
  assert.equal(kit.context['date-day'].sv, '{day} {month} {year}');
  // Northern Sami has a dual: the kit asks for it (Node's ICU knows the language's plural rules).
  assert.deepEqual(kit.messages.results, {one: '', two: '', other: ''});
  assert.match(kit.about, /fall back to sv, then en/);
});

test('check lists what is not translated yet; a fully translated catalog passes', async () => {
  const out = join(dir, 'fit.json');
  await run('catalog', 'export', '--lang', 'fit', '--out', out);
  const empty = await run('catalog', 'check', out);
  assert.equal(empty.code, 1);
  assert.match(empty.out, /not translated yet \(they fall back\): loading, retry/);
  // A translator's work, here the Finnish texts standing in for Meänkieli ones.
  const kit = JSON.parse(readFileSync(out, 'utf8'));
  const finnish = await builtInCatalog('fi');
  for (const id of Object.keys(kit.messages)) if (finnish[id]) kit.messages[id] = finnish[id];
  const filled = await run('catalog', 'check', write('fit-filled.json', kit));
  assert.equal(filled.code, 0, filled.out);
  assert.match(filled.out, /usable in "fit", 0 problem\(s\), 0 not translated yet/);
});

test('check and validate --catalog name each problem with its path: unknown id, wrong placeholders, plural categories', async () => {
  const file = write('bad.json', {
    language: 'se',
    messages: {summary: 'Čoahkkáigeassu', 'no-such': 'x', 'publisher-role': '{namma} rolla', results: {one: '{count}', many: '{count}', other: '{count}'}},
  });
  for (const args of [['catalog', 'check', file], ['validate', '--catalog', file]]) {
    const {code, out} = await run(...args);
    assert.equal(code, 1);
    assert.match(out, /messages\.no-such: there is no message with the id 'no-such'/);
    assert.match(out, /messages\.publisher-role: expected the placeholders \{name\}; \{name\} is missing; \{namma\} is not one of this message's/);
    assert.match(out, /messages\.results\.many: expected one of the plural categories of the language: one, two, other/);
  }
  const json = JSON.parse((await run('catalog', 'check', file, '--json')).stdout);
  assert.equal(json.ok, false);
  assert.equal(json.problems.length, 3);
});

test('a message id that every object inherits (toString, constructor, __proto__) is an unknown id, not a crash', async () => {
  const file = join(dir, 'inherited.json');
  writeFileSync(file, '{"language": "se", "messages": {"toString": "x", "constructor": "y", "__proto__": "z", "loading": "Vuordde"}}');
  const {code, out} = await run('catalog', 'check', file);
  assert.equal(code, 1);
  for (const id of ['toString', 'constructor', '__proto__']) assert.match(out, new RegExp(`messages\\.${id}: there is no message with the id '${id}'`));
  assert.match(out, /1 message\(s\) usable in "se", 3 problem\(s\)/);
  assert.doesNotMatch(out, /TypeError|at checkEntry/);
});

test('a catalog that is not one says so in a line', async () => {
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"language": ');
  assert.match((await run('catalog', 'check', notJson)).out, /not valid JSON/);
  assert.match((await run('catalog', 'check', write('nolang.json', {messages: {}}))).out, /"language": expected a language tag/);
  assert.equal((await run('catalog', 'export', '--lang', 'not a tag')).code, 2);
});

test('validate gives editors advice on the law and on languages, without failing the feed', async () => {
  const feed = JSON.parse(readFileSync(new URL('../../demo/feeds/exempelby.feed.json', import.meta.url), 'utf8'));
  feed.contactForms[0].legalBasis = 'legitimate-interest';
  delete feed.contactForms[0].retention;
  const {code, out} = await run('validate', write('advice.json', feed), '--languages=sv,en');
  assert.equal(code, 0);
  assert.match(out, /advice {2}contactForms\[0\]\.legalBasis: .*legitimate-interest/);
  assert.match(out, /advice {2}contactForms\[0\].*retention/);
  assert.doesNotMatch(out, /Finnish/, 'only the languages asked for');
});
