import {html, isServer, nothing, type PropertyValues, type TemplateResult} from 'lit';
import type {Resolver} from '../../feed/view/resolver.js';
import {listIndexInSlices, projectListIntl, projectListView, type OptionView, type ProjectListView} from '../../feed/view/project-list.js';
import {compactCard} from '../project-card/compact.js';
import {compactStyles} from '../project-card/project-card.styles.js';
import {needsLang, type ResolvedText} from '../../feed/text.js';
import {LoftElement} from '../shared/loft-element.js';
import {CATALOG_PARTS} from '../shared/catalog-parts.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {keptSelect, type KeptSelect, type LabelAttributes} from './select.js';
import {projectListStyles} from './project-list.styles.js';

type SelectId = 'status' | 'organization' | 'sort';
/**
 * The most cards rendered at once, by `page-size` or from a page in the address: "Visa fler"
 * with 100 cards at a time, over hundreds already shown, held the page for 50-60 ms in about
 * one click of three (a third of it laying out the whole grid again).
 */
const MOST_AT_ONCE = 50;

type Inputs = [status: string, organization: string, q: string, sort: string, limit: number, heading: string | undefined];

/**
 * Compact cards for every project of a feed (RISE's listing pages), with a search over
 * name, title and summary that ignores case and diacritics ("skelleftea" finds
 * "Skellefteå"), filters by status and by participating organisation, and sorting by name
 * (in the page's language) or start date. The number of results is announced politely once
 * the visitor changes the search, a filter, the sort or the page (never at load);
 * cards are shown `page-size` at a time with "Show more", so a feed with thousands of
 * projects stays quick. `status`, `organization`, `q` and `sort` preset the controls.
 *
 * @tagname loft-project-list
 * @summary A searchable, filterable list of projects from a JSON feed.
 *
 * @event {LoftLoadEvent} loft-load - The feed was loaded and the projects are shown.
 * @event {LoftErrorEvent} loft-error - A problem in the feed: fatal (nothing shown) or one field or item left out.
 *
 * @csspart base - The element's box.
 * @csspart heading - The list's heading, and each card's heading.
 * @csspart form - The search and filter controls.
 * @csspart field - One control with its label.
 * @csspart list - The list of cards.
 * @csspart item - One card.
 * @csspart error - The message shown when the list cannot be shown.
 *
 * @cssproperty [--loft-font-family=inherit] - Font family.
 * @cssproperty [--loft-color-text=inherit] - Text colour.
 * @cssproperty [--loft-color-muted=inherit] - Colour of labels and the status line.
 * @cssproperty [--loft-color-accent=inherit] - Colour of links and buttons.
 * @cssproperty [--loft-color-surface=transparent] - Background of cards and controls.
 * @cssproperty [--loft-color-border=currentColor] - Colour of borders (drawn at low opacity unless set).
 * @cssproperty [--loft-radius=4px] - Corner radius.
 * @cssproperty [--loft-space=1rem] - Base spacing.
 * @cssproperty [--loft-project-list-card-width=16rem] - Smallest width of a card before the grid has fewer columns.
 */
export class LoftProjectList extends LoftElement<ProjectListView, Inputs> {
  static override styles = [sharedStyles, compactStyles, projectListStyles];

  /** The reactive properties (attributes and internal state) declared below: a getter, which the lit-analyzer lint reads. */
  static override get properties() {
    return {
      status: {},
      organization: {},
      q: {},
      sort: {},
      pageSize: {attribute: 'page-size', type: Number},
      heading: {},
      urlState: {attribute: 'url-state'},
      _shown: {state: true, attribute: false},
      _announced: {state: true, attribute: false},
      _live: {state: true, attribute: false},
    };
  }

  protected override _catalogParts = CATALOG_PARTS['loft-project-list'];

  protected override _skeletonRows = 17;
  protected override _skeletonRowsNarrow = 35;

  /** Only projects with this status (`planned`, `ongoing`, `completed`, `terminated`). */
  status = '';

  /** Only projects in which this organisation (its id) takes part. */
  organization = '';

  /** Search text. */
  q = '';

  /** `name` (default) or `start` (start date, newest first). */
  sort: 'name' | 'start' = 'name';

  /** How many cards to show at first and at each "Show more". */
  pageSize = 20;

  /** Text of the heading, instead of "Projects" in the page's language. */
  heading?: string;

