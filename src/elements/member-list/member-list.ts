import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {Resolver} from '../../feed/view/resolver.js';
import {MEMBERS_AT_ONCE, memberListView, type MemberListView, type MemberView} from '../../feed/view/member-list.js';
import {ContactDisclosure} from '../shared/contact-disclosure.js';
import {contactDisclosureStyles} from '../shared/contact-disclosure.styles.js';
import {LoftElement} from '../shared/loft-element.js';
import {CATALOG_PARTS} from '../shared/catalog-parts.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {memberListStyles} from './member-list.styles.js';

type Inputs = [project: string | undefined, people: string | undefined, roles: string | undefined, heading: string | undefined, limit: number];

/**
 * The people of a project (the seed page's "Projektmedlemmar"), or an explicit list of
 * people: photo or initials, name, title, organisation, roles, "Läs mer om X" (their
 * profile) and "Kontakta X", which opens a `<loft-contact-form>` for that person in a
 * disclosure below the button. "Kontakta X" is offered only when a contact form exists for
 * the person (theirs, else the project's). With a project, the list is a region landmark
 * named by its heading and the project ("Projektmedlemmar (LOFT)"), so that several lists on
 * a page have names of their own; without one it is no landmark. A long list shows its
 * first 50 people, and "Visa fler" shows 50 more each time.
 *
 * @tagname loft-member-list
 * @summary The people of a project, with their roles and a way to contact them.
 *
 * @event {LoftLoadEvent} loft-load - The feed was loaded and the people are shown.
 * @event {LoftErrorEvent} loft-error - A problem in the feed: fatal (nothing shown) or one field or item left out.
 *
 * @csspart base - The element's box.
 * @csspart heading - The heading.
 * @csspart list - The list of people.
 * @csspart item - One person.
 * @csspart photo - A person's photo or initials.
 * @csspart roles - A person's roles.
 * @csspart panel - The open contact panel.
 * @csspart error - The message shown when the people cannot be shown.
 *
 * @cssproperty [--loft-font-family=inherit] - Font family.
 * @cssproperty [--loft-color-text=inherit] - Text colour.
 * @cssproperty [--loft-color-muted=inherit] - Colour of titles and organisations.
 * @cssproperty [--loft-color-accent=inherit] - Colour of links, buttons and role labels.
 * @cssproperty [--loft-color-surface=transparent] - Background of the contact panel.
 * @cssproperty [--loft-color-border=currentColor] - Colour of borders (drawn at low opacity unless set).
 * @cssproperty [--loft-radius=4px] - Corner radius.
 * @cssproperty [--loft-space=1rem] - Base spacing.
 * @cssproperty [--loft-member-list-photo-size=6rem] - Width and height of a photo.
 */
export class LoftMemberList extends LoftElement<MemberListView, Inputs> {
  static override styles = [sharedStyles, contactDisclosureStyles, memberListStyles];

  /** The reactive properties (attributes and internal state) declared below: a getter, which the lit-analyzer lint reads. */
  static override get properties() {
    return {
      project: {reflect: true},
      people: {},
      roles: {},
      heading: {},
      _limit: {state: true, attribute: false},
    };
  }

  protected override _catalogParts = CATALOG_PARTS['loft-member-list'];

  /** The project's id: its members are shown, and its contact form is the fallback. */
  project?: string;

  /** Comma-separated person ids, shown in this order instead of the project's members. */
  people?: string;

  /** Comma-separated role codes (`contact,project-manager`): only people with one of them. */
  roles?: string;

  /** Text of the heading, instead of "Project members" in the page's language. */
  heading?: string;

  /** How many people are shown: one more page for each "Visa fler". */
  private _limit = MEMBERS_AT_ONCE;

  private readonly _contact = new ContactDisclosure(this);

  protected override _skeletonRows = 16;

  protected override _inputs(): Inputs {
    return [this.project, this.people, this.roles, this.heading, this._limit];
  }

  protected override _view(r: Resolver, [project, people, roles, heading, limit]: Inputs): MemberListView {
    return memberListView(r, {project, people, roles, heading, limit});
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Other people: start again from the first page.
    if (changed.has('project') || changed.has('people') || changed.has('roles')) this._limit = MEMBERS_AT_ONCE;
    super.willUpdate(changed);
  }

  protected override _renderView(view: MemberListView): TemplateResult {
    return html`<section aria-label=${ifDefined(view.region)}>
      <div part="heading" class="heading" role="heading" aria-level=${this._level()}>${this._text(view.heading)}</div>
      ${view.members.length
        ? html`<ul part="list" class="people" role="list">
            ${view.members.map((m, i) => this._renderPerson(m, i, view))}
          </ul>`
        : html`<p>${this._text(view.empty)}</p>`}
      ${view.more ? html`<button type="button" class="button show-more" @click=${this._handleShowMore}>${this._text(view.more)}</button>` : nothing}
    </section>`;
  }

  /** Shows the next people and moves focus to the first of them. */
  private _handleShowMore(): Promise<void> {
    this._limit += MEMBERS_AT_ONCE;
    return this._focusItem(this._limit - MEMBERS_AT_ONCE);
  }

  private _renderPerson(person: MemberView, index: number, view: MemberListView): TemplateResult {
    const text = (t: Parameters<typeof this._text>[0]) => this._text(t);
    return html`<li part="item" class="person" tabindex="-1" data-index=${index}>
      <div part="photo" class="photo">
        ${person.photo
          ? html`<img src=${person.photo.src} alt=${person.photo.alt} loading="lazy" decoding="async" width="96" height="96" />`
          : html`<span aria-hidden="true">${person.initials}</span>`}
      </div>
      <div class="about">
        <div class="name" role="heading" aria-level=${this._level(1)}>${this._text(person.name)}</div>
        ${person.title ? html`<div class="muted">${this._text(person.title)}</div>` : nothing}
        ${person.organization ? html`<div class="muted">${this._text(person.organization)}</div>` : nothing}
        ${person.roles.length
          ? html`<ul part="roles" class="roles" role="list">
              ${person.roles.map((role) => html`<li>${this._text(role)}</li>`)}
            </ul>`
          : nothing}
        ${person.profile
          ? html`<a class="more" href=${person.profile.href} aria-label=${person.profile.accessibleName ?? nothing}>${this._text(person.profile.label)}</a>`
          : nothing}
        ${person.contact ? this._contact.button(person.id, person.contact, text) : nothing}
      </div>
      ${this._contact.panel(
        {key: person.id, recipient: person.id, project: view.project, feed: this._feedForChild(), catalog: this.catalog},
        this._level(2),
        view.panel,
        text
      )}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-member-list': LoftMemberList;
  }
}
