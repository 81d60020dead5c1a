// The same summary card built with React 19 (react + react-dom from the npm registry), as
// a web team would otherwise write it. Bundled by bench/run.mjs with esbuild (minified,
// production) and measured the same way as the loft bundle.
import {createElement as h} from 'react';
import {createRoot} from 'react-dom/client';
import {flushSync} from 'react-dom';

const STATUS = {planned: 'Planerat', ongoing: 'Pågående', completed: 'Avslutat', terminated: 'Avbrutet'};
const ROLE = {lead: 'Projektledare', coordinator: 'Koordinator', partner: 'Partner', funder: 'Finansiär', associated: 'Associerad partner', contractor: 'Utförare'};
const text = (t) => (t === undefined ? undefined : typeof t === 'string' ? t : (t.sv ?? Object.values(t)[0]));

function Row({label, children}) {
  return h('div', {className: 'row'}, h('dt', null, label), h('dd', null, children));
}

function SummaryCard({feed, projectId}) {
  const project = feed.projects.find((p) => p.id === projectId);
  const orgs = new Map(feed.organizations.map((o) => [o.id, o]));
  const own = project.participants.find((p) => p.organization === feed.publisher);
  const others = project.participants.filter((p) => p !== own);
  return h(
    'div',
    {className: 'base'},
    h(
      'section',
      {className: 'card', 'aria-labelledby': 'heading'},
      h('div', {className: 'heading', id: 'heading', role: 'heading', 'aria-level': 2}, 'Sammanfattning'),
      h(
        'dl',
        {className: 'facts'},
        h(Row, {label: 'Projektnamn'}, text(project.name)),
        h(Row, {label: 'Status'}, h('span', {className: 'status'}, STATUS[project.status])),
        own && h(Row, {label: `${text(orgs.get(own.organization).name)} roll i projektet`}, ROLE[own.role]),
        project.endDate === null && project.status === 'ongoing' && h(Row, {label: 'Varaktighet'}, 'Löpande'),
        others.length > 0 &&
          h(
            Row,
            {label: 'Partner'},
            h(
              'ul',
              {className: 'partners'},
              others.map((p, i) => {
                const org = orgs.get(p.organization);
                return h('li', {key: p.organization}, org.url ? h('a', {href: org.url}, text(org.name)) : text(org.name), p.role !== 'partner' ? ` (${ROLE[p.role]})` : null, i < others.length - 1 ? ', ' : null);
              })
            )
          )
      )
    )
  );
}

let sheet;
let sheetText;

/** Renders the card from the feed's JSON text into a shadow root (with the same CSS), synchronously. */
export function mountReactCard(container, json, projectId, cssText) {
  const host = document.createElement('div');
  container.append(host);
  const shadow = host.attachShadow({mode: 'open'});
  sheet ??= new CSSStyleSheet();
  if (sheetText !== cssText) sheet.replaceSync((sheetText = cssText));
  shadow.adoptedStyleSheets = [sheet];
  const root = createRoot(shadow);
  flushSync(() => root.render(h(SummaryCard, {feed: JSON.parse(json), projectId})));
  return shadow;
}
