import {expect} from '@open-wc/testing';
import {adviseFeed, collectAdvice} from '../src/feed/advice.js';
import {exempelbyFeed, referenceFeed} from './helpers/fixtures.js';

const paths = (feed: unknown, languages?: string[]) => adviseFeed(feed, {languages}).map((a) => a.path);

/** A feed with one organisation and one form, the rest as a valid feed needs it. */
function feedWith(type: string, form: Record<string, unknown>): Record<string, unknown> {
  return {
    version: 1,
    language: 'sv',
    organizations: [{id: 'org', name: 'Exempelby', type}],
    projects: [],
    contactForms: [
      {
        id: 'f',
        endpoint: '/api/contact',
        controller: {name: 'Exempelby', organization: 'org'},
        legalBasis: 'public-task',
        privacyPolicyUrl: '/privacy',
        retention: 'P2Y',
        ...form,
      },
    ],
  };
}

describe('adviseFeed', () => {
  for (const type of ['municipality', 'region', 'government-agency']) {
    it(`warns when a controller that is a ${type} relies on legitimate interest`, () => {
      const [advice, ...rest] = adviseFeed(feedWith(type, {legalBasis: 'legitimate-interest'}));
      expect(rest).to.deep.equal([]);
      expect(advice.path).to.equal('contactForms[0].legalBasis');
      expect(advice.message).to.contain('GDPR art. 6(1), last subparagraph').and.to.contain('"public-task"');
    });
  }

  it('lets a research institute or a company rely on legitimate interest', () => {
    expect(paths(feedWith('research-institute', {legalBasis: 'legitimate-interest'}))).to.deep.equal([]);
    expect(paths(feedWith('company', {legalBasis: 'legitimate-interest'}))).to.deep.equal([]);
    // Not a type at all, though every object has one by that name ("a function Object() …").
    expect(paths(feedWith('constructor', {legalBasis: 'legitimate-interest'}))).to.deep.equal([]);
  });

  it('names each consent label and form notice that lacks a language the page can show (the municipality feed has no Finnish there)', async () => {
    const advice = adviseFeed(await exempelbyFeed());
    expect(advice.map((a) => a.path)).to.deep.equal(['contactForms[0].optionalConsents[0].label', 'contactForms[1].notice']);
    expect(advice[0].message).to.contain('no text in Finnish (fi)').and.to.contain('Add "fi"');
  });

  it('checks only the languages the pages can be in', async () => {
    expect(paths(await exempelbyFeed(), ['sv', 'en'])).to.deep.equal([]);
    expect(paths(await exempelbyFeed(), ['sv', 'se'])).to.deep.equal([
      'contactForms[0].optionalConsents[0].label',
      'contactForms[1].notice',
    ]);
  });

  it('counts a plain string as the feed language, and a regional tag as its language', () => {
    const feed = feedWith('municipality', {notice: 'Vi svarar inom en vecka.', optionalConsents: [{id: 'n', label: {'sv-SE': 'Nyhetsbrev', en: 'Newsletter', fi: 'Uutiskirje'}, version: '1'}]});
    const [advice, ...rest] = adviseFeed(feed);
    expect(rest).to.deep.equal([]);
    expect(advice.path).to.equal('contactForms[0].notice');
    expect(advice.message).to.contain('English (en), Finnish (fi)');
  });

  it('warns when a form does not say how long messages are kept (the reference feed)', async () => {
    const advice = adviseFeed(await referenceFeed());
    expect(advice.map((a) => a.path)).to.deep.equal(['contactForms[0].retention']);
    expect(advice[0].message).to.contain('GDPR art. 13(2)(a)').and.to.contain('"retention": "P2Y"');
  });

  it('warns when a consent form has no notice to say what the consent is for', () => {
    const [advice] = adviseFeed(feedWith('municipality', {legalBasis: 'consent'}));
    expect(advice.path).to.equal('contactForms[0].notice');
    expect(advice.message).to.contain('nothing above says what the data are used for');
  });

  it('warns when a project ends before it starts, at the precision both dates have', () => {
    const project = (startDate: unknown, endDate: unknown) => ({id: 'p', name: 'P', status: 'completed', participants: [], startDate, endDate});
    const feed = {
      version: 1,
      projects: [
        project('2024-01', '2023-05'),
        project('2023-05-02', '2023-05-01'),
        project('2023', '2023-05'),
        project('2023-05', '2023'),
        project('2023-01-15', '2023-01'),
        project('2022', '2023-01-01'),
        project('2024', null),
        project('2024', 'nästa år'),
        project(undefined, '2020'),
        // Dates validation refuses: no month 13, no 30 February.
        project('2023-13', '2023-01'),
        project('2024-02-30', '2024-02-01'),
      ],
    };
    const advice = adviseFeed(feed);
    expect(advice.map((a) => a.path)).to.deep.equal(['projects[0].endDate', 'projects[1].endDate']);
    expect(advice[0].message).to.equal('projects[0]: "endDate" 2023-05 is before "startDate" 2024-01, so a card shows the period backwards. Correct one of them.');
  });

  it('writes out the first pieces it is asked for and counts every piece by kind', () => {
    const feed = feedWith('municipality', {legalBasis: 'legitimate-interest', retention: undefined});
    (feed.contactForms as unknown[]).push(...Array.from({length: 3000}, (_, i) => ({id: `g${i}`, legalBasis: 'consent'})));
    const {advice, counts} = collectAdvice(feed, {max: 3});
    expect(advice.map((a) => [a.kind, a.path])).to.deep.equal([
      ['authority-legitimate-interest', 'contactForms[0].legalBasis'],
      ['no-retention', 'contactForms[0].retention'],
      ['consent-without-notice', 'contactForms[1].notice'],
    ]);
    expect(counts).to.deep.equal({'authority-legitimate-interest': 1, 'no-retention': 3001, 'consent-without-notice': 3000});
    expect(adviseFeed(feed), 'all of them, without a max').to.have.length(6002);
  });

  it('counts items as the editor wrote them, and passes over what validation rejects', () => {
    const feed = feedWith('municipality', {});
    (feed.contactForms as unknown[]).unshift('not a form', {id: 'g', legalBasis: 'legitimate-interest', controller: 'nobody'});
    expect(paths(feed)).to.deep.equal(['contactForms[1].retention']);
    expect(adviseFeed(null)).to.deep.equal([]);
    expect(adviseFeed({contactForms: 'none'})).to.deep.equal([]);
  });
});
