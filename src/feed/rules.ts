/**
 * Rules that the schema's `v.check` actions call by name (the URL rules live in urls.ts),
 * so that the checker generated from the schema (scripts/generate-feed-checks.mjs) can call
 * the very same functions without valibot.
 */

/**
 * True when a LocalizedText object names at least one language. valibot's record leaves out
 * the keys `__proto__`, `prototype` and `constructor`, so they do not count here either: the
 * answer is the same for the object as the editor wrote it and for valibot's copy of it.
 */
export function hasLanguage<T extends object>(text: T): boolean {
  for (const key in text) {
    if (Object.prototype.hasOwnProperty.call(text, key) && key !== '__proto__' && key !== 'prototype' && key !== 'constructor') return true;
  }
  return false;
}
