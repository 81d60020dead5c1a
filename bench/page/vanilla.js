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

let months;
/** An ISO date in Swedish words, with `Intl` as the element does it ("september 2023"; made when a card first has a date). */
function date(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  if (!month) return String(year);
  months ??= new Map();
  const parts = day ? 3 : 2;
  if (!months.has(parts)) months.set(parts, new Intl.DateTimeFormat('sv', {timeZone: 'UTC', year: 'numeric', month: 'long', day: day ? 'numeric' : undefined}));
  return months.get(parts).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}

/** The summary card (the fact box) of one project. */
export function summaryCard(feed, projectId, level = 2) {
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
      'div',
      {class: 'card'},
      h('div', {part: 'heading', class: 'heading', id: 'heading', role: 'heading', 'aria-level': String(level)}, 'Sammanfattning'),
      h(
        'dl',
        {part: 'facts', class: 'facts'},
        row('Projektnamn', text(project.name)),
        row('Status', h('span', {class: 'status', 'data-status': project.status}, STATUS[project.status])),
        own ? row(`${text(orgs.get(own.organization).name)} roll i projektet`, ROLE[own.role]) : undefined,
        project.startDate ? row('Projektstart', date(project.startDate)) : undefined,
        project.endDate === null && project.status === 'ongoing' ? row('Varaktighet', 'Löpande') : project.startDate && project.endDate ? row('Varaktighet', `${date(project.startDate)} – ${date(project.endDate)}`) : undefined,
        others.length ? row('Partner', partners) : undefined
      )
    )
  );
}

/** Text shortened the way the compact card does it (src/feed/view.ts `shorten`, 240 characters). */
function shorten(t, max = 240) {
  if (!t || t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '') + '…';
}

/** The compact card (src/elements/project-card/compact.ts). */
function compactCard(p, level) {
  const name = text(p.name) ?? p.id;
  const href = p.url ?? p.website;
  return h(
    'div',
    {class: 'compact'},
    h('div', {part: 'heading', class: 'heading', role: 'heading', 'aria-level': String(level)}, href ? h('a', {href}, name) : name),
    p.title ? h('p', null, text(p.title)) : undefined,
    h('p', {class: 'status', 'data-status': p.status}, `Status: ${STATUS[p.status]}`),
    p.summary ? h('p', null, shorten(text(p.summary))) : undefined
  );
}

const option = (value, label, selected) => {
  const el = h('option', {value}, label);
  if (value === selected) el.selected = true;
  return el;
};

/**
 * What `<loft-project-list>` renders for a feed (src/elements/project-list/project-list.ts):
 * the heading, the search and filter form (statuses and organisations that occur, sorted),
 * the result count, the first `pageSize` compact cards by name, and "Visa fler".
 */
export function compactList(feed, pageSize = 20) {
  const collator = new Intl.Collator('sv', {numeric: true});
  const used = new Map();
  const entries = feed.projects.map((project) => {
    for (const p of project.participants) used.set(p.organization, (used.get(p.organization) ?? 0) + 1);
    return {project, name: text(project.name) ?? project.id, key: [text(project.name), text(project.title), text(project.summary)].join(' ').normalize('NFD').toLowerCase()};
  });
  entries.sort((a, b) => collator.compare(a.name, b.name));
  const statuses = Object.keys(STATUS).filter((s) => entries.some((e) => e.project.status === s));
  // The filter offers the 300 organisations in the most projects, as the element's does (AT_MOST.filterOrganizations).
  let offered = feed.organizations.filter((o) => used.has(o.id));
  if (offered.length > 300) offered = offered.sort((a, b) => used.get(b.id) - used.get(a.id)).slice(0, 300);
  const organizations = offered.map((o) => ({id: o.id, name: text(o.name) ?? o.id})).sort((a, b) => collator.compare(a.name, b.name));
  const field = (id, label, control, extra = '') => h('div', {part: 'field', class: `field${extra}`}, h('label', {for: id}, label), control);
  const shown = entries.slice(0, pageSize);
  return h(
    'div',
    {part: 'base', class: 'base', tabindex: '-1', 'aria-busy': 'false'},
    h(
      'section',
      {'aria-labelledby': 'heading'},
      h('div', {part: 'heading', class: 'heading', id: 'heading', role: 'heading', 'aria-level': '2'}, 'Projekt'),
      h(
        'form',
        {part: 'form', class: 'filters', role: 'search', 'aria-labelledby': 'heading'},
        field('q', 'Sök bland projekten', h('input', {id: 'q', type: 'search', autocomplete: 'off'}), ' search'),
        field('status', 'Status', h('select', {id: 'status'}, option('', 'Alla', ''), ...statuses.map((s) => option(s, STATUS[s], '')))),
        field('organization', 'Organisation', h('select', {id: 'organization'}, option('', 'Alla', ''), ...organizations.map((o) => option(o.id, o.name, '')))),
        field('sort', 'Sortera efter', h('select', {id: 'sort'}, option('name', 'Namn', 'name'), option('start', 'Startdatum, senaste först', 'name')))
      ),
      // The element fills in the count a task after its first render (a live region must exist
      // before it changes), so at the moment measured it is empty.
      h('p', {class: 'count', role: 'status'}),
      shown.length ? h('ul', {part: 'list', class: 'projects'}, ...shown.map((e, i) => h('li', {part: 'item', class: 'item', tabindex: '-1', 'data-index': String(i)}, compactCard(e.project, 3)))) : undefined,
      entries.length > shown.length ? h('button', {type: 'button', class: 'button more'}, 'Visa fler') : undefined
    )
  );
}

