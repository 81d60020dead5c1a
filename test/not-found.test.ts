/**
 * An id that matches nothing: what the editor reads (the ids they most likely meant, else
 * those the feed has), from each element that takes an id, and the rules behind it.
 */
import {expect, fixture, html} from '@open-wc/testing';
import fc from 'fast-check';
import type {LoftErrorEvent} from '../src/events/events.js';
import {FeedError, type LoadedFeed} from '../src/feed/load.js';
import {asId, closestIds, editDistance, explainNotFound, explainSteps} from '../src/feed/not-found.js';
import {collect, referenceFeed, setPageLang, settled, textOf} from './helpers/fixtures.js';

/** Edits from a to b as the textbook table has them (no cut-off): the oracle for `editDistance`. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The not-found event's message for an element, once it shows its error. */
async function notFoundMessage(template: ReturnType<typeof html>): Promise<{message: string; alert: string}> {
  const errors = collect<LoftErrorEvent>('loft-error');
  const el = await fixture<HTMLElement>(template);
  await settled(el as never);
  errors.stop();
  const event = errors.events.find((e) => e.detail.code === 'not-found');
  expect(event, 'a not-found loft-error').to.exist;
  return {message: event!.detail.message, alert: textOf(el.shadowRoot!.querySelector('[role="alert"]'))};
}

describe('an id that matches nothing', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('writes text as the id it would be', () => {
    expect(asId('LOFT')).to.equal('loft');
    expect(asId('  Amanda Sundberg ')).to.equal('amanda-sundberg');
    expect(asId('Skellefteå kommun')).to.equal('skelleftea-kommun');
    expect(asId('“loft”')).to.equal('loft');
    expect(asId('!!!')).to.equal('');
  });

  it('counts edits as the full table does, up to the most it is asked for', () => {
    expect(editDistance('loft', 'loft', 1)).to.equal(0);
    expect(editDistance('lotf', 'loft', 1), 'two neighbours swapped').to.equal(1);
    expect(editDistance('lofty', 'loft', 2)).to.equal(1);
    expect(editDistance('abcdef', 'loft', 2), 'beyond the most').to.equal(3);
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 9}), fc.string({unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 9}), fc.integer({min: 0, max: 4}), (a, b, most) => {
        expect(editDistance(a, b, most)).to.equal(Math.min(fullDistance(a, b), most + 1));
      }),
      {numRuns: 2000}
    );
  });

  it('suggests the ids most likely meant, best first, and nothing far off', () => {
    const people = [
      {id: 'amanda-sundberg', name: 'Amanda Sundberg'},
      {id: 'carl-heath', name: {sv: 'Carl Heath'}},
      {id: 'amanda-berg', name: 'Amanda Berg'},
      {id: 'anna-lind', name: 'Anna Lind'},
    ];
    expect(closestIds(people, 'Carl Heath'), 'the name').to.deep.equal(['carl-heath']);
    expect(closestIds(people, 'CARL-HEATH'), 'capitals').to.deep.equal(['carl-heath']);
    expect(closestIds(people, 'carl-heat'), 'a letter short').to.deep.equal(['carl-heath']);
    expect(closestIds(people, 'amanda'), 'a first word: both, in feed order').to.deep.equal(['amanda-sundberg', 'amanda-berg']);
    expect(closestIds(people, 'sundberg'), 'a last word').to.deep.equal(['amanda-sundberg']);
    expect(closestIds(people, 'amanda-berg'), 'an exact id before a near one').to.deep.equal(['amanda-berg']);
    expect(closestIds(people, 'zzz')).to.deep.equal([]);
    expect(closestIds(people, 'an'), 'two letters begin too much to say').to.deep.equal([]);
    const many = Array.from({length: 10}, (_, i) => ({id: `p-${i}`, name: `P ${i}`}));
    expect(closestIds(many, 'p-1')).to.have.length(3);
  });

  it('works its hints out in steps a page can pause between: a feed of 40,000 projects, a name in 40,000 languages', () => {
    const projects: {id: string; name: unknown}[] = Array.from({length: 40_000}, (_, i) => ({id: `p${i}`, name: `Projekt ${i}`}));
    projects.push({id: 'babel', name: Object.fromEntries(Array.from({length: 40_000}, (_, i) => [`ab-${i.toString(36)}`, `Namn ${i}`]))});
    const loaded = {feed: {projects}, skipped: new Map()} as unknown as LoadedFeed;
    for (const [wanted, meant] of [
      ['Projekt 39999', 'p39999'],
      ['Namn 39999', 'babel'],
    ]) {
      const error = Object.assign(new FeedError('not-found', `project="${wanted}": there is no project with that id in the feed. Check the id.`, 'projects'), {wanted, attribute: 'project'});
      const steps = explainSteps(error, loaded);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      expect(pauses, 'offers to pause').to.be.greaterThan(40);
      expect(step.value.message).to.equal(`project="${wanted}": there is no project with that id in the feed. Check the id. Did you mean "${meant}"?`);
      expect(explainNotFound(error, loaded).message, 'at once, for the server').to.equal(step.value.message);
    }
  });

  it('tells the editor of a card what they likely meant, and the visitor that it is not there', async () => {
    const {message, alert} = await notFoundMessage(html`<loft-project-card .data=${await referenceFeed()} project="LOFT"></loft-project-card>`);
    expect(message).to.equal('project="LOFT": there is no project with that id in the feed. Check the id. Did you mean "loft"?');
    expect(alert).to.equal('Projektet kunde inte hittas.');
  });

  it('offers two or three ids it likely meant as English lists them', async () => {
    const feed = await referenceFeed();
    feed.projects.push({...feed.projects[0], id: 'etapp-1'}, {...feed.projects[0], id: 'etapp-2'});
    const two = await notFoundMessage(html`<loft-project-card .data=${feed} project="etapp-3"></loft-project-card>`);
    expect(two.message).to.equal('project="etapp-3": there is no project with that id in the feed. Check the id. Did you mean "etapp-1" or "etapp-2"?');
    feed.projects.push({...feed.projects[0], id: 'etapp-4'});
    const three = await notFoundMessage(html`<loft-project-card .data=${feed} project="etapp-3"></loft-project-card>`);
    expect(three.message).to.equal('project="etapp-3": there is no project with that id in the feed. Check the id. Did you mean "etapp-1", "etapp-2", or "etapp-4"?');
  });

  it('lists the ids a feed has when none is close', async () => {
    const feed = await referenceFeed();
    feed.projects.push(...Array.from({length: 11}, (_, i) => ({...feed.projects[0], id: `etapp-${i + 1}`})));
    const {message} = await notFoundMessage(html`<loft-project .data=${feed} project="xyz"></loft-project>`);
    expect(message).to.equal('project="xyz": there is no project with that id in the feed. Check the id. The feed has "loft", "etapp-1", "etapp-2", "etapp-3", "etapp-4", "etapp-5", "etapp-6", "etapp-7", "etapp-8", "etapp-9", and 2 more.');
  });

  it('finds a person by name in a member list, and a form by a typo', async () => {
    const feed = await referenceFeed();
    const people = await notFoundMessage(html`<loft-member-list .data=${feed} people="amanda-sundberg,Carl Heath"></loft-member-list>`);
    expect(people.message).to.contain('people="Carl Heath"').and.contain('Did you mean "carl-heath"?');
    const form = await notFoundMessage(html`<loft-contact-form .data=${feed} form="rise-contakt"></loft-contact-form>`);
    expect(form.message).to.contain('Did you mean "rise-contact"?');
  });
});
