// Hand-written vanilla-DOM baselines: the same markup as the loft elements, built with
// createElement from the same JSON text, into a shadow root with the same CSS. What the
// widgets cost is measured against these.
const STATUS = {planned: 'Planerat', ongoing: 'Pågående', completed: 'Avslutat', terminated: 'Avbrutet'};
const ROLE = {lead: 'Projektledare', coordinator: 'Koordinator', partner: 'Partner', funder: 'Finansiär', associated: 'Associerad partner', contractor: 'Utförare'};
const text = (t) => (t === undefined ? undefined : typeof t === 'string' ? t : (t.sv ?? Object.values(t)[0]));

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
  el.append(...children.filter((c) => c !== undefined && c !== null));
  return el;
}

const sheets = new Map();

/** One constructed stylesheet per CSS text, shared by every host (as Lit shares a class's styles). */
export function sheetFor(cssText) {
  if (!sheets.has(cssText)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  return sheets.get(cssText);
}

/** A shadow root with the given CSS, like a Lit element's. */
export function shadowHost(container, cssText) {
  const host = document.createElement('div');
  container.append(host);
  const root = host.attachShadow({mode: 'open'});
  root.adoptedStyleSheets = [sheetFor(cssText)];
  return root;
}

/** The summary card (the fact box) of one project. */
export function summaryCard(feed, projectId) {
  const project = feed.projects.find((p) => p.id === projectId);
  const orgs = new Map(feed.organizations.map((o) => [o.id, o]));
  const row = (label, ...value) => h('div', {class: 'row'}, h('dt', null, label), h('dd', null, ...value));
  const own = project.participants.find((p) => p.organization === feed.publisher);
  const others = project.participants.filter((p) => p !== own);
  const partners = h(
    'ul',
    {part: 'list', class: 'partners'},
    ...others.map((p, i) => {
      const org = orgs.get(p.organization);
      const name = text(org.name);
      return h('li', {part: 'item'}, org.url ? h('a', {href: org.url}, name) : name, p.role !== 'partner' ? ` (${ROLE[p.role]})` : undefined, i < others.length - 1 ? ', ' : undefined);
    })
  );
  return h(
    'div',
    {part: 'base', class: 'base', tabindex: '-1', 'aria-busy': 'false'},
    h(
      'section',
      {class: 'card', 'aria-labelledby': 'heading'},
      h('div', {part: 'heading', class: 'heading', id: 'heading', role: 'heading', 'aria-level': '2'}, 'Sammanfattning'),
      h(
        'dl',
        {part: 'facts', class: 'facts'},
        row('Projektnamn', text(project.name)),
        row('Status', h('span', {class: 'status', 'data-status': project.status}, STATUS[project.status])),
        own ? row(`${text(orgs.get(own.organization).name)} roll i projektet`, ROLE[own.role]) : undefined,
        project.endDate === null && project.status === 'ongoing' ? row('Varaktighet', 'Löpande') : undefined,
        others.length ? row('Partner', partners) : undefined
      )
    )
  );
}

/** A compact card per project, for the list benchmark (name, title, status, summary, link). */
export function compactList(feed) {
  return h(
    'ul',
    {part: 'list', class: 'list'},
    ...feed.projects.map((p) =>
      h(
        'li',
        {part: 'item', class: 'item'},
        h(
          'article',
          {class: 'card'},
          h('div', {role: 'heading', 'aria-level': '3', class: 'heading'}, p.url ? h('a', {href: p.url}, text(p.name)) : text(p.name)),
          p.title ? h('p', {class: 'title'}, text(p.title)) : undefined,
          h('span', {class: 'status', 'data-status': p.status}, STATUS[p.status]),
          p.summary ? h('p', null, text(p.summary)) : undefined
        )
      )
    )
  );
}

/** The whole project page: title, description, quotes, summary, members. */
export function projectPage(feed, projectId) {
  const project = feed.projects.find((p) => p.id === projectId);
  const people = new Map(feed.people.map((p) => [p.id, p]));
  return h(
    'article',
    {part: 'base', class: 'base'},
    h('div', {role: 'heading', 'aria-level': '2', class: 'heading'}, text(project.title ?? project.name)),
    ...(project.description ?? []).map((d) => h('p', null, text(d))),
    ...(project.quotes ?? []).map((q) => h('figure', null, h('blockquote', null, h('p', null, text(q.text))), h('figcaption', null, q.name, q.title ? `, ${text(q.title)}` : undefined))),
    summaryCard(feed, projectId),
    h(
      'ul',
      {part: 'list', class: 'members'},
      ...(project.members ?? []).map((m) => {
        const person = people.get(m.person);
        return h('li', {part: 'item'}, h('div', {role: 'heading', 'aria-level': '3'}, text(person.name)), person.profileUrl ? h('a', {href: person.profileUrl}, `Läs mer om ${person.givenName ?? text(person.name)}`) : undefined);
      })
    )
  );
}
