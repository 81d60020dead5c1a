// <loft-project>: the whole project page from one tag, with its sections left out one by one,
// the exempelby projects (each a different contact arrangement), the loading and error
// states, in every language and theme.
import {delayedFeed, elementMeta, feeds, inLanguage, inTheme, MISSING_FEED, PENDING_FEED, renderElement, type Story} from './support/story-kit.js';

const TAG = 'loft-project';
const render = renderElement(TAG);

export default {
  title: 'Elements/Project',
  ...elementMeta(TAG, {
    args: {data: feeds.loft(), project: 'loft', 'heading-level': 2},
    parameters: {
      docs: {
        description: {
          component:
            'A project\'s whole page: title, description, quotes, the summary fact box (`<loft-project-card>`), the members (`<loft-member-list>`) and the project contact. The nested elements share this element\'s feed. The stories pass the feed as `.data`, so they need no network.',
        },
      },
    },
  }),
};

/** The seed page (RISE's LOFT project) rebuilt from the reference feed. */
export const Reference: Story = {name: 'Reference feed'};

/** `hide="description,quotes"`: the title, fact box, members and contact. */
export const HideTexts: Story = {
  name: 'hide: description and quotes',
  args: {hide: 'description,quotes'},
};

/** `hide="summary,members"`: the contact person is then shown under "Contact" on their own. */
export const HideSummaryAndMembers: Story = {
  name: 'hide: summary and members',
  args: {hide: 'summary,members'},
};

/** `hide="members,contact"`: texts and the fact box only, no way to contact anyone. */
export const HideMembersAndContact: Story = {
  name: 'hide: members and contact',
  args: {hide: 'members,contact'},
};

/** Everything that can be hidden is hidden: the title alone. */
export const HideEverything: Story = {
  name: 'hide: every section',
  args: {hide: 'description,quotes,summary,members,contact'},
};

/** Exempelby's LOFT: no description or quotes; the contact person is not among the members, so "Contact" shows them. */
export const ExempelbyLoft: Story = {
  name: 'Exempelby: LOFT (contact person apart)',
  args: {data: feeds.exempelby(), project: 'loft'},
};

/** Completed, a custom role, and no contact person: "Contact us" opens the project's form. */
export const ExempelbyCompleted: Story = {
  name: 'Exempelby: completed, contact form only',
  args: {data: feeds.exempelby(), project: 'e-tjanster-2024'},
};

/** Planned, with no members yet: the contact person alone. */
export const ExempelbyPlanned: Story = {
  name: 'Exempelby: planned, no members',
  args: {data: feeds.exempelby(), project: 'framtidsanalys-2027'},
};

export const Loading: Story = {
  args: {data: undefined, src: PENDING_FEED},
  tags: ['stays-loading'],
};

/** A slow feed: the skeleton for three seconds, then the page, loaded once for every nested element. */
export const SlowFeed: Story = {
  name: 'Loading: slow feed (3 s)',
  args: {data: undefined},
  render: (args) => render({...args, src: delayedFeed(feeds.loft(), 3000)}),
};

export const ErrorUnreachable: Story = {
  name: 'Error: feed unreachable (404)',
  args: {data: undefined, src: MISSING_FEED},
  tags: ['expected-request-failure'],
};

export const ErrorWrongVersion: Story = {
  name: 'Error: unsupported feed version',
  args: {data: {...feeds.loft(), version: 2}},
};

export const NotFound: Story = {
  name: 'Error: project not found',
  args: {project: 'no-such-project'},
};

export const ThemeExempelby = inTheme('exempelby', {args: {data: feeds.exempelby(), project: 'e-tjanster-2024'}});
export const ThemeNorrsken = inTheme('norrsken', {});
export const ThemeSjostad = inTheme('sjostad', {});
export const ThemeDarkPage = inTheme('dark', {});

export const InSwedish = inLanguage('sv', {});
export const InEnglish = inLanguage('en', {});
export const InFinnish = inLanguage('fi', {});
export const InNorthernSamiExample = inLanguage('se', {});
export const InYiddishExample = inLanguage('yi', {});
