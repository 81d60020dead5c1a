/**
 * The feed contract as visitors and editors meet it: faults from a real server, fatal vs
 * field-level problems, editors' own words, URL and text safety, stale responses.
 */
import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import fc from 'fast-check';
import type {LoftErrorEvent} from '../src/events/events.js';
import type {LoftProjectCard} from '../src/elements/project-card/project-card.js';
import {feedSettings} from '../src/feed/load.js';
import {earlySettings, requestEarly, requestFeed, type FeedRequest} from '../src/feed/request.js';
import {resolveText, tidyText} from '../src/feed/text.js';
import {formatDate} from '../src/i18n/format.js';
import {translatorFor} from '../src/i18n/translator.js';
import {isAllowedUrl, mailtoUrl, resolveUrl, telUrl} from '../src/feed/urls.js';
import {grouped} from '../src/feed/view/resolver.js';
import {collect, countPauses, facts, referenceFeed, requestCount, setPageLang, settled, textOf, uniqueKey} from './helpers/fixtures.js';

const alertText = (el: HTMLElement) => textOf(el.shadowRoot!.querySelector('[role="alert"]'));

/** Collects console.warn calls while `fn` runs. */
async function warnings<T>(fn: () => Promise<T>): Promise<{result: T; warned: string[]}> {
  const warned: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
  try {
    return {result: await fn(), warned};
  } finally {
    console.warn = original;
  }
}

async function card(src: string, project = 'loft'): Promise<{el: LoftProjectCard; errors: LoftErrorEvent[]; loads: Event[]}> {
  const errors = collect<LoftErrorEvent>('loft-error');
  const loads = collect<Event>('loft-load');
  try {
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${src} project=${project}></loft-project-card>`);
    await settled(el);
    return {el, errors: errors.events, loads: loads.events};
  } finally {
    errors.stop();
    loads.stop();
  }
}

async function withData(data: unknown, project = 'loft') {
  const errors = collect<LoftErrorEvent>('loft-error');
  try {
    const {result: el, warned} = await warnings(async () => {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card .data=${data} project=${project}></loft-project-card>`);
      await settled(el);
      return el;
    });
    return {el, errors: errors.events, warned};
  } finally {
    errors.stop();
  }
}

