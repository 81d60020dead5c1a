import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {Resolver} from '../../feed/view/resolver.js';
import {projectView, type ProjectView} from '../../feed/view/project.js';
import {projectIntl} from '../../feed/view/project-card.js';
import {ContactDisclosure} from '../shared/contact-disclosure.js';
import {contactDisclosureStyles} from '../shared/contact-disclosure.styles.js';
import {LoftElement} from '../shared/loft-element.js';
import {CATALOG_PARTS} from '../shared/catalog-parts.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {projectStyles} from './project.styles.js';

export type {ProjectSection} from '../../feed/view/project.js';

/**
 * The whole seed page for one project, from one tag: the title, the description, quotes
 * with their attribution, the summary fact box (`<loft-project-card>`), the members
 * (`<loft-member-list>`) and the project contact. The nested elements read the same feed
 * without another request or check; their events are not repeated to the page.
 *
 * The project contact is the project's `contactPerson` with a "Kontakta X" button, unless
 * that person is already shown among the members; without a contact person, a "Contact us"
 * button opens the project's contact form.
 *
 * @tagname loft-project
 * @summary A project's whole page from a JSON feed.
 *
 * @event {LoftLoadEvent} loft-load - The feed was loaded and the project is shown.
 * @event {LoftErrorEvent} loft-error - A problem in the feed: fatal (nothing shown) or one field or item left out.
 *
 * @csspart base - The element's box.
 * @csspart heading - The project's title.
 * @csspart quote - One quotation (a `<figure>`).
 * @csspart summary - The summary fact box (a `<loft-project-card>`; style inside it with its own parts and properties).
 * @csspart members - The members (a `<loft-member-list>`).
 * @csspart contact - The project contact.
 * @csspart panel - The open contact panel, for a project without a contact person.
 * @csspart error - The message shown when the project cannot be shown.
 *
 * @cssproperty [--loft-font-family=inherit] - Font family.
 * @cssproperty [--loft-color-text=inherit] - Text colour.
 * @cssproperty [--loft-color-muted=inherit] - Colour of attributions and labels.
 * @cssproperty [--loft-color-accent=inherit] - Colour of links, buttons and the quotation rule.
 * @cssproperty [--loft-color-surface=transparent] - Background of boxes.
 * @cssproperty [--loft-color-border=currentColor] - Colour of borders (drawn at low opacity unless set).
 * @cssproperty [--loft-radius=4px] - Corner radius.
 * @cssproperty [--loft-space=1rem] - Base spacing.
 * @cssproperty [--loft-project-quote-size=1.15em] - Font size of quotations.
 */
export class LoftProject extends LoftElement<ProjectView, [string | undefined, string | undefined]> {
  static override styles = [sharedStyles, contactDisclosureStyles, projectStyles];

  /** The reactive properties (attributes and internal state) declared below: a getter, which the lit-analyzer lint reads. */
  static override get properties() {
    return {
      project: {reflect: true},
      hide: {},
    };
  }

  protected override _catalogParts = CATALOG_PARTS['loft-project'];

  /** The project's id in the feed (may be left out when the feed has one project). */
  project?: string;

  /** Comma-separated sections to leave out: `description`, `quotes`, `summary`, `members`, `contact`. */
  hide?: string;

  private readonly _contact = new ContactDisclosure(this);

  protected override _skeletonRows = 61;
  protected override _skeletonRowsNarrow = 131;

  protected override _inputs(): [string | undefined, string | undefined] {
    return [this.project, this.hide];
  }

  protected override _intl(r: Resolver, [project]: [string | undefined, string | undefined]) {
    return projectIntl(r, project);
  }

  protected override _view(r: Resolver, [project, hide]: [string | undefined, string | undefined]): ProjectView {
    return projectView(r, {project, hide});
  }

  protected override _renderView(view: ProjectView): TemplateResult {
    const feed = this._feedForChild();
    const level = this._level(1);
    const text = (t: Parameters<typeof this._text>[0]) => this._text(t);
    // The nested elements share this element's feed (no request, no second check) and take
    // its language from it (through the shadow root); their events would only repeat ours.
    const stop = (event: Event) => event.stopPropagation();
    const members = (part: string, people?: string, heading?: string) =>
      html`<loft-member-list
        part=${part}
        project=${view.id}
        people=${ifDefined(people)}
        heading=${ifDefined(heading)}
        heading-level=${level}
        catalog=${ifDefined(this.catalog)}
        src=${ifDefined(feed.src)}
        .data=${feed.data}
        @loft-load=${stop}
        @loft-error=${stop}
      ></loft-member-list>`;
    const {contact} = view;
    return html`<article aria-labelledby="heading">
      <div part="heading" class="heading title" id="heading" role="heading" aria-level=${this._level()}>${this._text(view.title)}</div>
      ${view.description.length ? html`<div class="description">${view.description.map((p) => html`<p>${this._text(p)}</p>`)}</div>` : nothing}
      ${view.quotes.length
        ? html`<div class="quotes">
            ${view.quotes.map(
              (q) => html`<figure part="quote" class="quote">
                <blockquote dir=${ifDefined(this._dirOf(q.text))}>${this._text(q.text)}</blockquote>
                <figcaption>— ${q.attribution.map((x, i) => html`${i ? ', ' : ''}${this._text(x)}`)}</figcaption>
              </figure>`
            )}
          </div>`
        : nothing}
      ${view.summary
        ? html`<loft-project-card
            part="summary"
            project=${view.id}
            heading-level=${level}
            catalog=${ifDefined(this.catalog)}
            src=${ifDefined(feed.src)}
            .data=${feed.data}
            @loft-load=${stop}
            @loft-error=${stop}
          ></loft-project-card>`
        : nothing}
      ${view.members ? members('members') : nothing}
      ${contact?.person ? members('contact', contact.person, contact.heading.text) : nothing}
      ${contact?.button
        ? html`<section part="contact" aria-labelledby="contact">
            <div class="heading" id="contact" role="heading" aria-level=${level}>${this._text(contact.heading)}</div>
            ${this._contact.button('project', {label: contact.button}, text)}
            ${this._contact.panel({key: 'project', project: view.id, feed, catalog: this.catalog}, level + 1, contact.panel, text)}
          </section>`
        : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-project': LoftProject;
  }
}
