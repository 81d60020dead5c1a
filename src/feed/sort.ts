/**
 * A stable sort in steps, for lists long enough to hold the page: `Intl.Collator` takes
 * about a quarter of a microsecond a comparison in Chromium, so sorting the names of a 1 MB
 * feed of 14,000 small projects took one task of 60–80 ms. Run it with `runInSlices`
 * (slices.ts) in a browser, or `runToEnd` where nothing waits. The order is
 * `Array.prototype.sort`'s with the same comparison: both sorts are stable.
 */
import {PAUSE, type Steps} from './slices.js';

/** Runs this long are sorted at once by `Array.prototype.sort` (about 10,000 comparisons: a few milliseconds), then merged in steps. */
const RUN = 1024;
/** Items merged between offers to pause. */
const MERGED_AT_ONCE = 512;

/** The steps of sorting `items` (a copy; `items` is left as it is) by `compare`. */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  let from: T[] = [];
  for (let lo = 0; lo < n; lo += RUN) {
    from.push(...items.slice(lo, lo + RUN).sort(compare));
    yield PAUSE;
  }
  let to = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      // Two runs already in order (as in a feed sorted by name) are copied, not merged.
      const inOrder = mid >= hi || compare(from[mid], from[mid - 1]) >= 0;
      // The left run's item first unless the right one is smaller: that keeps the sort stable.
      for (let [i, j, k] = [lo, mid, lo]; k < hi; ) {
        to[k++] = j >= hi || (i < mid && (inOrder || compare(from[j], from[i]) >= 0)) ? from[i++] : from[j++];
        if (k % MERGED_AT_ONCE === 0) yield PAUSE;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
