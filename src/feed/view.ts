/**
 * View models: what templates see. Texts are resolved to the page's language and tidied,
 * URLs are checked and absolute, ids are followed. Templates never see raw feed objects.
 */
import {FeedError, findItem, type LoadedFeed} from './load.js';
import {PERSON_ROLES} from './codes.js';
import type {Feed, LocalizedText, Organization, Person, Project, ProjectStatus} from './schema.js';
import {formatDate, resolveText, type ResolvedText} from './text.js';
import {resolveUrl} from './urls.js';
import type {MessageId, Params} from '../i18n/messages.js';

/** Translates a built-in message (with the feed's own words where it has them). */
export type Translate = (id: MessageId, params?: Params) => string;

/** A link, or plain text where there is no safe URL. */
export interface LinkView {
  text: ResolvedText;
  href?: string;
}

export interface PartnerView extends LinkView {
  /** Role label, when the role is not plain `partner` (or the feed gives its own label). */
  role?: ResolvedText;
}

export interface SummaryView {
  name: ResolvedText;
  status: ProjectStatus;
  statusLabel: ResolvedText;
  /** The publisher's own role, when the publisher takes part. */
  publisherRole?: {publisher: ResolvedText; role: ResolvedText};
  start?: string;
  duration?: ResolvedText;
  partners: PartnerView[];
  website?: {href: string; text: string};
}

const byId = new WeakMap<Feed, Map<string, Organization>>();

/** Organisations by id, built once per feed (a list page looks them up for every project). */
function organizationsById(feed: Feed): Map<string, Organization> {
  let map = byId.get(feed);
  if (!map) byId.set(feed, (map = new Map(feed.organizations.map((o) => [o.id, o]))));
  return map;
}

/** Resolves texts of one feed in one language. */
export class TextResolver {
  constructor(
    readonly loaded: LoadedFeed,
    readonly locale: string,
    readonly t: Translate
  ) {}

  text(value: LocalizedText | undefined): ResolvedText | undefined {
    return resolveText(value, this.locale, this.loaded.feed.language);
  }

  /** A built-in UI string, as a resolved text in the page's language. */
  ui(id: MessageId, params?: Params): ResolvedText {
    return {text: this.t(id, params), lang: this.locale};
  }

  url(raw: string | undefined): string | undefined {
    return resolveUrl(raw, this.loaded.baseUrl);
  }

  date(iso: string | undefined): string | undefined {
    return iso === undefined ? undefined : formatDate(iso, this.locale);
  }

  organization(id: string | undefined): Organization | undefined {
    return id === undefined ? undefined : organizationsById(this.loaded.feed).get(id);
  }
}

/** "www.example.org/loft" for a link text: what people read, without the scheme. */
export function displayUrl(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return url.host + path + url.search;
}

function durationOf(project: Project, r: TextResolver): ResolvedText | undefined {
  const own = r.text(project.duration);
  if (own) return own;
  const start = r.date(project.startDate);
  if (project.endDate === null) {
    if (project.status === 'ongoing') return r.ui('duration-ongoing');
    return start ? r.ui('duration-from', {start}) : r.ui('duration-open');
  }
  const end = r.date(project.endDate);
  if (start && end) return r.ui('duration-range', {start, end});
  if (end) return r.ui('duration-until', {end});
  return undefined;
}

/** The seed page's "Sammanfattning" fact box. */
export function summaryView(project: Project, r: TextResolver): SummaryView {
  const {feed} = r.loaded;
  const name = r.text(project.name) ?? {text: project.id, lang: 'zxx'};
  const own = feed.publisher ? project.participants.find((p) => p.organization === feed.publisher) : undefined;
  const roleOf = (p: Project['participants'][number]) => r.text(p.label) ?? r.ui(`role-${p.role}`);
  const publisher = r.organization(own?.organization);
  const partners: PartnerView[] = [];
  for (const participant of project.participants) {
    if (participant === own) continue;
    const org = r.organization(participant.organization);
    if (!org) continue;
    partners.push({
      text: r.text(org.name) ?? {text: org.id, lang: 'zxx'},
      href: r.url(org.url),
      role: participant.role !== 'partner' || participant.label ? roleOf(participant) : undefined,
    });
  }
  const website = r.url(project.website);
  return {
    name,
    status: project.status,
    statusLabel: r.ui(`status-${project.status}`),
    publisherRole: own && publisher ? {publisher: r.text(publisher.name) ?? {text: publisher.id, lang: 'zxx'}, role: roleOf(own)} : undefined,
    start: r.date(project.startDate),
    duration: durationOf(project, r),
    partners,
    website: website ? {href: website, text: displayUrl(website)} : undefined,
  };
}

