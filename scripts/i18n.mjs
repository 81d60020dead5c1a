#!/usr/bin/env node
// The built-in languages, from the one message table (src/i18n/messages.ts):
//
//   node scripts/i18n.mjs extract   writes locales/<lang>.xlf for every XLIFF file there:
//                                   every message with its English source and a note for
//                                   translators, keeping the translations already made
//   node scripts/i18n.mjs build     writes src/i18n/generated/: one catalog module per
//                                   language (en from the table, the others from XLIFF)
//                                   and the map the widgets load them by; fails when a
//                                   translation is missing or its placeholders differ
//   node scripts/i18n.mjs check     fails when an XLIFF file is out of date with the table
//
// A new built-in language is a new locales/<lang>.xlf (copy one, empty its targets, run
// extract); a language a municipality adds needs no build (README "Languages").
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = `${root}locales`;
const GENERATED = `${root}src/i18n/generated`;

/** The message table, transpiled from TypeScript on the fly (the scripts run before tsc). */
export async function loadTable() {
  const {transformSync} = await import('esbuild');
  const source = readFileSync(`${root}src/i18n/messages.ts`, 'utf8');
  const {code} = transformSync(source, {loader: 'ts', format: 'esm'});
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return {table: module.MESSAGES, parts: module.PARTS};
}

/** `{placeholders}` of a text, sorted. */
export const placeholdersOf = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Every translatable unit of the table: plural texts give one unit per category (`results#one`). */
export function unitsOf(table) {
  const units = [];
  for (const [id, spec] of Object.entries(table)) {
    const params = spec.params ? ` Placeholders: ${Object.entries(spec.params).map(([k, v]) => `{${k}} ${v}`).join('; ')}.` : '';
    const note = spec.note + params + (spec.ifNoIntl ? ' Optional: only for languages the browser cannot format dates in.' : '');
    if (typeof spec.en === 'string') units.push({key: id, id, source: spec.en, note, optional: !!spec.ifNoIntl});
    else for (const [category, source] of Object.entries(spec.en)) units.push({key: `${id}#${category}`, id, category, source, note: `${note} Plural category "${category}".`, optional: !!spec.ifNoIntl});
  }
  return units;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The units of an XLIFF 1.2 file: key → {source, target}. */
export function readXliff(xml) {
  const language = /target-language="([^"]+)"/.exec(xml)?.[1];
  const units = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const field = (name) => {
      const found = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(m[2]);
      return found ? unescape(found[1]) : undefined;
    };
    const state = /<target\s[^>]*state="([^"]+)"/.exec(m[2])?.[1];
    units.set(unescape(m[1]), {source: field('source'), target: field('target'), state});
  }
  return {language, units};
}

export function writeXliff(language, units, previous) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `<file target-language="${language}" source-language="en" original="src/i18n/messages.ts" datatype="plaintext">`,
    '<body>',
  ];
  for (const unit of units) {
    const old = previous.get(unit.key);
    // A translation of an older English text is kept, marked for review; the mark stays
    // until a reviewer removes it from the file.
    const stale = old?.target !== undefined && ((old.source !== undefined && old.source !== unit.source) || old.state === 'needs-review-translation');
    lines.push(`<trans-unit id="${escape(unit.key)}">`, `  <source>${escape(unit.source)}</source>`);
    if (old?.target !== undefined) lines.push(`  <target${stale ? ' state="needs-review-translation"' : ''}>${escape(old.target)}</target>`);
    lines.push(`  <note>${escape(unit.note)}</note>`, '</trans-unit>');
  }
  lines.push('</body>', '</file>', '</xliff>', '');
  return lines.join('\n');
}

const xliffFiles = () => readdirSync(LOCALES).filter((f) => f.endsWith('.xlf')).sort();

function extract(table, {check = false} = {}) {
  const units = unitsOf(table);
  let stale = [];
  for (const file of xliffFiles()) {
    const path = `${LOCALES}/${file}`;
    const xml = readFileSync(path, 'utf8');
    const {language, units: previous} = readXliff(xml);
    const updated = writeXliff(language ?? file.replace(/\.xlf$/, ''), units, previous);
    if (updated === xml) continue;
    if (check) stale.push(file);
    else writeFileSync(path, updated);
  }
  if (stale.length) {
    console.error(`locales/: ${stale.join(', ')} out of date with src/i18n/messages.ts. Run "npm run i18n:extract", translate, and commit.`);
    process.exit(1);
  }
}

