// <loft-project-card>: every variant, status and state, in every language and theme.
import {
  delayedFeed,
  elementMeta,
  feeds,
  inLanguage,
  MISSING_FEED,
  PENDING_FEED,
  renderElement,
  inTheme,
  type Story,
} from './support/story-kit.js';

const TAG = 'loft-project-card';
const render = renderElement(TAG);

const exempelby = feeds.exempelby();

/** The exempelby feed with one project changed (the others stay, so the id must be given). */
function withProject(id: string, change: (project: Record<string, any>) => void) {
  const feed = feeds.exempelby();
  change(feed.projects.find((p: {id: string}) => p.id === id));
  return feed;
}

export default {
  title: 'Elements/Project card',
  ...elementMeta(TAG, {
  args: {data: feeds.loft(), project: 'loft', variant: 'summary', 'heading-level': 2},
  parameters: {
    docs: {
      description: {
        component:
          'One project from the feed. The stories pass the feed as `.data` (or inline JSON), so they need no network; only the loading and failure stories make (or wait for) a request on purpose.',
      },
    },
  },
  }),
};

/** The seed page's "Sammanfattning" fact box: RISE's LOFT project, ongoing and open-ended. */
export const Reference: Story = {name: 'Reference feed'};

/** The card for listings: name, title, status, short summary and a link. */
export const Compact: Story = {args: {variant: 'compact'}};

export const Ongoing: Story = {
  name: 'Status: ongoing, with start date',
  args: {data: exempelby, project: 'loft'},
};

export const Completed: Story = {
  name: 'Status: completed, with dates and website',
  args: {data: exempelby, project: 'e-tjanster-2024'},
};

export const Planned: Story = {
  name: 'Status: planned, with its own duration text',
  args: {data: exempelby, project: 'framtidsanalys-2027'},
};

export const Terminated: Story = {
  name: 'Status: terminated',
  args: {
    data: withProject('e-tjanster-2024', (p) => {
      p.status = 'terminated';
      p.endDate = '2024-11-30';
    }),
    project: 'e-tjanster-2024',
  },
};

const bare = {
  version: 1,
  language: 'sv',
  organizations: [{id: 'exempelby', name: 'Exempelby kommun'}],
  people: [],
  projects: [{id: 'bare', name: 'Projekt utan detaljer', status: 'ongoing', participants: [], members: []}],
  contactForms: [],
};

/** Only the required fields: rows without a value are left out, not shown empty. */
export const MissingOptionalFields: Story = {
  name: 'Missing optional fields',
  args: {data: bare, project: 'bare'},
};

export const CompactMissingOptionalFields: Story = {
  name: 'Compact: missing optional fields',
  args: {data: bare, project: 'bare', variant: 'compact'},
};

/** An unsafe link in an optional field is dropped (one console warning for the editor); the rest shows. */
export const UnsafeFieldDropped: Story = {
  name: 'Broken optional field dropped',
  args: {
    data: withProject('e-tjanster-2024', (p) => {
      p.website = 'javascript:alert(1)';
    }),
    project: 'e-tjanster-2024',
  },
};

const long = withProject('loft', (p) => {
  p.name = {
    sv: 'Samhällsbyggnadsförvaltningarnas gemensamma digitaliseringsutvecklingsprojekt för hållbara och tillgängliga kommunala e-tjänster i hela regionen',
    en: 'The joint digitalisation development project of the community planning departments for sustainable and accessible municipal e-services across the whole region',
  };
  p.title = 'Ett projekt med en mycket lång titel som måste radbrytas snyggt även på en smal mobilskärm';
  p.website = 'https://www.exempelby.se/kommun-och-politik/utvecklingsprojekt/digitalisering/samhallsbyggnadsforvaltningarnas-gemensamma-projekt';
  p.duration = {sv: 'Löpande, med årlig uppföljning och utvärdering i kommunfullmäktige', en: 'Ongoing, reviewed every year by the municipal council'};
});
long.organizations.push({id: 'langt', name: 'Stiftelsen för forskning, utveckling och innovation inom offentlig förvaltningsdigitalisering'});
long.projects.find((p: {id: string}) => p.id === 'loft').participants.push({organization: 'langt', role: 'funder'});

/** Long names, a long unbroken word and a long URL: nothing clips or overflows, even at 320 px. */
export const VeryLongNames: Story = {
  name: 'Very long names',
  args: {data: long, project: 'loft'},
};

const pasted = withProject('loft', (p) => p.participants.push({organization: 'inklistrat', role: 'partner', label: `Medverkar ${'i workshoppar, analyser och uppföljning '.repeat(12)}`}));
pasted.organizations.push({id: 'inklistrat', name: `Utvecklingsenheten ${'som ansvarar för förnyelse, samverkan och digitalisering i hela kommunen '.repeat(8)}`});

