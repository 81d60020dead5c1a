/**
 * Server-rendered snippets (`npx loft-widgets render`): what a visitor without JavaScript
 * sees, what the CDN bundle does to them (hydration: the same text, the same nodes, no
 * layout shift), and the JSON-LD a crawler reads. The pages (/ssr/<element>.html, rendered
 * at request time by test/server/embed.mjs under the strict CSP) open in iframes.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {SEED_FACTS} from './helpers/seed-facts.js';

type SsrWindow = Window & typeof globalThis & {
  __embed?: {violations: string[]; errors: string[]};
  __ssr: {before: string[][]; headings: (Element | null)[]; shifts: number[]; texts(root: Node): string[]};
};

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens /ssr/<element>.html in an iframe; `scripts: false` opens it as a browser with JavaScript off would. */
async function open(element: string, query: Record<string, string>, {scripts = true} = {}) {
  const frame = document.createElement('iframe');
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.cssText = 'width:720px;height:2400px;border:0;display:block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = `/ssr/${element}.html?${new URLSearchParams({...query, load: Math.random().toString(36).slice(2)})}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const widget = doc.querySelector<HTMLElement>(element)!;
  return {win: frame.contentWindow as SsrWindow, doc, widget};
}

/** Every text node with a box in a shadow tree and the shadow trees inside it (what a sighted visitor reads). */
function visibleTexts(root: Node, out: string[] = []): string[] {
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
      const range = node.ownerDocument!.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) out.push(node.textContent!.trim());
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    if ((node as Element).shadowRoot) visibleTexts((node as Element).shadowRoot!, out);
    visibleTexts(node, out);
  }
  return out;
}

/** Waits until the bundle has hydrated the widget and its feed task (and those of nested widgets) is done. */
async function hydrated(win: SsrWindow, widget: HTMLElement): Promise<void> {
  await waitUntil(() => (widget as any).hasUpdated, 'the bundle did not hydrate the widget', {timeout: 8000});
  const all = [widget, ...widget.shadowRoot!.querySelectorAll<HTMLElement>('loft-project-card, loft-member-list')];
  await waitUntil(() => all.every((el) => (el as any).hasUpdated && (el as any)._task?.pending === false), 'the feed tasks did not finish', {timeout: 8000});
  await Promise.all(all.map((el) => (el as any).updateComplete));
  await new Promise((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0)));
}

