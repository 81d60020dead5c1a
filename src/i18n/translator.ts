/**
 * Built-in strings in any language: a `Translator` looks a message id up along the
 * language's fallback chain — in each language of the chain, the feed's `labels` first,
 * then the page's run-time catalogs, then the built-in catalog — so a message is never
 * shown as its id or as an empty string. Each text says which language it is really in,
 * so one that fell back carries its own `lang`.
 *
 * Built-in catalogs are complete (the build checks it), so the lookup ends at the first
 * built-in language of the chain, and only that catalog is loaded.
 */
import {builtIn, firstBuiltIn, isBuiltIn, languageChain, primaryOf, type Part} from './chain.js';
import type {CatalogText, MessageId, Messages, Params} from './catalog.js';

export {languageChain, primaryOf};

/** A catalog of one language (a page's run-time catalog, or a feed's `labels` for one language). */
export interface Catalog {
  lang: string;
  messages: Messages;
  /** The languages to look in before Swedish and English, instead of the built-in chain. */
  fallback?: string[];
}

interface Source {
  lang: string;
  messages: Messages;
}

/** A message's text and the language it is really in. */
export interface Text {
  text: string;
  lang: string;
}

/**
 * Whether the browser's `Intl` has data for a language (Debian's Chromium has none for Sami
 * dates, say). For the widgets' own languages its plural data answers: a browser built
 * without one of them lacks all of its data, and the date question costs a fresh page about
 * 13 ms in Chromium (its date data is set up), which a card without dates would pay before
 * it shows; the plural one 0.1 ms.
 */
const intlSupport = new Map<string, boolean>();

export function intlHas(lang: string): boolean {
  let has = intlSupport.get(lang);
  if (has === undefined) {
    try {
      has = (isBuiltIn(lang) ? Intl.PluralRules : Intl.DateTimeFormat).supportedLocalesOf([lang]).length > 0;
    } catch {
      // Not a tag Intl takes (`sv_SE`, say): it has nothing for it.
      has = false;
    }
    intlSupport.set(lang, has);
  }
  return has;
}

/** The most label tables of one language a lookup looks in ("sv", "sv-FI", …): more than any feed has. */
const LABEL_TABLES = 20;

export class Translator {
  /** The first language of the chain that `Intl` formats: dates and numbers use it, and plural rules where a text's own language has none. */
  readonly intlLang: string;
  private readonly _sources: Source[];
  private _numbers?: Intl.NumberFormat;

  /**
   * @param lang the language asked for (the element's `lang`)
   * @param chain the languages to look in, in order (see `languageChain`)
   * @param catalogs run-time catalogs and `labels`, by lowercase language tag, most wanted first
   * @param builtIn built-in catalogs by language (complete: the lookup stops at the first one)
   */
  constructor(
    readonly lang: string,
    readonly chain: readonly string[],
    private readonly _catalogs: ReadonlyMap<string, readonly Messages[]>,
    private readonly _builtIn: ReadonlyMap<string, Messages>
  ) {
    this._sources = [];
    for (const lang of chain) {
      for (const messages of _catalogs.get(lang) ?? []) this._sources.push({lang, messages});
      const own = _builtIn.get(lang);
      if (own) {
        this._sources.push({lang, messages: own});
        break;
      }
    }
    this.intlLang = chain.find(intlHas) ?? 'en';
  }

  /**
   * The same lookup with a feed's `labels` before everything else of each language, each
   * table the lookup can reach made ready by `prepare`: those of the chain's languages up to
   * its first built-in one, at most `LABEL_TABLES` of each (a feed may give labels in
   * thousands of tags: `en-x-1`, `en-x-2`, …).
   */
  withLabels(labels: Record<string, Messages> | undefined, prepare: (messages: Messages) => Messages): Translator {
    const primaries = new Set(this.chain.map(primaryOf));
    // The tags of the chain's languages only.
    const tags = Object.keys(labels ?? {}).filter((tag) => primaries.has(primaryOf(tag)));
    if (!tags.length) return this;
    const catalogs = new Map<string, Messages[]>();
    for (const lang of this.chain) {
      // "sv-FI" labels count on a Swedish page too, after "sv" ones: put first in one pass, not
      // a sort, with no list made per tag (a feed's labels in 40,000 languages took 50 ms so in
      // Chromium here).
      const [exact, regional]: string[][] = [[], []];
      for (const tag of tags) {
        if (tag.length === lang.length && tag.toLowerCase() === lang) exact.push(tag);
        else if (!lang.includes('-') && primaryOf(tag) === lang) regional.push(tag);
      }
      const own = [...exact, ...regional].slice(0, LABEL_TABLES).map((tag) => prepare(labels![tag]));
      catalogs.set(lang, [...own, ...(this._catalogs.get(lang) ?? [])]);
      if (this._builtIn.has(lang)) break;
    }
    return new Translator(this.lang, this.chain, catalogs, this._builtIn);
  }

