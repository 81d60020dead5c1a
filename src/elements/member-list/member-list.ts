import {html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {findItem, type LoadedFeed} from '../../feed/load.js';
import type {Person, Project} from '../../feed/schema.js';
import {memberView, roleCode, selectProject, type MemberView} from '../../feed/view.js';
import type {MessageId} from '../../i18n/messages.js';
import {ContactDisclosure} from '../shared/contact-disclosure.js';
import {LoftElement} from '../shared/loft-element.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {memberListStyles} from './member-list.styles.js';

type Member = {person: Person; roles: NonNullable<Project['members']>[number]['roles']};

/** What the list shows: the project (for its contact form) and the people in order. */
export interface MemberSelection {
  project?: Project;
  members: Member[];
}

/** "a, b" → ["a", "b"]. */
export const idList = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * The people of a project (the seed page's "Projektmedlemmar"), or an explicit list of
 * people: photo or initials, name, title, organisation, roles, "Läs mer om X" (their
 * profile) and "Kontakta X", which opens a `<loft-contact-form>` for that person in a
 * disclosure below the button. "Kontakta X" is offered only when a contact form exists for
 * the person (theirs, else the project's).
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
export class LoftMemberList extends LoftElement<MemberSelection> {
  static override styles = [sharedStyles, memberListStyles];

  /** The project's id: its members are shown, and its contact form is the fallback. */
  @property({reflect: true}) project?: string;

  /** Comma-separated person ids, shown in this order instead of the project's members. */
  @property() people?: string;

  /** Comma-separated role codes (`contact,project-manager`): only people with one of them. */
  @property() roles?: string;

  /** Text of the heading, instead of "Project members" in the page's language. */
  @property() heading?: string;

  private readonly _contact = new ContactDisclosure(this);

  protected override _skeletonRows = 16;

  protected override _selectionKeys(): unknown[] {
    return [this.project, this.people, this.roles];
  }

  protected override _select(loaded: LoadedFeed): MemberSelection {
    const {people} = loaded.feed;
    const ids = idList(this.people);
    const project = this.project || !ids.length ? selectProject(loaded, this.project) : undefined;
    let members: Member[] = ids.length
      ? ids.map((id) => {
          const person = findItem(loaded, 'people', id, 'people');
          return {person, roles: project?.members?.find((m) => m.person === id)?.roles ?? []};
        })
      : (project!.members ?? []).map((m) => ({person: people.find((p) => p.id === m.person)!, roles: m.roles}));
    const wanted = idList(this.roles);
    if (wanted.length) members = members.filter((m) => m.roles.some((role) => wanted.includes(roleCode(role))));
    return {project, members};
  }

  protected override _notFoundMessage(): string {
    return this._t(this.people ? 'error-person-not-found' : 'error-project-not-found');
  }

  protected override _renderContent({project, members}: MemberSelection, loaded: LoadedFeed): TemplateResult {
    const r = this._resolver(loaded);
    return html`<section aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${this.heading || this._t('members')}</div>
      ${members.length
        ? html`<ul part="list" class="people">
            ${members.map((m) => this._renderPerson(memberView(m.person, m.roles, project, r), project))}
          </ul>`
        : html`<p>${this._t('no-members')}</p>`}
    </section>`;
  }

  /**
   * "Läs mer om Amanda": the accessible name adds the full name when the given name alone
   * could be ambiguous, and starts with the visible words (WCAG 2.5.3, label in name).
   */
  private _action(id: MessageId, view: MemberView): [string, string | undefined] {
    const label = this._t(id, {name: view.callName});
    if (view.callName === view.name.text) return [label, undefined];
    const full = this._t(id, {name: view.name.text});
    return [label, full.startsWith(label) ? full : `${label} (${view.name.text})`];
  }

  private _renderPerson(view: MemberView, project: Project | undefined): TemplateResult {
    const [readMore, readMoreName] = this._action('read-more', view);
    const [contact, contactName] = this._action('contact-person', view);
    return html`<li part="item" class="person">
      <div part="photo" class="photo">
        ${view.photo
          ? html`<img src=${view.photo.src} alt=${view.photo.alt} loading="lazy" decoding="async" width="96" height="96" />`
          : html`<span aria-hidden="true">${view.initials}</span>`}
      </div>
      <div class="about">
        <div class="name" role="heading" aria-level=${this._level(1)}>${this._text(view.name)}</div>
        ${view.title ? html`<div class="muted">${this._text(view.title)}</div>` : nothing}
        ${view.organization ? html`<div class="muted">${this._text(view.organization)}</div>` : nothing}
        ${view.roles.length
          ? html`<ul part="roles" class="roles">
              ${view.roles.map((role) => html`<li>${this._text(role)}</li>`)}
            </ul>`
          : nothing}
        ${view.profileUrl ? html`<a class="more" href=${view.profileUrl} aria-label=${readMoreName ?? nothing}>${readMore}</a>` : nothing}
        ${view.canContact ? this._contact.button(view.id, contact, contactName) : nothing}
      </div>
      ${this._contact.panel(
        {key: view.id, recipient: view.id, project: project?.id, feed: this._feedForChild()},
        this._t('contact-panel-heading', {name: view.name.text}),
        this._level(2),
        this._t('close')
      )}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-member-list': LoftMemberList;
  }
}
