// Built-in month names and date patterns (the `dates` catalog part) where the browser's Intl
// cannot format dates in the language: a browser built without Finnish data, simulated here by
// an Intl that says it has none (for dates, and for plurals, which the widgets ask about their
// own languages). Its own process, so no earlier answer of Intl is cached.
import {test} from 'node:test';
import assert from 'node:assert/strict';

for (const service of [Intl.DateTimeFormat, Intl.PluralRules]) {
  const supportedLocalesOf = service.supportedLocalesOf;
  service.supportedLocalesOf = (locales, options) => supportedLocalesOf(locales, options).filter((tag) => !/^fi\b/i.test(tag));
}
const {translatorFor} = await import('../../dist/i18n/translator.js');
const {formatDate} = await import('../../dist/i18n/format.js');

test('without Intl data for Finnish, dates are written with the Finnish catalog\'s month names and patterns, never in English or Swedish', async () => {
  const fi = await translatorFor('fi', ['core']);
  // The catalog's, not Intl's (which writes the same where it has Finnish, as Node does).
  assert.equal(fi.hasOwn('month-3'), true);
  assert.equal(formatDate('2024-03-05', fi), '5. maaliskuuta 2024');
  assert.equal(formatDate('2024-03', fi), 'maaliskuu 2024');
  assert.equal(formatDate('2024', fi), '2024');
});

test('with Intl data (Swedish), the dates part is not loaded and Intl writes the date', async () => {
  const sv = await translatorFor('sv', ['core']);
  assert.equal(sv.hasOwn('month-3'), false);
  assert.equal(formatDate('2024-03-05', sv), '5 mars 2024');
});
