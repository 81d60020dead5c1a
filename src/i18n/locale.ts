/**
 * The page's UI language. `@lit/localize` keeps one active locale per page, so this module
 * decides it for all loft elements together: the first connected loft element whose
 * closest `lang` (itself or an ancestor other than `<html>`) is set wins, else `<html lang>`;
 * both are followed live. Region tags map to their language (`sv-SE` → `sv`); anything
 * unsupported falls back to Swedish.
 *
 * Nothing runs at import: localization is configured when the first element connects, so
 * importing a class has no side effects.
 */
import {configureLocalization} from '@lit/localize';
import {allLocales, sourceLocale, targetLocales} from './generated/locale-codes.js';
// Swedish is bundled so that a Swedish page needs no extra request; Finnish loads lazily.
import * as sv from './generated/locales/sv.js';
import {tidyText} from '../feed/text.js';
import {messages, type MessageId, type Params} from './messages.js';
import type {Labels} from '../feed/schema.js';

export type Locale = (typeof allLocales)[number];

const FALLBACK: Locale = 'sv';

let localization: ReturnType<typeof configureLocalization> | undefined;
let ready: Promise<void> = Promise.resolve();
let warned = '';
const elements = new Set<Element>();

/** Maps any BCP 47 tag to a supported UI language. */
export function toLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split('-')[0];
  return (allLocales as readonly string[]).includes(language) ? (language as Locale) : FALLBACK;
}

function wantedLocale(): Locale {
  const chosen: Locale[] = [];
  for (const element of elements) {
    const owner = element.closest('[lang]');
    if (owner && owner !== document.documentElement && owner.getAttribute('lang')) chosen.push(toLocale(owner.getAttribute('lang')));
  }
  const distinct = [...new Set(chosen)] as Locale[];
  if (distinct.length > 1 && warned !== distinct.join()) {
    warned = distinct.join();
    console.warn(`loft-widgets: elements on this page ask for different languages (${distinct.join(', ')}); one UI language per page, so "${distinct[0]}" is used.`);
  }
  return distinct[0] ?? toLocale(document.documentElement.getAttribute('lang'));
}

function sync(): void {
  const wanted = wantedLocale();
  if (localization && wanted !== localization.getLocale()) ready = localization.setLocale(wanted).catch(() => undefined);
}

function start(): void {
  if (localization) return;
  localization = configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => (locale === 'sv' ? Promise.resolve(sv) : import('./generated/locales/fi.js')),
  });
  new MutationObserver(sync).observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
}

/** Registers a connected element; its `lang` may decide the page's UI language. */
export function connectLocale(element: Element): void {
  start();
  elements.add(element);
  sync();
}

/** Unregisters an element that left the page. */
export function disconnectLocale(element: Element): void {
  elements.delete(element);
  sync();
}

/** Resolves once the wanted locale's catalog is loaded (render after it, so no language flashes). */
export function localeReady(): Promise<void> {
  return ready;
}

/** The active UI language. */
export function currentLocale(): Locale {
  return (localization?.getLocale() ?? FALLBACK) as Locale;
}

/**
 * A built-in UI string in the active language, or the editor's own words for it from the
 * feed's `labels`, with `{placeholders}` filled in.
 */
export function translate(id: MessageId, params: Params = {}, labels?: Labels): string {
  const locale = currentLocale();
  let own: string | undefined;
  // "sv" and "sv-FI" labels both count on a Swedish page; the first that has the id wins.
  for (const lang in labels) if (!own && lang.split('-')[0].toLowerCase() === locale) own = labels[lang][id];
  if (own) return tidyText(own).replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
  return messages[id](params);
}
