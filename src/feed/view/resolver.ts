/**
 * What every view function starts from: a `Resolver` answers for one loaded feed in one
 * language — feed texts resolved and tidied, URLs checked and absolute, dates in words,
 * built-in strings with the feed's own `labels` — built once per feed and language.
 */
import {FeedError, findItem, type LoadedFeed} from '../load.js';
import type {Problem} from '../check/engine.js';
import type {Feed, LocalizedText, Organization, Person, Project} from '../schema.js';
import {resolveText, tidyText, wantedLanguages, type ResolvedText} from '../text.js';
import {resolveUrl} from '../urls.js';
import {formatDate} from '../../i18n/format.js';
import type {Translator} from '../../i18n/translator.js';
import type {CatalogText, MessageId, Messages, Params} from '../../i18n/catalog.js';

export type {ResolvedText};

/**
 * Resolves one feed's texts, URLs, dates and built-in strings in one language: built once
 * per loaded feed and language (`resolverFor`), with the feed's `labels` in its lookup.
 */
export class Resolver {
  /** The language asked for (the element's `lang`). */
  readonly lang: string;
  readonly tr: Translator;
  /** Primary languages a feed text is looked for in, most wanted first. */
  private readonly _wanted: string[];
  private readonly _urls = new Map<string, string | undefined>();
  private readonly _dates = new Map<string, string>();
  private _organizations?: Map<string, Organization>;
  private _people?: Map<string, Person>;
  private readonly _texts = new WeakMap<object, ResolvedText | null>();

  constructor(
    readonly loaded: LoadedFeed,
    translator: Translator
  ) {
    this.tr = translator.withLabels(loaded.feed.labels as Record<string, Messages>, tidyMessages);
    this.lang = translator.lang;
    // The page's language and its own fallbacks (Northern Sami for Lule Sami), then the
    // feed's language, then Swedish.
    const own = this.tr.chain.filter((l) => !l.includes('-') && l !== 'sv' && l !== 'en');
    this._wanted = wantedLanguages([this.lang, ...own], loaded.feed.language);
  }

  get feed(): Feed {
    return this.loaded.feed;
  }

  /**
   * A feed text in the page's language, or the best one there is. A text in several
   * languages is resolved once: an organisation's name is shown with each of its people and
   * quotes, and a name in 50,000 languages resolved for each of 50 members held the page for 300 ms.
   */
  text(value: LocalizedText | undefined): ResolvedText | undefined {
    if (typeof value !== 'object') return resolveText(value, this._wanted, this.loaded.feed.language);
    let text = this._texts.get(value);
    if (text === undefined) this._texts.set(value, (text = resolveText(value, this._wanted, this.loaded.feed.language) ?? null));
    return text ?? undefined;
  }

  /**
   * A feed text that must show something (else the id it belongs to), as a name: one cut at
   * 200 characters, the most an id or a given name may have (a pasted text in a name field;
   * 45 partners of 19,500 characters each took 240 ms to lay out).
   */
  name(value: LocalizedText | undefined, id: string): ResolvedText {
    return shorten(this.text(value), AT_MOST.nameChars) ?? {text: id, lang: 'zxx'};
  }

  /** A short feed text (a title, a role's label): cut at 300 characters (48 titles of 19,000 took 110 ms to lay out). */
  line(value: LocalizedText | undefined): ResolvedText | undefined {
    return shorten(this.text(value), AT_MOST.lineChars);
  }

  /** A built-in string, with the language it was found in. */
  ui(id: MessageId, params?: Params): ResolvedText {
    return this.tr.get(id, params);
  }

  /** A built-in string as plain text (for attributes and accessible names). */
  t(id: MessageId, params?: Params): string {
    return this.tr.t(id, params);
  }

  /** A feed URL, checked and absolute; undefined when it is not a safe http(s) URL. */
  url(raw: string | undefined): string | undefined {
    if (raw === undefined) return undefined;
    if (!this._urls.has(raw)) this._urls.set(raw, resolveUrl(raw, this.loaded.baseUrl));
    return this._urls.get(raw);
  }

