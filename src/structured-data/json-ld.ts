/**
 * schema.org JSON-LD for one project, from the same resolver the elements' views use: the
 * server-rendered snippet writes it, and a live element puts it in its light DOM
 * (./live.ts), so search engines read the same facts visitors do.
 *
 * The project is a `ResearchProject` (schema.org's Project is an Organization): its dates
 * are `foundingDate` and `dissolutionDate`, participating organisations and members are
 * `member`s with their roles in `OrganizationRole`s (funders are `funder`s too), the status
 * is a `DefinedTerm` (schema.org has no status for projects) and the contact person a
 * `contactPoint`. `@id`s are stable across pages: the project's, people's and
 * organisations' own URLs (a person's ORCID iD first), else the feed's URL with
 * `#projects/<id>`, `#people/<id>` or `#organizations/<id>`, so the same project on two
 * pages is one thing to a search engine. A project list is an `ItemList` of the projects
 * it shows, each by the same `@id`. Test/types/json-ld.types.ts checks the shapes against
 * schema.org's types (schema-dts).
 */
import type {Organization, Person, Project} from '../feed/schema.js';
import {PERSON_ROLES} from '../feed/codes.js';
import type {ProjectListView} from '../feed/view/project-list.js';
import {AT_MOST, selectProject, type Resolver} from '../feed/view/resolver.js';

/** A JSON-LD node: plain JSON, ready for `JSON.stringify`. */
export type JsonLdNode = {[key: string]: string | number | string[] | JsonLdNode | JsonLdNode[]};

/** The schema.org type of each organisation type of the feed. */
const ORGANIZATION_TYPES: Record<string, string> = {
  municipality: 'GovernmentOrganization',
  region: 'GovernmentOrganization',
  'government-agency': 'GovernmentOrganization',
  'research-institute': 'ResearchOrganization',
  'higher-education': 'CollegeOrUniversity',
  company: 'Corporation',
  'non-profit': 'NGO',
};

/**
 * One project's JSON-LD lists at most as many organisations (and people) as its fact box,
 * roles as its member list, and 20 identifiers of each thing: a feed may give a project
 * thousands, and writing them all out held the page for 80 ms half a second after it showed.
 */
const MAX_IDENTIFIERS = 20;

const identifiers = (list: Organization['identifiers']) => list?.slice(0, MAX_IDENTIFIERS).map((i) => node({'@type': 'PropertyValue', propertyID: i.scheme, value: i.value}));

/** Leaves out keys without a value, so the JSON has no empty fields. */
function node(fields: {[key: string]: string | number | string[] | JsonLdNode | JsonLdNode[] | undefined}): JsonLdNode {
  const out: JsonLdNode = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[key] = value;
  }
  return out;
}

/** The `@id` of an item: its own URL with a fragment, else the feed's URL with its collection and id. */
function idOf(r: Resolver, collection: 'projects' | 'people' | 'organizations', id: string, own: string | undefined): string {
  if (own) return own;
  // The feed's own URL (the page's, for a feed inline in it).
  const feedUrl = new URL(r.loaded.baseUrl);
  feedUrl.hash = `${collection}/${id}`;
  return feedUrl.href;
}

const withFragment = (url: string | undefined, fragment: string) => (url ? `${url.split('#')[0]}#${fragment}` : undefined);

function organizationNode(org: Organization, r: Resolver): JsonLdNode {
  const url = r.url(org.url);
  return node({
    '@type': ORGANIZATION_TYPES[org.type ?? ''] ?? 'Organization',
    '@id': idOf(r, 'organizations', org.id, withFragment(url, 'organization')),
    name: r.name(org.name, org.id).text,
    url,
    identifier: identifiers(org.identifiers),
  });
}

function personNode(person: Person, r: Resolver): JsonLdNode {
  const profile = r.url(person.profileUrl);
  const orcid = person.orcid ? (person.orcid.startsWith('https://') ? person.orcid : `https://orcid.org/${person.orcid}`) : undefined;
  const org = r.organization(person.organization);
  const image = r.url(person.image?.url);
  return node({
    '@type': 'Person',
    '@id': idOf(r, 'people', person.id, orcid ?? withFragment(profile, 'person')),
    name: r.name(person.name, person.id).text,
    givenName: person.givenName,
    jobTitle: r.line(person.title)?.text,
    worksFor: org ? {'@id': organizationNode(org, r)['@id'] as string} : undefined,
    url: profile,
    sameAs: orcid && profile ? orcid : undefined,
    image,
  });
}

type MemberRole = NonNullable<Project['members']>[number]['roles'][number];

