/**
 * The request for a feed's URL, apart from reading it (read.ts), so the CDN loader can
 * start it while the element's code is still on its way: the element then takes the
 * response already under way instead of asking only once its code has arrived and run.
 */
export interface FeedRequest {
  response: Promise<Response>;
  /** Ends the request (a timeout), or a body not read. */
  abort: AbortController;
}

/** One request without credentials: a feed is public data, and visitors are not tracked. */
function request(url: string): FeedRequest {
  const abort = new AbortController();
  const response = fetch(url, {credentials: 'omit', signal: abort.signal, headers: {accept: 'application/json, text/plain;q=0.9, */*;q=0.5'}});
  return {response, abort};
}

/**
 * Requests started before an element asked, by absolute URL, each for the first that asks.
 * On `globalThis`, since the CDN loader has a copy of this module of its own (rollup.config.js).
 */
const EARLY = Symbol.for('loft-widgets.early-feed-requests');
const early: Map<string, FeedRequest> = ((globalThis as {[EARLY]?: Map<string, FeedRequest>})[EARLY] ??= new Map());

/**
 * How long a request started early waits for an element to take it. One none takes (its
 * element's `src` changed, or `.data` came first, before its code arrived) is then ended, so
 * it holds no connection and reads no more of the feed; an element that comes later still
 * asks on its own. As long as an element waits for its feed.
 */
export const earlySettings = {untakenMs: 15_000};

/** Starts the request for a feed that an element on the page will ask for, unless one was started already; either way, that request. */
export function requestEarly(url: string): FeedRequest {
  const already = early.get(url);
  if (already) return already;
  const started = request(url);
  // Its failure is the element's to report, when it takes the request.
  started.response.catch(() => undefined);
  early.set(url, started);
  setTimeout(() => {
    if (early.get(url) !== started) return;
    early.delete(url);
    started.abort.abort();
  }, earlySettings.untakenMs);
  return started;
}

/** The request for `url`: the one started early, if any (taken once), else a new one. */
export function requestFeed(url: string): FeedRequest {
  const started = early.get(url);
  early.delete(url);
  return started ?? request(url);
}