/** Finds a project by id (or the only one); throws `FeedError('not-found')` with the ids there are. */
export function selectProject(loaded: LoadedFeed, id: string | undefined): Project {
  if (id) return findItem(loaded, 'projects', id, 'project');
  const {projects} = loaded.feed;
  if (projects.length === 1) return projects[0];
  throw new FeedError('not-found', `No project attribute, and the feed has ${projects.length} projects. Add project="<id>".`, 'projects');
}

/** A project in a listing: the compact card. */
export interface CompactView {
  id: string;
  name: ResolvedText;
  title?: ResolvedText;
  status: ProjectStatus;
  statusLabel: ResolvedText;
  summary?: ResolvedText;
  /** The project's page on the publisher's site, else its own website. */
  href?: string;
}

const SHORT = 240;

/** Cuts a long text at a word boundary, with an ellipsis. */
export function shorten(text: ResolvedText | undefined, max = SHORT): ResolvedText | undefined {
  if (!text || text.text.length <= max) return text;
  const cut = text.text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return {text: (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '') + '…', lang: text.lang};
}

export function compactView(project: Project, r: TextResolver): CompactView {
  return {
    id: project.id,
    name: r.text(project.name) ?? {text: project.id, lang: 'zxx'},
    title: r.text(project.title),
    status: project.status,
    statusLabel: r.ui(`status-${project.status}`),
    summary: shorten(r.text(project.summary)),
    href: r.url(project.url) ?? r.url(project.website),
  };
}

/** One person as the member list shows them. */
export interface MemberView {
  id: string;
  name: ResolvedText;
  /** What "Kontakta X" / "Läs mer om X" say: the given name, else the full name. */
  callName: string;
  title?: ResolvedText;
  organization?: ResolvedText;
  roles: ResolvedText[];
  photo?: {src: string; alt: string};
  initials: string;
  profileUrl?: string;
  /** Whether a contact form exists for this person (their own, else the project's). */
  canContact: boolean;
}

type MemberRole = NonNullable<Project['members']>[number]['roles'][number];

/** A role code or `{code, label}`: the feed's label, else the built-in one; unknown bare codes are left out. */
export function roleCode(role: MemberRole): string {
  return typeof role === 'string' ? role : role.code;
}

function roleLabel(role: MemberRole, r: TextResolver): ResolvedText | undefined {
  if (typeof role !== 'string') return r.text(role.label);
  return (PERSON_ROLES as readonly string[]).includes(role) ? r.ui(`person-role-${role as (typeof PERSON_ROLES)[number]}`) : undefined;
}

export function memberView(person: Person, roles: MemberRole[], project: Project | undefined, r: TextResolver): MemberView {
  const name = r.text(person.name) ?? {text: person.id, lang: 'zxx'};
  const src = r.url(person.image?.url);
  const org = r.organization(person.organization);
  return {
    id: person.id,
    name,
    callName: person.givenName?.trim() || name.text,
    title: r.text(person.title),
    organization: org ? (r.text(org.name) ?? {text: org.id, lang: 'zxx'}) : undefined,
    roles: roles.map((role) => roleLabel(role, r)).filter((x): x is ResolvedText => x !== undefined),
    photo: src ? {src, alt: r.text(person.image?.alt)?.text ?? ''} : undefined,
    initials: name.text
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((part) => part[0].toUpperCase())
      .filter((_, i, all) => i === 0 || i === all.length - 1)
      .join(''),
    profileUrl: r.url(person.profileUrl),
    canContact: person.contactForm !== undefined || project?.contactForm !== undefined,
  };
}
