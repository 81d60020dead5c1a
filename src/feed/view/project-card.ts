/** `<loft-project-card>`: the fact box (the seed page's "Sammanfattning") or the compact card of one project. */
import type {Problem} from '../check/engine.js';
import type {Project, ProjectStatus} from '../schema.js';
import {AT_MOST, grouped, firstOf, projectPath, selectProject, shorten, type LinkView, type ResolvedText, type Resolver} from './resolver.js';

/** "www.example.org/loft" for a link text: what people read, without the scheme. */
export function displayUrl(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return url.host + path + url.search;
}

export interface PartnerView extends LinkView {
  /** Role label, when the role is not plain `partner` (or the feed gives its own label). */
  role?: ResolvedText;
}

/** One row of the fact box: a label and a text, a status, a link or the partners. */
export interface FactView {
  label: ResolvedText;
  text?: ResolvedText;
  status?: ProjectStatus;
  link?: {href: string; text: string};
  partners?: PartnerView[];
}

/** The seed page's "Sammanfattning" fact box. */
export interface SummaryView {
  variant: 'summary';
  heading: ResolvedText;
  facts: FactView[];
  /** What the fact box leaves out of an overlong list of partners, for the editor. */
  leftOut: Problem[];
}

/**
 * What a card or the seed page formats through `Intl` that may be the first of its kind on the
 * page, for the element to set up ahead of its view (LoftElement._intl): the summary's dates.
 * (A project without dates makes nothing, nor does a compact card, which shows none; a project
 * that is not there is the view's to report.)
 */
export function projectIntl(r: Resolver, id: string | undefined, variant?: string): (() => unknown)[] {
  if (variant === 'compact') return [];
  return [
    () => {
      const project = selectProject(r.loaded, id);
      return r.date(project.startDate ?? project.endDate ?? undefined);
    },
  ];
}

function durationOf(project: Project, r: Resolver): ResolvedText | undefined {
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

type Participant = Project['participants'][number];

const roleOf = (p: Participant, r: Resolver) => r.line(p.label) ?? r.ui(`role-${p.role}`);

/** The fact box of one project. */
export function summaryView(project: Project, r: Resolver): SummaryView {
  const {feed} = r;
  const own = feed.publisher ? project.participants.find((p) => p.organization === feed.publisher) : undefined;
  const publisher = r.organization(own?.organization);
  const partners = firstOf(
    project.participants,
    AT_MOST.partners,
    (participant): PartnerView | undefined => {
      const org = participant === own ? undefined : r.organization(participant.organization);
      if (!org) return undefined;
      return {
        text: r.name(org.name, org.id),
        href: r.url(org.url),
        role: participant.role !== 'partner' || participant.label ? roleOf(participant, r) : undefined,
      };
    },
    (n) => `the project "${project.id}" has ${grouped(n)} participants`,
    () => `${projectPath(r, project)}.participants`,
    {max: AT_MOST.partnerChars, text: (p) => (p.role ? `${p.text.text} ${p.role.text}` : p.text.text)}
  );
  const facts: FactView[] = [
    {label: r.ui('project-name'), text: r.name(project.name, project.id)},
    {label: r.ui('status'), text: r.ui(`status-${project.status}`), status: project.status},
  ];
  // The organisation's name is never inflected: the message is written around it.
  if (own && publisher) facts.push({label: r.ui('publisher-role', {name: r.name(publisher.name, publisher.id).text}), text: roleOf(own, r)});
  const start = r.date(project.startDate);
  if (start) facts.push({label: r.ui('start'), text: {text: start, lang: r.tr.intlLang}});
  const duration = durationOf(project, r);
  if (duration) facts.push({label: r.ui('duration'), text: duration});
  if (partners.shown.length) facts.push({label: r.ui('partners'), partners: partners.shown});
  const website = r.url(project.website);
  if (website) facts.push({label: r.ui('website'), link: {href: website, text: displayUrl(website)}});
  return {variant: 'summary', heading: r.ui('summary'), facts, leftOut: partners.problem ? [partners.problem] : []};
}

/** A project in a listing: the compact card. */
export interface CompactView {
  variant: 'compact';
  id: string;
  name: ResolvedText;
  title?: ResolvedText;
  status: ProjectStatus;
  statusWord: ResolvedText;
  statusLabel: ResolvedText;
  summary?: ResolvedText;
  /** The project's page on the publisher's site, else its own website. */
  href?: string;
}

export function compactView(project: Project, r: Resolver): CompactView {
  return {
    variant: 'compact',
    id: project.id,
    name: r.name(project.name, project.id),
    title: r.line(project.title),
    status: project.status,
    statusWord: r.ui('status'),
    statusLabel: r.ui(`status-${project.status}`),
    summary: shorten(r.text(project.summary), AT_MOST.summaryChars),
    href: r.url(project.url) ?? r.url(project.website),
  };
}

/** `<loft-project-card>`: the fact box or the compact card of one project. */
export function projectCardView(r: Resolver, id: string | undefined, variant: string | undefined): SummaryView | CompactView {
  const project = selectProject(r.loaded, id);
  return variant === 'compact' ? compactView(project, r) : summaryView(project, r);
}
