// The translator's kit (`npx loft-widgets catalog export|check`, and `validate --catalog`):
// a catalog to fill in for any language, and the same checks the widgets run on a catalog a
// page gives them (dist/i18n/check.js), so a translator sees every problem before a visitor
// would. The message table (dist/i18n/messages.js) is the one source of ids, English texts,
// notes and placeholders; the Swedish texts come from the built-in catalog.
import {readFile, writeFile} from 'node:fs/promises';
import {MESSAGES} from '../dist/i18n/messages.js';
import {checkCatalog, untranslated} from '../dist/i18n/check.js';
import {pluralRulesOf} from '../dist/i18n/translator.js';
import {languageChain} from '../dist/i18n/chain.js';
import {BUILT_IN} from '../dist/i18n/generated/built-in.js';

/** A built-in language's whole catalog, every part of it. */
export const builtInCatalog = async (lang) => Object.assign({}, ...(await Promise.all(Object.values(BUILT_IN[lang]).map((load) => load().then((m) => m.default)))));

const SWEDISH = await builtInCatalog('sv');
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export const CATALOG_USAGE = `Usage: loft-widgets catalog export --lang <tag> [--out <file>]
       loft-widgets catalog check <file> [--json]
       loft-widgets validate --catalog <file> [--json]

export  writes a catalog to fill in for a language (e.g. se, smj, sma, fit, rmu, yi): every
        message id with its Swedish and English text, where it appears and what each
        {placeholder} holds, and the plural forms the language needs.
check   checks a filled-in catalog with the widgets' own rules (known ids, the same
        {placeholders}, the language's plural categories) and lists what is missing.
        Exit code 0: usable, every message translated; 1: problems, or messages missing.`;

/** The English text of a message in the form a catalog has it. */
const english = (spec) => spec.en;

/** An empty text to fill in: a string, or one per plural category of the language. */
function blank(spec, categories) {
  return typeof spec.en === 'string' ? '' : Object.fromEntries(categories.map((category) => [category, '']));
}

/** The catalog to fill in for a language, as an object. */
export function exportCatalog(lang) {
  // The language's own plural forms where Node knows them; else the two most languages have
  // (a translator may add "two", "few", … the check accepts any category then).
  const categories = pluralRulesOf(lang)?.resolvedOptions().pluralCategories ?? ['one', 'other'];
  const chain = languageChain(lang).filter((tag) => tag !== lang.toLowerCase() && tag !== lang.split('-')[0].toLowerCase());
  const messages = {};
  const context = {};
  for (const [id, spec] of Object.entries(MESSAGES)) {
    messages[id] = blank(spec, categories);
    context[id] = {
      sv: SWEDISH[id] ?? english(spec),
      en: english(spec),
      note: spec.note + (spec.ifNoIntl ? ' Only needed where browsers cannot write dates in this language (Chromium has no data for se, sma, smj, fit, rom or yi): leave it empty otherwise.' : ''),
      ...(spec.params ? {placeholders: spec.params} : {}),
    };
  }
  return {
    about:
      `A catalog of the loft widgets' texts for "${lang}", to fill in. Write each text in "messages" (see "context" for the Swedish and English ` +
      `texts, where each appears and what each {placeholder} holds; keep the placeholders). Texts left empty fall back to ${chain.join(', then ')}. ` +
      'Check it with: npx loft-widgets catalog check <file>. Give it to the widgets as an inline <script type="application/json" data-loft-catalog> ' +
      'in the page, or with their catalog="<url>" attribute (README, "Languages").',
    language: lang,
    messages,
    context,
  };
}

/**
 * Checks a catalog file. Returns what `catalog check` prints and its exit code: empty texts
 * are counted apart (not translated yet: they fall back), everything else is a problem.
 */
export async function checkCatalogFile(file) {
  let raw;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const why = error.code === 'ENOENT' ? 'no such file' : error instanceof SyntaxError ? `not valid JSON (${error.message})` : error.message;
    return {ok: false, file, problems: [{code: 'field-dropped', path: file, message: `${file}: ${why}.`, fatal: true}], untranslated: []};
  }
  const {catalog, problems} = checkCatalog(raw, file);
  // Left empty: the widgets fall back for these; a translator wants the list.
  const missing = Object.keys(MESSAGES).filter((id) => !MESSAGES[id].ifNoIntl && (raw?.messages?.[id] === undefined || untranslated(raw.messages[id])));
  return {ok: !!catalog && problems.length === 0 && missing.length === 0, file, language: catalog?.lang, translated: catalog ? Object.keys(catalog.messages).length : 0, problems, untranslated: missing};
}

function printCheck(result, json) {
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  for (const p of result.problems) console.log(`${p.fatal ? 'error  ' : 'warning'} ${p.message}`);
  if (result.untranslated.length) console.log(`not translated yet (they fall back): ${result.untranslated.join(', ')}`);
  const summary = result.language
    ? `${result.file}: ${result.translated} message(s) usable in "${result.language}", ${result.problems.length} problem(s), ${result.untranslated.length} not translated yet.`
    : `${result.file}: cannot be used.`;
  (result.ok ? console.log : console.error)(summary);
}

/** `validate --catalog <file> [--json]`. */
export async function validateCatalog(file, json) {
  const result = await checkCatalogFile(file);
  printCheck(result, json);
  return result.ok ? 0 : 1;
}

/** `catalog export|check …`; returns the exit code. */
export async function catalogCommand(args) {
  const [sub, ...rest] = args;
  const flag = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (sub === 'export') {
    const lang = flag('--lang');
    if (!lang || !LANGUAGE.test(lang)) {
      console.error(`${CATALOG_USAGE}\n\n--lang needs a language tag like "se" or "smj".`);
      return 2;
    }
    const text = JSON.stringify(exportCatalog(lang), null, 2) + '\n';
    const out = flag('--out');
    if (out) {
      await writeFile(out, text);
      console.log(`${out}: a catalog for "${lang}" with ${Object.keys(MESSAGES).length} messages to fill in.`);
    } else process.stdout.write(text);
    return 0;
  }
  if (sub === 'check' && rest[0] && !rest[0].startsWith('--')) {
    const result = await checkCatalogFile(rest[0]);
    printCheck(result, rest.includes('--json'));
    return result.ok ? 0 : 1;
  }
  console.error(CATALOG_USAGE);
  return 2;
}