  /**
   * Keeps the search, filters, sort and page in the page's address, so a filtered list can
   * be linked to and the back button undoes a change. The value is the prefix of the query
   * parameters (`url-state` alone: `loft-`, as in `?loft-q=skelleftea&loft-status=ongoing`).
   */
  urlState?: string;

  /** How many cards are shown. */
  private _shown = 0;

  /** A number of cards read from the address, kept through the reset a filter change makes. */
  private _restoredShown?: number;

  /** What the live region says: the result count, following the results after a pause in typing. */
  private _announced?: string;

  /**
   * Whether the count is a live region: only once the visitor has changed something, so a
   * screen reader does not announce it as the page loads (they read it where it stands).
   */
  private _live = false;

  private _announceTimer?: ReturnType<typeof setTimeout>;
  /** The view's count that `_announced` is, or is about to be. */
  private _counted?: ResolvedText;

  protected override _inputs(): Inputs {
    return [this.status, this.organization, this.q, this.sort, this._shown || this._pageSize(), this.heading];
  }

  protected override _intl(r: Resolver) {
    return projectListIntl(r);
  }

  protected override _ready(r: Resolver): Promise<void> {
    return listIndexInSlices(r);
  }

  protected override _view(r: Resolver, [status, organization, q, sort, limit, heading]: Inputs): ProjectListView {
    return projectListView(r, {status, organization, q, sort, limit, heading});
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['status', 'organization', 'q', 'sort', 'pageSize'].some((k) => changed.has(k)) || !this._shown) this._shown = this._pageSize();
    if (this._restoredShown !== undefined) {
      this._shown = this._restoredShown;
      this._restoredShown = undefined;
    }
    super.willUpdate(changed);
    // The server's select (hydrated), focused by a visitor, is about to give its place to the element's own: focus follows.
    const focused = this.shadowRoot?.activeElement;
    this._refocus = focused?.localName === 'select' && !this._selectNodes ? (focused.id as SelectId) : undefined;
    this._showSelects();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlState === undefined || this.urlState === null) return;
    this._readUrl();
    window.addEventListener('popstate', this._handlePopState);
  }

  /** The query parameter for one control, with the element's prefix. */
  private _param(name: 'q' | 'status' | 'organization' | 'sort' | 'page'): string {
    return `${this.urlState || 'loft-'}${name}`;
  }

  /** Takes the search, filters, sort and page from the address (what a shared link or Back brings). */
  private _readUrl(): void {
    const params = new URLSearchParams(location.search);
    this.q = params.get(this._param('q')) ?? '';
    this.status = params.get(this._param('status')) ?? '';
    this.organization = params.get(this._param('organization')) ?? '';
    this.sort = params.get(this._param('sort')) === 'start' ? 'start' : 'name';
    const page = Number(params.get(this._param('page')));
    this._restoredShown = Number.isInteger(page) && page > 1 ? Math.min(MOST_AT_ONCE, page * this._pageSize()) : undefined;
  }

  /**
   * Writes the visitor's choice into the address: a new history entry for a filter, sort or
   * page (Back undoes it), the same entry while they type a search. Other parameters and the
   * fragment stay as the page had them.
   */
  private _writeUrl(mode: 'push' | 'replace', page = Math.ceil(this._shown / this._pageSize())): void {
    if (this.urlState === undefined || this.urlState === null) return;
    const url = new URL(location.href);
    const values = {q: this.q, status: this.status, organization: this.organization, sort: this.sort === 'name' ? '' : this.sort, page: page > 1 ? String(page) : ''};
    for (const [name, value] of Object.entries(values)) {
      if (value) url.searchParams.set(this._param(name as keyof typeof values), value);
      else url.searchParams.delete(this._param(name as keyof typeof values));
    }
    if (url.href === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** Back or Forward: the visitor's own change of the list. */
  private _handlePopState = (): void => {
    this._live = true;
    this._readUrl();
  };

  /** A search typed, or a filter or sort chosen, by the visitor (the list starts again from its first page). */
  private _handleControl(name: 'q' | 'status' | 'organization' | 'sort', value: string): void {
    this._live = true;
    (this as Record<typeof name, string>)[name] = value;
    this._writeUrl(name === 'q' ? 'replace' : 'push', 1);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this._refocus) this._selectNodes?.[this._refocus].focus();
    const outcome = this._outcomeNow;
    const count = outcome && 'view' in outcome ? outcome.view.count : undefined;
    if (count === this._counted) return;
    this._counted = count;
    clearTimeout(this._announceTimer);
    // The first count is there at once (a task after the cards); later ones wait for a pause
    // in typing, so a screen reader says the result once instead of at every keystroke. The
    // count is read only then: its text is written when first read.
    this._announceTimer = setTimeout(() => (this._announced = count?.text), this._announced === undefined ? 0 : 500);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._announceTimer);
    window.removeEventListener('popstate', this._handlePopState);
  }

  private _pageSize(): number {
    return Number.isFinite(this.pageSize) && this.pageSize > 0 ? Math.min(MOST_AT_ONCE, Math.round(this.pageSize)) : 20;
  }

  /** An option's `lang` and `dir`, where its label is not in the element's language (as `_text` gives other text). */
  private _labelAttributes: LabelAttributes = (label) => (needsLang(label, this._lang) ? {lang: label.lang, dir: this._dirOf(label)} : {});

  private _selects = Object.fromEntries(
    (['status', 'organization', 'sort'] as const).map((id) => [id, keptSelect(id, this._labelAttributes, (value) => this._handleControl(id, value))])
  ) as Record<SelectId, KeptSelect>;

  /** The selects, up to date with the view about to be rendered; none where the server's outcome is (templates then). */
  private _selectNodes?: Record<SelectId, HTMLSelectElement>;

  /** The select the visitor had focused when it was the server's. */
  private _refocus?: SelectId;

  private _showSelects(): void {
    const outcome = this._outcomeNow;
    // The server's outcome is rendered (src/ssr/) or hydrated (src/hydrate.ts) as the server wrote it.
    if (isServer || !outcome || !('view' in outcome) || outcome === this._prerendered) {
      this._selectNodes = undefined;
      return;
    }
    const chosen = this._chosen(outcome.view);
    this._selectNodes = {
      status: this._selects.status.show(...chosen.status),
      organization: this._selects.organization.show(...chosen.organization),
      sort: this._selects.sort.show(...chosen.sort),
    };
  }

  /** Each select's options in `view`, and the value chosen. */
  private _chosen(view: ProjectListView): Record<SelectId, [OptionView[], string]> {
    return {status: [view.statuses, this.status], organization: [view.organizations, this.organization], sort: [view.sorts, this.sort]};
  }

  protected override _renderView(view: ProjectListView): TemplateResult {
    const chosen = this._chosen(view);
    const select = (id: SelectId) => html`<div part="field" class="field">
      <label for=${id}>${this._text(view.labels[id])}</label>
      ${this._selectNodes?.[id] ?? this._selects[id].template(...chosen[id])}
    </div>`;
    return html`<section aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${this._text(view.heading)}</div>
      <form part="form" class="filters" role="search" aria-label=${view.labels.searchLandmark.text} @submit=${(e: Event) => e.preventDefault()}>
        <div part="field" class="field search">
          <label for="q">${this._text(view.labels.search)}</label>
          <input id="q" type="search" autocomplete="off" .value=${this.q} @input=${(e: Event) => this._handleControl('q', (e.target as HTMLInputElement).value)} />
        </div>
        ${select('status')} ${select('organization')} ${select('sort')}
      </form>
      <p class="count" aria-live=${this._live ? 'polite' : 'off'} aria-atomic="true">${this._announced ?? ''}</p>
      ${view.cards.length
        ? html`<ul part="list" class="projects" role="list">
            ${view.cards.map(
              (card, i) =>
                html`<li part="item" class="item" tabindex="-1" data-index=${i}>
                  ${compactCard(card, this._level(1), (text) => this._text(text))}
                </li>`
            )}
          </ul>`
        : nothing}
      ${view.total > view.cards.length ? html`<button type="button" class="button more" @click=${this._handleShowMore}>${this._text(view.labels.showMore)}</button>` : nothing}
    </section>`;
  }

  /** Shows the next page and moves focus to its first card. */
  private async _handleShowMore(): Promise<void> {
    const first = this._shown;
    this._live = true;
    this._shown += this._pageSize();
    await this._focusItem(first);
    this._writeUrl('push');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-project-list': LoftProjectList;
  }
}
