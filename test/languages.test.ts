import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {LoftErrorEvent} from '../src/events/events.js';
import type {LoftProjectCard} from '../src/elements/project-card/project-card.js';
import type {LoftProjectList} from '../src/elements/project-list/project-list.js';
import {checkCatalog} from '../src/i18n/check.js';
import {collect, exempelbyFeed, facts, referenceFeed, setPageLang, settled, textOf} from './helpers/fixtures.js';

const ENGLISH_MONTHS = /January|February|March|April|May|June|July|August|September|October|November|December/;

/** Puts a run-time catalog in the page, as an editor does; returns the way to take it out. */
function pageCatalog(catalog: unknown): () => void {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.dataset.loftCatalog = '';
  script.textContent = typeof catalog === 'string' ? catalog : JSON.stringify(catalog);
  document.head.append(script);
  return () => script.remove();
}

/** The reference feed with dates, so the duration row shows months. */
async function datedFeed() {
  const feed = await referenceFeed();
  Object.assign(feed.projects[0], {status: 'completed', startDate: '2024-03', endDate: '2026-06-15'});
  return feed;
}

const NORTHERN_SAMI = {
  language: 'se',
  messages: {
    summary: 'Čoahkkáigeassu',
    status: 'Dilli',
    'status-completed': 'Loahpahuvvon',
    ...Object.fromEntries(
      ['ođđajagemánnu', 'guovvamánnu', 'njukčamánnu', 'cuoŋománnu', 'miessemánnu', 'geassemánnu', 'suoidnemánnu', 'borgemánnu', 'čakčamánnu', 'golggotmánnu', 'skábmamánnu', 'juovlamánnu'].map((name, i) => [
        `month-${i + 1}`,
        name,
      ])
    ),
    'date-month': '{month} {year}',
    'date-day': '{month} {day}. b. {year}',
  },
};