/** A member's role as the member list says it: the feed's label, else the built-in one (an unknown bare code has none). */
function roleLabel(role: MemberRole, r: Resolver): string | undefined {
  if (typeof role !== 'string') return r.line(role.label)?.text;
  return (PERSON_ROLES as readonly string[]).includes(role) ? r.t(`person-role-${role as (typeof PERSON_ROLES)[number]}`) : undefined;
}

/** A schema.org Role: the value of `property` with the role's name(s). */
const role = (property: string, value: JsonLdNode, names: string[]): JsonLdNode => node({'@type': 'OrganizationRole', roleName: names.length === 1 ? names[0] : names, [property]: value});

/** The `@id` of a project: its page (`url`, else `website`) with `#project`, else the feed's URL with `#projects/<id>`. */
const projectIdOf = (r: Resolver, id: string, page: string | undefined) => idOf(r, 'projects', id, withFragment(page, 'project'));

/** The JSON-LD of a project, in the resolver's language. Throws `FeedError('not-found')` like the elements. */
export function projectJsonLd(r: Resolver, projectId: string | undefined): JsonLdNode {
  const project: Project = selectProject(r.loaded, projectId);
  const members: JsonLdNode[] = [];
  const funders: JsonLdNode[] = [];
  for (const participant of project.participants.slice(0, AT_MOST.partners)) {
    const org = r.organization(participant.organization);
    if (!org) continue;
    const orgNode = organizationNode(org, r);
    const roleName = (r.line(participant.label) ?? r.ui(`role-${participant.role}`)).text;
    members.push(role('member', orgNode, [roleName]));
    if (participant.role === 'funder') funders.push({'@id': orgNode['@id']});
  }
  for (const member of project.members?.slice(0, AT_MOST.partners) ?? []) {
    const person = r.person(member.person);
    if (!person) continue;
    members.push(role('member', personNode(person, r), member.roles.slice(0, AT_MOST.roles).flatMap((code) => roleLabel(code, r) ?? [])));
  }
  // The contact person: the project's, else the first member with the role `contact`.
  const contactId = project.contactPerson ?? project.members?.find((m) => m.roles.includes('contact'))?.person;
  const contact = r.person(contactId);
  const url = r.url(project.url);
  const website = r.url(project.website);
  const description = r.text(project.summary) ?? r.text(project.description?.[0]);
  return node({
    '@context': 'https://schema.org',
    '@type': 'ResearchProject',
    '@id': projectIdOf(r, project.id, url ?? website),
    name: r.name(project.name, project.id).text,
    alternateName: r.line(project.title)?.text,
    description: description?.text,
    url: url ?? website,
    sameAs: url && website ? website : undefined,
    foundingDate: project.startDate,
    dissolutionDate: project.endDate ?? undefined,
    keywords: node({'@type': 'DefinedTerm', termCode: project.status, name: r.ui(`status-${project.status}`).text}),
    identifier: identifiers(project.identifiers),
    member: members,
    funder: funders,
    contactPoint: contact
      ? node({
          '@type': 'ContactPoint',
          contactType: r.ui('person-role-contact').text,
          name: r.name(contact.name, contact.id).text,
          email: contact.email,
          telephone: contact.phone,
          url: r.url(contact.profileUrl),
        })
      : undefined,
  });
}

/**
 * The JSON-LD of a project list, in the resolver's language: an `ItemList` of the projects
 * it shows (each by its `@id`, name and page, in the list's order), and how many match in
 * all (`numberOfItems`, which counts the pages of "Show more" not shown yet).
 */
export function projectListJsonLd(r: Resolver, view: ProjectListView): JsonLdNode {
  return node({
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: view.heading.text,
    numberOfItems: view.total,
    itemListElement: view.cards.map((card, i) =>
      node({'@type': 'ListItem', position: i + 1, item: node({'@type': 'ResearchProject', '@id': projectIdOf(r, card.id, card.href), name: card.name.text, url: card.href})})
    ),
  });
}

/**
 * The JSON-LD of what an element shows: its project (`<loft-project>`, `<loft-project-card>`),
 * its list of projects (`<loft-project-list>`), else none.
 */
export function elementJsonLd(tag: string, r: Resolver, view: unknown, project: string | undefined): JsonLdNode | undefined {
  if (tag === 'loft-project' || tag === 'loft-project-card') return projectJsonLd(r, project);
  if (tag === 'loft-project-list') return projectListJsonLd(r, view as ProjectListView);
  return undefined;
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: every `<`, `>` and `&`
 * escaped, so no feed text can end the script element or start anything else in it.
 */
export function jsonLdText(data: JsonLdNode): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