  date(iso: string | undefined): string | undefined {
    if (iso === undefined) return undefined;
    let text = this._dates.get(iso);
    if (text === undefined) this._dates.set(iso, (text = formatDate(iso, this.tr)));
    return text;
  }

  organization(id: string | undefined): Organization | undefined {
    if (id === undefined) return undefined;
    this._organizations ??= new Map(this.loaded.feed.organizations.map((o) => [o.id, o]));
    return this._organizations.get(id);
  }

  person(id: string | undefined): Person | undefined {
    if (id === undefined) return undefined;
    this._people ??= new Map(this.loaded.feed.people.map((p) => [p.id, p]));
    return this._people.get(id);
  }
}

/** The feed's own words for built-in strings (one language's table), as plain tidy text like every other feed text. */
function tidyMessages(messages: Messages): Messages {
  const tidy = (text: CatalogText): CatalogText =>
    typeof text === 'string' ? tidyText(text) : (Object.fromEntries(Object.entries(text).map(([k, v]) => [k, tidyText(v)])) as CatalogText);
  return Object.fromEntries(Object.entries(messages).map(([id, text]) => [id, tidy(text!)]));
}

const resolvers = new WeakMap<LoadedFeed, WeakMap<Translator, Resolver>>();

/** The resolver of a loaded feed in a translator's language, built once. */
export function resolverFor(loaded: LoadedFeed, translator: Translator): Resolver {
  let byTranslator = resolvers.get(loaded);
  if (!byTranslator) resolvers.set(loaded, (byTranslator = new WeakMap()));
  let resolver = byTranslator.get(translator);
  if (!resolver) byTranslator.set(translator, (resolver = new Resolver(loaded, translator)));
  return resolver;
}

/**
 * How much laying out a text costs, in characters of Latin script: a UTF-16 unit from U+0900
 * on (Indic, Thai, Ethiopic, Hangul, Chinese and Japanese; each half of an emoji) counts 4.
 * Measured in Chromium, with Noto fonts: 100,000 characters of Japanese took 140-200 ms to lay
 * out, of Thai, Hangul, Ethiopic or Devanagari 60-95 ms, of Swedish under 50; one paragraph of
 * 15,000 characters of Japanese still 52-58 ms in two runs of six, so a description stops at
 * 20,000 units (5,000 such characters).
 */
const HEAVY = 0x900;
const unitsOf = (c: number): number => (c < HEAVY ? 1 : 4);
// Most texts have none: a regex finds that 20 times faster than counting (which took 3 ms for 10,000 summaries).
const HAS_HEAVY = /[^\u0000-\u08ff]/;

/** Where a text passes `max` units of layout (see HEAVY), else -1; never between the halves of an emoji. */
function cutIndex(text: string, max: number): number {
  if (text.length * 4 <= max) return -1;
  if (!HAS_HEAVY.test(text)) return text.length > max ? max : -1;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units += unitsOf(c);
    if (units > max) return c >= 0xdc00 && c < 0xe000 ? i - 1 : i;
  }
  return -1;
}

/** A text's layout units (see HEAVY). */
export function layoutSize(text: string): number {
  if (!HAS_HEAVY.test(text)) return text.length;
  let units = 0;
  for (let i = 0; i < text.length; i++) units += unitsOf(text.charCodeAt(i));
  return units;
}

/** Cuts a long text (over `max` units of layout: see HEAVY) at a word boundary, with an ellipsis: `max` units at most. */
export function shorten(text: ResolvedText | undefined, max: number): ResolvedText | undefined {
  if (!text || cutIndex(text.text, max) < 0) return text;
  // One unit for the "…".
  const at = cutIndex(text.text, max - 1);
  const cut = text.text.slice(0, at);
  const space = cut.lastIndexOf(' ');
  return {text: (space > at * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '') + '…', lang: text.lang};
}

/** A link, or plain text where there is no safe URL. */
export interface LinkView {
  text: ResolvedText;
  href?: string;
}

