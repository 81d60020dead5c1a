import {html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {LoadedFeed} from '../../feed/load.js';
import type {Project} from '../../feed/schema.js';
import {idList} from '../member-list/member-list.js';
import {ContactDisclosure} from '../shared/contact-disclosure.js';
import {LoftProjectElement} from '../shared/project-element.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {projectStyles} from './project.styles.js';

/** Sections of `<loft-project>` that `hide` can leave out. */
export type ProjectSection = 'description' | 'quotes' | 'summary' | 'members' | 'contact';

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
export class LoftProject extends LoftProjectElement {
  static override styles = [sharedStyles, projectStyles];

  /** Comma-separated sections to leave out: `description`, `quotes`, `summary`, `members`, `contact`. */
  @property() hide?: string;

  private readonly _contact = new ContactDisclosure(this);

  protected override _skeletonRows = 61;
  protected override _skeletonRowsNarrow = 131;

  protected override _renderContent(project: Project, loaded: LoadedFeed): TemplateResult {
    const r = this._resolver(loaded);
    const hidden = idList(this.hide);
    const show = (section: ProjectSection) => !hidden.includes(section);
    const feed = this._feedForChild();
    const level = this._level(1);
    // The nested elements share this element's feed: their events would only repeat ours.
    const stop = (event: Event) => event.stopPropagation();
    const nested = (tag: 'card' | 'members', extra: {people?: string; heading?: string} = {}) =>
      tag === 'card'
        ? html`<loft-project-card part="summary" project=${project.id} heading-level=${level} src=${ifDefined(feed.src)} .data=${feed.data} @loft-load=${stop} @loft-error=${stop}></loft-project-card>`
        : html`<loft-member-list
            part=${extra.people ? 'contact' : 'members'}
            project=${project.id}
            people=${ifDefined(extra.people)}
            heading=${ifDefined(extra.heading)}
            heading-level=${level}
            src=${ifDefined(feed.src)}
            .data=${feed.data}
            @loft-load=${stop}
            @loft-error=${stop}
          ></loft-member-list>`;
    const paragraphs = (project.description ?? []).map((p) => r.text(p)).filter((p) => p !== undefined);
    const members = show('members') && project.members?.length ? project.members : [];
    const contactPerson = project.contactPerson;
    let contact: unknown = nothing;
    if (show('contact') && contactPerson && !members.some((m) => m.person === contactPerson)) {
      contact = nested('members', {people: contactPerson, heading: this._t('contact')});
    } else if (show('contact') && !contactPerson && project.contactForm) {
      contact = html`<section part="contact" aria-labelledby="contact">
        <div class="heading" id="contact" role="heading" aria-level=${level}>${this._t('contact')}</div>
        ${this._contact.button('project', this._t('contact-project'))}
        ${this._contact.panel({key: 'project', project: project.id, feed}, this._t('contact-project'), level + 1, this._t('close'))}
      </section>`;
    }
    return html`<article aria-labelledby="heading">
      <div part="heading" class="heading title" id="heading" role="heading" aria-level=${this._level()}>
        ${this._text(r.text(project.title) ?? r.text(project.name) ?? {text: project.id, lang: 'zxx'})}
      </div>
      ${show('description') && paragraphs.length ? html`<div class="description">${paragraphs.map((p) => html`<p>${this._text(p)}</p>`)}</div>` : nothing}
      ${show('quotes') && project.quotes?.length
        ? html`<div class="quotes">
            ${project.quotes.map((q) => {
              const org = r.organization(q.organization);
              const attribution = [q.name, this._text(r.text(q.title)), org ? this._text(r.text(org.name)) : nothing].filter((x) => x !== nothing);
              return html`<figure part="quote" class="quote">
                <blockquote>${this._text(r.text(q.text))}</blockquote>
                <figcaption>— ${attribution.map((x, i) => html`${i ? ', ' : ''}${x}`)}</figcaption>
              </figure>`;
            })}
          </div>`
        : nothing}
      ${show('summary') ? nested('card') : nothing} ${members.length ? nested('members') : nothing} ${contact}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-project': LoftProject;
  }
}
