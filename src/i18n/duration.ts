/** Amounts of time in words ("2 years", "1 year and 6 months") for a translator's language, through `Intl`. */
import type {Translator} from './translator.js';

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B och C". */
export function formatList(items: string[], tr: Translator): string {
  let format = listFormats.get(tr.intlLang);
  if (!format) listFormats.set(tr.intlLang, (format = new Intl.ListFormat(tr.intlLang, {type: 'conjunction'})));
  return format.format(items);
}

/** "2 years", "1 year and 6 months": an amount of a unit in words. */
export function formatAmount(n: number, unit: 'year' | 'month' | 'week' | 'day' | 'minute' | 'second', tr: Translator): string {
  return new Intl.NumberFormat(tr.intlLang, {style: 'unit', unit, unitDisplay: 'long'}).format(n);
}

/** An ISO 8601 duration in years, months, weeks or days (`P2Y`, `P1Y6M`) in words. */
export function durationInWords(iso: string, tr: Translator): string | undefined {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!match) return undefined;
  const units = ['year', 'month', 'week', 'day'] as const;
  const parts = match
    .slice(1)
    // "P1Y0M6D" is 1 year and 6 days, not "1 year, 0 months and 6 days" (the receiver's mail says the same).
    .map((n, i) => (Number(n) ? formatAmount(Number(n), units[i], tr) : ''))
    .filter(Boolean);
  return parts.length ? formatList(parts, tr) : undefined;
}