/** The catalog of one built-in language: message id → text or plural texts. */
function catalogOf(table, units, translate) {
  const catalog = {};
  const problems = [];
  for (const unit of units) {
    const text = translate(unit);
    if (text === undefined || text.trim() === '') {
      // Month names and date patterns are needed only where Intl lacks the language.
      if (!unit.optional) problems.push(`${unit.key}: no translation`);
      continue;
    }
    if (placeholdersOf(text).join() !== placeholdersOf(unit.source).join()) {
      problems.push(`${unit.key}: placeholders ${JSON.stringify(placeholdersOf(text))} differ from the English ${JSON.stringify(placeholdersOf(unit.source))}`);
    }
    if (unit.category) (catalog[unit.id] ??= {})[unit.category] = text;
    else catalog[unit.id] = text;
  }
  return {catalog, problems};
}

function build(table, parts) {
  const units = unitsOf(table);
  const languages = {en: catalogOf(table, units, (u) => u.source)};
  for (const file of xliffFiles()) {
    const {language, units: translated} = readXliff(readFileSync(`${LOCALES}/${file}`, 'utf8'));
    languages[language] = catalogOf(table, units, (u) => translated.get(u.key)?.target);
    // Built all the same (an older translation beats none), but said, so it is not forgotten.
    const review = [...translated].filter(([, unit]) => unit.state === 'needs-review-translation').map(([key]) => key);
    if (review.length) console.warn(`locales/${file}: ${review.length} translation(s) of an older English text, marked needs-review-translation: ${review.join(', ')}`);
  }
  const problems = Object.entries(languages).flatMap(([lang, {problems}]) => problems.map((p) => `locales/${lang}.xlf: ${p}`));
  if (problems.length) {
    console.error(`Built-in catalogs are incomplete (run "npm run i18n:extract" and translate):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  mkdirSync(GENERATED, {recursive: true});
  const header = '// Generated by scripts/i18n.mjs from src/i18n/messages.ts and locales/*.xlf. Do not edit.\n';
  const partNames = [...new Set(Object.values(parts))];
  // One module per language and part: most widgets load `core`, the contact form `form` too.
  for (const [lang, {catalog}] of Object.entries(languages)) {
    for (const part of partNames) {
      const own = Object.fromEntries(Object.entries(catalog).filter(([id]) => parts[id] === part));
      writeFileSync(`${GENERATED}/${lang}.${part}.ts`, `${header}import type {Messages} from '../catalog.js';\n\nconst messages: Messages = ${JSON.stringify(own, null, 2)};\nexport default messages;\n`);
    }
  }
  // What a run-time catalog is checked against: each id's placeholders, and whether it is
  // a plural or only needed where Intl lacks the language.
  const shapes = Object.fromEntries(
    Object.entries(table).map(([id, spec]) => {
      const texts = typeof spec.en === 'string' ? [spec.en] : Object.values(spec.en);
      return [id, {params: placeholdersOf(texts.join(' ')), ...(typeof spec.en === 'string' ? {} : {plural: true}), ...(spec.ifNoIntl ? {optional: true} : {})}];
    })
  );
  writeFileSync(
    `${GENERATED}/shapes.ts`,
    `${header}import type {MessageId} from '../messages.js';\n\n/** Every message id with its placeholders; \`plural\`: a text per plural category; \`optional\`: only where Intl lacks the language. */\nexport const SHAPES: Record<MessageId, {params: string[]; plural?: true; optional?: true}> = ${JSON.stringify(shapes)};\n`
  );
  // Literal import()s, one per language and part, so that rollup makes each a chunk of its own.
  const loaders = Object.keys(languages).map(
    (lang) => `  ${JSON.stringify(lang)}: {${partNames.map((part) => `${part}: () => import('./${lang}.${part}.js')`).join(', ')}},`
  );
  writeFileSync(
    `${GENERATED}/built-in.ts`,
    `${header}import type {Messages} from '../catalog.js';\n\n/** The catalog parts a widget loads. */\nexport type Part = ${partNames.map((p) => JSON.stringify(p)).join(' | ')};\n\n/** The built-in languages' catalogs, by part (complete, but for month names and date patterns where Intl stands in for them). */\nexport const BUILT_IN: Record<string, Record<Part, () => Promise<{default: Messages}>>> = {\n${loaders.join('\n')}\n};\n`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2];
  const {table, parts} = await loadTable();
  if (command === 'extract') extract(table);
  else if (command === 'check') extract(table, {check: true});
  else if (command === 'build') build(table, parts);
  else {
    console.error('Usage: node scripts/i18n.mjs extract|build|check');
    process.exit(2);
  }
}