  /** A message in words, with its `{placeholders}` filled in. */
  t(id: MessageId, params?: Params): string {
    return this.get(id, params).text;
  }

  /** A message and the language it was found in. */
  get(id: MessageId, params: Params = {}): Text {
    for (const source of this._sources) {
      const text = source.messages[id];
      if (text !== undefined) return {text: this._format(text, params, source.lang), lang: source.lang};
    }
    // Only a message the built-in catalogs leave out on purpose (month names) gets here.
    return {text: '', lang: this.lang};
  }

  /** Whether a message comes from a catalog of the asked language itself (not a fallback). */
  hasOwn(id: MessageId): boolean {
    const lang = primaryOf(this.lang);
    return this._sources.some((s) => s.messages[id] !== undefined && primaryOf(s.lang) === lang);
  }

  /** A number written for the language. */
  number(value: number): string {
    return (this._numbers ??= new Intl.NumberFormat(this.intlLang)).format(value);
  }

  /** `text` with its plural form chosen by the rules of its own language, `lang` (else of `intlLang`), and `params` filled in. */
  private _format(text: CatalogText, params: Params, lang: string): string {
    if (typeof text !== 'string') text = text[(pluralRulesOf(lang) ?? pluralRulesOf(this.intlLang)!).select(Number(params.count))] ?? text.other;
    if (!text.includes('{')) return text;
    return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const value = params[key];
      return value === undefined ? whole : typeof value === 'number' ? this.number(value) : value;
    });
  }
}

const plurals = new Map<string, Intl.PluralRules | null>();

/**
 * The plural rules `Intl` has for a language (Northern Sami's, with its dual, though `Intl`
 * has no Sami dates), or undefined where it has none or does not take the tag. Texts count
 * by these rules, and catalogs are checked against their categories (`pluralCategoriesOf`).
 */
export function pluralRulesOf(lang: string): Intl.PluralRules | undefined {
  let rules = plurals.get(lang);
  if (rules === undefined) {
    rules = null;
    try {
      if (Intl.PluralRules.supportedLocalesOf([lang]).length) rules = new Intl.PluralRules(lang);
    } catch {
      // Not a tag Intl takes.
    }
    plurals.set(lang, rules);
  }
  return rules ?? undefined;
}

const translators = new Map<string, Promise<Translator>>();
const catalogIds = new WeakMap<Catalog, number>();
let nextCatalogId = 0;
const idOf = (catalog: Catalog) => {
  let id = catalogIds.get(catalog);
  if (id === undefined) catalogIds.set(catalog, (id = nextCatalogId++));
  return id;
};

/**
 * A translator for a language, with the page's run-time catalogs and the built-in catalog
 * parts a widget needs (`form` for the contact form). One per language and parts, until
 * the catalogs change. Rejects only when a built-in catalog cannot be loaded (a file of
 * the widget is missing).
 */
export function translatorFor(tag: string, parts: readonly Part[] = ['core'], catalogs: readonly Catalog[] = []): Promise<Translator> {
  const key = `${tag}|${parts.join()}|${catalogs.map(idOf).join()}`;
  let translator = translators.get(key);
  if (!translator) {
    translators.set(key, (translator = build(tag, parts, catalogs)));
    translator.catch(() => translators.delete(key));
  }
  return translator;
}

async function build(tag: string, parts: readonly Part[], catalogs: readonly Catalog[]): Promise<Translator> {
  const own = catalogs.find((c) => primaryOf(c.lang) === primaryOf(tag) && c.fallback);
  const chain = languageChain(tag, own?.fallback);
  const byLang = new Map<string, Messages[]>();
  for (const catalog of catalogs) {
    const lang = catalog.lang.toLowerCase();
    if (chain.includes(lang)) byLang.set(lang, [...(byLang.get(lang) ?? []), catalog.messages]);
  }
  const first = firstBuiltIn(chain);
  // Month names and date patterns only where the browser cannot format dates in the language.
  const wanted: readonly Part[] = intlHas(first) || parts.includes('dates') ? parts : [...parts, 'dates'];
  const loaded = await Promise.all(wanted.map((part) => builtIn(first, part)));
  return new Translator(tag, chain, byLang, new Map([[first, Object.assign({}, ...loaded) as Messages]]));
}