describe('feed: faults from the server', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  for (const [name, code, visitor] of [
    ['404', 'feed-unreachable', 'Informationen kunde inte hämtas.'],
    ['500', 'feed-unreachable', 'Informationen kunde inte hämtas.'],
    ['invalid-json', 'feed-not-json', 'Informationen har en form som inte kan visas.'],
    ['empty', 'feed-not-json', 'Informationen har en form som inte kan visas.'],
  ] as const) {
    it(`${name}: a localized message, loft-error ${code}, one warning for the editor`, async () => {
      const {result, warned} = await warnings(() => card(`/faults/${name}?key=${uniqueKey()}`));
      expect(alertText(result.el)).to.contain(visitor);
      expect(result.errors.map((e) => e.detail.code)).to.deep.equal([code]);
      expect(result.loads).to.have.length(0);
      expect(warned.filter((w) => w.includes(`/faults/${name}`))).to.have.length(1);
      await expect(result.el).to.be.accessible();
    });
  }

  it('a src that is no address: a localized message and loft-error feed-unreachable that names it, not a load that never ends', async () => {
    const {el, errors, loads} = await card('https://[feeds.example/feed.json');
    expect(alertText(el)).to.contain('Informationen kunde inte hämtas.');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['feed-unreachable']);
    expect(errors[0].detail.message).to.contain('src="https://[feeds.example/feed.json"');
    expect(loads).to.have.length(0);
  });

  it('sends loft-load once the content is shown (a listener can read it there)', async () => {
    const seen: (string | undefined)[] = [];
    const el = await fixture<LoftProjectCard>(
      html`<loft-project-card src=${`/faults/feed?key=${uniqueKey()}`} project="loft" @loft-load=${(e: Event) => seen.push(facts(e.target as HTMLElement).Status)}></loft-project-card>`
    );
    await settled(el);
    expect(seen).to.deep.equal(['Pågående']);
  });

  it('accepts a JSON feed served as text/plain', async () => {
    const {el, errors, loads} = await card(`/faults/text-plain?key=${uniqueKey()}`);
    expect(facts(el).Status).to.equal('Pågående');
    expect(errors).to.have.length(0);
    expect(loads).to.have.length(1);
  });

  it('times out, and a retry asks the server again', async () => {
    const before = feedSettings.timeoutMs;
    feedSettings.timeoutMs = 300;
    const key = uniqueKey();
    try {
      const {el, errors} = await card(`/faults/slow?ms=1500&key=${key}`);
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['feed-timeout']);
      feedSettings.timeoutMs = 5000;
      el.shadowRoot!.querySelector('button')!.click();
      await waitUntil(() => facts(el).Status === 'Pågående', 'the retry did not load the feed', {timeout: 6000});
      expect(await requestCount(key)).to.equal(2);
    } finally {
      feedSettings.timeoutMs = before;
    }
  });

  it('takes the request the CDN loader started early, and times it out', async () => {
    const before = feedSettings.timeoutMs;
    feedSettings.timeoutMs = 300;
    const src = `/faults/slow?ms=1500&key=${uniqueKey()}`;
    const url = new URL(src, document.baseURI).href;
    try {
      // What the loader does for a tag on the page before the element's code has arrived.
      requestEarly(url);
      const early = (globalThis as {[key: symbol]: Map<string, FeedRequest>})[Symbol.for('loft-widgets.early-feed-requests')];
      const started = early.get(url)!;
      const {errors} = await card(src);
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['feed-timeout']);
      // The element ended that request (browsers hold a second request for the same URL
      // behind the first, so the server's count cannot tell).
      expect(started.abort.signal.aborted).to.equal(true);
      expect(early.has(url)).to.equal(false);
    } finally {
      feedSettings.timeoutMs = before;
    }
  });

  it('ends a request the CDN loader started early that no element takes, and only such a one', async () => {
    const before = earlySettings.untakenMs;
    earlySettings.untakenMs = 200;
    const early = (globalThis as {[key: symbol]: Map<string, FeedRequest>})[Symbol.for('loft-widgets.early-feed-requests')];
    const untaken = new URL(`/faults/slow?ms=1500&key=${uniqueKey()}`, document.baseURI).href;
    const taken = new URL(`/faults/slow?ms=1500&key=${uniqueKey()}`, document.baseURI).href;
    try {
      // An element's src changed before its code arrived: the request for the old one stays untaken.
      requestEarly(untaken);
      requestEarly(taken);
      const [left, took] = [early.get(untaken)!, requestFeed(taken)];
      await aTimeout(400);
      expect(left.abort.signal.aborted).to.equal(true);
      expect(early.has(untaken)).to.equal(false);
      // The one an element took is the element's to end (its own timeout covers it).
      expect(took.abort.signal.aborted).to.equal(false);
      took.abort.abort();
    } finally {
      earlySettings.untakenMs = before;
    }
  });

  /** A card on a big feed: the server sends megabytes, so allow more than the usual time. */
  async function bigCard(mb: number) {
    const errors = collect<LoftErrorEvent>('loft-error');
    const timeout = feedSettings.timeoutMs;
    feedSettings.timeoutMs = 40000; // two cores shared by three browsers
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${`/faults/large?mb=${mb}&key=${uniqueKey()}`} project="loft"></loft-project-card>`);
      await waitUntil(() => el.shadowRoot?.querySelector('[part="base"][aria-busy="false"]'), `the ${mb} MB feed did not finish loading`, {timeout: 40000});
      await el.updateComplete;
      return {el, errors: errors.events};
    } finally {
      feedSettings.timeoutMs = timeout;
      errors.stop();
    }
  }

  it('renders a 13 MB feed', async function () {
    this.timeout(45000);
    const {el, errors} = await bigCard(13);
    expect(facts(el).Projektnamn).to.equal('LOFT');
    expect(errors).to.have.length(0);
  });

  it('refuses a 25 MB feed as feed-too-large', async function () {
    this.timeout(45000);
    const {el, errors} = await bigCard(25);
    expect(alertText(el)).to.equal('Informationen är för stor för att kunna visas.');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['feed-too-large']);
    await expect(el).to.be.accessible();
  });

  it('ignores the response for a src that was replaced', async () => {
    const errors = collect<LoftErrorEvent>('loft-error');
    const loads = collect<Event>('loft-load');
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${`/faults/slow?ms=800&key=${uniqueKey()}`} project="loft"></loft-project-card>`);
      await aTimeout(100);
      el.src = `/faults/500?key=${uniqueKey()}`;
      await settled(el);
      expect(alertText(el)).to.contain('kunde inte hämtas');
      await aTimeout(1200); // the first response has arrived by now
      await el.updateComplete;
      expect(alertText(el)).to.contain('kunde inte hämtas');
      expect(facts(el)).to.deep.equal({});
      expect(loads.events).to.have.length(0);
      expect(errors.events.map((e) => e.detail.code)).to.deep.equal(['feed-unreachable']);
    } finally {
      errors.stop();
      loads.stop();
    }
  });

  it('shares one request between elements, and does not cache a failure', async () => {
    const key = uniqueKey();
    const src = `/faults/flaky?key=${key}`;
    const wrap = await fixture<HTMLElement>(html`<div>
      <loft-project-card src=${src} project="loft"></loft-project-card>
      <loft-project-card src=${src} project="loft"></loft-project-card>
    </div>`);
    const [a, b] = wrap.querySelectorAll('loft-project-card');
    await settled(a as HTMLElement);
    await settled(b as HTMLElement);
    expect(await requestCount(key)).to.equal(1);
    (a as LoftProjectCard).shadowRoot!.querySelector('button')!.click();
    await waitUntil(() => facts(a as HTMLElement).Status, 'retry failed');
    expect(await requestCount(key)).to.equal(2);
  });

  it('fetches without credentials', async () => {
    const original = window.fetch;
    const seen: RequestInit[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (seen.push(init ?? {}), original(input, init));
    try {
      await card(`/faults/feed?key=${uniqueKey()}`);
    } finally {
      window.fetch = original;
    }
    expect(seen[0].credentials).to.equal('omit');
    expect(seen[0].signal).to.be.instanceOf(AbortSignal);
  });
});

