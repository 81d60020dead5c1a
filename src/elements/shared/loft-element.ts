/**
 * What every loft element shares: the feed inputs (`src`, an inline JSON child, `.data`),
 * the element's language and direction, `heading-level`, and the loading and error
 * states. One feed task (`OutcomeTask`) per element turns its inputs into a finished view
 * — the feed loaded and checked, the texts resolved in the element's language — so
 * `render()` only maps a view to a template. Subclasses say which of their properties the
 * view depends on (`_inputs`), how the view is computed (`_view`, a pure function of
 * `src/feed/view.ts`) and how it looks (`_renderView`).
 */
import {LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {LoftErrorEvent, reportLoad} from '../../events/feed-events.js';
import {forgetFeed, type LoadedFeed} from '../../feed/load.js';
import type {ErrorCode} from '../../feed/check/engine.js';
import {nextTask, oneByOne, runInSlices, SLICE_MS} from '../../feed/slices.js';
import {needsLang, type ResolvedText} from '../../feed/text.js';
import {resolverFor, type Resolver} from '../../feed/view/resolver.js';
import {dirOf, dirOfLang, langOf, watchLang} from '../../i18n/lang.js';
import {translatorFor, type Translator} from '../../i18n/translator.js';
import type {Problem} from '../../feed/validate.js';
import type {Part} from '../../i18n/chain.js';
import type {MessageId} from '../../i18n/catalog.js';
import {feedFrom, toFeedError} from './feed-source.js';
import {OutcomeTask} from './outcome-task.js';

/** What visitors read for a feed that cannot be shown (the editor gets the details). */
const VISITOR_MESSAGE: Partial<Record<ErrorCode, MessageId>> = {
  'feed-timeout': 'error-timeout',
  'feed-unreachable': 'error-unreachable',
  'feed-too-large': 'error-too-large',
};

/** Which "could not be found" a missing id gets, by the collection it was looked for in. */
const NOT_FOUND: Record<string, MessageId> = {
  projects: 'error-project-not-found',
  people: 'error-person-not-found',
  contactForms: 'error-form-not-found',
};

/** A view may say what it left out of an overlong list (paragraphs, partners): the editor is told, as of the feed's problems. */
type LeftOut = {readonly leftOut?: readonly Problem[]};

/** The feed task's result: the view, or what to tell visitors instead. */
export type Outcome<V> = (
  | {view: V; loaded: LoadedFeed; resolver: Resolver}
  | {error: ErrorCode; message: ResolvedText; retry?: ResolvedText; editor: string; path?: string}
) & {source: unknown[]; catalogProblems: Problem[]};

const NO_CATALOGS = {catalogs: [], problems: []};

/** Said when a catalog of the widget itself cannot be loaded (so no catalog is there to say it). */
const FILE_MISSING: ResolvedText = {text: 'A file of this widget could not be loaded.', lang: 'en'};

/** Tells the editor, in the console, that one of the widget's own files could not be loaded, and what to upload. */
export function reportFileMissing(tag: string, error: unknown): void {
  console.error(`loft-widgets: <${tag}>: a file of the widget could not be loaded (${String(error)}). Upload every file of dist/cdn/, chunks/ included, or use the single-file build.`);
}

/**
 * @attr {string} lang - The element's language (BCP 47) when it is not the page's: else the closest ancestor's `lang`, else `<html lang>`. Followed live.
 * @attr {string} dir - `rtl` or `ltr` when it is not what the closest `dir` or the language says.
 */
export abstract class LoftElement<V, A extends readonly unknown[] = readonly unknown[]> extends LitElement {
  /** The reactive properties (attributes and internal state) declared below: a getter, which the lit-analyzer lint reads. */
  static override get properties(): PropertyDeclarations {
    return {
      src: {reflect: true},
      headingLevel: {attribute: 'heading-level', type: Number},
      data: {attribute: false},
      catalog: {},
      _inline: {state: true, attribute: false},
      _lang: {state: true, attribute: false},
      _dir: {state: true, attribute: false},
      _translator: {state: true, attribute: false},
    };
  }

  /** URL of the JSON feed (absolute, or relative to the page). */
  src?: string;

  /** Level (1–6) of the element's top heading, so it fits the page's outline. */
  headingLevel = 2;

  /** The feed as an object, instead of `src` or an inline JSON child. */
  data?: unknown;

  /** URL of a run-time catalog (JSON) for a language the widgets do not have built in: README "Languages". */
  catalog?: string;

  private _inline?: string;

  /** The element's language (its `lang`, an ancestor's, or the page's). */
  protected _lang = 'sv';

  protected _dir: 'ltr' | 'rtl' = 'ltr';

  /** The built-in strings of the element's language, for the loading state. */
  private _translator?: Translator;

  private _unwatch?: () => void;
  /** The inputs and feed whose problems and load were last reported. */
  private _reported?: string;
  private _reportedFeed?: LoadedFeed;
  private _reportedCatalogs?: Problem[];

  /**
   * Server rendering and hydration: an outcome to show while the task has none. The server
   * (src/ssr/) sets it, as it renders without running the task; an element that finds the
   * shadow root the server rendered for it computes it before its first update (src/hydrate.ts,
   * loaded only on such pages), which then hydrates the very template the server wrote: no
   * loading state in between, so nothing flashes or moves. The task still runs, and its
   * equal outcome takes over.
   */
  protected _prerendered?: Outcome<V>;

  protected readonly _task = new OutcomeTask(
    this,
    () => [this.src, this.data, this._inline, this._lang, this.catalog, ...this._inputs()] as const,
    ([src, data, inline, lang, catalog, ...inputs]) => this._outcome([src, data, inline], lang, catalog, inputs as unknown as A),
    // `loft-load` means the content is shown: reported after the render of the new outcome,
    // unless a newer one has taken its place.
    (outcome) => void this.updateComplete.then(() => this._task.value === outcome && this._report(outcome))
  );

  /** The element's own inputs the view depends on (ids, variant, filters), in a fixed order. */
  protected abstract _inputs(): A;

  /** The view, from the feed in the element's language; throws `FeedError('not-found')` when an id matches nothing. */
  protected abstract _view(resolver: Resolver, inputs: A): V;

  /** What `_view` needs that is long to make (a list's names sorted), made in slices before it: in the browser only, as the server renders at once. */
  protected _ready?(resolver: Resolver): Promise<void>;

  /**
   * What the view will format through `Intl` (a date, a number, a sorted name), as calls made
   * one to a task before it where they take long. The first Intl object of a kind on a page
   * sets up that kind's data in one piece (in Chromium on a slow machine: 35–80 ms for dates,
   * 25–35 for sorting, 15–40 for numbers), and a view that set them all up held the page for
   * 50–95 ms. Later calls find them set up and cost next to nothing.
   */
  protected _intl?(resolver: Resolver, inputs: A): (() => unknown)[];

  /** The element's content for a view. */
  protected abstract _renderView(view: V): TemplateResult;

  /**
   * The loading skeleton reserves about the height the content will take, so nothing below
   * the element moves when the feed arrives: a heading bar, then this many lines of text
   * (1.5em each, the content's line height) where the element is wider than 30em ...
   */
  protected _skeletonRows = 6;

  /** ... and this many where it is narrower (text wraps more, columns stack). */
  protected _skeletonRowsNarrow?: number;

  /** Extra classes for the skeleton's box (`card` draws the card's frame while loading). */
  protected _skeletonClass = '';

  /**
   * Whether a frame has begun while the element waits for its view. The loading skeleton
   * shows from that frame on, not at once: a feed given inline, as `.data` or already fetched
   * is nearly always shown before the next frame, and its skeleton would be built and
   * thrown away unseen (a sixth of the seed page's first render). The frame's callbacks run
   * before it is painted, so a feed that does take longer has its skeleton in that frame.
   */
  private _frameBegun = false;
  private _frameAsked = false;

  /** The parts of the built-in catalogs the element's views use. */
  protected _catalogParts: readonly Part[] = ['core'];

  override connectedCallback(): void {
    super.connectedCallback();
    this._unwatch = watchLang(() => this._syncLang());
    this._syncLang();
    this._readInline();
    if (this._inline === undefined && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this._readInline(), {once: true});
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unwatch?.();
  }

  private _syncLang(): void {
    if (!this.isConnected) return;
    this._lang = langOf(this);
    this._dir = dirOf(this);
  }

  private _readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script) this._inline = script.textContent ?? '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('_lang') || changed.has('catalog')) {
      const lang = this._lang;
      this._strings(lang, this.catalog).then(
        ({translator}) => {
          if (this._lang === lang) this._translator = translator;
        },
        () => undefined
      );
    }
  }

  // After a render, not before it: a server renders without ever calling this.
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this._outcomeNow) this._frameBegun = false;
    else if (!this._frameBegun && !this._frameAsked) {
      this._frameAsked = true;
      requestAnimationFrame(() => {
        this._frameAsked = false;
        if (this._outcomeNow) return;
        this._frameBegun = true;
        this.requestUpdate();
      });
    }
  }

  /** The built-in strings of a language with the page's run-time catalogs (and what is wrong with those). */
  private async _strings(lang: string, catalog: string | undefined): Promise<{translator: Translator; problems: Problem[]}> {
    // Run-time catalogs are rare: their code loads only for a page that has one.
    const page = catalog || document.querySelector('script[data-loft-catalog]') ? await import('../../i18n/page-catalogs.js').then((m) => m.pageCatalogs(catalog)) : NO_CATALOGS;
    return {translator: await translatorFor(lang, this._catalogParts, page.catalogs), problems: page.problems};
  }

  /** Loads the feed and the language together, and computes the view. Never rejects. */
  private async _outcome(source: unknown[], lang: string, catalog: string | undefined, inputs: A): Promise<Outcome<V>> {
    const [src, data, inline] = source as [string | undefined, unknown, string | undefined];
    const [feed, strings] = await Promise.allSettled([feedFrom(src, data, inline), this._strings(lang, catalog)]);
    if (strings.status === 'rejected') {
      reportFileMissing(this.localName, strings.reason);
      return {error: 'feed-invalid', message: FILE_MISSING, editor: `A file of the widget could not be loaded: ${String(strings.reason)}`, source, catalogProblems: []};
    }
    const {translator, problems: catalogProblems} = strings.value;
    let resolver: Resolver | undefined;
    try {
      if (feed.status === 'rejected') throw feed.reason;
      resolver = resolverFor(feed.value, translator);
      const intl = this._intl?.(resolver, inputs);
      if (intl?.length) await runInSlices(oneByOne(intl));
      await this._ready?.(resolver);
      const start = performance.now();
      const view = this._view(resolver, inputs);
      // A view that took long to build (thousands of projects sorted) leaves its render to a task of its own.
      if (performance.now() - start > SLICE_MS / 2) await nextTask();
      return {view, loaded: feed.value, resolver, source, catalogProblems};
    } catch (raw) {
      let error = toFeedError(raw);
      // An id that matches nothing shown: why (a broken item), or what the editor likely meant, from a chunk only such a page loads.
      if (error.wanted) {
        const plain = error;
        error = await import('../../feed/not-found.js').then((m) => m.explainInSlices(plain, resolver!.loaded), () => plain);
      }
      // With the feed's own words for the message where the feed is there.
      const ui = (id: MessageId) => (resolver ? resolver.ui(id) : translator.get(id));
      const id = error.code === 'not-found' ? (NOT_FOUND[error.path ?? ''] ?? 'error-invalid') : (VISITOR_MESSAGE[error.code] ?? 'error-invalid');
      // The feed is fine, but not for this element (an id it asks for): tell the editor here.
      if (resolver) console.warn(`loft-widgets: <${this.localName}>: ${error.message}`);
      const canRetry = (error.code === 'feed-unreachable' || error.code === 'feed-timeout') && !!src;
      return {error: error.code, message: ui(id), retry: canRetry ? ui('retry') : undefined, editor: error.message, path: error.path, source, catalogProblems};
    }
  }

  /** Fires `loft-error` (a fatal problem, or the feed's problems) and `loft-load`, once per feed and inputs. */
  private _report(outcome: Outcome<V>): void {
    if (outcome.catalogProblems !== this._reportedCatalogs) {
      this._reportedCatalogs = outcome.catalogProblems;
      for (const p of outcome.catalogProblems) this.dispatchEvent(new LoftErrorEvent({code: p.code, message: p.message, path: p.path}));
    }
    if ('error' in outcome) {
      this._reported = undefined;
      this.dispatchEvent(new LoftErrorEvent({code: outcome.error, message: outcome.editor, path: outcome.path}));
      return;
    }
    const key = JSON.stringify(this._inputs());
    if (this._reported === key && this._reportedFeed === outcome.loaded) return;
    // The console says it once per feed (as it does the feed's problems), the event once per feed and inputs.
    const warn = this._reportedFeed !== outcome.loaded;
    this._reported = key;
    this._reportedFeed = outcome.loaded;
    for (const p of (outcome.view as LeftOut).leftOut ?? []) {
      if (warn) console.warn(`loft-widgets: <${this.localName}>: ${p.message}`);
      this.dispatchEvent(new LoftErrorEvent({code: p.code, message: p.message, path: p.path}));
    }
    reportLoad(this, outcome.loaded, this.getAttribute('project') ?? undefined);
  }

  /**
   * Resolves once the element shows its current inputs. An input change (a project id, a
   * filter) recomputes the view in the feed task, from a feed already here: wait for it. A
   * feed still loading is not waited for (the loading state is what is shown).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this._task.pending && this._outcomeNow) {
      await this._task.complete;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The current view, unless the feed's source changed since it was computed. */
  protected get _outcomeNow(): Outcome<V> | undefined {
    const outcome = this._task.value ?? this._prerendered;
    // A retry shows the loading state, not the old error.
    if (!outcome || ('error' in outcome && this._task.pending)) return undefined;
    const [src, data, inline] = outcome.source;
    return src === this.src && data === this.data && inline === this._inline ? outcome : undefined;
  }

  override render() {
    const outcome = this._outcomeNow;
    // The server's outcome is no load in progress.
    const pending = (!outcome || outcome !== this._prerendered) && this._task.pending;
    // One wrapper for every state, so focus placed on it survives the change of state.
    return html`<div part="base" class="base" tabindex="-1" aria-busy=${pending ? 'true' : 'false'} dir=${this._dir}>
      ${!outcome ? (this._frameBegun ? this._renderLoading() : nothing) : 'error' in outcome ? this._renderError(outcome) : this._renderView(outcome.view)}
    </div>`;
  }

  /**
   * Feed text or a built-in string, with its own `lang` when it is not in the element's
   * language, and its own `dir` when that language is written the other way (Swedish
   * text in a Yiddish widget keeps its full stop at its end).
   */
  protected _text(text: ResolvedText | undefined) {
    if (!text) return nothing;
    if (!needsLang(text, this._lang)) return text.text;
    return html`<span lang=${text.lang} dir=${ifDefined(this._dirOf(text))}>${text.text}</span>`;
  }

  /** A text's direction where it is not the element's (for a block that holds only that text). */
  protected _dirOf(text: ResolvedText): 'ltr' | 'rtl' | undefined {
    const dir = dirOfLang(text.lang);
    return dir === this._dir ? undefined : dir;
  }

  /** Once the element shows its current inputs, focuses its list item `index`: the first one "Visa fler" showed, where keyboard users go on. */
  protected async _focusItem(index: number): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-index="${index}"]`)?.focus();
  }

  /** The element's top heading level plus `offset`, within 1–6. */
  protected _level(offset = 0): number {
    const level = Number.isFinite(this.headingLevel) ? Math.round(this.headingLevel) : 2;
    return Math.min(6, Math.max(1, level + offset));
  }

  /**
   * The feed for an element nested inside this one (a member list in `<loft-project>`, a
   * contact form): the same `src` (the loader's cache answers without a request), else the
   * same validated object, so nothing is fetched or checked twice.
   */
  protected _feedForChild(): {src?: string; data?: unknown} {
    if (this.data !== undefined) return {data: this.data};
    const outcome = this._outcomeNow;
    if (this._inline !== undefined) return {data: outcome && 'view' in outcome ? outcome.loaded.feed : undefined};
    return {src: this.src};
  }

  protected _renderLoading(): TemplateResult {
    const wide = this._skeletonRows;
    const narrow = this._skeletonRowsNarrow ?? wide;
    // Lines past the wide count show only in a narrow box, lines past the narrow count only in a wide one.
    const line = (i: number) => html`<span class="skeleton-line ${i >= narrow ? 'wide' : i >= wide ? 'narrow' : ''}"></span>`;
    return html`<span class="visually-hidden" role="status">${this._translator?.t('loading') ?? ''}</span>
      <div class="skeleton-box" aria-hidden="true">
        <div class="skeleton ${this._skeletonClass}">
          <span class="skeleton-line skeleton-heading"></span>
          ${Array.from({length: Math.max(wide, narrow)}, (_, i) => line(i))}
        </div>
      </div>`;
  }

  private _renderError(outcome: Extract<Outcome<V>, {error: ErrorCode}>): TemplateResult {
    return html`<div part="error" class="error" role="alert">
      <p>${this._text(outcome.message)}</p>
      ${outcome.retry ? html`<button type="button" class="button" @click=${this._handleRetry}>${this._text(outcome.retry)}</button>` : nothing}
    </div>`;
  }

  private async _handleRetry(): Promise<void> {
    if (this.src) forgetFeed(new URL(this.src, document.baseURI).href);
    void this._task.run();
    // The button goes away while loading: keep focus in the element rather than losing it to <body>.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.base')?.focus();
  }
}
