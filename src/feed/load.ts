/**
 * Loading feeds: from a URL (one request per URL per page, however many elements use it),
 * from inline JSON, or from an object. Every outcome is either a `LoadedFeed` or a
 * `FeedError` with a contract code; nothing here throws anything else.
 */
import type {Feed} from './schema.js';
import type {CollectionName, ErrorCode, Problem} from './validate.js';

let validator: Promise<typeof import('./validate.js')> | undefined;

/**
 * The validator (schema, valibot, editor messages) is a chunk of its own: it is needed only
 * once a feed has arrived, so it loads while the feed does (elements call this when they
 * connect) instead of delaying the first render.
 */
export function loadValidator(): Promise<typeof import('./validate.js')> {
  return (validator ??= import('./validate.js'));
}

/** The problems the validator filed under one item. */
export function problemsOf(byItem: Map<string, Problem[]> | undefined, collection: CollectionName, id: string): Problem[] {
  return byItem?.get(`${collection}/${id}`) ?? [];
}

/** Feeds above this size are refused (`feed-too-large`). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Settings a host page (or a test) may change before the first load. */
export const feedSettings = {
  /** How long a feed request may take, in milliseconds. */
  timeoutMs: 15_000,
};

/** A validated feed with what is needed to resolve its URLs. */
export interface LoadedFeed {
  feed: Feed;
  /** Base for relative URLs: the feed's own URL, or the page's for inline feeds. */
  baseUrl: string;
  /** Non-fatal problems: reported to editors, the rest is rendered. */
  problems: Problem[];
  /** The `src` it came from, if any. */
  src?: string;
  /** Every problem counted by code (`problems` may list only the first ones). */
  counts?: Partial<Record<ErrorCode, number>>;
  /** Problems by item (`collection/id`), so an element can say why the item it wants is missing. */
  byItem?: Map<string, Problem[]>;
}

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

/** Parses and validates feed text. */
export async function parseFeed(text: string, baseUrl: string, src?: string): Promise<LoadedFeed> {
  if (text.trim() === '') throw warned(new FeedError('feed-not-json', `${src ?? 'The inline feed'} is empty. It must be a JSON object like {"version": 1, …}.`));
  let raw: unknown;
  try {
    // A byte order mark is not JSON, but CMS exports often start with one.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw warned(new FeedError('feed-not-json', `${src ?? 'The inline feed'} is not valid JSON: ${(error as Error).message}. Check it with "npx loft-widgets validate".`));
  }
  return checkFeed(raw, baseUrl, src);
}

/** Validates an already parsed feed (the `.data` property, or a parsed document). */
export async function checkFeed(raw: unknown, baseUrl: string, src?: string): Promise<LoadedFeed> {
  const {validateFeed} = await loadValidator();
  const {feed, problems, byItem} = validateFeed(raw);
  if (!feed) {
    const fatal = problems.find((p) => p.fatal)!;
    throw warned(new FeedError(fatal.code, `${src ? `${src}: ` : ''}${fatal.message}`, fatal.path));
  }
  warnEditor(problems, src);
  return {feed, baseUrl, problems, src, byItem};
}

/** Tells the editor about a fatal problem, once per load (not once per element). */
function warned(error: FeedError): FeedError {
  console.warn(`loft-widgets: ${error.message}`);
  return error;
}

const WHAT: Record<CollectionName, string> = {organizations: 'organisation', people: 'person', projects: 'project', contactForms: 'contact form'};

/**
 * The item an element shows, by id (`attribute` names where the id came from, for the
 * message). Throws `FeedError('feed-invalid')` with the item's own problem when the feed has
 * it but it is broken, and `FeedError('not-found')` when the feed does not have it.
 */
