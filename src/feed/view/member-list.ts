/** `<loft-member-list>`: the people of a project, or an explicit list of people. */
import {findItem} from '../load.js';
import {PERSON_ROLES} from '../codes.js';
import type {Person, Project} from '../schema.js';
import {tidyText} from '../text.js';
import type {Problem} from '../check/engine.js';
import {AT_MOST, grouped, firstOf, idList, projectPath, selectProject, type ResolvedText, type Resolver} from './resolver.js';

/** A person as the member list shows them. */
export interface MemberView {
  id: string;
  name: ResolvedText;
  title?: ResolvedText;
  organization?: ResolvedText;
  roles: ResolvedText[];
  photo?: {src: string; alt: string};
  initials: string;
  /** "Läs mer om Amanda": the link to their profile. */
  profile?: ActionView & {href: string};
  /** "Kontakta Amanda", when a contact form exists for them (theirs, else the project's). */
  contact?: ActionView;
  /** What the entry leaves out of an overlong list of roles, for the editor. */
  leftOut?: Problem;
}

/** A link or button: what it says, and its accessible name when that must say more. */
export interface ActionView {
  label: ResolvedText;
  accessibleName?: string;
}

type MemberRole = NonNullable<Project['members']>[number]['roles'][number];

/** A role code or `{code, label}`. */
export const roleCode = (role: MemberRole): string => (typeof role === 'string' ? role : role.code);

/** The feed's label for a role, else the built-in one; an unknown bare code is left out. */
function roleLabel(role: MemberRole, r: Resolver): ResolvedText | undefined {
  if (typeof role !== 'string') return r.line(role.label);
  return (PERSON_ROLES as readonly string[]).includes(role) ? r.ui(`person-role-${role as (typeof PERSON_ROLES)[number]}`) : undefined;
}

/**
 * "Läs mer om Amanda": by the given name, as the seed page says it, with an accessible name
 * that adds the full name (unique per person) and starts with the visible words (WCAG 2.5.3).
 */
function action(id: 'read-more' | 'contact-person', callName: string, fullName: string, r: Resolver): ActionView {
  const label = r.ui(id, {name: callName});
  if (callName === fullName) return {label};
  const full = r.t(id, {name: fullName});
  return {label, accessibleName: full.startsWith(label.text) ? full : `${label.text} (${fullName})`};
}

const initialsOf = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase())
    .filter((_, i, all) => i === 0 || i === all.length - 1)
    .join('');

export function memberView(person: Person, roles: MemberRole[], project: Project | undefined, r: Resolver): MemberView {
  const name = r.name(person.name, person.id);
  const callName = tidyText(person.givenName ?? '') || name.text;
  const src = r.url(person.image?.url);
  const org = r.organization(person.organization);
  const profile = r.url(person.profileUrl);
  // Roles come from the project's entry for the person (none without a project).
  const shownRoles = firstOf(
    roles,
    AT_MOST.roles,
    (role) => roleLabel(role, r),
    (n) => `the member "${person.id}" of the project "${project!.id}" has ${grouped(n)} roles`,
    () => `${projectPath(r, project!)}.members[${project!.members!.findIndex((m) => m.roles === roles)}].roles`
  );
  return {
    id: person.id,
    name,
    title: r.line(person.title),
    organization: org ? r.name(org.name, org.id) : undefined,
    roles: shownRoles.shown,
    photo: src ? {src, alt: r.text(person.image?.alt)?.text ?? ''} : undefined,
    initials: initialsOf(name.text),
    profile: profile ? {...action('read-more', callName, name.text, r), href: profile} : undefined,
    contact: person.contactForm !== undefined || project?.contactForm !== undefined ? action('contact-person', callName, name.text, r) : undefined,
    leftOut: shownRoles.problem,
  };
}

/** `<loft-member-list>`. */
export interface MemberListView {
  heading: ResolvedText;
  /**
   * The name of the list's region landmark, "Projektmedlemmar (LOFT)": the heading and the
   * project's name, so that several member lists on a page are told apart in a screen
   * reader's list of landmarks. None without a project: the list is then no landmark (its
   * heading is still there to find it by), rather than one more of the same name.
   */
  region?: string;
  /** The project the contact forms are about, if any. */
  project?: string;
  /** The first `limit` of them. */
  members: MemberView[];
  /** What the people shown leave out of overlong lists of roles, for the editor. */
  leftOut: Problem[];
  /** "Visa fler", when there are more than those. */
  more?: ResolvedText;
  empty: ResolvedText;
  panel: PanelTexts;
}

/** What a contact panel says besides its form: its close button, and the words for a form whose code could not be loaded. */
export interface PanelTexts {
  close: ResolvedText;
  fileMissing: ResolvedText;
}

export const panelTexts = (r: Resolver): PanelTexts => ({close: r.ui('close'), fileMissing: r.ui('error-file-missing')});

/**
 * How many people a member list shows at first, and how many more each "Visa fler" adds: a
 * valid feed may give a project thousands of members, and rendering 15,000 at once held the
 * page for 2 s in Chromium.
 */
export const MEMBERS_AT_ONCE = 50;

export function memberListView(r: Resolver, input: {project?: string; people?: string; roles?: string; heading?: string; limit: number}): MemberListView {
  const {loaded} = r;
  const ids = idList(input.people);
  const project = input.project || !ids.length ? selectProject(loaded, input.project) : undefined;
  let members = ids.length
    ? ids.map((id) => ({person: findItem(loaded, 'people', id, 'people'), roles: project?.members?.find((m) => m.person === id)?.roles ?? []}))
    : (project!.members ?? []).flatMap((m) => {
        const person = r.person(m.person);
        return person ? [{person, roles: m.roles}] : [];
      });
  const wanted = idList(input.roles);
  if (wanted.length) members = members.filter((m) => m.roles.some((role) => wanted.includes(roleCode(role))));
  const heading = tidyText(input.heading ?? '');
  const headingText: ResolvedText = heading ? {text: heading, lang: r.lang} : r.ui('members');
  const shown = members.slice(0, input.limit).map((m) => memberView(m.person, m.roles, project, r));
  return {
    heading: headingText,
    region: project ? `${headingText.text} (${r.name(project.name, project.id).text})` : undefined,
    project: project?.id,
    members: shown,
    leftOut: shown.flatMap((m) => (m.leftOut ? [m.leftOut] : [])),
    more: members.length > input.limit ? r.ui('show-more') : undefined,
    empty: r.ui('no-members'),
    panel: panelTexts(r),
  };
}