describe('languages added at run time', () => {
  const cleanup: (() => void)[] = [];
  beforeEach(() => setPageLang('sv'));
  afterEach(() => cleanup.splice(0).forEach((undo) => undo()));
  after(() => setPageLang('en'));

  it('a page catalog gives Northern Sami: its texts, Swedish (marked as such) where it has none, and its month names', async () => {
    cleanup.push(pageCatalog(NORTHERN_SAMI));
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="se" .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Čoahkkáigeassu');
    const rows = facts(el);
    expect(rows.Dilli).to.equal('Loahpahuvvon');
    // Not in the catalog: the next language of the chain, Swedish, with its own lang.
    // The catalog's month names where the browser's Intl has no Northern Sami (Chromium);
    // Intl's own where it has (Firefox, WebKit: "2024 njukčamánnu").
    const intl = Intl.DateTimeFormat.supportedLocalesOf(['se']).length > 0;
    expect(rows).to.have.property('Projektstart', intl ? '2024 njukčamánnu' : 'njukčamánnu 2024');
    expect(rows.Varaktighet).to.match(intl ? /^2024 njukčamánnu – 2026 geassemánnu 15/ : /^njukčamánnu 2024 – geassemánnu 15\. b\. 2026$/);
    const swedish = [...el.shadowRoot!.querySelectorAll('dt [lang="sv"]')].map((e) => e.textContent);
    expect(swedish).to.include('Projektstart');
    expect(el.shadowRoot!.textContent).not.to.match(ENGLISH_MONTHS);
    await expect(el).to.be.accessible();
  });

  it('a partial Lule Sami catalog falls back to Northern Sami, then Swedish; never to an id or an empty string', async () => {
    cleanup.push(pageCatalog(NORTHERN_SAMI));
    cleanup.push(pageCatalog({language: 'smj', messages: {summary: 'Ålles', status: 'Dilla'}}));
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="smj" .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Ålles');
    const rows = facts(el);
    expect(rows.Dilla).to.equal('Loahpahuvvon');
    expect(Object.keys(rows)).to.include('Projektnamn');
    for (const [label, value] of Object.entries(rows)) {
      expect(label).not.to.match(/^[a-z]+(-[a-z]+)+$/, 'a raw message id');
      expect(value, label).not.to.equal('');
    }
    // Lule Sami has no month names of its own here, and the browser may have none: Northern
    // Sami's are not borrowed for Lule Sami dates, the next language Intl knows is used instead.
    expect(el.shadowRoot!.textContent).not.to.match(ENGLISH_MONTHS);
  });

  it('Meänkieli without a catalog reads Finnish, dates included', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="fit" .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Yhteenveto');
    expect(facts(el).Aloitus ?? Object.values(facts(el)).join()).to.match(/maaliskuu/);
    expect(el.shadowRoot!.textContent).not.to.match(ENGLISH_MONTHS);
  });

  it('a locale written with an underscore (en_US, fi_FI, yi_US), as some CMS templates print it, is read as its language tag', async () => {
    for (const [lang, heading, status, ongoing] of [
      ['en_US', 'Summary', 'Status', 'Ongoing'],
      ['fi_FI', 'Yhteenveto', 'Tila', 'Käynnissä'],
      ['sv_SE', 'Sammanfattning', 'Status', 'Pågående'],
    ]) {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card lang=${lang} .data=${await referenceFeed()} project="loft"></loft-project-card>`);
      await settled(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="heading"]')), lang).to.equal(heading);
      expect(facts(el)[status], lang).to.equal(ongoing);
    }
    const yiddish = await fixture<LoftProjectCard>(html`<loft-project-card lang="yi_US" .data=${await referenceFeed()} project="loft"></loft-project-card>`);
    await settled(yiddish);
    expect(yiddish.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('a lang that names no language (x_), or names something of JavaScript\'s (constructor, __proto__), is a language without a catalog: Swedish', async () => {
    for (const lang of ['x_', 'constructor', '__proto__', 'toString-x']) {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card lang=${lang} .data=${await referenceFeed()} project="loft"></loft-project-card>`);
      await settled(el);
      expect(textOf(el.shadowRoot!.querySelector('[part="heading"]')), lang).to.equal('Sammanfattning');
      expect(facts(el).Status, lang).to.equal('Pågående');
    }
  });

  it('switches live when the page changes language to one it has a catalog for', async () => {
    cleanup.push(pageCatalog(NORTHERN_SAMI));
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Sammanfattning');
    await setPageLang('se');
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('[part="heading"]')) === 'Čoahkkáigeassu', 'did not switch to Northern Sami');
    await setPageLang('sv');
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('[part="heading"]')) === 'Sammanfattning', 'did not switch back');
  });

  it('takes a catalog from a URL given in the catalog attribute', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="se" catalog="/demo/catalogs/se.example.json" .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Čoahkkáigeassu');
    expect(facts(el)['Prošeakta álgá']).to.match(/^(njukčamánnu 2024|2024 njukčamánnu)$/);
  });

  it('counts with the plural forms of the feed\'s labels', async () => {
    const feed = await exempelbyFeed();
    feed.labels = {sv: {results: {one: '{count} projekt hittades', other: '{count} projekt hittades'}}};
    const list = await fixture<LoftProjectList>(html`<loft-project-list .data=${feed}></loft-project-list>`);
    await settled(list);
    await waitUntil(() => textOf(list.shadowRoot!.querySelector('.count')) === '3 projekt hittades');
    list.q = 'loft';
    await waitUntil(() => textOf(list.shadowRoot!.querySelector('.count')) === '1 projekt hittades');
  });

  it('checks the feed\'s labels like a catalog: unknown ids (even those every object has), placeholders, plural categories', async () => {
    const feed = await referenceFeed();
    feed.labels = {sv: {summary: 'Översikt', 'no-such-id': 'x', constructor: 'x', toString: 'x', 'publisher-role': '{namn} roll', results: {en: 'x', other: '{count}'}}} as unknown as typeof feed.labels;
    const errors = collect<LoftErrorEvent>('loft-error');
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    errors.stop();
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Översikt');
    expect(facts(el)).to.have.property('RISE roll i projektet');
    const paths = errors.events.map((e) => e.detail.path);
    expect(paths).to.include.members(['labels.sv["no-such-id"]', 'labels.sv.constructor', 'labels.sv.toString', 'labels.sv["publisher-role"]', 'labels.sv.results.en']);
  });

  it('counts with the plural forms of a catalog, by the plural rules of its own language', async () => {
    cleanup.push(pageCatalog({language: 'se', messages: {results: {one: '{count} prošeakta gávdnui', two: '{count} prošeavtta gávdnojedje', other: '{count} prošeavttat gávdnojedje'}}}));
    const feed = await exempelbyFeed();
    const list = await fixture<LoftProjectList>(html`<loft-project-list lang="se" .data=${feed}></loft-project-list>`);
    await settled(list);
    await waitUntil(() => textOf(list.shadowRoot!.querySelector('.count')) === '3 prošeavttat gávdnojedje', 'plural "other"');
    list.q = 'loft';
    await waitUntil(() => textOf(list.shadowRoot!.querySelector('.count')) === '1 prošeakta gávdnui', 'plural "one"');
    // Northern Sami has a dual, which Swedish (the language its dates fall back to) has not.
    list.q = '';
    list.data = {...feed, projects: feed.projects.slice(0, 2)};
    await waitUntil(() => textOf(list.shadowRoot!.querySelector('.count')) === '2 prošeavtta gávdnojedje', 'plural "two"');
  });

  it('lays Yiddish out right to left, from the language alone or from dir', async () => {
    cleanup.push(pageCatalog({language: 'yi', messages: {summary: 'קיצור', status: 'סטאַטוס'}}));
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="yi" .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    // Mirrored: the heading starts at the right edge of the card.
    const card = el.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    const range = document.createRange();
    range.selectNodeContents(heading);
    const text = range.getBoundingClientRect();
    expect(card.right - text.right).to.be.lessThan(card.width / 4);
    await expect(el).to.be.accessible();
    // A Swedish page section that says dir="rtl" is laid out right to left too; dir="ltr" wins over the language.
    el.setAttribute('dir', 'ltr');
    await waitUntil(() => base.getAttribute('dir') === 'ltr');
  });

  it('reports a bad catalog to the editor, once, and shows the widget from what is usable', async () => {
    cleanup.push(
      pageCatalog({
        language: 'se',
        messages: {
          summary: 'Čoahkkáigeassu',
          'no-such-message': 'x',
          'publisher-role': '{name} {organisation}',
          status: {one: 'x', other: 'y'},
          results: {one: '{count} prošeakta', lots: '{count}'},
        },
      })
    );
    cleanup.push(pageCatalog('{"language": "smj", '));
    const errors = collect<LoftErrorEvent>('loft-error');
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="se" .data=${await datedFeed()} project="loft"></loft-project-card>`);
    await settled(el);
    errors.stop();
    expect(textOf(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Čoahkkáigeassu');
    expect(facts(el)).to.have.property('Status', 'Avslutat');
    const messages = errors.events.map((e) => e.detail.message);
    expect(messages.some((m) => m.includes("no message with the id 'no-such-message'"))).to.be.true;
    expect(messages.some((m) => m.includes('{organisation} is not one of'))).to.be.true;
    expect(messages.some((m) => m.includes('status') && m.includes('expected a text'))).to.be.true;
    expect(messages.some((m) => m.includes('results.lots'))).to.be.true;
    expect(messages.some((m) => m.includes('not valid JSON'))).to.be.true;
    expect(errors.events.every((e) => e.detail.code === 'field-dropped')).to.be.true;
    // Once per element: a later change of input does not repeat them.
    const again = collect<LoftErrorEvent>('loft-error');
    el.variant = 'compact';
    await el.updateComplete;
    again.stop();
    expect(again.events.filter((e) => e.detail.path?.startsWith('inline catalog'))).to.have.length(0);
  });

  it('the example catalogs that ship are valid and say they are examples', async () => {
    for (const name of ['se', 'yi']) {
      const raw = await (await fetch(`/demo/catalogs/${name}.example.json`)).json();
      expect(checkCatalog(raw, name).problems, name).to.deep.equal([]);
      expect(raw.about).to.match(/^EXAMPLE ONLY, NOT REVIEWED/);
    }
  });
});
