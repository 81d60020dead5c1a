// Feeds for stories: the reference feeds (imported, so no request), and two fake feed URLs
// for the loading states, answered inside the page so that they make no network error:
// one that never answers (until the loader's own timeout aborts it) and one that answers
// after a delay. Everything else goes to the real network, e.g. MISSING_FEED (a real 404).
import loft from '../../demo/feeds/loft.feed.json';
import exempelby from '../../demo/feeds/exempelby.feed.json';

type Json = Record<string, any>;

/** Fresh copies of the reference feeds in demo/feeds/, to change per story. */
export const feeds = {
  /** RISE's LOFT page as a feed (the seed). */
  loft: (): Json => structuredClone(loft),
  /** A made-up municipality: several projects, forms with each legal basis. */
  exempelby: (): Json => structuredClone(exempelby),
};

const MARK = '__story-feeds__/';
const delayed = new Map<string, {feed: unknown; ms: number}>();
let counter = 0;

/** A feed URL that never answers: the element stays in its loading state. */
export const PENDING_FEED = `${MARK}pending.json`;

/** A same-origin feed URL that does not exist: a real request that fails with 404. */
export const MISSING_FEED = 'feeds/no-such-feed.json';

/** A fresh feed URL (call it in `render`) that answers with `feed` after `ms` milliseconds. */
export function delayedFeed(feed: unknown, ms: number): string {
  const key = `delayed-${++counter}.json`;
  delayed.set(key, {feed, ms});
  return MARK + key;
}

/** Answers the fake feed URLs in the page; other requests pass through untouched. */
export function installStoryFeeds(): void {
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    const at = url.pathname.indexOf('/' + MARK);
    if (url.origin !== location.origin || at < 0) return realFetch(input, init);
    const key = url.pathname.slice(at + MARK.length + 1);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise((resolve, reject) => {
      const abort = () => reject(signal?.reason ?? new DOMException('The request was aborted.', 'AbortError'));
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, {once: true});
      const answer = delayed.get(key);
      if (!answer) return; // PENDING_FEED: no answer, as a server that hangs
      setTimeout(() => resolve(new Response(JSON.stringify(answer.feed), {headers: {'content-type': 'application/json'}})), answer.ms);
    });
  };
}
