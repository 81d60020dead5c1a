/** Dates in the feed: whether one the format's pattern takes is a day the calendar has. */

/** An ISO 8601 date, possibly partial: `2023`, `2023-09`, `2023-09-01` (the feed's DateSchema). */
export const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Whether an ISO date ("2023", "2023-09", "2023-09-01") names a day the (proleptic Gregorian)
 * calendar has: "2025-02-29" and "2026-04-31" do not, and shown they would read as the 1st of
 * the next month. Only for what ISO_DATE takes (four-digit year, month 01–12, day 01–31);
 * plain arithmetic, as every project's dates pass here (a `Date` and a split for each took half of
 * the bench feed's validation in Node).
 */
export function isCalendarDate(iso: string): boolean {
  // No day (`+""` is 0), or one every month has.
  const day = +iso.slice(8);
  if (day <= 28) return true;
  const month = +iso.slice(5, 7);
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const year = +iso.slice(0, 4);
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
