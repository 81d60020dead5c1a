/**
 * Text for people, from an untrusted feed: resolved to one language, tidied to plain text,
 * and dates formatted through `Intl`. Templates bind the results as text, never as HTML.
 */
import type {LocalizedText} from './schema.js';
import {primaryOf as primary} from '../i18n/chain.js';
import {recordKeeps} from './check/helpers.js';

/** A resolved text and the language it is really in (for a `lang` attribute when it differs). */
export interface ResolvedText {
  text: string;
  lang: string;
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};

// Anything tidyText would change: tags, entities, control and format characters, whitespace
// other than single spaces between words, more than eight combining marks in a row. Most feed
// texts have none and are returned as they are.
const UNTIDY = /[<&\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]| {2}|^ | $|\p{M}{9}/u;
/**
 * Combining marks past the eighth in a row. Writing stacks a handful on one letter at most
 * (Hebrew with points and cantillation, Tibetan's tallest stacks: about five); "Zalgo" text
 * stacks hundreds, and 100,000 characters of them took Chromium 50-90 ms to lay out.
 */
const TOO_MANY_MARKS = /(\p{M}{8})\p{M}+/gu;

/**
 * Plain, tidy text: HTML tags that a CMS export left in are removed (the text is never
 * markup), a few common entities decoded, control characters dropped, runs of whitespace
 * (CRLF, tabs, non-breaking spaces) folded into one space, and combining marks past the
 * eighth on one letter dropped.
 */
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
    .replace(TOO_MANY_MARKS, '$1')
    .trim();
}

/**
 * Where a language tag's primary subtag stands among the first `before` of `wanted` (primary
 * subtags, lowercase), else -1. Without building the subtag: a valid text may have tens of
 * thousands of languages (62,000 took 40 ms that way, 9 ms this way, in Node).
 */
function rankOf(tag: string, wanted: readonly string[], before: number): number {
  for (let i = 0; i < before; i++) {
    const w = wanted[i];
    const n = w.length;
    if (tag.length !== n && tag.charCodeAt(n) !== 45 /* - */) continue;
    // ASCII letters in any case (a tag's primary subtag is letters only); `| 32` lowercases them.
    let j = 0;
    while (j < n && (tag.charCodeAt(j) | 32) === w.charCodeAt(j)) j++;
    if (j === n) return i;
  }
  return -1;
}

/**
 * The `wanted` of `resolveText` (primary subtags, most wanted first): the reader's languages
 * (the page's and its fallbacks, or a mail's), then the feed's `language`, then Swedish. The
 * widgets and the receiver's mail both ask for feed texts this way.
 */
export function wantedLanguages(readers: readonly string[], feedLanguage: string): string[] {
  return [...new Set([...readers, feedLanguage, 'sv'].map(primary))];
}

/**
 * Resolves a LocalizedText to the first language of `wanted` (primary subtags, most wanted
 * first: the page's language and its fallbacks, the feed's `language`, Swedish) that has a
 * non-empty text, else to the first non-empty one. Region tags match their language.
 */
export function resolveText(value: LocalizedText | undefined, wanted: readonly string[], feedLanguage: string): ResolvedText | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = tidyText(value);
    return text ? {text, lang: feedLanguage} : undefined;
  }
  // One pass: keep the best-ranked language seen so far. Only candidates are tidied: a list
  // resolves thousands of texts at once.
  let best: ResolvedText | undefined;
  let bestRank = Infinity;
  for (const lang in value) {
    // Validation passed over these keys (recordKeeps): no language, whatever they hold.
    if (!recordKeeps(lang)) continue;
    let rank = rankOf(lang, wanted, Math.min(bestRank, wanted.length));
    if (rank < 0) {
      if (bestRank <= wanted.length) continue;
      rank = wanted.length;
    }
    const text = tidyText(value[lang]);
    if (!text) continue;
    best = {text, lang};
    bestRank = rank;
    if (rank === 0) break;
  }
  return best;
}

/** True when a text's language differs from the page's, so it needs its own `lang`. */
export function needsLang(text: ResolvedText | undefined, locale: string): boolean {
  return text !== undefined && primary(text.lang) !== primary(locale);
}
