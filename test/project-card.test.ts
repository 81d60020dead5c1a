import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {LoftErrorEvent} from '../src/events/events.js';
import {feedSettings} from '../src/feed/load.js';
import type {LoftProjectCard} from '../src/elements/project-card/project-card.js';
import {collect, facts, loadingShown, referenceFeed, requestCount, setPageLang, settled, textOf, uniqueKey} from './helpers/fixtures.js';

const FEED = '/demo/feeds/loft.feed.json';

describe('<loft-project-card>', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('shows every fact of the seed page in Swedish', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    const heading = el.shadowRoot!.querySelector('[role="heading"]')!;
    expect(textOf(heading)).to.equal('Sammanfattning');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(facts(el)).to.deep.equal({
      Projektnamn: 'LOFT',
      Status: 'Pågående',
      'RISE roll i projektet': 'Projektledare',
      Varaktighet: 'Löpande',
      Partner: 'Mälardalens universitet, Lidingö stad, Skellefteå kommun, Knivsta kommun, Enköpings kommun, Kungsbacka kommun, Strängnäs kommun',
    });
    await expect(el).to.be.accessible();
  });

  it('links each partner that has a URL', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    const links = [...el.shadowRoot!.querySelectorAll('[part="list"] a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.have.length(7);
    expect(links[0]).to.deep.equal(['Mälardalens universitet', 'https://www.mdu.se/']);
  });

  it('shows the facts in English and Finnish, and follows <html lang> live', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    await setPageLang('en-GB');
    await el.updateComplete;
    expect(facts(el)).to.include({
      'Project name': 'LOFT',
      Status: 'Ongoing',
      'Role of RISE Research Institutes of Sweden in the project': 'Project leader',
      Duration: 'Ongoing',
    });
    expect(facts(el).Partners).to.contain('Mälardalen University, Lidingö stad');
    await expect(el).to.be.accessible();
    await setPageLang('fi');
    await waitUntil(() => textOf(el.shadowRoot!.querySelector('[role="heading"]')) === 'Yhteenveto', 'Finnish did not load');
    expect(facts(el)).to.include({Tila: 'Käynnissä', Kesto: 'Jatkuva'});
    await expect(el).to.be.accessible();
  });

  it('marks feed text that is not in the page language with its own lang', async () => {
    document.documentElement.lang = 'fi';
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    // The organisations have no Finnish names: Swedish is shown, marked as Swedish.
    const partner = el.shadowRoot!.querySelector('[part="item"] [lang]');
    expect(partner?.getAttribute('lang')).to.equal('sv');
  });

  it('never shows what validation passes over in a text, as valibot does: a constructor, prototype or __proto__ key, whatever it holds', async () => {
    const feed = await referenceFeed();
    // As a feed says it: JSON.parse makes "__proto__" a key of its own.
    feed.projects.find((p: {id: string}) => p.id === 'loft')!.name = JSON.parse('{"constructor": 5, "__proto__": {"sv": "x"}, "prototype": "Prototyp", "fi": "Johtajuus uudistuu"}');
    const errors = collect<LoftErrorEvent>('loft-error');
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="en" variant="compact" .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    errors.stop();
    expect(errors.events, 'the feed passes validation').to.deep.equal([]);
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    expect(textOf(heading)).to.equal('Johtajuus uudistuu');
    expect(heading.querySelector('[lang]')?.getAttribute('lang')).to.equal('fi');
    await expect(el).to.be.accessible();
  });

  it('takes its language from a lang attribute on the element', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="en" src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    expect(facts(el).Status).to.equal('Ongoing');
    el.remove();
  });

  it('sets its heading level from heading-level', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card heading-level="3" src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
  });

  it('reads an inline JSON feed', async () => {
    const feed = JSON.stringify(await referenceFeed());
    const el = await fixture<LoftProjectCard>(
      html`<loft-project-card project="loft"><script type="application/json">${feed}</script></loft-project-card>`
    );
    await settled(el);
    expect(facts(el).Projektnamn).to.equal('LOFT');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('takes the feed as the .data property', async () => {
    const feed = await referenceFeed();
    feed.projects[0].startDate = '2021-03';
    feed.projects[0].website = 'https://loft.example/partnerskap/';
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    expect(facts(el)).to.include({Projektstart: 'mars 2021', 'Projektets webbplats': 'loft.example/partnerskap'});
    expect(el.shadowRoot!.querySelector('a[href="https://loft.example/partnerskap/"]')).to.exist;
  });

  it("shows its content under the README's tip for pages with many cards (content-visibility: auto), off screen too", async () => {
    const feed = await referenceFeed();
    const page = await fixture<HTMLElement>(html`
      <div>
        <style>
          loft-project-card {
            content-visibility: auto;
            contain-intrinsic-size: auto 320px;
          }
        </style>
        ${Array.from({length: 12}, () => html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`)}
      </div>
    `);
    const cards = [...page.querySelectorAll('loft-project-card')];
    await Promise.all(cards.map((card) => settled(card)));
    const last = cards.at(-1)!;
    expect(last.getBoundingClientRect().top, 'the last card is off screen').to.be.greaterThan(window.innerHeight);
    expect(facts(last).Status).to.equal('Pågående');
    await expect(last).to.be.accessible();
  });

  it('adds the role to partners that are not plain partners, and has no role row when the publisher does not take part', async () => {
    const feed = await referenceFeed();
    feed.projects[0].participants = [
      {organization: 'mdu', role: 'funder'},
      {organization: 'lidingo', role: 'partner', label: {sv: 'Pilotkommun'}},
    ];
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    expect(facts(el).Partner).to.equal('Mälardalens universitet (Finansiär), Lidingö stad (Pilotkommun)');
    expect(Object.keys(facts(el))).not.to.include('RISE roll i projektet');
  });

  it('shows a start–end range for a completed project', async () => {
    const feed = await referenceFeed();
    Object.assign(feed.projects[0], {status: 'completed', startDate: '2020-01-15', endDate: '2022-12'});
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    expect(facts(el).Status).to.equal('Avslutat');
    expect(facts(el).Varaktighet).to.equal('15 januari 2020 – december 2022');
  });

  it('says the project was not found, and tells the editor the id they likely meant', async () => {
    const errors = collect<LoftErrorEvent>('loft-error');
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="lofty"></loft-project-card>`);
    await settled(el);
    errors.stop();
    expect(textOf(el.shadowRoot!.querySelector('[role="alert"]'))).to.equal('Projektet kunde inte hittas.');
    expect(errors.events.map((e) => e.detail.code)).to.include('not-found');
    expect(errors.events.find((e) => e.detail.code === 'not-found')!.detail.message).to.contain('project="lofty"').and.contain('Did you mean "loft"?');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state that is announced and keeps its height', async () => {
    const key = uniqueKey();
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${`/faults/feed?delay=1500&key=${key}`} project="loft"></loft-project-card>`);
    await loadingShown(el);
    expect(textOf(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Laddar…');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(facts(el).Status).to.equal('Pågående');
  });

  it('shows a loading state from the next frame when a feed it already has waits (here for a run-time catalog)', async () => {
    const catalog = `/faults/catalog?delay=1500&key=${uniqueKey()}`;
    const el = await fixture<LoftProjectCard>(html`<loft-project-card lang="se" catalog=${catalog} .data=${await referenceFeed()} project="loft"></loft-project-card>`);
    await loadingShown(el);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.skeleton')).to.exist;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.exist;
    expect(textOf(el.shadowRoot!.querySelector('[role="heading"]'))).to.equal('Čoahkkáigeassu');
  });

  it('shows a localized error with a retry that works', async () => {
    const key = uniqueKey();
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${`/faults/flaky?key=${key}`} project="loft"></loft-project-card>`);
    await settled(el);
    expect(textOf(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain('Informationen kunde inte hämtas.');
    await expect(el).to.be.accessible();
    const retry = el.shadowRoot!.querySelector('button')!;
    expect(retry.textContent).to.equal('Försök igen');
    retry.click();
    await waitUntil(() => facts(el).Status, 'the retry did not load the feed');
    expect(facts(el).Status).to.equal('Pågående');
    expect(await requestCount(key)).to.equal(2);
    // Focus stays in the element instead of falling back to the page.
    expect(el.shadowRoot!.activeElement).to.exist;
  });

  it('makes one request for several cards with the same src', async () => {
    const key = uniqueKey();
    const src = `/faults/feed?key=${key}`;
    const el = await fixture<HTMLElement>(html`<div>
      <loft-project-card src=${src} project="loft"></loft-project-card>
      <loft-project-card src=${src} project="loft"></loft-project-card>
      <loft-project-card src=${src} project="loft" variant="summary"></loft-project-card>
    </div>`);
    for (const card of el.querySelectorAll('loft-project-card')) await settled(card as HTMLElement);
    expect(await requestCount(key)).to.equal(1);
  });

  it('reports a timeout as such', async () => {
    const before = feedSettings.timeoutMs;
    feedSettings.timeoutMs = 300;
    const errors = collect<LoftErrorEvent>('loft-error');
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${`/faults/slow?ms=2000&key=${uniqueKey()}`} project="loft"></loft-project-card>`);
      await settled(el);
      expect(textOf(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain('Det tog för lång tid');
      expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['feed-timeout']);
    } finally {
      feedSettings.timeoutMs = before;
      errors.stop();
    }
  });

  it('fires loft-load with the src and project', async () => {
    const loads = collect<CustomEvent>('loft-load');
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="loft"></loft-project-card>`);
    await settled(el);
    loads.stop();
    expect(loads.events[0].detail).to.deep.equal({src: new URL(FEED, location.href).href, project: 'loft'});
  });

  it('hides the editor fallback content once it runs', async () => {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${FEED} project="loft"><a href="https://example.org/loft">LOFT</a></loft-project-card>`);
    await settled(el);
    const fallback = el.querySelector('a')!;
    expect(fallback.getBoundingClientRect().height).to.equal(0);
  });

  it('lists at most 200 partners, and tells the editor what it left out', async () => {
    const feed = await referenceFeed();
    feed.organizations.push(...Array.from({length: 250}, (_, i) => ({id: `org-${i}`, name: `Organisation ${i + 1}`})));
    const project = feed.projects[0];
    project.participants = [...project.participants, ...Array.from({length: 250}, (_, i) => ({organization: `org-${i}`, role: 'partner'}))];
    const errors = collect<LoftErrorEvent>('loft-error');
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
      await settled(el);
      expect(el.shadowRoot!.querySelectorAll('[part="list"] [part="item"]')).to.have.length(200);
      const total = project.participants.length;
      expect(errors.events.map((e) => [e.detail.code, e.detail.path])).to.deep.equal([['field-dropped', 'projects[0].participants']]);
      expect(errors.events[0].detail.message).to.contain(`has ${total} participants, more than the 200 a page shows`);
      // Search engines read the same: the JSON-LD (which the CDN loader loads) names the first 200 participants.
      await import('../src/structured-data/live.js');
      const data = JSON.parse(el.querySelector(':scope > script[type="application/ld+json"]')!.textContent!);
      expect(data.member.filter((m: {member: {'@type': string}}) => m.member['@type'] !== 'Person')).to.have.length(200);
    } finally {
      errors.stop();
    }
  });

  it('cuts a name of more than 200 characters, and a role label of more than 300, at a word', async () => {
    const feed = await referenceFeed();
    const fullName = `Förvaltningen ${'för förnyelse '.repeat(40)}`;
    const fullRole = `Roll ${'och ansvar '.repeat(60)}`;
    feed.organizations.push({id: 'long', name: fullName});
    feed.projects[0].participants.push({organization: 'long', role: 'partner', label: fullRole});
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    const partner = textOf([...el.shadowRoot!.querySelectorAll('[part="list"] [part="item"]')].at(-1));
    const [name, role] = partner.split(' (');
    // The first words, up to a space, then "…".
    const cutAtWord = (shown: string, full: string, max: number) => {
      expect(shown.length).to.be.within(max * 0.6, max + 1);
      expect(shown.endsWith('…')).to.equal(true);
      expect(full.startsWith(`${shown.slice(0, -1)} `)).to.equal(true);
    };
    cutAtWord(name, fullName, 200);
    cutAtWord(role.slice(0, -1), fullRole, 300);
  });

  it('counts a character of a script slower to lay out (Japanese, an emoji) as four, and never cuts an emoji in half', async () => {
    const feed = await referenceFeed();
    feed.organizations.push({id: 'ja', name: '漢字かな交じり文'.repeat(10)}, {id: 'emoji', name: `${'a'.repeat(195)}👩🏽‍🚒👩🏽‍🚒`});
    feed.projects[0].participants.push({organization: 'ja', role: 'partner'}, {organization: 'emoji', role: 'partner'});
    const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
    await settled(el);
    const [japanese, emoji] = [...el.shadowRoot!.querySelectorAll('[part="list"] [part="item"]')].slice(-2).map((item) => textOf(item).replace(/,$/, ''));
    // 49 characters of four units and the "…" fit in 200.
    expect(japanese).to.equal(`${'漢字かな交じり文'.repeat(6)}漢…`);
    // 195 letters and one unit of the emoji fit in the 199 before the "…": the cut goes before it, not through it.
    expect(emoji).to.equal(`${'a'.repeat(195)}…`);
  });

  it('lists partners up to 20,000 characters of names and roles (200 partners of 500 characters took Chromium 60 ms to lay out; of Japanese, 140)', async () => {
    const feed = await referenceFeed();
    feed.organizations.push(...Array.from({length: 200}, (_, i) => ({id: `org-${i}`, name: `${i + 1} ${'namn '.repeat(39)}`})));
    feed.projects[0].participants = Array.from({length: 200}, (_, i) => ({organization: `org-${i}`, role: 'partner', label: `roll ${'och ansvar '.repeat(26)}`}));
    const errors = collect<LoftErrorEvent>('loft-error');
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${feed} project="loft"></loft-project-card>`);
      await settled(el);
      const shown = el.shadowRoot!.querySelectorAll('[part="list"] [part="item"]').length;
      // Each partner is about 200 + 290 characters: 41 of them fit in 20,000.
      expect(shown).to.be.within(40, 42);
      expect(errors.events[0].detail.message).to.contain('has 200 participants, more than the 20,000 characters');
    } finally {
      errors.stop();
    }
  });
});
