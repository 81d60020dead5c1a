/** Dates in the feed: whether one the format's pattern takes is a day the calendar has. */

/** Days in each month of a common year. */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether an ISO date ("2023", "2023-09", "2023-09-01") names a day the (proleptic Gregorian)
 * calendar has: "2025-02-29" and "2026-04-31" do not, and shown they would read as the 1st of
 * the next month.
 */
export function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  if (day === undefined) return true;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]);
}
