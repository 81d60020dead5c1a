/**
 * Where an element's feed comes from: a `src` URL (one request per URL, however many
 * elements), an inline `<script type="application/json">` child (validated once per text),
 * or a `.data` object (validated once per object). Every outcome is a `LoadedFeed` or a
 * `FeedError`.
 */
import {checkFeed, FeedError, loadFeed, parseFeed, type LoadedFeed} from '../../feed/load.js';

const byObject = new WeakMap<object, Promise<LoadedFeed>>();
/** The inline feed texts validated last, newest last: a page that keeps inserting new inline feeds does not keep them all. */
const byText = new Map<string, Promise<LoadedFeed>>();
const INLINE_FEEDS_KEPT = 16;

/** Remembers the validated feed object, so a nested element given it as `.data` finds it checked. */
function remember(loading: Promise<LoadedFeed>): Promise<LoadedFeed> {
  loading.then((done) => byObject.set(done.feed, loading), () => undefined);
  return loading;
}

export function feedFrom(src: string | undefined, data: unknown, inline: string | undefined): Promise<LoadedFeed> {
  const base = document.baseURI;
  if (data !== undefined) {
    if (!data || typeof data !== 'object') return checkFeed(data, base);
    let loading = byObject.get(data);
    if (!loading) byObject.set(data, (loading = remember(checkFeed(data, base))));
    return loading;
  }
  if (inline !== undefined) {
    const loading = byText.get(inline) ?? remember(parseFeed(inline, base));
    byText.delete(inline);
    byText.set(inline, loading);
    if (byText.size > INLINE_FEEDS_KEPT) byText.delete(byText.keys().next().value!);
    return loading;
  }
  if (src) {
    let url: string;
    try {
      url = new URL(src, base).href;
    } catch {
      return Promise.reject(new FeedError('feed-unreachable', `src="${src}" is not an address a feed can be loaded from. Check it.`));
    }
    return remember(loadFeed(url));
  }
  return Promise.reject(new FeedError('feed-unreachable', 'No feed: give the element a src attribute, an inline <script type="application/json"> child, or a .data property.'));
}

/** Any failure as a `FeedError`, so the UI always has a code to show. */
export function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError('feed-invalid', `Unexpected problem while showing the feed: ${String(error)}`);
}
