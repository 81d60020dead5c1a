import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {LoadedFeed} from '../../feed/load.js';
import {PROJECT_STATUSES} from '../../feed/codes.js';
import type {Project, ProjectStatus} from '../../feed/schema.js';
import {foldForSearch, type ResolvedText} from '../../feed/text.js';
import {compactView, TextResolver, type CompactView} from '../../feed/view.js';
import {currentLocale} from '../../i18n/locale.js';
import {compactCard} from '../project-card/compact.js';
import {compactStyles} from '../project-card/project-card.styles.js';
import {LoftElement} from '../shared/loft-element.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {projectListStyles} from './project-list.styles.js';

interface Entry {
  project: Project;
  /** Name, title and summary, folded for search. */
  key: string;
  view?: CompactView;
}

/** Everything that depends only on the feed and the language, computed once for both. */
interface Index {
  loaded: LoadedFeed;
  locale: string;
  resolver: TextResolver;
  byName: Entry[];
  byStart: Entry[];
  statuses: ProjectStatus[];
  organizations: {id: string; name: ResolvedText}[];
}

const indexes = new WeakMap<LoadedFeed, Index>();

/**
 * Compact cards for every project of a feed (RISE's listing pages), with a search over
 * name, title and summary that ignores case and diacritics ("skelleftea" finds
 * "Skellefteå"), filters by status and by participating organisation, and sorting by name
 * (in the page's language) or start date. The number of results is announced politely;
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
export class LoftProjectList extends LoftElement<LoadedFeed> {
  static override styles = [sharedStyles, compactStyles, projectListStyles];

  protected override _skeletonRows = 17;
  protected override _skeletonRowsNarrow = 35;

  /** Only projects with this status (`planned`, `ongoing`, `completed`, `terminated`). */
  @property() status = '';

  /** Only projects in which this organisation (its id) takes part. */
  @property() organization = '';

  /** Search text. */
  @property() q = '';

  /** `name` (default) or `start` (start date, newest first). */
  @property() sort: 'name' | 'start' = 'name';

  /** How many cards to show at first and at each "Show more". */
  @property({attribute: 'page-size', type: Number}) pageSize = 20;

  /** Text of the heading, instead of "Projects" in the page's language. */
  @property() heading?: string;

  @state() private _shown = 0;

  /** The result count the live region says; it follows the results after a pause in typing. */
  @state() private _announced?: number;

  private _results: Entry[] = [];
  private _resultsFor: unknown[] = [];
  private _announceTimer?: ReturnType<typeof setTimeout>;

  protected override _selectionKeys(): unknown[] {
    return [];
  }

  protected override _select(loaded: LoadedFeed): LoadedFeed {
    return loaded;
  }

  protected override _notFoundMessage(): string {
    return this._t('no-results');
  }

  private _index(loaded: LoadedFeed): Index {
    const locale = currentLocale();
    let index = indexes.get(loaded);
    if (index?.locale === locale) return index;
    const r = new TextResolver(loaded, locale, (id, params) => this._t(id, params));
    const collator = new Intl.Collator(locale);
    const names = new Map<Project, string>();
    const used = new Set<string>();
    const entries = loaded.feed.projects.map((project): Entry => {
      const name = r.text(project.name)?.text ?? project.id;
      names.set(project, name);
      for (const p of project.participants) used.add(p.organization);
      return {project, key: foldForSearch([name, r.text(project.title)?.text, r.text(project.summary)?.text].join(' '))};
    });
    const byName = entries.sort((a, b) => collator.compare(names.get(a.project)!, names.get(b.project)!));
    // ISO dates, partial or not, sort as text; projects without a start come last.
    const byStart = [...byName].sort((a, b) => (b.project.startDate ?? '').localeCompare(a.project.startDate ?? ''));
    const organizations = loaded.feed.organizations
      .filter((o) => used.has(o.id))
      .map((o) => ({id: o.id, name: r.text(o.name) ?? {text: o.id, lang: 'zxx'}}))
      .sort((a, b) => collator.compare(a.name.text, b.name.text));
    const statuses = PROJECT_STATUSES.filter((s) => entries.some((e) => e.project.status === s));
    index = {loaded, locale, resolver: r, byName, byStart, statuses, organizations};
    indexes.set(loaded, index);
    return index;
  }

  /** The matching entries, recomputed only when the feed, language or a filter changed. */
  private _filter(index: Index): Entry[] {
    const inputs = [index, this.status, this.organization, this.q, this.sort];
    if (inputs.every((x, i) => x === this._resultsFor[i])) return this._results;
    const terms = foldForSearch(this.q).split(/\s+/).filter(Boolean);
    this._resultsFor = inputs;
    this._results = (this.sort === 'start' ? index.byStart : index.byName).filter(
      ({project, key}) =>
        (!this.status || project.status === this.status) &&
        (!this.organization || project.participants.some((p) => p.organization === this.organization)) &&
        terms.every((term) => key.includes(term))
    );
    return this._results;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (['status', 'organization', 'q', 'sort', 'pageSize'].some((k) => changed.has(k)) || !this._shown) {
      this._shown = this._pageSize();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const count = this._resultsFor[0] ? this._results.length : undefined;
    if (count === this._announced) return;
    clearTimeout(this._announceTimer);
    // The first count is there at once; later ones wait for a pause in typing, so a screen
    // reader says the result once instead of at every keystroke.
    this._announceTimer = setTimeout(() => (this._announced = count), this._announced === undefined ? 0 : 500);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._announceTimer);
  }

  private _pageSize(): number {
    return Number.isFinite(this.pageSize) && this.pageSize > 0 ? Math.round(this.pageSize) : 20;
  }

  protected override _renderContent(loaded: LoadedFeed): TemplateResult {
    const index = this._index(loaded);
    const results = this._filter(index);
    const shown = results.slice(0, this._shown);
    const r = index.resolver;
    const option = (value: string, label: unknown, selected: string) => html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    const count = this._announced;
    return html`<section aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${this.heading || this._t('projects')}</div>
      <form part="form" class="filters" role="search" aria-labelledby="heading" @submit=${(e: Event) => e.preventDefault()}>
        <div part="field" class="field search">
          <label for="q">${this._t('search')}</label>
          <input id="q" type="search" autocomplete="off" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
        </div>
        <div part="field" class="field">
          <label for="status">${this._t('status')}</label>
          <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}>
            ${option('', this._t('all'), this.status)}
            ${index.statuses.map((s) => option(s, this._t(`status-${s}`), this.status))}
            ${this._preset(this.status, index.statuses, () => ((PROJECT_STATUSES as readonly string[]).includes(this.status) ? this._t(`status-${this.status as ProjectStatus}`) : this.status))}
          </select>
        </div>
        <div part="field" class="field">
          <label for="organization">${this._t('organization')}</label>
          <select id="organization" @change=${(e: Event) => (this.organization = (e.target as HTMLSelectElement).value)}>
            ${option('', this._t('all'), this.organization)}
            ${index.organizations.map((o) => option(o.id, this._text(o.name), this.organization))}
            ${this._preset(this.organization, index.organizations.map((o) => o.id), () => {
              const name = index.resolver.text(index.resolver.organization(this.organization)?.name);
              return name ? this._text(name) : this.organization;
            })}
          </select>
        </div>
        <div part="field" class="field">
          <label for="sort">${this._t('sort')}</label>
          <select id="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as 'name' | 'start')}>
            ${option('name', this._t('sort-name'), this.sort)} ${option('start', this._t('sort-start'), this.sort)}
          </select>
        </div>
      </form>
      <p class="count" role="status">
        ${count === undefined ? '' : count === 0 ? this._t('no-results') : count === 1 ? this._t('results-one') : this._t('results', {count: count.toLocaleString(index.locale)})}
      </p>
      ${shown.length
        ? html`<ul part="list" class="projects">
            ${shown.map(
              (entry, i) =>
                html`<li part="item" class="item" tabindex="-1" data-index=${i}>
                  ${compactCard((entry.view ??= compactView(entry.project, r)), this._level(1), (text) => this._text(text), this._t('status'))}
                </li>`
            )}
          </ul>`
        : nothing}
      ${results.length > shown.length ? html`<button type="button" class="button more" @click=${this._handleShowMore}>${this._t('show-more')}</button>` : nothing}
    </section>`;
  }

  /**
   * A preset filter value that no project has (a status no project is in, an organisation
   * that takes part in none, a typo) still gets its option, so the control shows the filter
   * that is really applied and the visitor can reset it to "All".
   */
  private _preset(value: string, offered: string[], label: () => unknown) {
    return value && !offered.includes(value) ? html`<option value=${value} selected>${label()}</option>` : nothing;
  }

  /** Shows the next page and moves focus to its first card, so keyboard users continue there. */
  private async _handleShowMore(): Promise<void> {
    const first = this._shown;
    this._shown += this._pageSize();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-index="${first}"]`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-project-list': LoftProjectList;
  }
}
