/** `<loft-project-list>`: the controls, the count and the cards of a listing page. */
import type {Problem} from '../check/engine.js';
import {runInSlices, runToEnd, type Steps} from '../slices.js';
import {PROJECT_STATUSES} from '../codes.js';
import type {Project, ProjectStatus} from '../schema.js';
import {sortSteps} from '../sort.js';
import {tidyText} from '../text.js';
import {AT_MOST, grouped, type ResolvedText, type Resolver} from './resolver.js';
import {compactView, type CompactView} from './project-card.js';

// Letters that Unicode does not decompose into a base letter and a mark (Nordic and Sami ones
// among them: "Tromsø", "Ŋ"), and dash variants, so they too match what people type.
const FOLD: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ŋ: 'n', ŧ: 't', ł: 'l', ı: 'i', '‐': '-', '‑': '-', '–': '-', '—': '-'};

/** Search key: lowercase without diacritics, so "skelleftea" finds "Skellefteå" and "tromso" "Tromsø". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßđðþŋŧłı\u2010-\u2014]/g, (c) => FOLD[c] ?? c);
}

interface ListEntry {
  project: Project;
  name: string;
  /** Name, title and summary, folded for search: made the first time a visitor searches. */
  key?: string;
  card?: CompactView;
}

/** What depends only on the feed and the language: computed once for every filter and page. */
interface ListIndex {
  byName: ListEntry[];
  /** Newest start first; sorted the first time a visitor asks for it. */
  byStart?: ListEntry[];
  statuses: ProjectStatus[];
  organizations: {id: string; name: ResolvedText}[];
  /** The organisations left out of the filter, for the editor. */
  leftOut?: Problem;
}

const listIndexes = new WeakMap<Resolver, ListIndex>();

/** What depends only on the feed and the language, made now if it was not made in slices before (`listIndexInSlices`). */
function listIndex(r: Resolver): ListIndex {
  return listIndexes.get(r) ?? runToEnd(listIndexSteps(r));
}

/**
 * The index made in slices, so that sorting the names of thousands of projects does not hold
 * the page: a browser's element waits for it before its view (the server sorts at once).
 */
export async function listIndexInSlices(r: Resolver): Promise<void> {
  if (!listIndexes.has(r)) await runInSlices(listIndexSteps(r));
}

/** The list's order of names: numbers by their value, "Etapp 2" before "Etapp 10", as people count. */
const collatorOf = (r: Resolver) => new Intl.Collator(r.tr.intlLang, {numeric: true});

/**
 * What the list formats through `Intl` that may be the first of its kind on the page, for the
 * element to set up ahead of its index and view (LoftElement._intl): its sorting. (Its cards
 * show no date, a start-date sort compares ISO dates as text, and its count, written a task
 * after the cards, sets up number formatting there.)
 */
export function projectListIntl(r: Resolver): (() => unknown)[] {
  return [() => collatorOf(r).compare('a', 'b')];
}

function* listIndexSteps(r: Resolver): Steps<ListIndex> {
  const collator = collatorOf(r);
  // How often each organisation takes part in a project.
  const used = new Map<string, number>();
  const entries = r.feed.projects.map((project): ListEntry => {
    const name = r.name(project.name, project.id).text;
    for (const p of project.participants) used.set(p.organization, (used.get(p.organization) ?? 0) + 1);
    return {project, name};
  });
  const byName = yield* sortSteps(entries, (a, b) => collator.compare(a.name, b.name));
  let offered = r.feed.organizations.filter((o) => used.has(o.id));
  let leftOut: Problem | undefined;
  // A select of thousands is no help to anyone (and 15,000 options held the page for 240 ms): those in the most projects.
  if (offered.length > AT_MOST.filterOrganizations) {
    const [all, max] = [offered.length, AT_MOST.filterOrganizations].map(grouped);
    offered = offered.sort((a, b) => used.get(b.id)! - used.get(a.id)!).slice(0, AT_MOST.filterOrganizations);
    leftOut = {
      code: 'field-dropped',
      path: 'organizations',
      message: `organizations: ${all} organisations take part in the projects, more than the ${max} the list's organisation filter offers. It offers the ${max} in the most projects.`,
      fatal: false,
    };
  }
  const organizations = offered.map((o) => ({id: o.id, name: r.name(o.name, o.id)})).sort((a, b) => collator.compare(a.name.text, b.name.text));
  const index = {byName, statuses: PROJECT_STATUSES.filter((s) => entries.some((e) => e.project.status === s)), organizations, leftOut};
  listIndexes.set(r, index);
  return index;
}