describe('feed: fatal and field-level problems', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('a project with a broken required field cannot be shown: path, rule and value for the editor', async () => {
    const feed = await referenceFeed();
    feed.projects[0].status = 'pågående';
    const {el, errors, warned} = await withData(feed);
    expect(alertText(el)).to.equal('Informationen har en form som inte kan visas.');
    const expected = "projects[0].status: expected one of planned, ongoing, completed, terminated, got 'pågående'";
    const fatal = errors.find((e) => e.detail.path === 'projects[0].status' && e.detail.code === 'feed-invalid');
    expect(fatal, 'loft-error with the path').to.exist;
    expect(fatal!.detail.message).to.contain(expected);
    expect(warned.filter((w) => w.includes(expected)).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('an id that is not in the feed is not-found, with the ids there are when none is close', async () => {
    const {el, errors, warned} = await withData(await referenceFeed(), 'nope');
    expect(alertText(el)).to.equal('Projektet kunde inte hittas.');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['not-found']);
    expect(warned.join()).to.contain('project="nope"').and.contain('The feed has "loft".');
  });

  it('a wrong version is fatal', async () => {
    const feed = await referenceFeed();
    feed.version = 2;
    const {el, errors, warned} = await withData(feed);
    expect(alertText(el)).to.equal('Informationen har en form som inte kan visas.');
    expect(errors.map((e) => [e.detail.code, e.detail.path])).to.deep.equal([['feed-version', 'version']]);
    expect(warned).to.have.length(1);
  });

  it('a broken optional field or reference is left out, reported once, and the rest rendered', async () => {
    const feed = await referenceFeed();
    feed.projects[0].website = 'javascript:alert(1)';
    feed.projects[0].startDate = '2021-3';
    feed.organizations[1].url = ' java\tscript:alert(1)';
    feed.projects[0].participants.push({organization: 'ghost', role: 'partner'});
    feed.projects[0].unknownField = {anything: true};
    const {el, errors, warned} = await withData(feed);
    expect(facts(el).Status).to.equal('Pågående');
    expect(Object.keys(facts(el))).not.to.include('Projektets webbplats');
    expect(Object.keys(facts(el))).not.to.include('Projektstart');
    expect(el.shadowRoot!.querySelector('a[href*="script"]')).to.be.null;
    const paths = errors.map((e) => e.detail.path);
    expect(paths).to.include.members(['projects[0].website', 'projects[0].startDate', 'organizations[1].url']);
    expect(paths.some((p) => /^projects\[0\]\.participants\[\d+\]\.organization$/.test(p!))).to.be.true;
    expect(errors.every((e) => e.detail.code === 'field-dropped')).to.be.true;
    expect(warned).to.have.length(errors.length);
    // The caller's object is left as it was.
    expect(feed.projects[0].website).to.equal('javascript:alert(1)');
    expect(feed.projects[0].participants.at(-1).organization).to.equal('ghost');
  });
});

describe('feed: hostile feeds', function () {
  this.timeout(30000);
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('200,000 empty projects before the real one: it is shown, the first problems reported, and the page keeps its turns', async () => {
    const feed = await referenceFeed();
    feed.projects = [...Array.from({length: 200_000}, () => ({})), ...feed.projects];
    const turns = countPauses();
    const {el, errors, warned} = await withData(feed, 'loft');
    turns.stop();
    expect(facts(el).Status).to.equal('Pågående');
    // The first 100 in full, then one event that counts the rest.
    expect(errors).to.have.length(101);
    expect(errors.every((e) => e.detail.code === 'feed-invalid')).to.be.true;
    expect(errors.at(-1)!.detail.message).to.match(/^…and 799900 more problems of this kind \(feed-invalid\)/);
    expect(warned.at(-1)).to.contain('…and 799970 more problems (800000 feed-invalid in all)');
    expect(turns.count(), 'turns the page got while the feed was checked').to.be.greaterThan(1);
  });

  it('an inline feed under 1 MB dense with objects is read in slices, to the same feed', async () => {
    const projects = [...Array.from({length: 100_000}, () => ({})), ...(await referenceFeed()).projects];
    const json = JSON.stringify({...(await referenceFeed()), projects});
    const errors = collect<LoftErrorEvent>('loft-error');
    const turns = countPauses();
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card project="loft"><script type="application/json">${json}</script></loft-project-card>`);
      await settled(el);
      turns.stop();
      expect(facts(el).Status).to.equal('Pågående');
      expect(errors.events).to.have.length(101);
      expect(turns.count()).to.be.greaterThan(1);
    } finally {
      errors.stop();
    }
  });

  it('a project named in 40,000 languages, in a feed read in slices (its name then checked in steps), is shown by its Swedish name with no problem, and the page keeps its turns', async () => {
    const feed = await referenceFeed();
    feed.projects[0].name = {sv: 'LOFT', ...Object.fromEntries(Array.from({length: 40_000}, (_, i) => [`en-x${i.toString(36)}`, `LOFT ${i}`]))};
    const errors = collect<LoftErrorEvent>('loft-error');
    const turns = countPauses();
    try {
      const el = await fixture<LoftProjectCard>(html`<loft-project-card project="loft"><script type="application/json">${JSON.stringify(feed)}</script></loft-project-card>`);
      await settled(el);
      turns.stop();
      expect(facts(el).Projektnamn).to.equal('LOFT');
      expect(errors.events, 'a valid feed').to.have.length(0);
      expect(turns.count()).to.be.greaterThan(1);
    } finally {
      errors.stop();
    }
  });

  it('an inline feed text is validated once while it is among the last 16 texts, and again after', async () => {
    const feed = await referenceFeed();
    feed.projects[0].website = `javascript:alert(${uniqueKey()})`;
    // Texts that differ only in trailing spaces: the same feed, each validated (and warned about) once.
    const text = (spaces: number) => JSON.stringify(feed) + ' '.repeat(spaces);
    const show = async (json: string) => {
      const {warned} = await warnings(async () => {
        const el = await fixture<LoftProjectCard>(html`<loft-project-card project="loft"><script type="application/json">${json}</script></loft-project-card>`);
        await settled(el);
        expect(facts(el).Status).to.equal('Pågående');
      });
      return warned.filter((w) => w.includes('javascript:alert')).length;
    };
    expect(await show(text(0)), 'first time').to.equal(1);
    expect(await show(text(0)), 'the same text again').to.equal(0);
    for (let i = 1; i <= 16; i++) expect(await show(text(i)), `text ${i}`).to.equal(1);
    expect(await show(text(0)), 'after 16 other texts').to.equal(1);
  });

  it('a value nested 100,000 levels deep is one wrong field', async () => {
    const feed = await referenceFeed();
    feed.projects[0].website = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    const {el, errors} = await withData(feed);
    expect(facts(el).Status).to.equal('Pågående');
    expect(errors.map((e) => [e.detail.code, e.detail.path])).to.deep.equal([['field-dropped', 'projects[0].website']]);
  });
});

describe("feed: editors' own words (labels)", () => {
  afterEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('replace built-in strings by message id, per language, with {placeholders}', async () => {
    await setPageLang('sv');
    const feed = await referenceFeed();
    feed.labels = {
      sv: {'summary': 'Om projektet', 'publisher-role': 'Så deltar {name}', 'status-ongoing': 'Pågår <b>nu</b>'},
      en: {'summary': 'About the project'},
    };
    const {el} = await withData(feed);
    expect(textOf(el.shadowRoot!.querySelector('[role="heading"]'))).to.equal('Om projektet');
    expect(facts(el)).to.include({'Så deltar RISE': 'Projektledare', Status: 'Pågår nu'});
    expect(el.shadowRoot!.querySelector('b')).to.be.null;
    await setPageLang('en');
    await el.updateComplete;
    expect(textOf(el.shadowRoot!.querySelector('[role="heading"]'))).to.equal('About the project');
    expect(facts(el).Status).to.equal('Ongoing');
  });

  it('take region-tagged languages, skip ids they do not have, and report an unknown {placeholder} instead of showing it', async () => {
    await setPageLang('sv');
    const feed = await referenceFeed();
    feed.labels = {'sv-FI': {'summary': 'Sammandrag {nope}', 'project-name': 'Projektets namn'}, sv: {'status': 'Läge'}, de: {'summary': 'Zusammenfassung'}};
    const {el, errors} = await withData(feed);
    expect(textOf(el.shadowRoot!.querySelector('[role="heading"]'))).to.equal('Sammanfattning');
    expect(errors.map((e) => e.detail.path)).to.deep.equal(['labels["sv-FI"].summary']);
    expect(facts(el)['Projektets namn']).to.equal('LOFT');
    expect(facts(el).Läge).to.equal('Pågående');
  });

  it("take a language's own tag before its regions, whatever the order they come in", async () => {
    await setPageLang('sv');
    const feed = await referenceFeed();
    feed.labels = {'sv-FI': {summary: 'Sammandrag', status: 'Läge'}, sv: {summary: 'Kort om projektet'}};
    const {el} = await withData(feed);
    expect(textOf(el.shadowRoot!.querySelector('[role="heading"]'))).to.equal('Kort om projektet');
    expect(facts(el).Läge).to.equal('Pågående');
  });

  it('look in at most 20 tables of one language, its own tag first, and in none past the first built-in language', async () => {
    await setPageLang('en');
    const feed = await referenceFeed();
    const labels: Record<string, Record<string, string>> = {};
    for (let i = 0; i < 3000; i++) labels[`en-x-${i}`] = {summary: `Variant ${i}`};
    labels['en-x-2999'] = {'project-name': 'Far down'};
    labels.en = {status: 'State'};
    feed.labels = labels;
    const {el} = await withData(feed);
    expect(textOf(el.shadowRoot!.querySelector('[role="heading"]'))).to.equal('Variant 0');
    expect(facts(el).State).to.equal('Ongoing');
    expect(facts(el)['Project name']).to.equal('LOFT');
    // A Swedish page stops at Swedish, which is built in: English tables are never made ready.
    const prepared: string[] = [];
    const sv = (await translatorFor('sv')).withLabels({...labels, sv: {status: 'Läge'}}, (messages) => (prepared.push(Object.keys(messages).join()), messages));
    expect(prepared).to.deep.equal(['status']);
    expect(sv.t('status')).to.equal('Läge');
  });
});

describe('feed: links', () => {
  const base = 'https://feeds.example.se/kommun/feed.json';
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '\\\\evil.example/x',
    '/\\evil.example',
    'https:\\\\evil.example',
    'http:evil.example',
    'https:/evil.example',
    'file:///etc/passwd',
    'blob:https://a/b',
    'mailto:a@b.se',
    'tel:+4610',
    'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'javascript\u200b:alert(1)',
    'https://evil.example\u2028/x',
    '\u202ehttps://x',
    '',
  ];
  for (const raw of hostile) {
    it(`refuses ${JSON.stringify(raw)}`, () => {
      expect(isAllowedUrl(raw)).to.equal(false);
      expect(resolveUrl(raw, base)).to.equal(undefined);
    });
  }

  it('resolves http(s) and relative URLs against the feed', () => {
    expect(resolveUrl('https://www.ri.se/sv', base)).to.equal('https://www.ri.se/sv');
    expect(resolveUrl('HTTP://example.se', base)).to.equal('http://example.se/');
    expect(resolveUrl('projekt/loft', base)).to.equal('https://feeds.example.se/kommun/projekt/loft');
    expect(resolveUrl('/om', base)).to.equal('https://feeds.example.se/om');
    expect(resolveUrl('?p=1#x', base)).to.equal('https://feeds.example.se/kommun/feed.json?p=1#x');
    expect(resolveUrl('javascript-guide.html', base)).to.equal('https://feeds.example.se/kommun/javascript-guide.html');
    // Not a scheme to the URL parser: a harmless path under the feed's own directory.
    expect(resolveUrl('javascript&colon;alert(1)', base)).to.equal('https://feeds.example.se/kommun/javascript&colon;alert(1)');
  });

  it('makes mailto: and tel: only from e-mail and phone values', () => {
    expect(mailtoUrl('anna@kommun.se')).to.equal('mailto:anna@kommun.se');
    expect(mailtoUrl('anna@kommun.se?bcc=all@x.se')).to.equal(undefined);
    expect(mailtoUrl('a@b.se\r\nBcc: x@y.se')).to.equal(undefined);
    expect(mailtoUrl('javascript:alert(1)//@x.se')).to.equal(undefined);
    // "(0)" is dialled only from inside the country: +46 0… reaches no one.
    expect(telUrl('+46 (0)10-516 50 00')).to.equal('tel:+46105165000');
    expect(telUrl('+44 ( 0 ) 20 7946 0000')).to.equal('tel:+442079460000');
    expect(telUrl('(08) 123 45 67')).to.equal('tel:081234567', 'a national number keeps its 0');
    expect(telUrl('javascript:1')).to.equal(undefined);
    expect(telUrl('123;ext=1')).to.equal(undefined);
  });
});

describe('feed: text', () => {
  it('shows control characters, CRLF, stray whitespace and HTML as plain tidy text', () => {
    expect(tidyText('  Rad ett\r\nrad\ttvå \u0007\u0000 ')).to.equal('Rad ett rad två');
    expect(tidyText('<p>Hej <b>där</b></p><script>alert(1)</script>')).to.equal('Hej där alert(1)');
    expect(tidyText('A &amp; B &lt;i&gt; &#x41; &#0; &bogus;')).to.equal('A & B <i> A &bogus;');
    expect(tidyText('a\u202eb\u200bc\ufeff')).to.equal('abc');
    expect(tidyText('<img src=x onerror=alert(1)>')).to.equal('');
  });

  it('keeps the combining marks of real writing, and drops those past the eighth on one letter', () => {
    // Vietnamese decomposed, Hebrew with points and cantillation, Tibetan stacks, Sami: as they are.
    for (const text of ['Tie\u0302\u0301ng Vie\u0323\u0302t', '\u05d1\u05bc\u05b0\u05e8\u05b5\u05d0\u05e9\u05b4\u05c1\u0596\u05d9\u05ea', '\u0f40\u0fb5\u0fa8\u0fb1\u0f71\u0f7e', 'Giitu, c\u030cielggas']) {
      expect(tidyText(text)).to.equal(text);
    }
    const zalgo = 'H' + '\u0301'.repeat(40) + 'ej' + '\u0489'.repeat(9);
    expect(tidyText(zalgo)).to.equal('H' + '\u0301'.repeat(8) + 'ej' + '\u0489'.repeat(8));
  });

  it("writes the editor's counts as toLocaleString('en') does, without Intl", () => {
    for (const n of [0, 7, 999, 1000, 13_000, 100_000, 1_234_567]) expect(grouped(n)).to.equal(n.toLocaleString('en'));
    fc.assert(fc.property(fc.nat(), (n) => grouped(n) === n.toLocaleString('en')), {numRuns: 500});
  });

  it('resolves LocalizedText: page language, feed language, Swedish, first available', () => {
    const text = {en: 'Ongoing', sv: 'Pågående', fi: 'Käynnissä'};
    expect(resolveText(text, ['fi', 'sv'], 'sv')).to.deep.equal({text: 'Käynnissä', lang: 'fi'});
    expect(resolveText({en: 'Ongoing', sv: 'Pågående'}, ['fi', 'en', 'sv'], 'en')).to.deep.equal({text: 'Ongoing', lang: 'en'});
    expect(resolveText({en: 'Ongoing', sv: 'Pågående'}, ['fi', 'de', 'sv'], 'de')).to.deep.equal({text: 'Pågående', lang: 'sv'});
    expect(resolveText({de: 'Laufend', nb: 'Pågår'}, ['fi', 'en', 'sv'], 'en')).to.deep.equal({text: 'Laufend', lang: 'de'});
    expect(resolveText({'sv-FI': 'Pågående'}, ['sv'], 'sv')).to.deep.equal({text: 'Pågående', lang: 'sv-FI'});
    expect(resolveText({sv: '  ', en: 'Ongoing'}, ['sv'], 'sv')).to.deep.equal({text: 'Ongoing', lang: 'en'});
    expect(resolveText('Pågående', ['en', 'sv'], 'sv')).to.deep.equal({text: 'Pågående', lang: 'sv'});
    // A Lule Sami page looks in Northern Sami before Swedish.
    expect(resolveText({sv: 'Pågående', se: 'Jođus'}, ['smj', 'se', 'sv'], 'sv')).to.deep.equal({text: 'Jođus', lang: 'se'});
  });

  it('resolves LocalizedText by the plain rule, whatever the case and region of its tags (property)', () => {
    // The rule, written plainly: among non-empty texts, the first of the best-ranked primary subtag.
    const plain = (value: Record<string, string>, wanted: string[]) => {
      let best: {text: string; lang: string} | undefined;
      let bestRank = Infinity;
      for (const lang in value) {
        const rank = wanted.includes(lang.toLowerCase().split('-')[0]) ? wanted.indexOf(lang.toLowerCase().split('-')[0]) : wanted.length;
        const text = tidyText(value[lang]);
        if (text && rank < bestRank) [best, bestRank] = [{text, lang}, rank];
      }
      return best;
    };
    const primaries = ['sv', 'en', 'fi', 'se', 'smj', 's', 'sve', 'fit'];
    const cased = (word: string, mask: number) => [...word].map((c, i) => (mask & (1 << i) ? c.toUpperCase() : c)).join('');
    const tag = fc.tuple(fc.constantFrom(...primaries), fc.nat(7), fc.constantFrom('', '-FI', '-fi', '-x-a', '-SE')).map(([p, mask, rest]) => cased(p, mask) + rest);
    const value = fc.dictionary(tag, fc.constantFrom('text', 'ord', '', ' '), {maxKeys: 8});
    const wanted = fc.uniqueArray(fc.constantFrom(...primaries), {minLength: 1, maxLength: 4});
    fc.assert(
      fc.property(value, wanted, (v, w) => {
        expect(resolveText(v, w, 'sv')).to.deep.equal(plain(v, w));
      }),
      {numRuns: 2000}
    );
    expect(resolveText({SV: 'a'}, ['sv'], 'en')).to.deep.equal({text: 'a', lang: 'SV'});
    expect(resolveText({en: 'b', 'sV-fi': 'a'}, ['sv', 'en'], 'en')).to.deep.equal({text: 'a', lang: 'sV-fi'});
    // "sve" is not Swedish, however it begins.
    expect(resolveText({sve: 'b', s: 'c', sv: 'a'}, ['sv'], 'en')).to.deep.equal({text: 'a', lang: 'sv'});
  });

  it('formats full and partial dates, never in English on a page that is not English', async () => {
    const [sv, en, fi, zz] = await Promise.all(['sv', 'en', 'fi', 'zz'].map((lang) => translatorFor(lang)));
    expect(formatDate('2023-09-01', sv)).to.equal('1 september 2023');
    expect(formatDate('2023-09', en)).to.equal('September 2023');
    expect(formatDate('2023', fi)).to.equal('2023');
    expect(formatDate('0099-01-01', en)).to.contain('99');
    // A language the browser cannot format: the chain's next (Swedish), not English.
    expect(formatDate('2023-09-01', zz)).to.equal('1 september 2023');
  });
});
