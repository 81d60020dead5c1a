/**
 * Checks a catalog (a page's run-time catalog, a feed's `labels` for one language, or a
 * translator's file for `npx loft-widgets catalog check`) against the message table: every
 * id must exist, every text keep exactly its message's `{placeholders}`, and a count's
 * texts use the plural categories of the language. A message that fails is left out (the
 * widget falls back along the language chain) and reported for the editor, with its path.
 *
 * Loaded only where a catalog or `labels` are given: a page without them never fetches it.
 */
import {SHAPES} from './generated/shapes.js';
import {pluralRulesOf, type Catalog} from './translator.js';
import type {CatalogText, MessageId, Messages} from './catalog.js';
import type {Problem} from '../feed/check/engine.js';

export type {Problem};

/**
 * The message table by id, as a Map: an id is a catalog's own key, and an object's lookup
 * would find "constructor", "toString" or "__proto__" on Object.prototype (a feed whose
 * labels named one could not be shown at all). A Map also tells 65,000 unknown ids from
 * known ones in a fraction of the time (each missed lookup on the object cost about 0.5 µs).
 */
const SHAPE_OF = new Map<string, (typeof SHAPES)[MessageId]>(Object.entries(SHAPES));

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MAX_TEXT = 2000;

/** `'x'` with control characters made visible, shortened. */
const show = (value: unknown) => {
  if (typeof value !== 'string') return Array.isArray(value) ? 'a list' : value && typeof value === 'object' ? 'an object' : String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `'${text.slice(1, 56)}…'` : `'${text.slice(1, -1)}'`;
};

/** The plural categories a language uses, where the browser knows; else any category is allowed. */
function pluralCategoriesOf(lang: string): string[] {
  return pluralRulesOf(lang)?.resolvedOptions().pluralCategories ?? CATEGORIES;
}

/**
 * A language's plural categories, looked up the first time they are asked for: only a count's
 * text asks, and a feed's labels may name 40,000 languages, each of whose rules cost `Intl`
 * about 20 µs (330 ms in Node for labels that had no count).
 */
export function categoriesWhenAsked(lang: string): () => readonly string[] {
  let categories: readonly string[] | undefined;
  return () => (categories ??= pluralCategoriesOf(lang));
}

const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** What is wrong with one text, or undefined. */
function textProblem(text: unknown, params: string[]): string | undefined {
  if (typeof text !== 'string') return `expected a text, got ${show(text)}`;
  if (text.length > MAX_TEXT) return `expected at most ${MAX_TEXT} characters, got ${text.length}`;
  const own = names(text);
  const missing = params.filter((p) => !own.includes(p));
  const extra = own.filter((p) => !params.includes(p));
  if (missing.length || extra.length) {
    const list = (xs: string[]) => xs.map((x) => `{${x}}`).join(', ');
    const wanted = params.length ? `the placeholders ${list(params)}` : 'no placeholders';
    return `expected ${wanted}${missing.length ? `; ${list(missing)} is missing` : ''}${extra.length ? `; ${list(extra)} is not one of this message's` : ''}`;
  }
  return undefined;
}

/** An empty text, or plural forms all empty: a message not translated yet. */
export const untranslated = (value: unknown): boolean =>
  typeof value === 'string' ? value.trim() === '' : !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((text) => typeof text === 'string' && text.trim() === '');

/**
 * Where a problem goes: its path and why, both only when asked (a feed may have a hundred
 * thousand, and only the first are written out). The caller decides whether to build them.
 */
export type Report = (path: () => string, why: () => string) => void;

/** The message every dropped entry ends with. */
export const dropped = (path: string, why: string): Problem => ({
  code: 'field-dropped',
  path,
  message: `${path}: ${why}. It is left out; the widget falls back along the language chain.`,
  fatal: false,
});

/**
 * Checks one entry of a catalog: returns its usable text (a plural keeps its good
 * categories), or undefined after reporting why it cannot be used. `allowed` gives the
 * language's plural categories (`categoriesWhenAsked`).
 */
