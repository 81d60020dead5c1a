// Retention: each form's `retention` (an ISO 8601 duration, as the form tells the visitor
// "Uppgifterna sparas i 2 år") is how long the receiver keeps a submission, its consent
// records and its delivery rows (GDPR art. 5(1)(e), storage limitation). The purge runs on a
// schedule inside the receiver and as `npm run submissions -- --purge`.

// The feed format's grammar (years, months, weeks, days; not zero, so nothing is deleted before
// it is delivered; at most four digits a number, so a cutoff is always a valid date), so the
// receiver and the form read every retention the same way (test/node/receiver-parts.test.mjs
// holds the two to the same verdicts).
const DURATION = /^P(?=\d)(?=.*[1-9])(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,4})D)?$/;
const UNITS = ['year', 'month', 'week', 'day'];

export const isDuration = (value) => typeof value === 'string' && DURATION.test(value);

/** `P1Y6M` → [{unit: 'year', amount: 1}, {unit: 'month', amount: 6}] */
export function durationParts(duration) {
  return DURATION.exec(duration)
    .slice(1)
    .map((amount, i) => ({unit: UNITS[i], amount: Number(amount ?? 0)}))
    .filter((part) => part.amount > 0);
}

/** The moment `duration` before `now`, in calendar units (P1M before 31 March is 3 March, as Date counts). */
export function durationBefore(now, duration) {
  const of = (unit) => durationParts(duration).find((p) => p.unit === unit)?.amount ?? 0;
  const t = new Date(now);
  t.setUTCFullYear(t.getUTCFullYear() - of('year'), t.getUTCMonth() - of('month'), t.getUTCDate() - 7 * of('week') - of('day'));
  return t;
}

/**
 * Deletes what is older than its form's retention (forms no longer in the feeds: the default
 * retention) with its consent records and delivery rows. Returns the store's counts.
 */
export function purgeExpired(store, forms, defaultRetention, now = new Date()) {
  const cutoffs = [...forms.values()].map(({form, retention}) => ({form: form.id, before: durationBefore(now, retention)}));
  return store.purge(cutoffs, durationBefore(now, defaultRetention), now);
}