/** What `<loft-member-list>` renders for a project's members (src/elements/member-list/member-list.ts). */
export function memberList(feed, projectId, level = 2) {
  const project = feed.projects.find((p) => p.id === projectId);
  const people = new Map(feed.people.map((p) => [p.id, p]));
  const orgs = new Map(feed.organizations.map((o) => [o.id, o]));
  const ROLES = {'project-manager': 'Projektledare', contact: 'Kontaktperson', researcher: 'Forskare', member: 'Projektmedlem', 'principal-investigator': 'Huvudsökande'};
  const person = (m) => {
    const p = people.get(m.person);
    const name = text(p.name) ?? p.id;
    const call = p.givenName ?? name;
    const initials = name.split(/[\s-]+/).filter(Boolean).map((x) => x[0].toUpperCase()).filter((_, i, all) => i === 0 || i === all.length - 1).join('');
    const roles = m.roles.map((r) => (typeof r === 'string' ? ROLES[r] : text(r.label) ?? ROLES[r.code])).filter(Boolean);
    const org = p.organization ? orgs.get(p.organization) : undefined;
    const photo = p.image?.url ? h('img', {src: p.image.url, alt: text(p.image.alt) ?? '', loading: 'lazy', decoding: 'async', width: '96', height: '96'}) : h('span', {'aria-hidden': 'true'}, initials);
    const canContact = p.contactForm !== undefined || project.contactForm !== undefined;
    return h(
      'li',
      {part: 'item', class: 'person'},
      h('div', {part: 'photo', class: 'photo'}, photo),
      h(
        'div',
        {class: 'about'},
        h('div', {class: 'name', role: 'heading', 'aria-level': String(level + 1)}, name),
        p.title ? h('div', {class: 'muted'}, text(p.title)) : undefined,
        org ? h('div', {class: 'muted'}, text(org.name)) : undefined,
        roles.length ? h('ul', {part: 'roles', class: 'roles'}, ...roles.map((r) => h('li', null, r))) : undefined,
        p.profileUrl ? h('a', {class: 'more', href: p.profileUrl, ...(call !== name ? {'aria-label': `Läs mer om ${name}`} : {})}, `Läs mer om ${call}`) : undefined,
        canContact
          ? h('button', {type: 'button', class: 'button contact', id: `open-${p.id}`, 'aria-expanded': 'false', 'aria-controls': `panel-${p.id}`, ...(call !== name ? {'aria-label': `Kontakta ${name}`} : {})}, `Kontakta ${call}`)
          : undefined
      )
    );
  };
  return h(
    'div',
    {part: 'base', class: 'base', tabindex: '-1', 'aria-busy': 'false'},
    h(
      'section',
      {'aria-labelledby': 'heading'},
      h('div', {part: 'heading', class: 'heading', id: 'heading', role: 'heading', 'aria-level': String(level)}, 'Projektmedlemmar'),
      h('ul', {part: 'list', class: 'people'}, ...(project.members ?? []).map(person))
    )
  );
}

/**
 * What `<loft-project>` renders (src/elements/project/project.ts): title, description,
 * quotes, then the summary card and the member list as nested shadow hosts with their own
 * styles, as the element nests `<loft-project-card>` and `<loft-member-list>`.
 * `css` maps a tag to its CSS text.
 */
export function projectPage(feed, projectId, css) {
  const project = feed.projects.find((p) => p.id === projectId);
  const orgs = new Map(feed.organizations.map((o) => [o.id, o]));
  const nested = (tag, part, content) => {
    const el = h('div', {part, class: 'nested'});
    const root = el.attachShadow({mode: 'open'});
    root.adoptedStyleSheets = [sheetFor(css(tag))];
    root.append(content);
    return el;
  };
  const quotes = project.quotes ?? [];
  return h(
    'div',
    {part: 'base', class: 'base', tabindex: '-1', 'aria-busy': 'false'},
    h(
      'article',
      {'aria-labelledby': 'heading'},
      h('div', {part: 'heading', class: 'heading title', id: 'heading', role: 'heading', 'aria-level': '2'}, text(project.title) ?? text(project.name) ?? project.id),
      project.description?.length ? h('div', {class: 'description'}, ...project.description.map((d) => h('p', null, text(d)))) : undefined,
      quotes.length
        ? h(
            'div',
            {class: 'quotes'},
            ...quotes.map((q) => {
              const org = q.organization ? orgs.get(q.organization) : undefined;
              const attribution = [q.name, text(q.title), org ? text(org.name) : undefined].filter(Boolean).join(', ');
              return h('figure', {part: 'quote', class: 'quote'}, h('blockquote', null, text(q.text)), h('figcaption', null, `— ${attribution}`));
            })
          )
        : undefined,
      nested('loft-project-card', 'summary', summaryCard(feed, projectId, 3)),
      project.members?.length ? nested('loft-member-list', 'members', memberList(feed, projectId, 3)) : undefined
    )
  );
}