export function checkEntry(id: string, value: unknown, path: () => string, allowed: () => readonly string[], report: Report): CatalogText | undefined {
  // Not translated yet (a translator's kit half filled in): missing, not wrong.
  if (untranslated(value)) return undefined;
  const shape = SHAPE_OF.get(id);
  if (!shape) {
    report(path, () => `there is no message with the id ${show(id)} (README "Message ids" lists them)`);
    return undefined;
  }
  if (typeof value === 'string' || !shape.plural || !value || typeof value !== 'object' || Array.isArray(value)) {
    const why = textProblem(value, shape.params);
    if (why) report(path, () => why);
    return why ? undefined : (value as string);
  }
  // A count: one text per plural category of the language, `other` always.
  const forms: Record<string, string> = {};
  for (const [category, text] of Object.entries(value as Record<string, unknown>)) {
    if (untranslated(text)) continue;
    if (!allowed().includes(category)) {
      report(() => `${path()}.${category}`, () => `expected one of the plural categories of the language: ${allowed().join(', ')}`);
      continue;
    }
    const why = textProblem(text, shape.params);
    if (why) report(() => `${path()}.${category}`, () => why);
    else forms[category] = text as string;
  }
  if (forms.other === undefined) {
    report(path, () => `expected a text for the plural category 'other' (the one every language has)`);
    return undefined;
  }
  return forms as CatalogText;
}

/**
 * Checks the messages of one language; returns the usable ones. `pathOf(id)` is a problem's
 * path (`labels.sv["contact-person"]`); `pathOf()` that of the whole table.
 */
export function checkMessages(raw: unknown, lang: string, pathOf: (id?: string) => string, problems: Problem[]): Messages {
  const messages: Messages = {};
  const report: Report = (path, why) => problems.push(dropped(path(), why()));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    report(() => pathOf(), () => `expected an object of message ids to texts, got ${show(raw)}`);
    return messages;
  }
  const allowed = categoriesWhenAsked(lang);
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const text = checkEntry(id, value, () => pathOf(id), allowed, report);
    if (text !== undefined) messages[id as MessageId] = text;
  }
  return messages;
}

/**
 * Checks a catalog document: `{"language": "se", "fallback"?: ["sv"], "messages": {…}}`.
 * Returns the catalog, or undefined (with a fatal problem) when it cannot be used at all.
 */
export function checkCatalog(raw: unknown, source: string): {catalog?: Catalog; problems: Problem[]} {
  const problems: Problem[] = [];
  const fatal = (message: string) => ({problems: [...problems, {code: 'field-dropped' as const, path: source, message: `${source}: ${message} The catalog is left out.`, fatal: true}]});
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fatal(`expected a catalog like {"language": "se", "messages": {"loading": "…"}}, got ${show(raw)}.`);
  const doc = raw as Record<string, unknown>;
  if (typeof doc.language !== 'string' || !LANGUAGE.test(doc.language)) return fatal(`"language": expected a language tag like "se" or "smj", got ${show(doc.language)}.`);
  let fallback: string[] | undefined;
  if (doc.fallback !== undefined) {
    if (Array.isArray(doc.fallback) && doc.fallback.every((tag) => typeof tag === 'string' && LANGUAGE.test(tag))) fallback = doc.fallback as string[];
    else problems.push({code: 'field-dropped', path: `${source}: fallback`, message: `${source}: "fallback": expected a list of language tags like ["se", "sv"], got ${show(doc.fallback)}. It is left out; the built-in chain is used.`, fatal: false});
  }
  const messages = checkMessages(doc.messages, doc.language, (id) => `${source}: messages${id === undefined ? '' : `.${id}`}`, problems);
  const months = Array.from({length: 12}, (_, i) => `month-${i + 1}` as MessageId);
  const missing = months.filter((id) => messages[id] === undefined);
  if (missing.length && missing.length < 12) {
    problems.push({code: 'field-dropped', path: `${source}: messages`, message: `${source}: messages: has month names but not ${missing.join(', ')}; dates in those months use the next language of the chain. Give all twelve.`, fatal: false});
  }
  return {catalog: {lang: doc.language, messages, ...(fallback ? {fallback} : {})}, problems};
}
