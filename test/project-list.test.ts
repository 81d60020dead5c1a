import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {LoftProjectCard} from '../src/elements/project-card/project-card.js';
import type {LoftProjectList} from '../src/elements/project-list/project-list.js';
import type {LoftErrorEvent} from '../src/events/events.js';
import {collect, countPauses, exempelbyFeed, loadingShown, referenceFeed, setPageLang, settled, textOf, uniqueKey} from './helpers/fixtures.js';

const FEED = '/demo/feeds/exempelby.feed.json';
const STATUSES = ['planned', 'ongoing', 'completed', 'terminated'];
const PLACES = ['Skellefteå', 'Lidingö', 'Strängnäs', 'Enköping', 'Kungsbacka', 'Malmö', 'Umeå', 'Örebro'];

const q = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: Element) => qa(el, '[part="item"] [role="heading"]').map((h) => textOf(h));
const count = (el: Element) => textOf(q(el, '.count'));
/** How a screen reader treats changes of the count: `off` (not a live region) or `polite`. */
function politeness(el: Element): string {
  const p = q(el, '.count')!;
  return p.getAttribute('aria-live') ?? (p.getAttribute('role') === 'status' ? 'polite' : 'off');
}
/** The accessible name of a landmark: its aria-label, else the text of what aria-labelledby names. */
const landmarkName = (el: Element, landmark: Element) =>
  landmark.getAttribute('aria-label') ?? textOf(el.shadowRoot!.getElementById(landmark.getAttribute('aria-labelledby') ?? ''));

/** A feed with `n` projects spread over places, statuses and start dates. */
async function manyProjects(n: number): Promise<Record<string, any>> {
  const feed = await referenceFeed();
  const base = feed.projects[0];
  feed.projects = Array.from({length: n}, (_, i) => ({
    id: `p${i}`,
    name: `${PLACES[i % PLACES.length]} projekt ${String(i).padStart(4, '0')}`,
    summary: `Sammanfattning nummer ${i} om förnyelse i ${PLACES[(i + 3) % PLACES.length]}.`,
    status: STATUSES[i % 4],
    startDate: `${2000 + (i % 25)}-0${1 + (i % 9)}`,
    url: `https://example.org/p/${i}`,
    participants: [base.participants[0], base.participants[1 + (i % 7)]],
  }));
  return feed;
}