export interface OptionView {
  value: string;
  label: ResolvedText;
}

/** `<loft-project-list>`: the controls, the count and the cards shown. */
export interface ProjectListView {
  heading: ResolvedText;
  labels: Record<'search' | 'searchLandmark' | 'status' | 'organization' | 'sort' | 'showMore', ResolvedText>;
  statuses: OptionView[];
  organizations: OptionView[];
  sorts: OptionView[];
  /** How many projects match. */
  total: number;
  /**
   * "12 projekt", or "No project matches.": written when first read, since the element
   * shows it a task after the cards and its number is what first sets up `Intl`'s number
   * data (about 7 ms on a fresh page in Chromium), which the cards do not wait for.
   */
  count: ResolvedText;
  cards: CompactView[];
  /** What the controls leave out (organisations beyond the filter's), for the editor. */
  leftOut: Problem[];
}

export interface ListInput {
  status: string;
  organization: string;
  q: string;
  sort: string;
  /** How many cards to show. */
  limit: number;
  heading?: string;
}

/** A text made the first time it is read. */
function whenRead(make: () => ResolvedText): ResolvedText {
  let made: ResolvedText | undefined;
  return {
    get text() {
      return (made ??= make()).text;
    },
    get lang() {
      return (made ??= make()).lang;
    },
  };
}

export function projectListView(r: Resolver, input: ListInput): ProjectListView {
  const index = listIndex(r);
  const terms = foldForSearch(input.q).split(/\s+/).filter(Boolean);
  // ISO dates, partial or not, sort as plain text (no collation needed); projects without a start come last.
  const start = (e: ListEntry) => e.project.startDate ?? '';
  const order = input.sort === 'start' ? (index.byStart ??= [...index.byName].sort((a, b) => (start(a) < start(b) ? 1 : start(a) > start(b) ? -1 : 0))) : index.byName;
  const key = (e: ListEntry) => (e.key ??= foldForSearch([e.name, r.text(e.project.title)?.text, r.text(e.project.summary)?.text].join(' ')));
  const results = order.filter(
    (e) =>
      (!input.status || e.project.status === input.status) &&
      (!input.organization || e.project.participants.some((p) => p.organization === input.organization)) &&
      (!terms.length || terms.every((term) => key(e).includes(term)))
  );
  const all = r.ui('all');
  // A preset value that no project has (a typo, an organisation in no project) keeps its
  // option, so the control shows the filter really applied and can be reset to "All".
  const preset = (value: string, offered: OptionView[], label: () => ResolvedText) =>
    value && !offered.some((o) => o.value === value) ? [{value, label: label()}] : [];
  const statuses = index.statuses.map((s) => ({value: s, label: r.ui(`status-${s}`)}));
  const organizations = index.organizations.map((o) => ({value: o.id, label: o.name}));
  const heading = tidyText(input.heading ?? '');
  return {
    heading: heading ? {text: heading, lang: r.lang} : r.ui('projects'),
    labels: {
      search: r.ui('search'),
      searchLandmark: r.ui('search-landmark'),
      status: r.ui('status'),
      organization: r.ui('organization'),
      sort: r.ui('sort'),
      showMore: r.ui('show-more'),
    },
    statuses: [
      {value: '', label: all},
      ...statuses,
      ...preset(input.status, statuses, () => ((PROJECT_STATUSES as readonly string[]).includes(input.status) ? r.ui(`status-${input.status as ProjectStatus}`) : {text: input.status, lang: 'zxx'})),
    ],
    organizations: [
      {value: '', label: all},
      ...organizations,
      ...preset(input.organization, organizations, () => {
        const org = r.organization(input.organization);
        return org ? r.name(org.name, org.id) : {text: input.organization, lang: 'zxx'};
      }),
    ],
    sorts: [
      {value: 'name', label: r.ui('sort-name')},
      {value: 'start', label: r.ui('sort-start')},
    ],
    total: results.length,
    count: whenRead(() => (results.length ? r.ui('results', {count: results.length}) : r.ui('no-results'))),
    cards: results.slice(0, input.limit).map((entry) => (entry.card ??= compactView(entry.project, r))),
    leftOut: index.leftOut ? [index.leftOut] : [],
  };
}
