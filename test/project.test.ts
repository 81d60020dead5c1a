import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {LoftProject} from '../src/elements/project/project.js';
import type {LoftErrorEvent} from '../src/events/events.js';
import {collect, facts, loadingShown, referenceFeed, requestCount, setPageLang, settled, textOf, uniqueKey} from './helpers/fixtures.js';

const FEED = '/demo/feeds/loft.feed.json';

const q = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** Waits for `<loft-project>` and the elements inside it. */
async function ready(el: HTMLElement): Promise<void> {
  await settled(el);
  for (const nested of qa(el, 'loft-project-card, loft-member-list')) await settled(nested);
}

/** The quotations as "text | attribution". */
const quotes = (el: Element) => qa(el, 'figure').map((f) => `${textOf(f.querySelector('blockquote'))} | ${textOf(f.querySelector('figcaption'))}`);

describe('<loft-project>', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('renders the whole seed page from one tag', async () => {
    const el = await fixture<LoftProject>(html`<loft-project src=${FEED} project="loft" heading-level="1"></loft-project>`);
    await ready(el);
    const title = q(el, '[part="heading"]')!;
    expect(textOf(title)).to.equal('LOFT – Leda och organisera förnyelse och transformation');
    expect(title.getAttribute('aria-level')).to.equal('1');
    const paragraphs = qa(el, '.description p');
    expect(paragraphs).to.have.length(4);
    expect(textOf(paragraphs[0])).to.match(/^För att medborgare ska kunna erbjudas/);
    const said = quotes(el);
    expect(said).to.have.length(2);
    expect(said[0]).to.match(/^Med kommunledningspartnerskapet LOFT utvecklar vi .* \| — Kristina Sundin Jonsson, kommundirektör, Skellefteå kommun$/);
    expect(said[1]).to.match(/^Tillsammans kan vi genomföra .* \| — Sara Penje, utvecklingschef, Lidingö stad$/);

    const card = q(el, 'loft-project-card')!;
    expect(card.getAttribute('heading-level')).to.equal('2');
    expect(facts(card)).to.include({Projektnamn: 'LOFT', Status: 'Pågående', 'RISE roll i projektet': 'Projektledare', Varaktighet: 'Löpande'});

    const members = q(el, 'loft-member-list')!;
    expect(members.getAttribute('heading-level')).to.equal('2');
    const amanda = members.shadowRoot!.querySelector('[part="item"]')!;
    expect(textOf(amanda)).to.contain('Amanda Sundberg').and.contain('Kontaktperson').and.contain('Projektledare');
    expect(textOf(amanda.querySelector('a'))).to.equal('Läs mer om Amanda');
    expect(textOf(amanda.querySelector('button'))).to.equal('Kontakta Amanda');
    expect(textOf(members.shadowRoot!)).to.contain('Carl Heath');
    // Amanda, the contact person, is among the members: no second "Kontakta Amanda".
    expect(qa(el, 'loft-member-list')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('opens "Kontakta Amanda" with focus inside the panel, and Escape brings focus back', async () => {
    const el = await fixture<LoftProject>(html`<loft-project src=${FEED} project="loft"></loft-project>`);
    await ready(el);
    const members = q(el, 'loft-member-list')!;
    const button = members.shadowRoot!.querySelector<HTMLButtonElement>('button.contact')!;
    button.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => members.shadowRoot!.querySelector('[part="panel"]'));
    const panel = members.shadowRoot!.querySelector('[part="panel"]')!;
    await waitUntil(() => panel.contains(members.shadowRoot!.activeElement));
    const form = panel.querySelector('loft-contact-form')!;
    expect([form.getAttribute('recipient'), form.getAttribute('project'), form.getAttribute('src')]).to.deep.equal(['amanda-sundberg', 'loft', FEED]);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !members.shadowRoot!.querySelector('[part="panel"]'));
    expect(members.shadowRoot!.activeElement).to.equal(button);
  });

  it('makes one request and fires one loft-load for itself and its nested elements', async () => {
    const key = uniqueKey();
    const loads = collect<CustomEvent>('loft-load');
    const el = await fixture<LoftProject>(html`<loft-project src=${`/faults/feed?key=${key}`} project="loft"></loft-project>`);
    await ready(el);
    loads.stop();
    expect(await requestCount(key)).to.equal(1);
    expect(loads.events).to.have.length(1);
    expect(loads.events[0].target).to.equal(el);
  });

  it('hides the sections named in hide, and then shows the contact person on their own', async () => {
    const el = await fixture<LoftProject>(html`<loft-project src=${FEED} project="loft" hide="description, quotes,members"></loft-project>`);
    await ready(el);
    expect(qa(el, '.description, figure')).to.have.length(0);
    const contact = q(el, 'loft-member-list')!;
    expect(contact.getAttribute('part')).to.equal('contact');
    expect(textOf(contact.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Kontakt');
    expect(textOf(contact.shadowRoot!.querySelector('[part="item"] [role="heading"]'))).to.equal('Amanda Sundberg');
    expect(textOf(contact.shadowRoot!.querySelector('button.contact'))).to.equal('Kontakta Amanda');
    await expect(el).to.be.accessible();
    el.hide = 'summary,contact,members';
    await el.updateComplete;
    expect(qa(el, 'loft-project-card, loft-member-list')).to.have.length(0);
  });

  it('offers the project\'s contact form when there is no contact person', async () => {
    const feed = await referenceFeed();
    delete feed.projects[0].contactPerson;
    const el = await fixture<LoftProject>(html`<loft-project .data=${feed} project="loft" hide="members"></loft-project>`);
    await ready(el);
    const button = q(el, '[part="contact"] button')!;
    expect(textOf(button)).to.equal('Kontakta oss');
    button.click();
    await waitUntil(() => q(el, '[part="panel"]'));
    const form = q(el, '[part="panel"] loft-contact-form') as HTMLElement & {data?: unknown};
    expect(form.getAttribute('project')).to.equal('loft');
    expect(form.hasAttribute('recipient')).to.equal(false);
    expect(form.data).to.equal(feed);
    await waitUntil(() => q(el, '[part="panel"]')!.contains(el.shadowRoot!.activeElement));
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !q(el, '[part="panel"]'));
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('leaves out what the project does not have', async () => {
    const feed = await referenceFeed();
    const project = feed.projects[0];
    for (const key of ['title', 'description', 'quotes', 'members', 'contactPerson', 'contactForm']) delete project[key];
    const el = await fixture<LoftProject>(html`<loft-project .data=${feed} project="loft"></loft-project>`);
    await ready(el);
    expect(textOf(q(el, '[part="heading"]'))).to.equal('LOFT');
    expect(qa(el, '.description, figure, loft-member-list, [part="contact"]')).to.have.length(0);
    expect(q(el, 'loft-project-card')).to.exist;
    await expect(el).to.be.accessible();
  });

  for (const [lang, title, caption, role] of [
    ['en', 'LOFT – Leading and organising renewal and transformation', '— Kristina Sundin Jonsson, Chief Executive, Skellefteå kommun', 'Contact person'],
    ['fi', 'LOFT – Leda och organisera förnyelse och transformation', '— Kristina Sundin Jonsson, kommundirektör, Skellefteå kommun', 'Yhteyshenkilö'],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      await setPageLang(lang);
      const el = await fixture<LoftProject>(html`<loft-project src=${FEED} project="loft"></loft-project>`);
      await ready(el);
      const members = q(el, 'loft-member-list')!;
      await waitUntil(() => textOf(members.shadowRoot!).includes(role), `no ${lang} roles`);
      expect(textOf(q(el, '[part="heading"]'))).to.equal(title);
      // Without Finnish in the feed, Finnish pages get its Swedish, marked as Swedish.
      expect(q(el, '[part="heading"] [lang]')?.getAttribute('lang')).to.equal(lang === 'fi' ? 'sv' : undefined);
      expect(textOf(q(el, 'figcaption'))).to.equal(caption);
      await expect(el).to.be.accessible();
    });
  }

  it('says the project was not found, and shows a loading state', async () => {
    const el = await fixture<LoftProject>(html`<loft-project src=${FEED} project="nope"></loft-project>`);
    await settled(el);
    expect(textOf(q(el, '[role="alert"]'))).to.equal('Projektet kunde inte hittas.');
    await expect(el).to.be.accessible();
    const slow = await fixture<LoftProject>(html`<loft-project src=${`/faults/feed?delay=800&key=${uniqueKey()}`} project="loft"></loft-project>`);
    await loadingShown(slow);
    expect(textOf(q(slow, '[role="status"]'))).to.equal('Laddar…');
    expect(slow.getBoundingClientRect().height).to.be.greaterThan(150);
    await expect(slow).to.be.accessible();
  });

  it('reads an inline feed once and shares it with the nested elements', async () => {
    const feed = JSON.stringify(await referenceFeed());
    const el = await fixture<LoftProject>(html`<loft-project project="loft"><script type="application/json">${feed}</script></loft-project>`);
    await ready(el);
    const card = q(el, 'loft-project-card') as HTMLElement & {data?: unknown};
    const members = q(el, 'loft-member-list') as HTMLElement & {data?: unknown};
    expect(card.data).to.be.an('object');
    expect(card.data).to.equal(members.data);
    expect(facts(card).Projektnamn).to.equal('LOFT');
  });

  it('shows at most 200 paragraphs and 50 quotes, and tells the editor what it left out', async () => {
    const feed = await referenceFeed();
    const project = feed.projects[0];
    project.description = Array.from({length: 250}, (_, i) => `Stycke ${i + 1}.`);
    project.quotes = Array.from({length: 60}, (_, i) => ({text: `Citat ${i + 1}.`, name: `Person ${i + 1}`}));
    const errors = collect<LoftErrorEvent>('loft-error');
    try {
      const el = await fixture<LoftProject>(html`<loft-project .data=${feed} project="loft" hide="members"></loft-project>`);
      await ready(el);
      const paragraphs = qa(el, '.description p');
      expect(paragraphs).to.have.length(200);
      expect(textOf(paragraphs[199])).to.equal('Stycke 200.');
      expect(qa(el, 'figure')).to.have.length(50);
      const leftOut = errors.events.filter((e) => e.target === el).map((e) => [e.detail.code, e.detail.path, e.detail.message]);
      expect(leftOut).to.deep.equal([
        ['field-dropped', 'projects[0].description', 'projects[0].description: the project "loft" has 250 paragraphs, more than the 200 a page shows. The last 50 are left out.'],
        ['field-dropped', 'projects[0].quotes', 'projects[0].quotes: the project "loft" has 60 quotes, more than the 50 a page shows. The last 10 are left out.'],
      ]);
    } finally {
      errors.stop();
    }
  });

  it('shows at most 20,000 characters of description and 20,000 of quotes (a quarter of that in Japanese), and says the rest is left out', async () => {
    const feed = await referenceFeed();
    feed.projects[0].description = Array.from({length: 6}, (_, i) => `${i + 1}. ${'ord '.repeat(2_374)}`);
    feed.projects[0].quotes = Array.from({length: 2}, (_, i) => ({text: `${i + 1}. ${'citat '.repeat(2_000)}`, name: `Person ${i + 1}`}));
    const errors = collect<LoftErrorEvent>('loft-error');
    const range = ', more than the 20,000 characters (fewer in scripts slower to lay out) a page shows.';
    try {
      const el = await fixture<LoftProject>(html`<loft-project .data=${feed} project="loft" hide="members"></loft-project>`);
      await ready(el);
      expect(qa(el, '.description p').map((p) => textOf(p).slice(0, 2))).to.deep.equal(['1.', '2.']);
      expect(qa(el, 'figure blockquote').map((q) => textOf(q).slice(0, 2))).to.deep.equal(['1.']);
      expect(errors.events.filter((e) => e.target === el).map((e) => e.detail.message)).to.deep.equal([
        `projects[0].description: the project "loft" has 6 paragraphs${range} The last 4 are left out.`,
        'projects[0].quotes: the project "loft" has 2 quotes, more than the 20,000 characters (fewer in scripts slower to lay out) a page shows. The last one is left out.',
      ]);
      // 100,000 characters of Japanese took Chromium 140-200 ms to lay out: each counts four.
      const japanese = structuredClone(feed);
      japanese.projects[0].description = Array.from({length: 6}, (_, i) => `${i + 1}. ${'漢字かな交じり文'.repeat(300)}`);
      el.data = japanese;
      await waitUntil(() => textOf(qa(el, '.description p')[0]).includes('漢字'), 'the Japanese description is not shown');
      expect(qa(el, '.description p').map((p) => textOf(p).slice(0, 2))).to.deep.equal(['1.', '2.']);
      const described = errors.events.filter((e) => e.detail.path === 'projects[0].description');
      expect(described).to.have.length(2, 'told again for the new feed');
      expect(described[1].detail.message).to.equal(`projects[0].description: the project "loft" has 6 paragraphs${range} The last 4 are left out.`);
      // One paragraph alone over the budget (20,000 characters of Japanese) is cut, with "…".
      const one = structuredClone(japanese);
      one.projects[0].description = ['漢字かな交じり文'.repeat(2_500)];
      el.data = one;
      await waitUntil(() => qa(el, '.description p').length === 1, 'not one paragraph');
      expect(textOf(qa(el, '.description p')[0])).to.equal(`${'漢字かな交じり文'.repeat(624)}漢字かな交じり…`);
    } finally {
      errors.stop();
    }
  });
});
