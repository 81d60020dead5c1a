// The same summary card as a Lit 3 element and nothing more: the template of the fact box
// read straight from the parsed feed, with no validation, no languages, no loading or error
// states and no events. Bundled by bench/run.mjs with esbuild (minified, Lit's production
// build) and measured as the React card is: what Lit itself costs this card, in bytes and
// time, apart from what loft-widgets adds to it.
import {LitElement, html, nothing, unsafeCSS} from 'lit';

const STATUS = {planned: 'Planerat', ongoing: 'Pågående', completed: 'Avslutat', terminated: 'Avbrutet'};
const ROLE = {lead: 'Projektledare', coordinator: 'Koordinator', partner: 'Partner', funder: 'Finansiär', associated: 'Associerad partner', contractor: 'Utförare'};
const text = (t) => (t === undefined ? undefined : typeof t === 'string' ? t : (t.sv ?? Object.values(t)[0]));
const row = (label, value) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;

class LitCard extends LitElement {
  static properties = {feed: {attribute: false}, projectId: {attribute: false}};

  render() {
    const {feed, projectId} = this;
    const project = feed.projects.find((p) => p.id === projectId);
    const orgs = new Map(feed.organizations.map((o) => [o.id, o]));
    const own = project.participants.find((p) => p.organization === feed.publisher);
    const others = project.participants.filter((p) => p !== own);
    const partners = html`<ul part="list" class="partners">${others.map((p, i) => {
      const org = orgs.get(p.organization);
      const name = text(org.name);
      return html`<li part="item">${org.url ? html`<a href=${org.url}>${name}</a>` : name}${p.role !== 'partner' ? ` (${ROLE[p.role]})` : nothing}${i < others.length - 1 ? ', ' : nothing}</li>`;
    })}</ul>`;
    return html`<div part="base" class="base" tabindex="-1" aria-busy="false"><div class="card">
      <div part="heading" class="heading" id="heading" role="heading" aria-level="2">Sammanfattning</div>
      <dl part="facts" class="facts">
        ${row('Projektnamn', text(project.name))}
        ${row('Status', html`<span class="status" data-status=${project.status}>${STATUS[project.status]}</span>`)}
        ${own ? row(`${text(orgs.get(own.organization).name)} roll i projektet`, ROLE[own.role]) : nothing}
        ${project.endDate === null && project.status === 'ongoing' ? row('Varaktighet', 'Löpande') : nothing}
        ${others.length ? row('Partner', partners) : nothing}
      </dl></div></div>`;
  }
}

/** Renders the card from the feed's JSON text (with the given CSS as the element's styles); resolves once it is rendered. */
export async function mountLitCard(container, json, projectId, cssText) {
  if (!customElements.get('bench-lit-card')) {
    LitCard.styles = unsafeCSS(cssText);
    customElements.define('bench-lit-card', LitCard);
  }
  const el = document.createElement('bench-lit-card');
  el.feed = JSON.parse(json);
  el.projectId = projectId;
  container.append(el);
  await el.updateComplete;
  return el.shadowRoot;
}