export function findItem<C extends CollectionName>(loaded: LoadedFeed, collection: C, id: string, attribute: string): Feed[C][number] {
  const list = loaded.feed[collection] as {id: string}[];
  const item = list.find((x) => x.id === id);
  if (item) return item as Feed[C][number];
  const broken = problemsOf(loaded.byItem, collection, id).find((p) => p.skipped);
  if (broken) throw new FeedError('feed-invalid', `${attribute}="${id}": the ${WHAT[collection]} cannot be shown. ${broken.message}`, broken.path);
  const ids = list.slice(0, 10).map((x) => x.id).join(', ');
  throw new FeedError('not-found', `${attribute}="${id}": there is no ${WHAT[collection]} with that id in the feed${ids ? ` (it has: ${ids}${list.length > 10 ? ', …' : ''})` : ''}. Check the id.`, collection);
}

/**
 * An item that another one points to and that the element cannot do without (say the
 * contact form of a project). Returns undefined when the field is not set; throws
 * `FeedError('not-found')` with the reference's path when it points at nothing.
 */
export function findReference<C extends CollectionName>(
  loaded: LoadedFeed,
  owner: {collection: CollectionName; id: string; value: string | undefined; field: string},
  collection: C
): Feed[C][number] | undefined {
  const ownProblems = problemsOf(loaded.byItem, owner.collection, owner.id);
  if (owner.value === undefined) {
    const dangling = ownProblems.find((p) => p.path.endsWith(`.${owner.field}`));
    if (dangling) throw new FeedError('not-found', dangling.message, dangling.path);
    return undefined;
  }
  return findItem(loaded, collection, owner.value, `${owner.collection}/${owner.id} ${owner.field}`);
}

const MAX_WARNINGS = 30;

/** One console warning per problem (capped), once per loaded feed. */
function warnEditor(problems: Problem[], src?: string): void {
  const where = src ? ` in ${src}` : '';
  for (const problem of problems.slice(0, MAX_WARNINGS)) console.warn(`loft-widgets: feed problem${where}: ${problem.message}`);
  if (problems.length > MAX_WARNINGS) {
    console.warn(`loft-widgets: …and ${problems.length - MAX_WARNINGS} more problems${where}. Run "npx loft-widgets validate <feed>" to list them all.`);
  }
}

async function readLimited(response: Response, src: string): Promise<string> {
  const tooLarge = () => new FeedError('feed-too-large', `${src} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB. Split it into smaller feeds.`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_FEED_BYTES) throw tooLarge();
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_FEED_BYTES) {
      void reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

async function fetchFeed(url: string): Promise<LoadedFeed> {
  // The request's AbortSignal ends it after the timeout, body included.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), feedSettings.timeoutMs);
  const timedOut = () => abort.signal.aborted;
  try {
    let response: Response;
    try {
      // No cookies or credentials: a feed is public data, and visitors are not tracked.
      response = await fetch(url, {credentials: 'omit', signal: abort.signal, headers: {accept: 'application/json, text/plain;q=0.9, */*;q=0.5'}});
    } catch {
      throw warned(
        timedOut()
          ? new FeedError('feed-timeout', `${url} did not answer within ${feedSettings.timeoutMs / 1000} s.`)
          : new FeedError('feed-unreachable', `${url} could not be reached (network error, or the server does not allow this page's origin through CORS).`)
      );
    }
    if (!response.ok) {
      throw warned(new FeedError('feed-unreachable', `${url} answered HTTP ${response.status}. Check the feed's address.`, undefined, response.status));
    }
    let text: string;
    try {
      text = await readLimited(response, url);
    } catch (error) {
      if (error instanceof FeedError) throw warned(error);
      throw warned(
        timedOut()
          ? new FeedError('feed-timeout', `${url} did not arrive within ${feedSettings.timeoutMs / 1000} s.`)
          : new FeedError('feed-unreachable', `${url} broke off while loading.`)
      );
    }
    return parseFeed(text, response.url || url, url);
  } finally {
    clearTimeout(timer);
  }
}

const cache = new Map<string, Promise<LoadedFeed>>();

/**
 * Loads a feed by URL. Elements that ask for the same URL share one request and one
 * validation; a failure is not kept, so a retry asks the server again. (An element whose
 * `src` changes ignores the old response: its `Task` drops results of superseded runs.)
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
