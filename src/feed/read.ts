/**
 * Reading a feed: its bytes (from `fetch`, or a file in the CLI) under the size cap, and its
 * text as JSON. Every failure is a `FeedError` with a contract code. Browsers and the
 * validator CLI (bin/loft-widgets.js) share this, so both refuse the same feeds the same way.
 */
import type {ErrorCode} from './check/engine.js';

/** Feeds above this size are refused (`feed-too-large`). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Settings a host page (or a test) may change before the first load. */
export const feedSettings = {
  /** How long a feed request may take, body included, in milliseconds. */
  timeoutMs: 15_000,
};

/** A problem that stops a feed from being shown at all. */
export class FeedError extends Error {
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
    total += value.byteLength;
    if (total > MAX_FEED_BYTES) {
      void reader.cancel();
      throw tooLarge(src);
    }
    parts.push(decoder.decode(value, {stream: true}));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Fetches a feed's text: one request without credentials (a feed is public data, and
 * visitors are not tracked), refused at once when it declares more than the cap, and given
 * `feedSettings.timeoutMs` in all, body included.
 */
export async function fetchFeedText(url: string): Promise<{text: string; url: string}> {
  const abort = new AbortController();
  const seconds = feedSettings.timeoutMs / 1000;
  const timer = setTimeout(() => abort.abort(), feedSettings.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {credentials: 'omit', signal: abort.signal, headers: {accept: 'application/json, text/plain;q=0.9, */*;q=0.5'}});
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

/** A feed's text as JSON. A byte order mark is not JSON, but CMS exports often start with one. */
export function parseFeedText(text: string, src?: string): unknown {
  const what = src ?? 'The inline feed';
  if (text.trim() === '') throw new FeedError('feed-not-json', `${what} is empty. It must be a JSON object like {"version": 1, …}.`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new FeedError('feed-not-json', `${what} is not valid JSON: ${(error as Error).message}. Check it with "npx loft-widgets validate".`);
  }
}
