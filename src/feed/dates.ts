/** Dates in the feed: whether one the format's pattern takes is a day the calendar has. */

/**
 * Whether an ISO date ("2023", "2023-09", "2023-09-01") names a day the (proleptic Gregorian)
 * calendar has: "2025-02-29" and "2026-04-31" do not, and shown they would read as the 1st of
 * the next month.
 */
export function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  if (!day) return true;
  // Day 0 of the next month is the last of this one; setUTCFullYear, unlike Date.UTC, takes a year below 100 as it is.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}
