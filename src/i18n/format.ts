/**
 * Dates and language names in words for a translator's language. `Intl` does the work
 * where it knows the language; where it does not (Sami, Meänkieli, Romani, Yiddish in most
 * browsers), dates use the month names a catalog of that language gives, else the first
 * language of the chain that `Intl` knows — never English on a page that is not English.
 */
import {intlHas, primaryOf, type Translator} from './translator.js';
import type {MessageId} from './messages.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, parts: number): Intl.DateTimeFormat {
  const key = `${lang}|${parts}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {timeZone: 'UTC', year: 'numeric', month: parts > 1 ? 'long' : undefined, day: parts > 2 ? 'numeric' : undefined});
    dateFormats.set(key, format);
  }
  return format;
}

/** A full or partial ISO date (`2023`, `2023-09`, `2023-09-01`) in words. */
export function formatDate(iso: string, tr: Translator): string {
  const [year, month, day] = iso.split('-').map(Number);
  // Where Intl lacks the language, the month names of the language's own catalog.
  if (!intlHas(tr.lang) && (month === undefined || tr.hasOwn(`month-${month}` as MessageId))) {
    if (month === undefined) return String(year);
    const params = {year: String(year), month: tr.t(`month-${month}` as MessageId), day: String(day)};
    // The catalog's pattern, else one without words in any language.
    const pattern = day === undefined ? 'date-month' : 'date-day';
    return tr.hasOwn(pattern) ? tr.t(pattern, params) : day === undefined ? `${params.month} ${year}` : `${day} ${params.month} ${year}`;
  }
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  date.setUTCFullYear(year);
  return dateFormat(tr.intlLang, month === undefined ? 1 : day === undefined ? 2 : 3).format(date);
}

/**
 * A language's name in another language ("engelska" for `en` in Swedish), where the
 * browser's `Intl` knows both; else undefined (Debian's Chromium has no names in Sami, say,
 * and would otherwise answer in its own default language).
 */
export function languageName(tag: string, inLang: string): string | undefined {
  if (typeof Intl.DisplayNames !== 'function' || !Intl.DisplayNames.supportedLocalesOf([inLang]).length) return undefined;
  try {
    const name = new Intl.DisplayNames([inLang], {type: 'language', fallback: 'none'}).of(primaryOf(tag));
    return name && name !== primaryOf(tag) ? name : undefined;
  } catch {
    // A tag Intl refuses.
    return undefined;
  }
}
