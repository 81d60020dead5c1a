import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import type {LoadedFeed} from '../../feed/load.js';
import type {Project} from '../../feed/schema.js';
import {compactView, summaryView, type SummaryView} from '../../feed/view.js';
import {compactCard} from './compact.js';
import {LoftProjectElement} from '../shared/project-element.js';
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
export class LoftProjectCard extends LoftProjectElement {
  static override styles = [sharedStyles, projectCardStyles, compactStyles];

  protected override _skeletonClass = 'card';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // About the reference feed's cards: the fact box's rows stack into label and value when narrow.
    const compact = this.variant === 'compact';
    this._skeletonRows = compact ? 2 : 8;
    this._skeletonRowsNarrow = compact ? 3 : 15;
  }

  /** `summary` (the fact box) or `compact` (a card for listings). */
  @property({reflect: true}) variant: 'summary' | 'compact' = 'summary';

  protected override _renderContent(project: Project, loaded: LoadedFeed): TemplateResult {
    const r = this._resolver(loaded);
    if (this.variant === 'compact') {
      return html`<div class="card">${compactCard(compactView(project, r), this._level(), (text) => this._text(text), this._t('status'))}</div>`;
    }
    return this._renderSummary(summaryView(project, r));
  }

  private _renderSummary(view: SummaryView): TemplateResult {
    const row = (label: string, value: unknown) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<div class="card">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${this._t('summary')}</div>
      <dl part="facts" class="facts">
        ${row(this._t('project-name'), this._text(view.name))}
        ${row(this._t('status'), html`<span class="status" data-status=${view.status}>${this._text(view.statusLabel)}</span>`)}
        ${view.publisherRole ? row(this._t('publisher-role', {name: view.publisherRole.publisher.text}), this._text(view.publisherRole.role)) : nothing}
        ${view.start ? row(this._t('start'), view.start) : nothing}
        ${view.duration ? row(this._t('duration'), this._text(view.duration)) : nothing}
        ${view.partners.length
          ? row(
              this._t('partners'),
              html`<ul part="list" class="partners">
                ${view.partners.map(
                  (p, i) =>
                    html`<li part="item">${p.href ? html`<a href=${p.href}>${this._text(p.text)}</a>` : this._text(p.text)}${p.role
                      ? html` (${this._text(p.role)})`
                      : nothing}${i < view.partners.length - 1 ? ', ' : nothing}</li>`
                )}
              </ul>`
            )
          : nothing}
        ${view.website ? row(this._t('website'), html`<a href=${view.website.href}>${view.website.text}</a>`) : nothing}
      </dl>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-project-card': LoftProjectCard;
  }
}