/** Sets a control the way a visitor does, firing its events. */
async function choose(el: LoftProjectList, id: string, value: string): Promise<void> {
  const control = q<HTMLInputElement | HTMLSelectElement>(el, `#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', {bubbles: true}));
  await el.updateComplete;
}

describe('<loft-project-list>', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('lists every project as a compact card, sorted by name, with a count and labelled controls', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED}></loft-project-list>`);
    await settled(el);
    expect(textOf(q(el, '[part="heading"]'))).to.equal('Projekt');
    expect(names(el)).to.deep.equal(['Framtidsanalys 2040', 'LOFT', 'Nya e-tjänster']);
    await waitUntil(() => count(el) === '3 projekt');
    expect(qa(el, 'label').map((l) => textOf(l))).to.deep.equal(['Sök bland projekten', 'Status', 'Organisation', 'Sortera efter']);
    for (const label of qa(el, 'label')) expect(q(el, `#${label.getAttribute('for')}`)).to.exist;
    const loft = qa(el, '[part="item"]')[1];
    expect(textOf(loft)).to.contain('Status: Pågående').and.contain('Kommunledningen deltar');
    await expect(el).to.be.accessible();
  });

  it('filters by status and by organisation, preset by attributes too', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED} status="ongoing"></loft-project-list>`);
    await settled(el);
    expect(names(el)).to.deep.equal(['LOFT']);
    expect(q<HTMLSelectElement>(el, '#status')!.value).to.equal('ongoing');
    await choose(el, 'status', '');
    expect(names(el)).to.have.length(3);
    await choose(el, 'organization', 'mdu');
    expect(names(el)).to.deep.equal(['LOFT']);
    const options = [...q<HTMLSelectElement>(el, '#organization')!.options].map((o) => o.textContent!.trim());
    expect(options[0]).to.equal('Alla');
    expect(options).to.include('Exempelby kommun');

    const preset = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED} organization="vinnova"></loft-project-list>`);
    await settled(preset);
    expect(q<HTMLSelectElement>(preset, '#organization')!.value).to.equal('vinnova');
    expect(names(preset).length).to.be.lessThan(3);
    await expect(preset).to.be.accessible();
  });

  it('offers each organisation once, marks a name in another language, and follows a filter set by script', async () => {
    const feed = await manyProjects(40);
    feed.organizations.push({id: 'nordic', name: {en: 'Nordic Council of Ministers'}});
    feed.projects[0].participants.push({organization: 'nordic', role: 'partner'});
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed}></loft-project-list>`);
    await settled(el);
    const select = q<HTMLSelectElement>(el, '#organization')!;
    const offered = () => [...select.options].map((o) => o.value);
    const first = offered();
    expect(new Set(first).size).to.equal(first.length);
    expect(first).to.include('nordic');
    const nordic = [...select.options].find((o) => o.value === 'nordic')!;
    expect([nordic.lang, nordic.textContent]).to.deep.equal(['en', 'Nordic Council of Ministers']);
    expect(select.options[0].hasAttribute('lang')).to.be.false;
    // Re-rendered by a search and by a filter set from script: the same options, the right one chosen.
    await choose(el, 'q', 'umeå');
    el.organization = 'nordic';
    await el.updateComplete;
    expect(offered()).to.deep.equal(first);
    expect(select.value).to.equal('nordic');
    expect(names(el)).to.deep.equal([]);
    el.q = '';
    await el.updateComplete;
    expect(names(el)).to.deep.equal([feed.projects[0].name]);
    expect(select.selectedOptions[0].textContent).to.equal('Nordic Council of Ministers');
    await expect(el).to.be.accessible();
    // The element's language changes and the texts do not (Northern Sami without a catalog
    // reads Swedish): the options now say they are Swedish.
    el.setAttribute('lang', 'se');
    await waitUntil(() => select.options[0].lang === 'sv', 'the options do not say they are Swedish');
    expect(select.options[0].textContent).to.equal('Alla');
  });

  it('shows a preset filter that matches nothing in its control, so it can be reset', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED} status="terminated" organization="lidingo"></loft-project-list>`);
    await settled(el);
    expect(names(el)).to.have.length(0);
    const status = q<HTMLSelectElement>(el, '#status')!;
    expect(status.selectedOptions[0].textContent!.trim()).to.equal('Avbrutet');
    expect(q<HTMLSelectElement>(el, '#organization')!.selectedOptions[0].textContent!.trim()).to.equal('lidingo');
    await waitUntil(() => count(el) === 'Inget projekt matchar.');
    await expect(el).to.be.accessible();
    await choose(el, 'status', '');
    await choose(el, 'organization', '');
    expect(names(el)).to.have.length(3);
  });

  it('searches name, title and summary without regard to case or diacritics', async () => {
    const feed = await manyProjects(40);
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed} page-size="100"></loft-project-list>`);
    await settled(el);
    await choose(el, 'q', 'skelleftea');
    // Five projects are named after Skellefteå and five more mention it in their summary.
    expect(names(el)).to.have.length(10);
    await choose(el, 'q', 'SKELLEFTEÅ projekt 0000');
    expect(names(el)).to.deep.equal(['Skellefteå projekt 0000']);
    await choose(el, 'q', 'orebro');
    expect(names(el).every((n) => n.startsWith('Örebro'))).to.equal(false);
    expect(names(el).some((n) => n.startsWith('Örebro'))).to.equal(true);
    feed.projects[1].name = 'Tromsø og Ŋaavte-samarbeid';
    el.data = structuredClone(feed);
    await el.updateComplete;
    await settled(el);
    await choose(el, 'q', 'tromso naavte');
    expect(names(el)).to.deep.equal(['Tromsø og Ŋaavte-samarbeid']);
    await choose(el, 'q', 'ingenting sådant');
    expect(names(el)).to.have.length(0);
    await waitUntil(() => count(el) === 'Inget projekt matchar.', 'the empty result was not announced');
    await expect(el).to.be.accessible();
  });

  it('names its search landmark apart from the list, so a screen reader’s list of landmarks tells them apart', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED}></loft-project-list>`);
    await settled(el);
    expect(landmarkName(el, q(el, 'section')!)).to.equal('Projekt');
    expect(landmarkName(el, q(el, '[role="search"]')!)).to.equal('Sök och filtrera projekt');
    await expect(el).to.be.accessible();
  });

  it('announces the count only after the visitor changes the search, a filter, the sort or the page, not as the page loads', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED}></loft-project-list>`);
    await settled(el);
    await waitUntil(() => count(el) === '3 projekt', 'no count shown');
    expect(politeness(el), 'at load').to.equal('off');
    await expect(el).to.be.accessible();
    await choose(el, 'status', 'ongoing');
    expect(politeness(el), 'after a filter').to.equal('polite');
    await waitUntil(() => count(el) === '1 projekt', 'the new count was not shown');
    await expect(el).to.be.accessible();
  });

  it('announces the count once typing pauses', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${await manyProjects(40)}></loft-project-list>`);
    await settled(el);
    await waitUntil(() => count(el) === '40 projekt');
    const live = q(el, '.count')!;
    q(el, '#q')!.focus();
    await sendKeys({type: 'ume'});
    await waitUntil(() => count(el) === '10 projekt', 'the new count was not announced');
    expect(live).to.equal(q(el, '.count'));
    await choose(el, 'q', 'umeå projekt 0006');
    await waitUntil(() => count(el) === '1 projekt');
  });

  it('announces the count of the results shown, not of a search typed and taken back', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${await manyProjects(40)}></loft-project-list>`);
    await settled(el);
    await waitUntil(() => count(el) === '40 projekt');
    q(el, '#q')!.focus();
    // Typed and erased within the pause that announcing waits for.
    await sendKeys({type: 'ume'});
    for (let i = 0; i < 3; i++) await sendKeys({press: 'Backspace'});
    await el.updateComplete;
    expect(names(el)).to.have.length(20);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(count(el)).to.equal('40 projekt');
  });

  it('sorts by name in the page\'s language, numbers by their value, and by start date', async () => {
    const feed = await exempelbyFeed();
    feed.projects.push({...feed.projects[0], id: 'orebro', name: 'Örebroprojektet', startDate: '2030-01'});
    feed.projects.push({...feed.projects[0], id: 'zeta', name: 'Zeta', startDate: '1999'});
    for (const n of [10, 2, 1]) feed.projects.push({...feed.projects[0], id: `etapp-${n}`, name: `Etapp ${n}`});
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed}></loft-project-list>`);
    await settled(el);
    // Swedish: Ö after Z.
    expect(names(el).slice(-2)).to.deep.equal(['Zeta', 'Örebroprojektet']);
    expect(names(el).filter((n) => n.startsWith('Etapp'))).to.deep.equal(['Etapp 1', 'Etapp 2', 'Etapp 10']);
    await choose(el, 'sort', 'start');
    expect(names(el)[0]).to.equal('Örebroprojektet');
    expect(names(el).indexOf('Zeta')).to.be.greaterThan(names(el).indexOf('Nya e-tjänster'));
  });

  it('shows more on request and moves focus to the first new card', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${await manyProjects(45)}></loft-project-list>`);
    await settled(el);
    expect(names(el)).to.have.length(20);
    const more = q<HTMLButtonElement>(el, 'button.more')!;
    expect(textOf(more)).to.equal('Visa fler');
    more.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => names(el).length === 40);
    expect(el.shadowRoot!.activeElement).to.equal(qa(el, '[part="item"]')[20]);
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, 'button.more')!.click();
    await waitUntil(() => names(el).length === 45);
    expect(q(el, 'button.more')).to.equal(null);
    // A new search starts from the first page again.
    await choose(el, 'q', 'projekt');
    expect(names(el)).to.have.length(20);
  });

  // How fast this is, is measured by bench/ (npm run bench), never asserted here.
  it('shows 7,000 projects a page at a time, and searches all of them', async () => {
    const feed = await manyProjects(7000);
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed}></loft-project-list>`);
    await settled(el);
    expect(names(el)).to.have.length(20);
    await waitUntil(() => count(el) === '7 000 projekt', `count was ${count(el)}`);
    for (const text of ['s', 'sk', 'skelleftea', 'skelleftea 0000']) await choose(el, 'q', text);
    expect(names(el)[0]).to.equal('Skellefteå projekt 0000');
    await expect(el).to.be.accessible();
  });

  it('sorts the names of 20,000 projects in slices, as the page\'s collator orders them', async () => {
    const feed = await manyProjects(20_000);
    // Names in no order, some equal (those keep the feed's order), numbers of different lengths.
    feed.projects.forEach((p: {name: string}, i: number) => (p.name = `${PLACES[(i * 7) % PLACES.length]} ${(i * 7919) % 5000}`));
    const {checkFeed} = await import('../src/feed/load.js');
    const {resolverFor} = await import('../src/feed/view/resolver.js');
    const {translatorFor} = await import('../src/i18n/translator.js');
    const {listIndexInSlices, projectListView} = await import('../src/feed/view/project-list.js');
    const r = resolverFor(await checkFeed(feed, location.href), await translatorFor('sv', ['core', 'project', 'list']));
    const pauses = countPauses();
    await listIndexInSlices(r);
    pauses.stop();
    expect(pauses.count(), 'turns the page got while the names were sorted').to.be.greaterThan(1);
    const collator = new Intl.Collator('sv', {numeric: true});
    const expected = [...feed.projects].sort((a: {name: string}, b: {name: string}) => collator.compare(a.name, b.name));
    const view = projectListView(r, {status: '', organization: '', q: '', sort: 'name', limit: 100});
    expect(view.cards.map((c) => c.id)).to.deep.equal(expected.slice(0, 100).map((p: {id: string}) => p.id));
    expect(view.total).to.equal(20_000);
  });

  for (const [lang, heading, label, found, landmark] of [
    ['en', 'Projects', 'Search projects', '3 projects', 'Search and filter projects'],
    ['fi', 'Hankkeet', 'Hae hankkeita', '3 hanketta', 'Hae ja suodata hankkeita'],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      await setPageLang(lang);
      const el = await fixture<LoftProjectList>(html`<loft-project-list src=${FEED}></loft-project-list>`);
      await settled(el);
      await waitUntil(() => textOf(q(el, '[part="heading"]')) === heading, `no ${lang} heading`);
      expect(textOf(q(el, 'label'))).to.equal(label);
      expect(landmarkName(el, q(el, '[role="search"]')!)).to.equal(landmark);
      await waitUntil(() => count(el) === found, `count was ${count(el)}`);
      await expect(el).to.be.accessible();
    });
  }

  it('shows loading and error states', async () => {
    const slow = await fixture<LoftProjectList>(html`<loft-project-list src=${`/faults/feed?delay=800&key=${uniqueKey()}`}></loft-project-list>`);
    await loadingShown(slow);
    expect(textOf(q(slow, '[role="status"]'))).to.equal('Laddar…');
    await expect(slow).to.be.accessible();
    const broken = await fixture<LoftProjectList>(html`<loft-project-list src=${`/faults/invalid-json?key=${uniqueKey()}`}></loft-project-list>`);
    await settled(broken);
    expect(textOf(q(broken, '[role="alert"]'))).to.contain('Informationen');
    await expect(broken).to.be.accessible();
  });

  it('says so for a feed without projects', async () => {
    const feed = await referenceFeed();
    feed.projects = [];
    const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed}></loft-project-list>`);
    await settled(el);
    await waitUntil(() => count(el) === 'Inget projekt matchar.');
    expect(q(el, '[part="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 px without horizontal scrolling', async () => {
    const feed = await manyProjects(3);
    feed.projects[0].name = 'Ett-mycket-långt-projektnamn-utan-mellanslag-som-inte-får-skapa-horisontell-rullning';
    const wrap = await fixture<HTMLElement>(html`<div style="width: 320px"><loft-project-list .data=${feed}></loft-project-list></div>`);
    const el = wrap.firstElementChild as LoftProjectList;
    await settled(el);
    expect(q(el, '[part="base"]')!.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});

describe('<loft-project-card variant="compact">', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('shows name (linked to the project page, else the website), title, status and a short summary', async () => {
    const feed = await referenceFeed();
    feed.projects[0].website = 'https://loft.example/';
    const el = await fixture<LoftProjectCard>(html`<loft-project-card variant="compact" .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    const heading = q(el, '[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(q(el, '[role="heading"] a')!.getAttribute('href')).to.equal('https://loft.example/');
    expect(textOf(el.shadowRoot!)).to.contain('LOFT – Leda och organisera').and.contain('Status: Pågående').and.contain('Ett partnerskap där');
    feed.projects[0].url = 'https://www.ri.se/sv/vad-vi-gor/projekt/loft';
    el.data = structuredClone(feed);
    await el.updateComplete;
    await settled(el);
    expect(q(el, '[role="heading"] a')!.getAttribute('href')).to.equal('https://www.ri.se/sv/vad-vi-gor/projekt/loft');
    await expect(el).to.be.accessible();
  });

  it('shortens a long summary at a word and shows no link without a URL', async () => {
    const feed = await referenceFeed();
    feed.projects[0].summary = 'Ord '.repeat(200);
    delete feed.projects[0].title;
    const el = await fixture<LoftProjectCard>(html`<loft-project-card variant="compact" .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    const summary = textOf(qa(el, '.compact p').at(-1));
    expect(summary.length).to.be.at.most(241);
    expect(summary).to.match(/Ord…$/);
    expect(q(el, 'a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English and Finnish', async () => {
    await setPageLang('en');
    const el = await fixture<LoftProjectCard>(html`<loft-project-card variant="compact" src="/demo/feeds/loft.feed.json" project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!)).to.contain('Status: Ongoing').and.contain('A partnership in which');
    await setPageLang('fi');
    await waitUntil(() => textOf(el.shadowRoot!).includes('Tila: Käynnissä'));
    await expect(el).to.be.accessible();
  });
});

