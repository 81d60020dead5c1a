import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {LoftMemberList} from '../src/elements/member-list/member-list.js';
import type {LoftErrorEvent} from '../src/events/events.js';
import {collect, loadingShown, referenceFeed, setPageLang, settled, textOf, uniqueKey} from './helpers/fixtures.js';

const FEED = '/demo/feeds/loft.feed.json';

const q = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Each person as a visitor reads them: name, roles, link and button names. */
function people(el: Element) {
  return qa(el, '[part="item"]').map((li) => ({
    name: textOf(li.querySelector('[role="heading"]')),
    roles: [...li.querySelectorAll('[part="roles"] li')].map((r) => textOf(r)),
    more: textOf(li.querySelector('a')),
    contact: textOf(li.querySelector('button.contact')),
  }));
}

/** The accessible name a link or button gets: aria-label, else its text. */
const nameOf = (e: Element | null) => e?.getAttribute('aria-label') ?? textOf(e);

describe('<loft-member-list>', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('shows the seed page\'s members with their roles, "Läs mer om Amanda" and "Kontakta Amanda"', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft"></loft-member-list>`);
    await settled(el);
    expect(textOf(q(el, '[part="heading"]'))).to.equal('Projektmedlemmar');
    expect(q(el, '[part="heading"]')!.getAttribute('aria-level')).to.equal('2');
    expect(people(el)).to.deep.equal([
      {name: 'Amanda Sundberg', roles: ['Kontaktperson', 'Projektledare'], more: 'Läs mer om Amanda', contact: 'Kontakta Amanda'},
      {name: 'Carl Heath', roles: ['Projektmedlem'], more: 'Läs mer om Carl', contact: 'Kontakta Carl'},
    ]);
    const [amanda] = qa(el, '[part="item"]');
    expect(amanda.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(amanda.querySelector('a')!.getAttribute('href')).to.equal('https://www.ri.se/sv/person/amanda-sundberg');
    await expect(el).to.be.accessible();
  });

  it('names its region after its project, so several lists on a page are told apart, and is no landmark without a project', async () => {
    const feed = '/demo/feeds/exempelby.feed.json';
    const page = await fixture<HTMLDivElement>(html`<div>
      <loft-member-list src=${feed} project="loft"></loft-member-list>
      <loft-member-list src=${feed} project="e-tjanster-2024"></loft-member-list>
      <loft-member-list src=${feed} people="kontaktcenter,utvecklingsenheten"></loft-member-list>
    </div>`);
    const lists = [...page.querySelectorAll<LoftMemberList>('loft-member-list')];
    for (const el of lists) await settled(el);
    // A <section> is a region landmark when it has a name: aria-label, or the text aria-labelledby points to.
    const regionName = (el: LoftMemberList) => {
      const section = q(el, 'section')!;
      const by = section.getAttribute('aria-labelledby');
      return section.getAttribute('aria-label') ?? (by ? textOf(el.shadowRoot!.getElementById(by)) : null);
    };
    expect(lists.map(regionName)).to.deep.equal(['Projektmedlemmar (LOFT)', 'Projektmedlemmar (Nya e-tjänster)', null]);
    expect(lists.map((el) => textOf(q(el, '[part="heading"]')))).to.deep.equal(['Projektmedlemmar', 'Projektmedlemmar', 'Projektmedlemmar']);
    for (const el of lists) await expect(el).to.be.accessible();
  });

  it('gives every link and button a name unique per person that starts with the visible words', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft"></loft-member-list>`);
    await settled(el);
    const names = qa(el, 'a, button').map(nameOf);
    expect(names).to.deep.equal(['Läs mer om Amanda Sundberg', 'Kontakta Amanda Sundberg', 'Läs mer om Carl Heath', 'Kontakta Carl Heath']);
    expect(new Set(names).size).to.equal(names.length);
  });

  for (const [lang, expected] of [
    ['en', {heading: 'Project members', roles: ['Contact person', 'Project manager'], more: 'Read more about Amanda', contact: 'Contact Amanda'}],
    ['fi', {heading: 'Hanketiimi', roles: ['Yhteyshenkilö', 'Hankepäällikkö'], more: 'Lisätietoja henkilöstä Amanda', contact: 'Ota yhteyttä: Amanda'}],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      await setPageLang(lang);
      const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft"></loft-member-list>`);
      await settled(el);
      await waitUntil(() => textOf(q(el, '[part="heading"]')) === expected.heading, `no ${lang} heading`);
      expect(people(el)[0]).to.deep.include({roles: expected.roles, more: expected.more, contact: expected.contact});
      await expect(el).to.be.accessible();
    });
  }

  it('opens the contact form for the person with the keyboard, moves focus inside, and Escape returns focus to the button', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft" heading-level="3"></loft-member-list>`);
    await settled(el);
    const button = q<HTMLButtonElement>(el, 'button.contact')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => q(el, '[part="panel"]'), 'the panel did not open');
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const panel = q(el, '[part="panel"]')!;
    expect(button.getAttribute('aria-controls')).to.equal(panel.id);
    // One heading in the panel: the form's own.
    expect(panel.querySelectorAll('[role="heading"]')).to.have.length(0);
    const form = panel.querySelector('loft-contact-form')!;
    expect(form.getAttribute('recipient')).to.equal('amanda-sundberg');
    expect(form.getAttribute('project')).to.equal('loft');
    expect(form.getAttribute('heading-level')).to.equal('5');
    expect(form.getAttribute('src')).to.equal(FEED);
    expect(form.hasAttribute('form')).to.equal(false);
    await waitUntil(() => panel.contains(el.shadowRoot!.activeElement), 'focus did not move into the panel');
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !q(el, '[part="panel"]'), 'Escape did not close the panel');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes with the close button and with a second press of the opener, returning focus', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft"></loft-member-list>`);
    await settled(el);
    const [amanda, carl] = qa(el, 'button.contact');
    carl.click();
    await waitUntil(() => q(el, '[part="panel"]'));
    expect(q(el, '[part="panel"] loft-contact-form')!.getAttribute('recipient')).to.equal('carl-heath');
    // Opening another person's form closes the first: one panel at a time.
    amanda.click();
    await waitUntil(() => q(el, '[part="panel"] loft-contact-form')?.getAttribute('recipient') === 'amanda-sundberg');
    expect(qa(el, '[part="panel"]')).to.have.length(1);
    const close = [...q(el, '[part="panel"]')!.querySelectorAll('button')].at(-1)!;
    expect(textOf(close)).to.equal('Stäng');
    close.click();
    await waitUntil(() => !q(el, '[part="panel"]'));
    expect(el.shadowRoot!.activeElement).to.equal(amanda);
    amanda.click();
    await waitUntil(() => q(el, '[part="panel"]'));
    amanda.click();
    await waitUntil(() => !q(el, '[part="panel"]'));
    expect(amanda.getAttribute('aria-expanded')).to.equal('false');
  });

  it('hands the contact form the same feed object, not a copy, when the feed is .data or inline', async () => {
    const feed = await referenceFeed();
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(el);
    q<HTMLButtonElement>(el, 'button.contact')!.click();
    await waitUntil(() => q(el, 'loft-contact-form'));
    const form = q(el, 'loft-contact-form') as HTMLElement & {data?: unknown};
    expect(form.data).to.equal(feed);
    expect(form.hasAttribute('src')).to.equal(false);

    const inline = await fixture<LoftMemberList>(
      html`<loft-member-list project="loft"><script type="application/json">${JSON.stringify(feed)}</script></loft-member-list>`
    );
    await settled(inline);
    q<HTMLButtonElement>(inline, 'button.contact')!.click();
    await waitUntil(() => q(inline, 'loft-contact-form'));
    const data = (q(inline, 'loft-contact-form') as HTMLElement & {data?: {projects: unknown[]}}).data;
    expect(data?.projects).to.have.length(1);
    // The validated feed itself: a nested element finds it in the cache, no second check.
    const nested = await fixture<LoftMemberList>(html`<loft-member-list .data=${data} project="loft"></loft-member-list>`);
    await settled(nested);
    expect(people(nested)).to.have.length(2);
  });

  it('offers "Kontakta" only when a contact form exists for the person', async () => {
    const feed = await referenceFeed();
    delete feed.people[1].contactForm;
    const withProjectForm = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(withProjectForm);
    expect(people(withProjectForm).map((p) => p.contact)).to.deep.equal(['Kontakta Amanda', 'Kontakta Carl']);
    const bare = structuredClone(feed);
    delete bare.projects[0].contactForm;
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${bare} project="loft"></loft-member-list>`);
    await settled(el);
    expect(people(el).map((p) => p.contact)).to.deep.equal(['Kontakta Amanda', '']);
  });

  it('shows a photo that loads lazily and keeps its size, or initials when there is none', async () => {
    const feed = await referenceFeed();
    feed.people[0].image = {url: '/demo/favicon.svg', alt: {sv: 'Amanda i labbet', en: 'Amanda in the lab'}};
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(el);
    const img = q<HTMLImageElement>(el, 'img')!;
    expect(img.getAttribute('src')).to.equal(new URL('/demo/favicon.svg', location.href).href);
    expect(img.alt).to.equal('Amanda i labbet');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    const photos = qa(el, '[part="photo"]');
    expect(photos[0].getBoundingClientRect().height).to.equal(photos[1].getBoundingClientRect().height);
    expect(photos[0].getBoundingClientRect().width).to.be.greaterThan(40);
    const initials = photos[1].querySelector('span')!;
    expect(initials.textContent).to.equal('CH');
    expect(initials.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows title and organisation, and the feed\'s own role labels', async () => {
    const feed = await referenceFeed();
    feed.people[1].title = {sv: 'Senior forskare', en: 'Senior researcher'};
    feed.projects[0].members[1].roles = [{code: 'advisor', label: {sv: 'Rådgivare', en: 'Adviser'}}, 'researcher', 'no-such-role'];
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(el);
    const carl = qa(el, '[part="item"]')[1];
    expect(textOf(carl)).to.contain('Senior forskare').and.contain('RISE');
    expect(people(el)[1].roles).to.deep.equal(['Rådgivare', 'Forskare']);
  });

  it('shows an explicit people list in its order, and filters by roles', async () => {
    const list = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} people="carl-heath, amanda-sundberg"></loft-member-list>`);
    await settled(list);
    expect(people(list).map((p) => [p.name, p.roles.length])).to.deep.equal([
      ['Carl Heath', 0],
      ['Amanda Sundberg', 0],
    ]);
    const filtered = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft" roles="contact,project-manager"></loft-member-list>`);
    await settled(filtered);
    expect(people(filtered).map((p) => p.name)).to.deep.equal(['Amanda Sundberg']);
    await expect(filtered).to.be.accessible();
  });

  it('says so when there is nobody to show', async () => {
    const feed = await referenceFeed();
    feed.projects[0].members = [];
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(el);
    expect(textOf(el.shadowRoot!)).to.contain('Det finns inga personer att visa.');
    expect(q(el, '[part="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows many members, and uses the full name where there is no given name', async () => {
    const feed = await referenceFeed();
    for (let i = 0; i < 12; i++) {
      feed.people.push({id: `p${i}`, name: `Person Nummer Efternamn${i}`});
      feed.projects[0].members.push({person: `p${i}`, roles: ['researcher']});
    }
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(el);
    expect(people(el)).to.have.length(14);
    const last = qa(el, '[part="item"]').at(-1)!;
    // Project's form is the fallback; the full name is both the visible and the accessible name.
    const button = last.querySelector('button.contact')!;
    expect(textOf(button)).to.equal('Kontakta Person Nummer Efternamn11');
    expect(button.hasAttribute('aria-label')).to.equal(false);
    expect(textOf(last.querySelector('[part="photo"]'))).to.equal('PE');
    await expect(el).to.be.accessible();
  });

  it('reflows long texts at 320 px without horizontal scrolling', async () => {
    const feed = await referenceFeed();
    feed.people[0].name = 'Amanda Sundberg-Långnamnsdottir-Ytterligarelångtefternamnsson von Exempelbyborgenstrand';
    feed.people[0].title = 'Forskningsinstitutskommunikationssamordningsansvarig '.repeat(4);
    const wrap = await fixture<HTMLElement>(html`<div style="width: 320px"><loft-member-list .data=${feed} project="loft"></loft-member-list></div>`);
    const el = wrap.firstElementChild as LoftMemberList;
    await settled(el);
    const base = q(el, '[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('says which person is missing, or that the project is', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} people="amanda-sundberg,nobody"></loft-member-list>`);
    await settled(el);
    expect(textOf(q(el, '[role="alert"]'))).to.equal('Personen kunde inte hittas.');
    await expect(el).to.be.accessible();
    const project = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="nope"></loft-member-list>`);
    await settled(project);
    expect(textOf(q(project, '[role="alert"]'))).to.equal('Projektet kunde inte hittas.');
  });

  it('shows a loading state that is announced, then an error with retry', async () => {
    const slow = await fixture<LoftMemberList>(html`<loft-member-list src=${`/faults/feed?delay=1000&key=${uniqueKey()}`} project="loft"></loft-member-list>`);
    await loadingShown(slow);
    expect(textOf(q(slow, '[role="status"]'))).to.equal('Laddar…');
    expect(slow.getBoundingClientRect().height).to.be.greaterThan(60);
    await expect(slow).to.be.accessible();
    const broken = await fixture<LoftMemberList>(html`<loft-member-list src=${`/faults/500?key=${uniqueKey()}`} project="loft"></loft-member-list>`);
    await settled(broken);
    expect(textOf(q(broken, '[role="alert"]'))).to.contain('Informationen kunde inte hämtas.');
    expect(textOf(q(broken, '[role="alert"] button'))).to.equal('Försök igen');
    await expect(broken).to.be.accessible();
  });

  // Last in this file: it defines <loft-contact-form> for the rest of the page's life.
  it('moves focus into the contact form, on its first field', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list src=${FEED} project="loft"></loft-member-list>`);
    await settled(el);
    q<HTMLButtonElement>(el, 'button.contact')!.click();
    await waitUntil(() => q(el, 'loft-contact-form'));
    const form = q(el, 'loft-contact-form')!;
    await waitUntil(() => el.shadowRoot!.activeElement === form, 'the contact form did not get focus');
    await waitUntil(() => form.shadowRoot!.activeElement?.localName === 'input', 'no field has focus');
    expect(form.shadowRoot!.activeElement!.getAttribute('autocomplete')).to.equal('name');
    await expect(el).to.be.accessible();
  });

  it('shows 50 people at first, and "Visa fler" shows 50 more with focus on the first of them', async () => {
    const feed = await referenceFeed();
    feed.people.push(...Array.from({length: 118}, (_, i) => ({id: `p${i}`, name: `Person ${i + 3}`})));
    feed.projects[0].members.push(...Array.from({length: 118}, (_, i) => ({person: `p${i}`, roles: ['member']})));
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
    await settled(el);
    const more = () => q<HTMLButtonElement>(el, 'button.show-more');
    expect(people(el)).to.have.length(50);
    expect(textOf(more())).to.equal('Visa fler');
    await expect(el).to.be.accessible();
    more()!.click();
    await waitUntil(() => people(el).length === 100, 'the next 50 did not show');
    expect(el.shadowRoot!.activeElement).to.equal(qa(el, '[part="item"]')[50]);
    expect(people(el)[50].name).to.equal('Person 51');
    more()!.click();
    await waitUntil(() => people(el).length === 120 && !more(), 'the last 20 did not show');
    expect(el.shadowRoot!.activeElement).to.equal(qa(el, '[part="item"]')[100]);
    // Other people start again from the first page.
    el.roles = 'member';
    await waitUntil(() => people(el).length === 50 && more(), 'a new selection did not start at its first page');
  });

  it('shows at most 10 roles of a person, and tells the editor what it left out', async () => {
    const feed = await referenceFeed();
    const carl = feed.projects[0].members.findIndex((m: {person: string}) => m.person === 'carl-heath');
    feed.projects[0].members[carl].roles = Array.from({length: 12}, (_, i) => ({code: `r${i}`, label: `Roll ${i + 1}`}));
    const errors = collect<LoftErrorEvent>('loft-error');
    try {
      const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${feed} project="loft"></loft-member-list>`);
      await settled(el);
      expect(people(el)[1].roles).to.deep.equal(Array.from({length: 10}, (_, i) => `Roll ${i + 1}`));
      expect(errors.events.map((e) => [e.detail.code, e.detail.path])).to.deep.equal([['field-dropped', `projects[0].members[${carl}].roles`]]);
      expect(errors.events[0].detail.message).to.contain('the member "carl-heath" of the project "loft" has 12 roles, more than the 10 a page shows');
    } finally {
      errors.stop();
    }
  });
});