/** A paragraph pasted into an organisation's name and a role's label: cut at a word with "…" (200 and 300 characters). */
export const PastedTextInNames: Story = {
  name: 'Text pasted into a name',
  args: {data: pasted, project: 'loft'},
};

const marks = '\u0301\u0316\u0334\u0353\u0489'.repeat(6);
const stacked = withProject('loft', (p) => p.participants.push({organization: 'staplad', role: 'partner'}));
stacked.organizations.push({id: 'staplad', name: [...'Staplade tecken AB'].map((c) => (c === ' ' ? c : c + marks)).join('')});

/** "Zalgo" text, 30 combining marks on every letter of a partner's name: shown with the first eight of each (no writing stacks more). */
export const StackedMarks: Story = {
  name: 'Text in stacked combining marks',
  args: {data: stacked, project: 'loft'},
};

const slow = withProject('loft', (p) => p.participants.push({organization: 'tokyo', role: 'partner'}, {organization: 'bangkok', role: 'partner'}));
slow.organizations.push(
  {id: 'tokyo', name: {ja: '東京都立大学都市環境学部都市政策科学科と地域連携推進センターによる持続可能な自治体経営と行政デジタル化のための共同研究プロジェクト事務局'}},
  {id: 'bangkok', name: {th: 'สำนักงานคณะกรรมการพัฒนาระบบราชการและศูนย์นวัตกรรมการบริหารจัดการภาครัฐเพื่อการพัฒนาท้องถิ่นอย่างยั่งยืน'}}
);

/** Names in scripts slower to lay out (Japanese, Thai): each character counts four, so they are cut at 50 characters, with "…", in their own `lang`. */
export const SlowScripts: Story = {
  name: 'Text in scripts slower to lay out',
  args: {data: slow, project: 'loft'},
};

export const CompactVeryLongNames: Story = {
  name: 'Compact: very long names',
  args: {data: long, project: 'loft', variant: 'compact'},
};

/** A feed written only in English on a Swedish page: feed text keeps its own `lang`. */
export const FeedInAnotherLanguage: Story = {
  name: 'Feed text in another language',
  args: {
    data: withProject('e-tjanster-2024', (p) => {
      p.name = {en: 'Self-service e-services 2024'};
      p.summary = {en: 'New self-service forms for building permits and school choice.'};
    }),
    project: 'e-tjanster-2024',
  },
};

/** The feed as inline JSON inside the tag, for CMSs where hosting a file is hard. */
export const InlineFeed: Story = {
  name: 'Inline JSON feed',
  args: {data: undefined, inline: JSON.stringify(feeds.loft())},
};

/** The skeleton while the feed is on its way (this one never answers; after 15 s the loader gives up and says so). */
export const Loading: Story = {
  args: {data: undefined, src: PENDING_FEED},
  tags: ['stays-loading'],
};

/** A slow feed: the skeleton for three seconds, then the project, at the same height. */
export const SlowFeed: Story = {
  name: 'Loading: slow feed (3 s)',
  args: {data: undefined},
  render: (args) => render({...args, src: delayedFeed(feeds.loft(), 3000)}),
};

/** The feed's address is wrong (a real request that gets 404): a message, and a retry button. */
export const ErrorUnreachable: Story = {
  name: 'Error: feed unreachable (404)',
  args: {data: undefined, src: MISSING_FEED},
  tags: ['expected-request-failure'],
};

export const ErrorNotJson: Story = {
  name: 'Error: feed is not JSON',
  args: {data: undefined, inline: '<html>Page not found</html>'},
};

export const ErrorWrongVersion: Story = {
  name: 'Error: unsupported feed version',
  args: {data: {...feeds.loft(), version: 2}},
};

/** The `project` id matches nothing in the feed (a console warning lists the ids it has). */
export const NotFound: Story = {
  name: 'Error: project not found',
  args: {project: 'no-such-project'},
};

export const ThemeExempelby = inTheme('exempelby', {});
export const ThemeNorrsken = inTheme('norrsken', {});
export const ThemeSjostad = inTheme('sjostad', {args: {data: long, project: 'loft'}});
export const ThemeDarkPage = inTheme('dark', {args: {data: exempelby, project: 'e-tjanster-2024'}});

export const InSwedish = inLanguage('sv', {});
export const InEnglish = inLanguage('en', {});
export const InFinnish = inLanguage('fi', {});
export const InNorthernSamiExample = inLanguage('se', {});
export const InYiddishExample = inLanguage('yi', {});
