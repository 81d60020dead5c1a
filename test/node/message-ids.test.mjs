// The message table is the one list: the README's ids, the XLIFF files and the built-in
// catalogs all come from it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {readMessages, renderList, updateReadme} from '../../scripts/message-ids.mjs';
import {loadTable, readXliff, unitsOf} from '../../scripts/i18n.mjs';
import {MESSAGES} from '../../dist/i18n/messages.js';

test('README.md lists every message id (run node scripts/message-ids.mjs after adding one)', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.equal(updateReadme(readme, await readMessages()), readme);
  for (const id of Object.keys(MESSAGES)) assert.ok(readme.includes(`| \`${id}\` |`), id);
});

test('a new message makes the README list out of date', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const more = [...(await readMessages()), {id: 'new-one', english: 'New', placeholders: []}];
  assert.notEqual(updateReadme(readme, more), readme);
  assert.match(renderList(more), /\| `new-one` \| New \|/);
});

test('every message has a note for translators, and every placeholder is explained', () => {
  for (const [id, spec] of Object.entries(MESSAGES)) {
    assert.ok(spec.note.length > 10, `${id}: a note says where it appears`);
    const texts = typeof spec.en === 'string' ? [spec.en] : Object.values(spec.en);
    for (const [, key] of texts.join(' ').matchAll(/\{(\w+)\}/g)) assert.ok(spec.params?.[key], `${id}: {${key}} is explained in params`);
  }
});

test('each XLIFF file has exactly the units of the table, each translated, with the same placeholders', async () => {
  const {table} = await loadTable();
  const units = unitsOf(table);
  for (const lang of ['sv', 'fi']) {
    const {units: translated} = readXliff(readFileSync(new URL(`../../locales/${lang}.xlf`, import.meta.url), 'utf8'));
    assert.deepEqual([...translated.keys()], units.map((u) => u.key), `locales/${lang}.xlf follows the table (npm run i18n:extract)`);
    for (const unit of units) {
      if (unit.optional) continue;
      const target = translated.get(unit.key).target;
      assert.ok(target, `${lang} ${unit.key} is translated`);
      const names = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
      assert.equal(names(target), names(unit.source), `${lang} ${unit.key} keeps the placeholders`);
    }
  }
});
