/**
 * URL safety. A feed is untrusted: only absolute http(s) URLs and plain relative ones may
 * become links. Anything the URL parser would "repair" into something else (tabs and
 * newlines inside `javascript:`, backslashes that turn into `//host`) is refused up front
 * rather than normalised, so what the editor wrote is what the visitor gets.
 */

// Control characters, any whitespace (incl. Unicode spaces), invisible and bidirectional
// formatting characters (which make a URL read differently from what it is), backslashes.
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb\\]/;

// Module constants, as every URL of a feed is checked: a regex literal in a function is a new
// object at each call (most of what checking a feed of 20 MB of broken images allocated).
const HTTP = /^https?:\/\//i;
const SCHEME = /^[^/?#]*:/;

/** True for `https://…`, `http://…` and relative URLs that cannot leave the feed's scheme. */
export function isAllowedUrl(raw: string): boolean {
  const value = raw.trim();
  // Relative: not protocol-relative ("//evil.example" would leave the feed's origin without
  // saying so), and no colon before the first "/", "?" or "#": that is a scheme (mailto:,
  // javascript:, "https:/x") or what an editor meant as one (with full-width letters, say).
  // (The scheme first: it refuses most bad URLs without reading them to the end.)
  if (!HTTP.test(value) && (value.startsWith('//') || SCHEME.test(value))) return false;
  return value !== '' && !UNSAFE_CHARS.test(value);
}

/**
 * Resolves a feed URL against the feed's own URL (or the page's, for inline feeds).
 * Returns `undefined` for anything that is not an allowed http(s) URL after resolution.
 */
export function resolveUrl(raw: string | undefined, base: string): string | undefined {
  if (raw === undefined || !isAllowedUrl(raw)) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"/?#]{1,189}\.[^\s@<>()[\]\\,;:"/?#.]{2,}$/;

/** A plain e-mail address (no display name, no parameters that could inject headers). */
export function isEmail(raw: string): boolean {
  const value = raw.trim();
  return EMAIL.test(value) && !UNSAFE_CHARS.test(value);
}

const PHONE = /^\+?[\d\s()-]{3,40}$/;
const TWO_DIGITS = /\d\D*\d/;

/** A phone number written for people: digits with `+`, spaces, hyphens and parentheses. */
export function isPhone(raw: string): boolean {
  return PHONE.test(raw.trim()) && TWO_DIGITS.test(raw);
}

/** `mailto:` link for a checked e-mail address. */
export function mailtoUrl(email: string | undefined): string | undefined {
  return email !== undefined && isEmail(email) ? `mailto:${email.trim()}` : undefined;
}

/**
 * `tel:` link for a checked phone number (digits and a leading `+` only). In an international
 * number, "(0)" is the trunk prefix dialled only from inside the country ("+46 (0)10-516 50 00"
 * is +46 10 516 50 00), so it is left out; dialled, +46 0… reaches no one.
 */
export function telUrl(phone: string | undefined): string | undefined {
  if (phone === undefined || !isPhone(phone)) return undefined;
  const digits = (phone.trim().startsWith('+') ? phone.replace(/\(\s*0\s*\)/g, '') : phone).replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' + digits.slice(1).replace(/\+/g, '') : digits.replace(/\+/g, '')}`;
}