describe('server-rendered snippets', () => {
  it('show every fact of the seed page without JavaScript, and keep readable content inside the tag', async () => {
    const {widget} = await open('loft-project', {project: 'loft', 'heading-level': '1'}, {scripts: false});
    expect(widget.shadowRoot, 'the Declarative Shadow DOM was not attached').to.exist;
    const shown = visibleTexts(widget.shadowRoot!).join('\n');
    for (const fact of SEED_FACTS) expect(shown).to.include(fact);
    // Hidden by the shadow root, there for crawlers and browsers without Declarative Shadow DOM.
    const light = widget.textContent!;
    for (const fact of SEED_FACTS) expect(light).to.include(fact);
    expect(widget.querySelector(':scope > article > h1')!.textContent).to.equal('LOFT – Leda och organisera förnyelse och transformation');
    expect([...widget.querySelectorAll(':scope > article dl dt')].map((dt) => dt.textContent)).to.include('RISE roll i projektet');
  });

  it('hide the buttons that need JavaScript when it is off', async () => {
    const {widget} = await open('loft-member-list', {project: 'loft'}, {scripts: false});
    const button = widget.shadowRoot!.querySelector('button.contact')!;
    expect(button).to.exist;
    expect(button.getBoundingClientRect().height).to.equal(0);
  });

  for (const lang of ['sv', 'en', 'fi']) {
    it(`hydrate with the bundle without changing a word or a node (${lang})`, async () => {
      const {win, widget} = await open('loft-project', {project: 'loft', lang, bundle: '1'});
      await hydrated(win, widget);
      const [before] = win.__ssr.before;
      expect(before.length).to.be.greaterThan(20);
      expect(win.__ssr.texts(widget.shadowRoot!)).to.deep.equal(before);
      // The same heading node: hydration adopted the server's DOM instead of rendering anew.
      expect(win.__ssr.headings[0]!.isConnected).to.be.true;
      expect(widget.shadowRoot!.querySelector('[part="heading"]')).to.equal(win.__ssr.headings[0]);
      expect(win.__embed).to.deep.equal({violations: [], errors: []});
    });
  }

  it('hydrate every element without changing its text', async function () {
    // Four pages, one after another: WebKit on a loaded CI machine took over the default 10 s once.
    this.timeout(30_000);
    const cases: [string, Record<string, string>][] = [
      ['loft-project-card', {project: 'loft'}],
      ['loft-project-card', {project: 'loft', variant: 'compact'}],
      ['loft-member-list', {project: 'loft'}],
      ['loft-project-list', {'page-size': '2'}],
    ];
    for (const [element, query] of cases) {
      const {win, widget} = await open(element, {...query, bundle: '1'});
      await hydrated(win, widget);
      expect(win.__ssr.texts(widget.shadowRoot!), element).to.deep.equal(win.__ssr.before[0]);
      expect(win.__embed, element).to.deep.equal({violations: [], errors: []});
    }
  });

  it('hydrate with no layout shift (Chromium measures them)', async function () {
    const {win, widget} = await open('loft-project', {project: 'loft', bundle: '1'});
    if (!win.PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) this.skip();
    await hydrated(win, widget);
    expect(win.__ssr.shifts).to.deep.equal([]);
  });

  it("keep the focus of a visitor who chose a list's filter before the feed arrived", async () => {
    const {win, widget} = await open('loft-project-list', {'page-size': '2', bundle: '1', 'feed-delay': '1500'});
    // The server's select, focused while the bundle waits for the feed to hydrate.
    expect((widget as any).hasUpdated).to.not.equal(true);
    const server = widget.shadowRoot!.querySelector<HTMLSelectElement>('#status')!;
    server.focus();
    expect(widget.shadowRoot!.activeElement).to.equal(server);
    await hydrated(win, widget);
    const own = widget.shadowRoot!.querySelector<HTMLSelectElement>('#status')!;
    expect(own === server, "the element's own select took the place of the server's").to.equal(false);
    expect(widget.shadowRoot!.activeElement === own, 'focus is on the select that took its place').to.equal(true);
  });

  it('then behave as live widgets (the contact button opens the form)', async () => {
    const {win, widget} = await open('loft-member-list', {project: 'loft', bundle: '1'});
    await hydrated(win, widget);
    const button = widget.shadowRoot!.querySelector<HTMLButtonElement>('button.contact')!;
    button.click();
    await waitUntil(() => widget.shadowRoot!.querySelector('loft-contact-form')?.shadowRoot?.querySelector('[data-field]'), 'the contact form did not open', {timeout: 8000});
    expect(button.getAttribute('aria-expanded')).to.equal('true');
  });

  it('carry the project as schema.org JSON-LD that says what the feed says', async () => {
    const {widget} = await open('loft-project', {project: 'loft'}, {scripts: false});
    const data = JSON.parse(widget.querySelector(':scope > script[type="application/ld+json"]')!.textContent!);
    const feed = await (await fetch('/demo/feeds/loft.feed.json')).json();
    const project = feed.projects[0];
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('ResearchProject');
    expect(data.name).to.equal(project.name);
    expect(data.alternateName).to.equal(project.title.sv);
    expect(data.keywords.termCode).to.equal(project.status);
    const byType = (type: string) => data.member.filter((m: any) => m.member['@type'] === type);
    const orgs = data.member.filter((m: any) => m.member['@type'] !== 'Person');
    expect(orgs.map((m: any) => m.member.url)).to.deep.equal(project.participants.map((p: any) => `${feed.organizations.find((o: any) => o.id === p.organization).url}/`));
    expect(orgs.map((m: any) => m.roleName)).to.deep.equal(['Projektledare', ...Array(7).fill('Partner')]);
    const people = byType('Person');
    expect(people.map((m: any) => m.member.name)).to.deep.equal(project.members.map((m: any) => feed.people.find((p: any) => p.id === m.person).name));
    expect(people[0].roleName).to.deep.equal(['Kontaktperson', 'Projektledare']);
    expect(people[0].member['@id']).to.equal('https://www.ri.se/sv/person/amanda-sundberg#person');
    expect(data.contactPoint.name).to.equal('Amanda Sundberg');
  });
});

