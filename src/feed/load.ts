/**
 * Loading feeds: from a URL (one request per URL per page, however many elements use it),
 * from inline JSON, or from an object. Every outcome is either a `LoadedFeed` or a
 * `FeedError` with a contract code; nothing here throws anything else.
 */
import type {Feed} from './schema.js';
import {validateFeedAsync, type CollectionName, type ErrorCode, type Problem} from './check/engine.js';
import {FeedError, fetchFeedText, parseFeedTextInSlices} from './read.js';

export {FeedError, MAX_FEED_BYTES, feedSettings} from './read.js';

/** A validated feed with what is needed to resolve its URLs. */
export interface LoadedFeed {
  feed: Feed;
  /** Base for relative URLs: the feed's own URL, or the page's for inline feeds. */
  baseUrl: string;
  /** The `src` it came from, if any. */
  src?: string;
  /** Non-fatal problems, reported to editors (the rest is rendered): the first `MAX_PROBLEMS` in full. */
  problems: Problem[];
  /** Every problem, counted by code, including those beyond `problems`. */
  counts: Partial<Record<ErrorCode, number>>;
  /** Why each left-out item was left out, by `collection/id`, so an element that asks for it can say. */
  skipped: ReadonlyMap<string, Problem>;
}

/** Parses and validates feed text. */
export async function parseFeed(text: string, baseUrl: string, src?: string): Promise<LoadedFeed> {
  let raw: unknown;
  try {
    raw = await parseFeedTextInSlices(text, src);
  } catch (error) {
    throw warned(error as FeedError);
  }
  return checkFeed(raw, baseUrl, src);
}

/** Validates an already parsed feed (the `.data` property, or a parsed document). */
export async function checkFeed(raw: unknown, baseUrl: string, src?: string): Promise<LoadedFeed> {
  const {feed, problems, counts, skipped} = await validateFeedAsync(raw);
  if (!feed) {
    const [fatal] = problems;
    throw warned(new FeedError(fatal.code, `${src ? `${src}: ` : ''}${fatal.message}`, fatal.path));
  }
  // Problems come from the slow path, so its chunk, which also holds the console's words for them, is here already.
  if (problems.length) (await import('./warn-editor.js')).warnEditor(problems, counts, src);
  return {feed, baseUrl, src, problems, counts, skipped};
}

/** Tells the editor about a fatal problem, once per load (not once per element). */
function warned(error: FeedError): FeedError {
  console.warn(`loft-widgets: ${error.message}`);
  return error;
}

/** An item of each collection, in the editor messages' words. */
export const WHAT: Record<CollectionName, string> = {organizations: 'organisation', people: 'person', projects: 'project', contactForms: 'contact form'};

/**
 * The item an element shows, by id (`attribute` names where the id came from, for the
 * message). Throws `FeedError('not-found')` when the feed has no such item to show, with the
 * id in `wanted` and the attribute in `attribute`: `explainNotFound` (which a page loads
 * only then) says why, the item's own problem when it was left out as broken, or what the
 * editor likely meant.
 */
export function findItem<C extends CollectionName>(loaded: LoadedFeed, collection: C, id: string, attribute: string): Feed[C][number] {
  const list = loaded.feed[collection] as {id: string}[];
  const item = list.find((x) => x.id === id);
  if (item) return item as Feed[C][number];
  throw Object.assign(new FeedError('not-found', `${attribute}="${id}": there is no ${WHAT[collection]} with that id in the feed. Check the id.`, collection), {wanted: id, attribute});
}

async function fetchFeed(url: string): Promise<LoadedFeed> {
  let fetched: {text: string; url: string};
  try {
    fetched = await fetchFeedText(url);
  } catch (error) {
    throw warned(error as FeedError);
  }
  return parseFeed(fetched.text, fetched.url, url);
}

const cache = new Map<string, Promise<LoadedFeed>>();

/**
 * Loads a feed by URL. Elements that ask for the same URL share one request and one
 * validation; a failure is not kept, so a retry asks the server again. (An element whose
 * `src` changes ignores the old response: its feed task drops results of superseded runs.)
 */
export function loadFeed(url: string): Promise<LoadedFeed> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchFeed(url);
    cache.set(url, pending);
    pending.catch(() => {
      if (cache.get(url) === pending) cache.delete(url);
    });
  }
  return pending;
}

/** Forgets a cached feed, so the next load fetches it again. */
export function forgetFeed(url: string): void {
  cache.delete(url);
}
