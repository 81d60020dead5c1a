/**
 * View models: what templates see. Texts are resolved to the page's language and tidied,
 * URLs are checked and absolute, ids are followed. Templates never see raw feed objects.
 */
import type {LoadedFeed} from './load.js';
import type {LocalizedText, Organization, Project, ProjectStatus} from './schema.js';
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
    return id === undefined ? undefined : this.loaded.feed.organizations.find((o) => o.id === id);
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
