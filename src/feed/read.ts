/**
 * Reading a feed: its bytes (from `fetch`, or a file in the CLI) under the size cap, and its
 * text as JSON. Every failure is a `FeedError` with a contract code. Browsers and the
 * validator CLI (bin/loft-widgets.js) share this, so both refuse the same feeds the same way.
 */
import type {ErrorCode} from './check/engine.js';
import {nextTask, SLICE_MS, sliceStart, sliceTime} from './slices.js';
import {requestFeed} from './request.js';

/** Feeds above this size are refused (`feed-too-large`). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Settings a host page (or a test) may change before the first load. */
export const feedSettings = {
  /** How long a feed request may take, body included, in milliseconds. */
  timeoutMs: 15_000,
};

/** A problem that stops a feed from being shown at all. */
export class FeedError extends Error {
  /** For `not-found`: the id that matches nothing, as the element was given it (`explainNotFound` says what was likely meant). */
  declare readonly wanted?: string;
  /** For `not-found`: the attribute the id was given in (`project`, `people`, `recipient`, `form`). */
  declare readonly attribute?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export function tooLarge(src: string): FeedError {
  return new FeedError('feed-too-large', `${src} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB. Split it into smaller feeds.`);
}

/** Reads a body as UTF-8 text, chunk by chunk, refusing it as soon as it passes the cap. */
export async function readFeedStream(body: ReadableStream<Uint8Array> | null, src: string): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    const before = total;
    total += value.byteLength;
    if (total > MAX_FEED_BYTES) {
      void reader.cancel();
      throw tooLarge(src);
    }
    // A text this long may be dense enough to be parsed in slices: the parser's chunk loads while the rest arrives, not after.
    if (before <= PARSER_EARLY && total > PARSER_EARLY) import('./json-in-slices.js').catch(() => {});
    parts.push(decoder.decode(value, {stream: true}));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Fetches a feed's text: one request without credentials (request.ts; the CDN loader may
 * have started it), refused at once when it declares more than the cap, and given
 * `feedSettings.timeoutMs` from when it is asked for, body included.
 */
export async function fetchFeedText(url: string): Promise<{text: string; url: string}> {
  const {response: responding, abort} = requestFeed(url);
  const seconds = feedSettings.timeoutMs / 1000;
  const timer = setTimeout(() => abort.abort(), feedSettings.timeoutMs);
  try {
    let response: Response;
    try {
      response = await responding;
    } catch (error) {
      if (abort.signal.aborted) throw new FeedError('feed-timeout', `${url} did not answer within ${seconds} s.`);
      // Node says why (refused, unknown host); a browser does not, and CORS is the usual reason there.
      const cause = (error as {cause?: {message?: string}}).cause?.message;
      throw new FeedError('feed-unreachable', `${url} could not be reached${cause ? `: ${cause}` : " (network error, or the server does not allow this page's origin through CORS)"}.`);
    }
    if (!response.ok) throw new FeedError('feed-unreachable', `${url} answered HTTP ${response.status}. Check the feed's address.`, undefined, response.status);
    if (Number(response.headers.get('content-length')) > MAX_FEED_BYTES) throw tooLarge(url);
    try {
      return {text: await readFeedStream(response.body, url), url: response.url || url};
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw abort.signal.aborted ? new FeedError('feed-timeout', `${url} did not arrive within ${seconds} s.`) : new FeedError('feed-unreachable', `${url} broke off while loading.`);
    }
  } finally {
    clearTimeout(timer);
    // Ends a body that was not read (an error status, too large).
    abort.abort();
  }
}

const what = (src?: string) => src ?? 'The inline feed';
const notJson = (error: unknown, src?: string) =>
  new FeedError('feed-not-json', `${what(src)} is not valid JSON: ${(error as Error).message}. Check it with "npx loft-widgets validate".`);

/** A feed's text without the byte order mark CMS exports often start with (it is not JSON). */
function withoutBom(text: string, src?: string): string {
  if (text.trim() === '') throw new FeedError('feed-not-json', `${what(src)} is empty. It must be a JSON object like {"version": 1, …}.`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A feed's text as JSON, at once. */
export function parseFeedText(text: string, src?: string): unknown {
  const json = withoutBom(text, src);
  try {
    return JSON.parse(json);
  } catch (error) {
    throw notJson(error, src);
  }
}

/**
 * Bytes of a feed after which the parser for dense texts is fetched while the rest arrives:
 * ordinary projects pass `MAX_PARTS_AT_ONCE` parts at about 420 KB. (A shorter text dense
 * enough, a hostile one, fetches it after it has arrived.)
 */
const PARSER_EARLY = 150_000;

/** Texts this short must never block the page for long (a feed under 1 MB). */
const SLICED_BELOW = 1024 * 1024;
/**
 * How many objects, lists and keys JSON.parse may meet in one task. Keys of one large object
 * cost it most: one object of 44,000 keys took 25–35 ms in Chromium on a fresh page, where
 * 44,000 objects of one key took 8 ms, and 600 KB of ordinary projects (42,000) 7 ms. A
 * megabyte of `{},{},…` has 330,000 and takes 60 ms or more.
 */
const MAX_PARTS_AT_ONCE = 30_000;

/** Whether a text has more objects, lists and keys than JSON.parse can take in one go (counting `{`, `[` and `:`, in strings too). */
function dense(text: string): boolean {
  // A shorter text cannot have that many (and the count, cold on a fresh page, took 1.3 ms of a card's 9 KB feed).
  if (text.length <= MAX_PARTS_AT_ONCE) return false;
  // indexOf searches natively: 3.5 ms for a megabyte on a fresh page, where a loop over its characters took 9.
  let parts = 0;
  for (const c of '{[:') for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) if (++parts > MAX_PARTS_AT_ONCE) return true;
  return false;
}

/**
 * A feed's text as JSON, for a page: a text under 1 MB dense with objects, lists and keys
 * is parsed in slices (json-in-slices.ts, loaded only then), and after a long parse the page
 * gets a turn before validation starts.
 */
export async function parseFeedTextInSlices(text: string, src?: string): Promise<unknown> {
  sliceStart();
  let raw: unknown;
  if (text.length < SLICED_BELOW && dense(text)) {
    const json = withoutBom(text, src);
    const {parseJsonInSlices} = await import('./json-in-slices.js');
    try {
      raw = await parseJsonInSlices(json);
    } catch (error) {
      throw notJson(error, src);
    }
  } else raw = parseFeedText(text, src);
  if (sliceTime() > SLICE_MS) await nextTask();
  return raw;
}