/** Opens a host page of test/embed/ (/embed/<page>.html, under its CSP) in an iframe. */
async function openHost(page: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:720px;height:2400px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = `/embed/${page}.html?load=${Math.random()}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return {frame, win: frame.contentWindow as SsrWindow, doc: frame.contentDocument!};
}

describe('what a screen reader meets', () => {
  // Chromium's accessibility tree (through CDP: web-test-runner.config.mjs's ax-outline) of the
  // snippet with JavaScript off and of the live element rendered in the browser alone: the
  // same headings (level and name) and the same lists (how many items), in the same order.
  const cases: [string, Record<string, string>][] = [
    ['loft-project', {project: 'loft', 'heading-level': '1'}],
    ['loft-project-card', {project: 'loft'}],
    ['loft-project-card', {project: 'loft', variant: 'compact', 'heading-level': '3'}],
    ['loft-member-list', {project: 'loft'}],
    ['loft-project-list', {'page-size': '2'}],
  ];
  for (const [element, query] of cases) {
    it(`the same headings and lists in a server-rendered ${element}${query.variant ? ` (${query.variant})` : ''} without JavaScript as in the live one (Chromium)`, async function () {
      const outline = (frame: string) => executeServerCommand<string[] | false, {frame: string}>('ax-outline', {frame});
      const live = await open(element, {...query, live: '1'});
      await hydrated(live.win, live.widget);
      const liveOutline = await outline(live.win.location.search);
      if (liveOutline === false) this.skip();
      const server = await open(element, query, {scripts: false});
      expect(server.widget.shadowRoot, 'no Declarative Shadow DOM').to.exist;
      const serverOutline = await outline(server.win.location.search);
      expect(liveOutline!.filter((line) => line.startsWith('heading')).length, 'no heading at all').to.be.above(0);
      expect(serverOutline).to.deep.equal(liveOutline);
    });
  }
});

describe('live widgets', () => {
  it('put the same JSON-LD in their light DOM under the strict CSP, with no Trusted Types violation', async () => {
    const {win} = await open('loft-project', {project: 'loft'}, {scripts: false});
    const server = JSON.parse(win.document.querySelector('loft-project > script[type="application/ld+json"]')!.textContent!);
    const {frame, doc} = await openHost('strict-csp');
    await waitUntil(() => doc.querySelector('#project > script[type="application/ld+json"]'), 'no JSON-LD in the live element', {timeout: 8000});
    const data = JSON.parse(doc.querySelector('#project > script[type="application/ld+json"]')!.textContent!);
    // The same facts; @ids are stable across pages (this page's feed URL is the same one).
    expect(data).to.deep.equal(server);
    expect(doc.querySelector('#card-src > script[type="application/ld+json"]')).to.exist;
    expect((frame.contentWindow as SsrWindow).__embed).to.deep.equal({violations: [], errors: []});
  });
});

describe('live JSON-LD', () => {
  /** The JSON-LD in a host page's element, parsed; undefined while there is none. */
  const jsonLdIn = (doc: Document, id: string) => {
    const script = doc.querySelector(`#${id} > script[type="application/ld+json"]`);
    return script ? JSON.parse(script.textContent!) : undefined;
  };

  it("follows the element's language, and the page's", async () => {
    const {win, doc} = await openHost('strict-csp');
    await waitUntil(() => jsonLdIn(doc, 'project') && jsonLdIn(doc, 'card-src'), 'no JSON-LD in the live elements', {timeout: 8000});
    expect(jsonLdIn(doc, 'project').keywords.name).to.equal('Pågående');
    doc.getElementById('project')!.setAttribute('lang', 'en');
    await waitUntil(() => jsonLdIn(doc, 'project').keywords.name === 'Ongoing', 'the JSON-LD stayed Swedish after lang="en"', {timeout: 8000});
    expect(jsonLdIn(doc, 'project').member[0].roleName).to.equal('Project leader');
    // The page's language reaches every widget without a lang of its own (Finnish loads lazily).
    doc.documentElement.lang = 'fi';
    await waitUntil(() => jsonLdIn(doc, 'card-src').keywords.name === 'Käynnissä', 'the card\'s JSON-LD did not follow <html lang="fi">', {timeout: 8000});
    expect(jsonLdIn(doc, 'project').keywords.name).to.equal('Ongoing');
    expect(win.__embed).to.deep.equal({violations: [], errors: []});
  });

  it('of a project list is an ItemList of the projects it shows, the same as the server writes', async () => {
    const {doc} = await openHost('strict-csp');
    await waitUntil(() => jsonLdIn(doc, 'list'), 'no JSON-LD in the live list', {timeout: 8000});
    const data = jsonLdIn(doc, 'list');
    const list = doc.getElementById('list')!;
    const headings = [...list.shadowRoot!.querySelectorAll('.compact [role="heading"]')].map((h) => h.textContent!.trim());
    expect(data['@type']).to.equal('ItemList');
    expect(data.numberOfItems).to.equal((await (await fetch('/demo/feeds/exempelby.feed.json')).json()).projects.length);
    expect(data.itemListElement.map((e: any) => e.position)).to.deep.equal(data.itemListElement.map((_: unknown, i: number) => i + 1));
    expect(data.itemListElement.map((e: any) => e.item.name)).to.deep.equal(headings);
    // Each project by the @id its own card's JSON-LD gives it.
    const card = jsonLdIn(doc, 'card-compact');
    expect(data.itemListElement.find((e: any) => e.item.name === card.name).item['@id']).to.equal(card['@id']);
    const {widget} = await open('loft-project-list', {}, {scripts: false});
    expect(JSON.parse(widget.querySelector(':scope > script[type="application/ld+json"]')!.textContent!)).to.deep.equal(data);
    // A visitor's search: the JSON-LD follows the projects shown.
    (list as HTMLElement & {q: string}).q = 'loft';
    const shown = () => [...list.shadowRoot!.querySelectorAll('.compact [role="heading"]')].map((h) => h.textContent!.trim());
    await waitUntil(() => shown().length === 1 && jsonLdIn(doc, 'list').numberOfItems === 1, 'the JSON-LD did not follow the search', {timeout: 8000});
    expect(jsonLdIn(doc, 'list').itemListElement.map((e: any) => e.item.name)).to.deep.equal(shown());
  });
});

describe('JSON-LD under Trusted Types', () => {
  // Why live widgets need a policy of their own (loft-jsonld) for their JSON-LD: a data
  // block built without one is reported like a script, although it never runs. When this
  // test fails, the engine no longer does so, and the policy could go (docs/embed/README.md).
  it('a <script type="application/ld+json"> given its text as a text node is a Trusted Types violation too', async function () {
    const {win, doc} = await openHost('blank');
    if (!('trustedTypes' in win)) this.skip();
    const script = doc.createElement('script');
    script.type = 'application/ld+json';
    script.append(doc.createTextNode('{"@context":"https://schema.org","@type":"ResearchProject","name":"LOFT"}'));
    doc.body.append(script);
    await waitUntil(() => win.__embed!.violations.length, 'no violation was reported', {timeout: 3000});
    expect(win.__embed!.violations).to.have.length(1);
    expect(win.__embed!.violations[0]).to.match(/^require-trusted-types-for /);
    // The text is there all the same: only running it is refused, and a data block never runs.
    expect(JSON.parse(script.textContent!).name).to.equal('LOFT');
  });
});
