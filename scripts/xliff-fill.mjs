#!/usr/bin/env node
// Adds translations to locales/<lang>.xlf from a JSON file, for units that have no <target>
// yet: {"<message id>": {"sv": "…", "fi": "…"}}. Placeholders are written {0}, {1}, … in the
// order of the source's <x id="N"/> elements. The XLIFF files stay the source of truth;
// this only saves hand-editing XML. Usage: node scripts/xliff-fill.mjs translations.json
import {readFileSync, writeFileSync} from 'node:fs';

const translations = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
for (const lang of ['sv', 'fi']) {
  const file = `locales/${lang}.xlf`;
  let missing = 0;
  const xml = readFileSync(file, 'utf8').replace(
    // The source may not run past its own </source>: else a unit that has a target swallows the next one.
    /<trans-unit id="([^"]+)">\n  <source>((?:(?!<\/source>)[\s\S])*)<\/source>\n(?!  <target)/g,
    (whole, id, source) => {
      const text = translations[id]?.[lang];
      if (text === undefined) {
        missing++;
        return whole;
      }
      const xs = [...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[0]);
      const target = escape(text).replace(/\{(\d+)\}/g, (_, n) => xs[Number(n)]);
      return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>\n`;
    }
  );
  writeFileSync(file, xml);
  console.log(`${file}: ${missing} units still without a translation`);
}
