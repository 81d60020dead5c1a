/**
 * Text for people, from an untrusted feed: resolved to one language, tidied to plain text,
 * and dates formatted through `Intl`. Templates bind the results as text, never as HTML.
 */
import type {LocalizedText} from './schema.js';

/** A resolved text and the language it is really in (for a `lang` attribute when it differs). */
export interface ResolvedText {
  text: string;
  lang: string;
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};

/**
 * Plain, tidy text: HTML tags that a CMS export left in are removed (the text is never
 * markup), a few common entities decoded, control characters dropped, and runs of
 * whitespace (CRLF, tabs, non-breaking spaces) folded into one space.
 */
// Anything tidyText would change: tags, entities, control and format characters, whitespace
// other than single spaces between words. Most feed texts have none and are returned as they are.
const UNTIDY = /[<&\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]| {2}|^ | $/;

export function tidyText(raw: string): string {
  if (!UNTIDY.test(raw)) return raw;
  return raw
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,5});/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0x1f && code < 0x110000 && !(code >= 0x7f && code < 0xa0) ? String.fromCodePoint(code) : ' ';
    })
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Resolves a LocalizedText with the fallback chain: requested language → the feed's
 * `language` → Swedish → the first available. Region tags match their language.
 */
export function resolveText(value: LocalizedText | undefined, locale: string, feedLanguage: string): ResolvedText | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = tidyText(value);
    return text ? {text, lang: feedLanguage} : undefined;
  }
  // Only the languages looked at are tidied: a list resolves thousands of texts at once.
  const entries = Object.entries(value);
  const tidied = new Map<string, string>();
  const tidy = (lang: string, raw: string) => {
    let text = tidied.get(lang);
    if (text === undefined) tidied.set(lang, (text = tidyText(raw)));
    return text;
  };
  for (const wanted of [locale, feedLanguage, 'sv']) {
    for (const [lang, raw] of entries) {
      if (primary(lang) === primary(wanted) && tidy(lang, raw)) return {text: tidy(lang, raw), lang};
    }
  }
  for (const [lang, raw] of entries) if (tidy(lang, raw)) return {text: tidy(lang, raw), lang};
  return undefined;
}

/** True when a text's language differs from the page's, so it needs its own `lang`. */
export function needsLang(text: ResolvedText | undefined, locale: string): boolean {
  return text !== undefined && primary(text.lang) !== primary(locale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

function dateFormat(locale: string, parts: number): Intl.DateTimeFormat | null {
  const key = `${locale}|${parts}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    const supported = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
    format = supported
      ? new Intl.DateTimeFormat(locale, {
          timeZone: 'UTC',
          year: 'numeric',
          month: parts > 1 ? 'long' : undefined,
          day: parts > 2 ? 'numeric' : undefined,
        })
      : null;
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A full or partial ISO date (`2023`, `2023-09`, `2023-09-01`) in words for the locale;
 * the ISO text itself where the browser lacks the locale.
 */
export function formatDate(iso: string, locale: string): string {
  const parts = iso.split('-').map(Number);
  const format = dateFormat(locale, parts.length);
  if (!format) return iso;
  const [year, month = 1, day = 1] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return format.format(date);
}

const listFormats = new Map<string, Intl.ListFormat | null>();

/** "A, B och C" in the locale; comma-joined where `Intl.ListFormat` lacks the locale. */
export function formatList(items: string[], locale: string): string {
  let format = listFormats.get(locale);
  if (format === undefined) {
    format = 'ListFormat' in Intl && Intl.ListFormat.supportedLocalesOf([locale]).length ? new Intl.ListFormat(locale, {type: 'conjunction'}) : null;
    listFormats.set(locale, format);
  }
  return format ? format.format(items) : items.join(', ');
}

// Letters that Unicode does not decompose into a base letter and a mark (Nordic and Sami ones
// among them: "Tromsø", "Ŋ"), and dash variants, so they too match what people type.
const FOLD: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ŋ: 'n', ŧ: 't', ł: 'l', ı: 'i', '‐': '-', '‑': '-', '–': '-', '—': '-'};

/** Search key: lowercase without diacritics, so "skelleftea" finds "Skellefteå" and "tromso" "Tromsø". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßđðþŋŧłı\u2010-\u2014]/g, (c) => FOLD[c] ?? c);
}
