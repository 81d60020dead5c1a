// The README lists every message id editors can use in `labels`, generated from messages.ts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {readMessages, renderList, updateReadme} from '../../scripts/message-ids.mjs';
import {messages} from '../../dist/i18n/messages.js';

test('the script reads every message of messages.ts, with its English text and placeholders', () => {
  const found = readMessages();
  assert.deepEqual(found.map((m) => m.id), Object.keys(messages));
  for (const m of found) assert.equal(m.english.replace(/\{(\w+)\}/g, (_, k) => `<${k}>`), messages[m.id](Object.fromEntries(m.placeholders.map((k) => [k, `<${k}>`]))), m.id);
});

test('README.md lists every message id (run node scripts/message-ids.mjs after adding one)', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.equal(updateReadme(readme, readMessages()), readme);
  for (const id of Object.keys(messages)) assert.ok(readme.includes(`| \`${id}\` |`), id);
});

test('a new message makes the README list out of date', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const more = [...readMessages(), {id: 'new-one', english: 'New', placeholders: []}];
  assert.notEqual(updateReadme(readme, more), readme);
  assert.match(renderList(more), /\| `new-one` \| New \|/);
});

test('an entry the script cannot read is an error, not a silent gap', () => {
  assert.throws(() => readMessages(`export const messages = {\n  'odd': msgFor('x', {id: 'odd'}),\n};`), /cannot read these entries.*odd/);
});
