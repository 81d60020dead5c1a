// <loft-project-list>: the exempelby listing, an empty result, thousands of projects, preset
// filters and sorting, the loading and error states, in every language and theme.
import {elementMeta, feeds, inLanguage, inTheme, MISSING_FEED, PENDING_FEED, renderElement, type Story} from './support/story-kit.js';

const TAG = 'loft-project-list';
const render = renderElement(TAG);

/** Both reference feeds in one: their organisations, people, forms and all four of their projects. */
function combined() {
  const loft = feeds.loft();
  const exempelby = feeds.exempelby();
  const ids = new Set(exempelby.organizations.map((o: {id: string}) => o.id));
  exempelby.organizations.push(...loft.organizations.filter((o: {id: string}) => !ids.has(o.id)));
  exempelby.people.push(...loft.people);
  exempelby.contactForms.push(...loft.contactForms);
  exempelby.projects.push(...loft.projects.map((p: Record<string, any>) => ({...p, id: 'rise-loft'})));
  return exempelby;
}

const PLACES = ['Skellefteå', 'Lidingö', 'Knivsta', 'Enköping', 'Kungsbacka', 'Strängnäs', 'Västerås', 'Örebro', 'Luleå', 'Malmö', 'Umeå', 'Växjö'];
const TOPICS = ['Öppna data', 'E-tjänster', 'Skolval', 'Bygglov', 'Hemtjänst', 'Klimatanpassning', 'Kollektivtrafik', 'Biblioteket', 'Medborgardialog', 'Tillgänglighet'];
const STATUSES = ['ongoing', 'completed', 'planned', 'ongoing', 'terminated', 'completed'];

let thousandsFeed: Record<string, any> | undefined;

/**
 * 3,000 projects made from the reference feeds' projects: each gets a new id, name and dates (no title)
 * and cycles through statuses and participants, so the same feed comes out every time.
 * Made on first render (not in args), so the controls panel does not hold 3,000 objects.
 */
function thousands(count = 3000) {
  if (thousandsFeed) return thousandsFeed;
  const feed = combined();
  const templates = feed.projects;
  const organizations = feed.organizations.map((o: {id: string}) => o.id);
  feed.projects = Array.from({length: count}, (_, i) => {
    const template = templates[i % templates.length];
    const place = PLACES[i % PLACES.length];
    const topic = TOPICS[Math.floor(i / PLACES.length) % TOPICS.length];
    const year = 2015 + (i % 12);
    const month = String(1 + ((i * 7) % 12)).padStart(2, '0');
    const {endDate: _end, duration: _duration, title: _title, ...rest} = structuredClone(template);
    return {
      ...rest,
      id: `projekt-${i + 1}`,
      name: {sv: `${topic} i ${place} ${i + 1}`, en: `${topic} in ${place} ${i + 1}`},
      status: STATUSES[i % STATUSES.length],
      startDate: `${year}-${month}`,
      ...(STATUSES[i % STATUSES.length] === 'completed' ? {endDate: `${year + 2}-${month}`} : {}),
      participants: [
        {organization: organizations[i % organizations.length], role: 'coordinator'},
        {organization: organizations[(i * 5 + 1) % organizations.length], role: 'partner'},
      ].filter((p, j, all) => j === 0 || p.organization !== all[0].organization),
    };
  });
  thousandsFeed = feed;
  return feed;
}

export default {
  title: 'Elements/Project list',
  ...elementMeta(TAG, {
    args: {data: feeds.exempelby(), 'heading-level': 2},
    argTypes: {
      status: {control: 'select', options: ['', 'planned', 'ongoing', 'completed', 'terminated']},
    },
    parameters: {
      docs: {
        description: {
          component:
            'Compact cards for every project of a feed, with search, filters and sorting. `status`, `organization`, `q` and `sort` preset the controls. The stories pass the feed as `.data`, so they need no network.',
        },
      },
    },
  }),
};

/** Exempelby's three projects. */
export const Exempelby: Story = {name: 'Exempelby feed'};

/** Both reference feeds together: four projects, eleven organisations to filter by. */
export const BothFeeds: Story = {name: 'Both reference feeds', args: {data: combined()}};

/** A preset search that matches nothing: "No projects match" is said, and the controls stay to change it. */
export const EmptyResult: Story = {
  name: 'Empty result',
  args: {q: 'zzyzx'},
};

/** 3,000 projects (made from the reference data): 20 cards at a time, with "Show more". */
export const Thousands: Story = {
  name: 'Thousands of projects (3,000)',
  args: {data: undefined},
  render: (args) => render({...args, data: thousands()}),
};

/** 3,000 projects searched and filtered: the count says how many of them match. */
export const ThousandsFiltered: Story = {
  name: 'Thousands of projects: search and filter preset',
  args: {data: undefined, q: 'skelleftea', status: 'completed', sort: 'start'},
  render: (args) => render({...args, data: thousands()}),
};

/** `status="completed"`. */
export const PresetStatus: Story = {
  name: 'Preset filter: status',
  args: {status: 'completed'},
};

/** `organization="rise"`: projects RISE takes part in. */
export const PresetOrganization: Story = {
  name: 'Preset filter: organisation',
  args: {organization: 'rise'},
};

/** Both filters preset, and no project has both: the controls show what is applied, and "No projects match". */
export const PresetFiltersNoMatch: Story = {
  name: 'Preset filters: status and organisation, no match',
  args: {organization: 'vinnova', status: 'planned'},
};

/** `sort="start"`: newest start first. */
export const SortByStart: Story = {
  name: 'Sorted by start date',
  args: {data: combined(), sort: 'start'},
};

/** `page-size="2"`: two cards, then "Show more". */
export const SmallPages: Story = {
  name: 'Page size 2',
  args: {'page-size': 2},
};

export const Loading: Story = {
  args: {data: undefined, src: PENDING_FEED},
  tags: ['stays-loading'],
};

export const ErrorUnreachable: Story = {
  name: 'Error: feed unreachable (404)',
  args: {data: undefined, src: MISSING_FEED},
  tags: ['expected-request-failure'],
};

export const ErrorWrongVersion: Story = {
  name: 'Error: unsupported feed version',
  args: {data: {...feeds.exempelby(), version: 2}},
};

export const ThemeExempelby = inTheme('exempelby', {});
export const ThemeNorrsken = inTheme('norrsken', {args: {data: combined()}});
export const ThemeSjostad = inTheme('sjostad', {});
export const ThemeDarkPage = inTheme('dark', {args: {data: combined()}});

export const InSwedish = inLanguage('sv', {args: {data: combined()}});
export const InEnglish = inLanguage('en', {args: {data: combined()}});
export const InFinnish = inLanguage('fi', {args: {data: combined()}});
export const InNorthernSamiExample = inLanguage('se', {args: {data: combined()}});
export const InYiddishExample = inLanguage('yi', {args: {data: combined()}});
