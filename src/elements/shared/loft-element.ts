/**
 * What every loft element shares: the feed inputs (`src`, inline JSON, `.data`), the page
 * language, `heading-level`, and the loading and error states. Subclasses say what they
 * pick from the feed (`select`) and how it looks (`renderContent`).
 */
import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {updateWhenLocaleChanges} from '@lit/localize';
import {FeedController, toFeedError, type FeedSource} from '../../feed/controller.js';
import type {LoadedFeed} from '../../feed/load.js';
import type {ErrorCode} from '../../feed/validate.js';
import type {Labels} from '../../feed/schema.js';
import {needsLang, type ResolvedText} from '../../feed/text.js';
import {TextResolver} from '../../feed/view.js';
import {connectLocale, currentLocale, disconnectLocale, localeReady, translate} from '../../i18n/locale.js';
import type {MessageId, Params} from '../../i18n/messages.js';

/** What visitors read for a feed that cannot be shown (the editor gets the details). */
const VISITOR_MESSAGE: Partial<Record<ErrorCode, MessageId>> = {
  'feed-timeout': 'error-timeout',
  'feed-unreachable': 'error-unreachable',
  'feed-too-large': 'error-too-large',
};

export abstract class LoftElement<S> extends LitElement {
  /** URL of the JSON feed (absolute, or relative to the page). */
  @property({reflect: true}) src?: string;

  /** Level (1–6) of the element's top heading, so it fits the page's outline. */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;

  /** The feed as an object, instead of `src` or an inline JSON child. */
  @property({attribute: false}) data?: unknown;

  @state() private _inline?: string;

  /** Labels from the current feed, for `_t`. */
  private _labels?: Labels;

  protected readonly _feed = new FeedController<S>(
    this,
    (): FeedSource => ({src: this.src, data: this.data, inline: this._inline}),
    () => this._selectionKeys(),
    (loaded) => this._select(loaded)
  );

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connectLocale(this);
    this._readInline();
    if (this._inline === undefined && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this._readInline(), {once: true});
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    disconnectLocale(this);
  }

  /** Waits for the UI language's catalog, so the first render is already in the right language. */
  protected override async scheduleUpdate(): Promise<void> {
    await localeReady();
    super.scheduleUpdate();
  }

  private _readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script) this._inline = script.textContent ?? '';
  }

  /** The ids this element shows (a change re-selects without reloading the feed). */
  protected abstract _selectionKeys(): unknown[];

  /** Picks what to show from the feed; throws `FeedError('not-found', …)` when it is missing. */
  protected abstract _select(loaded: LoadedFeed): S;

  /** The element's content once the feed is there. */
  protected abstract _renderContent(selection: S, loaded: LoadedFeed): TemplateResult;

  /** Text for the not-found state (an id in the element's attributes matches nothing). */
  protected abstract _notFoundMessage(): string;

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

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this._labels = this._feed.task.value?.loaded.feed.labels;
  }

  override render() {
    // One wrapper for every state, so focus placed on it survives the change of state.
    const pending = this._feed.pending;
    return html`<div part="base" class="base" tabindex="-1" aria-busy=${pending ? 'true' : 'false'}>
      ${this._feed.task.render({
        initial: () => this._renderLoading(),
        pending: () => this._renderLoading(),
        complete: ({selection, loaded}) => this._renderContent(selection, loaded),
        error: (error) => this._renderError(error),
      })}
    </div>`;
  }

  /** A built-in string in the page's language, or the feed's own words for it. */
  protected _t(id: MessageId, params?: Params): string {
    return translate(id, params, this._labels);
  }

  /**
   * The feed for an element nested inside this one (a member list in `<loft-project>`, a
   * contact form): the same `src` (the loader's cache answers without a request), else the
   * same object (validated once), so nothing is fetched or checked twice.
   */
  protected _feedForChild(): {src?: string; data?: unknown} {
    if (this.data !== undefined) return {data: this.data};
    if (this._inline !== undefined) return {data: this._feed.task.value?.loaded.feed};
    return {src: this.src};
  }

  /** Resolves the feed's texts and URLs in the page's language, with this element's `_t`. */
  protected _resolver(loaded: LoadedFeed): TextResolver {
    return new TextResolver(loaded, currentLocale(), (id, params) => this._t(id, params));
  }

  /** The element's top heading level plus `offset`, within 1–6. */
  protected _level(offset = 0): number {
    const level = Number.isFinite(this.headingLevel) ? Math.round(this.headingLevel) : 2;
    return Math.min(6, Math.max(1, level + offset));
  }

  /** Feed text, with its own `lang` when it is not in the page's language. */
  protected _text(text: ResolvedText | undefined) {
    if (!text) return nothing;
    return needsLang(text, currentLocale()) ? html`<span lang=${text.lang}>${text.text}</span>` : text.text;
  }

  protected _renderLoading(): TemplateResult {
    const wide = this._skeletonRows;
    const narrow = this._skeletonRowsNarrow ?? wide;
    // Lines past the wide count show only in a narrow box, lines past the narrow count only in a wide one.
    const line = (i: number) => html`<span class="skeleton-line ${i >= narrow ? 'wide' : i >= wide ? 'narrow' : ''}"></span>`;
    return html`<span class="visually-hidden" role="status">${this._t('loading')}</span>
      <div class="skeleton-box" aria-hidden="true">
        <div class="skeleton ${this._skeletonClass}">
          <span class="skeleton-line skeleton-heading"></span>
          ${Array.from({length: Math.max(wide, narrow)}, (_, i) => line(i))}
        </div>
      </div>`;
  }

  protected _renderError(raw: unknown): TemplateResult {
    const error = toFeedError(raw);
    const text = error.code === 'not-found' ? this._notFoundMessage() : this._t(VISITOR_MESSAGE[error.code] ?? 'error-invalid');
    const canRetry = error.code === 'feed-unreachable' || error.code === 'feed-timeout';
    return html`<div part="error" class="error" role="alert">
      <p>${text}</p>
      ${canRetry && this.src ? html`<button type="button" class="button" @click=${this._handleRetry}>${this._t('retry')}</button>` : nothing}
    </div>`;
  }

  private async _handleRetry(): Promise<void> {
    this._feed.retry(this.src);
    // The button goes away while loading: keep focus in the element rather than losing it to <body>.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.base')?.focus();
  }
}
