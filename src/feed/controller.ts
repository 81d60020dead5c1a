/**
 * The feed side of every element: takes `.data`, an inline JSON child or `src`, loads and
 * validates through the shared cache, picks what the element shows, and reports the
 * outcome as `loft-load` / `loft-error`. Built on `@lit/task`, so a response that arrives
 * after the inputs changed is ignored.
 */
import {Task, TaskStatus} from '@lit/task';
import type {ReactiveControllerHost} from 'lit';
import {LoftErrorEvent, LoftLoadEvent} from '../events/events.js';
import {checkFeed, FeedError, forgetFeed, loadFeed, parseFeed, type LoadedFeed} from './load.js';

/** What an element asks of its feed. */
export interface FeedSource {
  src?: string;
  data?: unknown;
  /** Text of an inline `<script type="application/json">` child. */
  inline?: string;
}

export interface FeedResult<S> {
  loaded: LoadedFeed;
  selection: S;
}

type Host = ReactiveControllerHost & HTMLElement;

const byObject = new WeakMap<object, Promise<LoadedFeed>>();
const byText = new Map<string, Promise<LoadedFeed>>();

function pageBase(): string {
  return document.baseURI;
}

/** Validates `.data` and inline feeds once per object or text, as `loadFeed` does per URL. */
function fromLocal(source: FeedSource): Promise<LoadedFeed> {
  if (source.data !== undefined) {
    const data = source.data;
    if (!data || typeof data !== 'object') return checkFeed(data, pageBase());
    let loaded = byObject.get(data);
    if (!loaded) byObject.set(data, (loaded = checkFeed(data, pageBase())));
    return loaded;
  }
  const text = source.inline!;
  const cached = byText.get(text);
  if (cached) return cached;
  const loaded = parseFeed(text, pageBase());
  byText.set(text, loaded);
  // Nested elements get an inline feed as `.data = loaded.feed`: found here, not validated again.
  loaded.then((done) => byObject.set(done.feed, loaded), () => undefined);
  return loaded;
}

export class FeedController<S> {
  readonly task: Task<[FeedSource, ...unknown[]], FeedResult<S>>;
  private _reported?: unknown;

  constructor(
    private readonly _host: Host,
    source: () => FeedSource,
    /** The element's own inputs (ids): a change re-selects without reloading. */
    keys: () => unknown[],
    /** Picks what the element shows; throws a `FeedError` ('not-found') when it is not there. */
    select: (loaded: LoadedFeed) => S
  ) {
    this.task = new Task(_host, {
      args: () => [source(), ...keys()] as [FeedSource, ...unknown[]],
      argsEqual: (a, b) => a.length === b.length && a.every((x, i) => (i === 0 ? sameSource(x as FeedSource, b[0]) : x === b[i])),
      task: async ([src], {signal}) => {
        const loaded = await this._load(src);
        try {
          return {loaded, selection: select(loaded)};
        } catch (error) {
          // The feed is fine, but not for this element (an id it asks for): tell the editor.
          if (!signal.aborted) console.warn(`loft-widgets: <${_host.localName}>: ${toFeedError(error).message}`);
          throw error;
        }
      },
      onComplete: (result) => this._report(result),
      onError: (error) => this._report(error),
    });
  }

  private _load(source: FeedSource): Promise<LoadedFeed> {
    if (source.data !== undefined || source.inline !== undefined) return fromLocal(source);
    if (source.src) return loadFeed(new URL(source.src, pageBase()).href);
    return Promise.reject(new FeedError('feed-unreachable', 'No feed: give the element a src attribute, an inline <script type="application/json"> child, or a .data property.'));
  }

  /** Fires the element's events once per outcome. */
  private _report(outcome: FeedResult<S> | unknown): void {
    if (outcome === this._reported) return;
    this._reported = outcome;
    const host = this._host;
    if (outcome && typeof outcome === 'object' && 'loaded' in outcome) {
      const {loaded} = outcome as FeedResult<S>;
      for (const p of loaded.problems) host.dispatchEvent(new LoftErrorEvent({code: p.code, message: p.message, path: p.path}));
      host.dispatchEvent(new LoftLoadEvent({src: loaded.src, project: host.getAttribute('project') ?? undefined}));
      return;
    }
    const error = toFeedError(outcome);
    host.dispatchEvent(new LoftErrorEvent({code: error.code, message: error.message, path: error.path}));
  }

  /** Whether the task has not produced anything yet (first load or reload). */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
  }

  /** Loads again, asking the server anew for a feed that failed. */
  retry(src: string | undefined): void {
    if (src) forgetFeed(new URL(src, pageBase()).href);
    this._reported = undefined;
    void this.task.run();
  }
}

function sameSource(a: FeedSource, b: FeedSource): boolean {
  return a.src === b.src && a.data === b.data && a.inline === b.inline;
}

/** Any failure as a `FeedError`, so the UI always has a code to show. */
export function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError('feed-invalid', `Unexpected problem while showing the feed: ${String(error)}`);
}