/** Finds a project by id (or the only one); throws `FeedError('not-found')` when there is none. */
export function selectProject(loaded: LoadedFeed, id: string | undefined): Project {
  if (id) return findItem(loaded, 'projects', id, 'project');
  const {projects} = loaded.feed;
  if (projects.length === 1) return projects[0];
  throw new FeedError('not-found', `No project attribute, and the feed has ${projects.length} projects. Add project="<id>".`, 'projects');
}

/**
 * The most entries of one feed list a page shows (README "When the feed has problems"), and
 * the longest single texts: far more than any real page has. `firstOf` keeps the first ones and says what it left out. A
 * project's description, quotes and partners, and a form's consents, also stop at a number of
 * characters (units of layout: fewer characters of scripts slower to lay out, see HEAVY):
 * laying out a megabyte of text in 48 paragraphs took Chromium 120 ms, 200 partners with
 * names and roles of 500 characters 60 ms (of Japanese, 140 ms). A description and a card's
 * partners stop at 20,000: with 40,000, 10,000 characters of Japanese in either took 45-68 ms
 * to lay out in Chromium on this machine, and a task over 50 ms came in 5 of 5 fresh pages
 * (1 and 2 of 6 with 20,000).
 */
export const AT_MOST = {
  paragraphs: 200,
  descriptionChars: 20_000,
  quotes: 50,
  quoteChars: 20_000,
  partners: 200,
  partnerChars: 20_000,
  roles: 10,
  consents: 20,
  consentChars: 10_000,
  // As long as a feed text may be: never reached in Latin script.
  noticeChars: 20_000,
  // Every Swedish municipality (290) and more: a list's first render with a thousand options
  // (6,000 projects of 6,000 organisations) had a task over 50 ms in Chromium on this machine
  // in 6 of 6 loads, with 500 in 5 of 6, with 300 in 1 of 6.
  filterOrganizations: 300,
  // One text, cut at a word with "…": a name, a short text (a title, a role's label), a compact card's summary.
  nameChars: 200,
  lineChars: 300,
  summaryChars: 240,
} as const;

/**
 * A count for the editor, in English with thousands separators ("13,000"), as
 * `toLocaleString('en')` writes it: not through Intl, as a page's first number format takes
 * long to set up (43-59 ms in one piece in Chromium on this machine, 5 fresh pages), and a
 * view that tells the editor what it left out would hold the page for it.
 */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * The first `max` entries of a feed list that `map` keeps (and, with `chars`, no more than
 * fit in that many units of layout of their `text`; a description's paragraph or a quote over
 * that alone is cut first, a consent is not, so it is never asked for), and what the editor is told
 * when there were more. A valid feed may still give one project thousands of paragraphs,
 * quotes or partners; rendering them all held the page for seconds (250,000 paragraphs: 2.7 s
 * in Chromium), so a view shows a number no real page comes near and says what it left out.
 */
export function firstOf<T, V>(
  list: readonly T[] | undefined,
  max: number,
  map: (entry: T) => V | undefined,
  leftOut: (count: number) => string,
  pathOf: () => string,
  chars?: {max: number; text: (view: V) => string}
): {shown: V[]; problem?: Problem} {
  const shown: V[] = [];
  let total = 0;
  let i = 0;
  for (; list && i < list.length && shown.length < max; i++) {
    const view = map(list[i]);
    if (view === undefined) continue;
    if (chars) {
      const size = layoutSize(chars.text(view));
      if (total + size > chars.max) break;
      total += size;
    }
    shown.push(view);
  }
  const rest = (list?.length ?? 0) - i;
  if (!rest) return {shown};
  const path = pathOf();
  const limit = shown.length < max ? `the ${grouped(chars!.max)} characters (fewer in scripts slower to lay out)` : `the ${max}`;
  return {shown, problem: {code: 'field-dropped', path, message: `${path}: ${leftOut(list!.length)}, more than ${limit} a page shows. ${rest === 1 ? 'The last one is' : `The last ${grouped(rest)} are`} left out.`, fatal: false}};
}

/** A project's path for the editor: `projects[3]` (its place among the projects kept). */
export const projectPath = (r: Resolver, project: Project): string => `projects[${r.feed.projects.indexOf(project)}]`;

/** "a, b" → ["a", "b"]. */
export const idList = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
