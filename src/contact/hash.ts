/**
 * The consent record's `version` when the form has none: a short fingerprint of the exact
 * text shown. Shared so the receiver checks it with the very function the form uses
 * (`dist/contact/hash.js`).
 */

/** A short, stable fingerprint of the exact text shown (FNV-1a, 32 bits), for consents without a version. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return 'h' + (h >>> 0).toString(16).padStart(8, '0');
}