describe('<loft-project-list url-state>', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
    return setPageLang('sv');
  });
  afterEach(() => history.replaceState(null, '', start));
  after(() => setPageLang('en'));

  /** The list's own parameters in the page's address. */
  const own = (prefix = 'loft-') => [...new URL(location.href).searchParams].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => `${key}=${value}`);

  it('starts from the search, filters and page in a shared link', async () => {
    const url = new URL(location.href);
    url.searchParams.set('loft-q', 'projekt');
    url.searchParams.set('loft-status', 'ongoing');
    url.searchParams.set('loft-page', '2');
    history.replaceState(null, '', url);
    const el = await fixture<LoftProjectList>(html`<loft-project-list url-state .data=${await manyProjects(200)}></loft-project-list>`);
    await settled(el);
    expect(q<HTMLInputElement>(el, '#q')!.value).to.equal('projekt');
    expect(q<HTMLSelectElement>(el, '#status')!.value).to.equal('ongoing');
    expect(names(el)).to.have.length(40);
    // The address is not the visitor's change on this page: nothing is announced.
    expect(politeness(el)).to.equal('off');
  });

  it('shows at most 50 cards at once, whatever page-size or the address says', async () => {
    const feed = await manyProjects(300);
    const big = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed} page-size="500"></loft-project-list>`);
    await settled(big);
    expect(names(big)).to.have.length(50);
    // "Visa fler" shows the next 50.
    q(big, 'button.more')!.click();
    await waitUntil(() => names(big).length === 100, 'the next 50 did not show');
    const url = new URL(location.href);
    url.searchParams.set('loft-page', '999');
    history.replaceState(null, '', url);
    const restored = await fixture<LoftProjectList>(html`<loft-project-list url-state .data=${feed}></loft-project-list>`);
    await settled(restored);
    expect(names(restored)).to.have.length(50);
    // "Visa fler" goes on from there.
    q(restored, 'button.more')!.click();
    await waitUntil(() => names(restored).length === 70, 'the next page did not show');
  });

  it('writes the visitor\'s choices into the address, and Back undoes a filter', async () => {
    const el = await fixture<LoftProjectList>(html`<loft-project-list url-state .data=${await manyProjects(60)}></loft-project-list>`);
    await settled(el);
    const length = history.length;
    await choose(el, 'q', 'umeå');
    await choose(el, 'q', 'umeå projekt');
    // Typing replaces the address instead of adding an entry per keystroke.
    expect(history.length).to.equal(length);
    expect(own()).to.deep.equal(['loft-q=umeå projekt']);
    await choose(el, 'status', 'completed');
    expect(own()).to.deep.equal(['loft-q=umeå projekt', 'loft-status=completed']);
    expect(history.length).to.equal(length + 1);
    // Other parameters of the page stay.
    expect(new URL(location.href).searchParams.has('wtr-session-id') || location.search.length > 0).to.be.true;
    history.back();
    await waitUntil(() => el.status === '', 'Back did not undo the filter');
    await el.updateComplete;
    expect(q<HTMLSelectElement>(el, '#status')!.value).to.equal('');
    expect(q<HTMLInputElement>(el, '#q')!.value).to.equal('umeå projekt');
  });

  it('keeps nothing in the address without the attribute, and takes a prefix of its own', async () => {
    const plain = await fixture<LoftProjectList>(html`<loft-project-list .data=${await manyProjects(30)}></loft-project-list>`);
    await settled(plain);
    await choose(plain, 'status', 'planned');
    expect(own()).to.deep.equal([]);
    const prefixed = await fixture<LoftProjectList>(html`<loft-project-list url-state="lista-" .data=${await manyProjects(30)}></loft-project-list>`);
    await settled(prefixed);
    await choose(prefixed, 'sort', 'start');
    expect(own('lista-')).to.deep.equal(['lista-sort=start']);
  });

  it('offers the 300 organisations in the most projects, and tells the editor about the rest', async () => {
    const feed = await manyProjects(310);
    feed.organizations.push(...Array.from({length: 310}, (_, i) => ({id: `org-${i}`, name: `Organisation ${String(i).padStart(4, '0')}`})));
    // Each project has one organisation of its own; org-309 is in ten projects.
    feed.projects.forEach((p: {participants: unknown[]}, i: number) => p.participants.push({organization: `org-${i}`, role: 'partner'}, ...(i < 10 ? [{organization: 'org-309', role: 'funder'}] : [])));
    const errors = collect<LoftErrorEvent>('loft-error');
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      const el = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed}></loft-project-list>`);
      await settled(el);
      const offered = [...q<HTMLSelectElement>(el, '#organization')!.options].map((o) => o.value);
      // "All", then 300: the reference feed's organisations are in projects too.
      expect(offered).to.have.length(301);
      expect(offered).to.include('org-309');
      const total = new Set(feed.projects.flatMap((p: {participants: {organization: string}[]}) => p.participants.map((x) => x.organization))).size;
      const message = `organizations: ${total} organisations take part in the projects, more than the 300 the list's organisation filter offers. It offers the 300 in the most projects.`;
      expect(errors.events.map((e) => [e.detail.code, e.detail.path, e.detail.message])).to.deep.equal([['field-dropped', 'organizations', message]]);
      // Another filter is another load of the same feed: the event again, the console not.
      await choose(el, 'status', 'ongoing');
      await waitUntil(() => errors.events.length === 2, 'no loft-error for the new filter');
      expect(warned.filter((w) => w.includes(message))).to.have.length(1);
    } finally {
      console.warn = warn;
      errors.stop();
    }
  });
});
