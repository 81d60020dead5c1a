// <loft-member-list>: one person, many, with and without photos, custom roles, filters and
// an explicit list of people, the loading and error states, in every language and theme.
import {elementMeta, feeds, inLanguage, inTheme, MISSING_FEED, PENDING_FEED, type Story} from './support/story-kit.js';
import portrait1 from './support/photos/portrait-1.svg?no-inline';
import portrait2 from './support/photos/portrait-2.svg?no-inline';
import portrait3 from './support/photos/portrait-3.svg?no-inline';

const TAG = 'loft-member-list';
const PORTRAITS = [portrait1, portrait2, portrait3];

/** The LOFT feed with a photo for each person (made-up portraits bundled with the stories). */
function withPhotos() {
  const feed = feeds.loft();
  feed.people.forEach((person: Record<string, any>, i: number) => {
    person.image = {url: PORTRAITS[i % PORTRAITS.length], alt: {sv: `Porträtt av ${person.name}`, en: `Portrait of ${person.name}`}};
  });
  return feed;
}

const GIVEN = ['Amanda', 'Björn', 'Cecilia', 'Dragan', 'Elin', 'Fredrik', 'Greta', 'Hassan', 'Ingrid', 'Johan', 'Kaisa', 'Leo'];
const FAMILY = ['Sundberg', 'Öberg', 'Lindqvist', 'Petrović', 'Åkesson', 'Nyström', 'Heikkinen', 'Ali', 'Sjögren', 'Holm', 'Mäkelä', 'Berg'];
const TITLES = ['Projektledare', 'Forskare', 'Digitaliseringsstrateg', 'Verksamhetsutvecklare', 'Kommunikatör', 'Utredare'];
const ROLES = [['project-manager', 'contact'], ['researcher'], ['member'], ['principal-investigator'], ['member'], ['researcher', 'contact']];

/** The LOFT project with twelve members from several organisations, every third without a photo. */
function manyMembers() {
  const feed = feeds.loft();
  const organizations = feed.organizations.map((o: {id: string}) => o.id);
  feed.people = GIVEN.map((given, i) => ({
    id: `person-${i + 1}`,
    name: `${given} ${FAMILY[i]}`,
    givenName: given,
    title: TITLES[i % TITLES.length],
    organization: organizations[i % organizations.length],
    profileUrl: `https://www.ri.se/sv/person/person-${i + 1}`,
    contactForm: 'rise-contact',
    ...(i % 3 === 2 ? {} : {image: {url: PORTRAITS[i % PORTRAITS.length], alt: `Porträtt av ${given} ${FAMILY[i]}`}}),
  }));
  const loft = feed.projects.find((p: {id: string}) => p.id === 'loft');
  loft.members = feed.people.map((p: {id: string}, i: number) => ({person: p.id, roles: ROLES[i % ROLES.length]}));
  loft.contactPerson = 'person-1';
  return feed;
}

/** The LOFT project with `count` members, named in order, for a list longer than one page. */
function longList(count: number) {
  const feed = manyMembers();
  const loft = feed.projects.find((p: {id: string}) => p.id === 'loft');
  const more = Array.from({length: count - feed.people.length}, (_, i) => ({id: `person-${i + 13}`, name: `Person ${i + 13}`, title: TITLES[i % TITLES.length]}));
  feed.people.push(...more);
  loft.members.push(...more.map((p) => ({person: p.id, roles: ['member']})));
  return feed;
}

export default {
  title: 'Elements/Member list',
  ...elementMeta(TAG, {
    args: {data: feeds.loft(), project: 'loft', 'heading-level': 2},
    parameters: {
      docs: {
        description: {
          component:
            'The people of a project, or the people named in `people`. The stories pass the feed as `.data`, so they need no network; the photos are made-up portraits bundled with the stories. "Kontakta X" opens a `<loft-contact-form>` (see its own stories).',
        },
      },
    },
  }),
};

/** The seed page's "Projektmedlemmar": Amanda (contact, project manager) and Carl, without photos (initials instead). */
export const Reference: Story = {name: 'Reference feed'};

export const WithPhotos: Story = {name: 'With photos', args: {data: withPhotos()}};

/** One person: the exempelby project LOFT has only its development unit. */
export const One: Story = {args: {data: feeds.exempelby(), project: 'loft'}};

/** Twelve people from several organisations; every third has no photo and shows initials. */
export const Many: Story = {args: {data: manyMembers()}};

/** 120 people: the first 50, then "Visa fler" shows 50 more each time and moves focus to the first of them. */
export const LongList: Story = {name: 'Long list ("Visa fler")', args: {data: longList(120)}};

/** A role the feed names itself (`{code, label}`), shown with the feed's label. */
export const CustomRoles: Story = {
  name: 'Custom roles',
  args: {data: feeds.exempelby(), project: 'e-tjanster-2024'},
};

/** `roles="project-manager"`: only the people with that role. */
export const RolesFilter: Story = {
  name: 'Roles filter',
  args: {roles: 'project-manager'},
};

/** `roles` with several codes, over many people. */
export const RolesFilterSeveral: Story = {
  name: 'Roles filter: several roles',
  args: {data: manyMembers(), roles: 'contact,principal-investigator'},
};

/** `roles` that nobody has: the heading and a short note, not an empty list. */
export const RolesFilterNobody: Story = {
  name: 'Roles filter: nobody matches',
  args: {roles: 'principal-investigator'},
};

/** `people="carl-heath,amanda-sundberg"`: these people in this order, without a project. */
export const PeopleList: Story = {
  name: 'Explicit people',
  args: {project: '', people: 'carl-heath,amanda-sundberg', heading: 'Kontaktpersoner'},
};

export const Loading: Story = {
  args: {data: undefined, src: PENDING_FEED},
  tags: ['stays-loading'],
};

/** The feed's address is wrong (a real request that gets 404): a message, and a retry button. */
export const ErrorUnreachable: Story = {
  name: 'Error: feed unreachable (404)',
  args: {data: undefined, src: MISSING_FEED},
  tags: ['expected-request-failure'],
};

export const NotFound: Story = {
  name: 'Error: project not found',
  args: {project: 'no-such-project'},
};

export const PersonNotFound: Story = {
  name: 'Error: person not found',
  args: {project: '', people: 'amanda-sundberg,no-such-person'},
};

export const ThemeExempelby = inTheme('exempelby', {args: {data: feeds.exempelby(), project: 'e-tjanster-2024'}});
export const ThemeNorrsken = inTheme('norrsken', {args: {data: withPhotos()}});
export const ThemeSjostad = inTheme('sjostad', {});
export const ThemeDarkPage = inTheme('dark', {args: {data: manyMembers()}});

export const InSwedish = inLanguage('sv', {args: {data: withPhotos()}});
export const InEnglish = inLanguage('en', {args: {data: withPhotos()}});
export const InFinnish = inLanguage('fi', {args: {data: withPhotos()}});
export const InNorthernSamiExample = inLanguage('se', {args: {data: withPhotos()}});
export const InYiddishExample = inLanguage('yi', {args: {data: withPhotos()}});
