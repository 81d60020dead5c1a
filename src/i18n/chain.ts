/** Which languages a message is looked up in, and the built-in catalogs along that chain. */
import {BUILT_IN, type Part} from './generated/built-in.js';

export type {Part};
import type {Messages} from './catalog.js';

/**
 * Where a language looks before Swedish and English: the Sami languages in Northern Sami,
 * Meänkieli in Finnish (lag 2009:724's national minority languages).
 */
const FALLBACKS: Record<string, string[]> = {sma: ['se'], smj: ['se'], smn: ['se'], sms: ['se'], sju: ['se'], fit: ['fi'], fkv: ['fi']};

/** The primary language subtag, lowercase: `sv-FI` → `sv`. */
export const primaryOf = (tag: string): string => {
  // Without splitting the tag into a list: a feed's labels may name 40,000 languages.
  const dash = tag.indexOf('-');
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
};

/**
 * The languages a message is looked up in, most wanted first: the tag, its language, that
 * language's own fallbacks (or `fallback`, from a catalog), then Swedish and English.
 */
export function languageChain(tag: string, fallback?: readonly string[]): string[] {
  const lower = tag.toLowerCase();
  const primary = primaryOf(lower);
  // Own entries only: a tag is page data, and `lang="constructor"` is one too.
  const own = Object.hasOwn(FALLBACKS, primary) ? FALLBACKS[primary] : [];
  return [...new Set([lower, primary, ...(fallback ?? own).map((l) => l.toLowerCase()), 'sv', 'en'])];
}

const builtInCache = new Map<string, Promise<Messages>>();

/** A part of a built-in catalog, loaded once (each is a chunk of its own). */
export function builtIn(lang: string, part: Part): Promise<Messages> {
  const key = `${lang}.${part}`;
  let loading = builtInCache.get(key);
  if (!loading) {
    loading = BUILT_IN[lang][part]().then((m) => m.default);
    builtInCache.set(key, loading);
    // A failed load (a missing file on the server) is not kept: the next element tries again.
    loading.catch(() => builtInCache.delete(key));
  }
  return loading;
}

/** Whether the widgets have a language built in (Swedish, English, Finnish). */
export const isBuiltIn = (lang: string): boolean => Object.hasOwn(BUILT_IN, lang);

/** The first built-in language of a chain: the lookup ends there (built-in catalogs are complete). */
export const firstBuiltIn = (chain: readonly string[]): string => chain.find(isBuiltIn) ?? 'en';

/**
 * Starts loading the built-in catalog parts that an element in language `tag` will ask its
 * translator for, where no run-time catalog can change its chain: the CDN loader does, as it
 * loads the element's code, so they do not wait for that code to arrive and run. (The
 * loader has a copy of this module: the browser's module map, not `builtIn`'s cache, makes
 * the element's later import of the same file the same load.)
 */
export function preloadBuiltIn(tag: string, parts: readonly Part[]): void {
  const first = firstBuiltIn(languageChain(tag));
  for (const part of parts) BUILT_IN[first][part]().catch(() => undefined);
}
