import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import type {Resolver} from '../../feed/view/resolver.js';
import {projectCardView, projectIntl, type CompactView, type FactView, type SummaryView} from '../../feed/view/project-card.js';
import {compactCard} from './compact.js';
import {LoftElement} from '../shared/loft-element.js';
import {CATALOG_PARTS} from '../shared/catalog-parts.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {compactStyles, projectCardStyles} from './project-card.styles.js';

/**
 * One project from the feed. `variant="summary"` (the default) is the seed page's
 * "Sammanfattning" fact box: project name, status, the publisher's role, start, duration,
 * partners and website. `variant="compact"` is a card for listings: name (a link to the
 * project's page, else its website), title, status and a short summary.
 *
 * Content inside the tag (a link to the project, say) is shown where JavaScript does not
 * run and hidden once the element is running.
 *
 * @tagname loft-project-card
 * @summary A project's facts from a JSON feed.
 *
 * @event {LoftLoadEvent} loft-load - The feed was loaded and the project is shown.
 * @event {LoftErrorEvent} loft-error - A problem in the feed: fatal (nothing shown) or one field or item left out.
 *
 * @csspart base - The element's box.
 * @csspart heading - The heading (in the compact card: the project's name).
 * @csspart facts - The list of facts (a `<dl>`).
 * @csspart list - The list of partners.
 * @csspart item - One partner.
 * @csspart error - The message shown when the project cannot be shown.
 *
 * @cssproperty [--loft-font-family=inherit] - Font family.
 * @cssproperty [--loft-color-text=inherit] - Text colour.
 * @cssproperty [--loft-color-muted=inherit] - Colour of the fact labels.
 * @cssproperty [--loft-color-accent=inherit] - Colour of links and buttons.
 * @cssproperty [--loft-color-surface=transparent] - Background of the card.
 * @cssproperty [--loft-color-border=currentColor] - Colour of borders (drawn at low opacity unless set).
 * @cssproperty [--loft-radius=4px] - Corner radius.
 * @cssproperty [--loft-space=1rem] - Base spacing.
 * @cssproperty [--loft-project-card-label-width=12em] - Width of the label column when there is room for two columns.
 */
export class LoftProjectCard extends LoftElement<SummaryView | CompactView, [string | undefined, string]> {
  static override styles = [sharedStyles, projectCardStyles, compactStyles];

  /** The reactive properties (attributes and internal state) declared below: a getter, which the lit-analyzer lint reads. */
  static override get properties() {
    return {
      project: {reflect: true},
      variant: {reflect: true},
    };
  }

  protected override _catalogParts = CATALOG_PARTS['loft-project-card'];

  /** The project's id in the feed (may be left out when the feed has one project). */
  project?: string;

  /** `summary` (the fact box) or `compact` (a card for listings). */
  variant: 'summary' | 'compact' = 'summary';

  protected override _skeletonClass = 'card';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // About the reference feed's cards: the fact box's rows stack into label and value when narrow.
    const compact = this.variant === 'compact';
    this._skeletonRows = compact ? 2 : 8;
    this._skeletonRowsNarrow = compact ? 3 : 15;
  }

  protected override _inputs(): [string | undefined, string] {
    return [this.project, this.variant];
  }

  protected override _intl(r: Resolver, [project, variant]: [string | undefined, string]) {
    return projectIntl(r, project, variant);
  }

  protected override _view(r: Resolver, [project, variant]: [string | undefined, string]): SummaryView | CompactView {
    return projectCardView(r, project, variant);
  }

  protected override _renderView(view: SummaryView | CompactView): TemplateResult {
    if (view.variant === 'compact') return html`<div class="card">${compactCard(view, this._level(), (text) => this._text(text))}</div>`;
    return html`<div class="card">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${this._text(view.heading)}</div>
      <dl part="facts" class="facts">
        ${view.facts.map((fact) => html`<div class="row"><dt>${this._text(fact.label)}</dt><dd>${this._renderValue(fact)}</dd></div>`)}
      </dl>
    </div>`;
  }

  private _renderValue(fact: FactView) {
    if (fact.link) return html`<a href=${fact.link.href}>${fact.link.text}</a>`;
    if (fact.status) return html`<span class="status" data-status=${fact.status}>${this._text(fact.text)}</span>`;
    if (!fact.partners) return this._text(fact.text);
    const last = fact.partners.length - 1;
    return html`<ul part="list" class="partners" role="list">
      ${fact.partners.map(
        (p, i) =>
          html`<li part="item">${p.href ? html`<a href=${p.href}>${this._text(p.text)}</a>` : this._text(p.text)}${p.role ? html` (${this._text(p.role)})` : nothing}${i < last ? ', ' : nothing}</li>`
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-project-card': LoftProjectCard;
  }
}
