/**
 * The few helpers the generated checks (`../generated/check.ts`) call, written once here.
 * Values are unchecked JSON, hence `any`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Whether valibot's record keeps a key: it passes over `__proto__`, `prototype` and
 * `constructor`, whatever they hold. So `{"constructor": 5, "fi": "…"}` is a valid
 * LocalizedText, and those keys are no language of it.
 */
export const recordKeeps = (k: string): boolean => k !== '__proto__' && k !== 'prototype' && k !== 'constructor';

/** What valibot takes for an object: lists too. */
export const isObject = (x: unknown): x is Record<string, any> => typeof x === 'object' && x !== null;

/** An optional entry: absent, or passing `check`. */
export const optional = (x: any, check: (x: any) => boolean): boolean => x === undefined || check(x);

/** A list whose every entry passes `check` (valibot's array: each index, holes too). */
export function list(x: any, check: (x: any) => boolean): boolean {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!check(x[i])) return false;
  return true;
}

/**
 * A record key's verdict, remembered in `verdicts`. Keys repeat (a feed says "sv" and "en"
 * thousands of times) and a regex per key costs more than remembering; a hostile feed's
 * millions of keys fill it to its size and no further.
 */
export function knownKey(k: string, check: (x: any) => boolean, verdicts: Map<string, boolean>): boolean {
  let verdict = verdicts.get(k);
  if (verdict === undefined) {
    verdict = check(k);
    if (verdicts.size < 1000) verdicts.set(k, verdict);
  }
  return verdict;
}
