/**
 * The readable content a server-rendered widget carries inside its tag (its light DOM):
 * plain, escaped HTML from the very views the elements render — headings, the facts as a
 * definition list, partners, members with their links, the contact link — that reads fully
 * without CSS or JavaScript. Where the browser renders the widget's Declarative Shadow DOM,
 * the shadow root hides it; crawlers that read only the HTML, clients without Declarative
 * Shadow DOM and CMSs that strip everything but basic HTML keep it.
 */
import type {ContactFormView} from '../contact/view.js';
import type {CompactView, SummaryView} from '../feed/view/project-card.js';
import type {MemberListView, MemberView} from '../feed/view/member-list.js';
import type {ProjectView} from '../feed/view/project.js';
import type {ProjectListView} from '../feed/view/project-list.js';
import {MEMBERS_AT_ONCE, memberListView} from '../feed/view/member-list.js';
import {summaryView} from '../feed/view/project-card.js';
import {selectProject, type ResolvedText, type Resolver} from '../feed/view/resolver.js';
import {needsLang} from '../feed/text.js';
import {mailtoUrl, telUrl} from '../feed/urls.js';
import {dirOfLang} from '../i18n/lang.js';

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text or an attribute value, escaped for HTML. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Writes one view as readable HTML, in the language the element shows. */
export class LightDom {
  constructor(
    private readonly _r: Resolver,
    private readonly _lang: string
  ) {}

  /** A text, with its own `lang` (and `dir`) where it is in another language than the element's. */
  text(text: ResolvedText | undefined): string {
    if (!text) return '';
    if (!needsLang(text, this._lang)) return escapeHtml(text.text);
    const dir = dirOfLang(text.lang) === dirOfLang(this._lang) ? '' : ` dir="${dirOfLang(text.lang)}"`;
    return `<span lang="${escapeHtml(text.lang)}"${dir}>${escapeHtml(text.text)}</span>`;
  }

  link(href: string | undefined, content: string): string {
    return href ? `<a href="${escapeHtml(href)}">${content}</a>` : content;
  }

  heading(level: number, content: string): string {
    const h = Math.min(6, Math.max(1, level));
    return `<h${h}>${content}</h${h}>`;
  }

  summary(view: SummaryView, level: number): string {
    const rows = view.facts.map((fact) => {
      let value: string;
      if (fact.link) value = this.link(fact.link.href, escapeHtml(fact.link.text));
      else if (fact.partners) {
        value = `<ul>${fact.partners.map((p) => `<li>${this.link(p.href, this.text(p.text))}${p.role ? ` (${this.text(p.role)})` : ''}</li>`).join('')}</ul>`;
      } else value = this.text(fact.text);
      return `<dt>${this.text(fact.label)}</dt><dd>${value}</dd>`;
    });
    return `${this.heading(level, this.text(view.heading))}<dl>${rows.join('')}</dl>`;
  }

  compact(view: CompactView, level: number): string {
    return [
      this.heading(level, this.link(view.href, this.text(view.name))),
      view.title ? `<p>${this.text(view.title)}</p>` : '',
      `<p>${this.text(view.statusWord)}: ${this.text(view.statusLabel)}</p>`,
      view.summary ? `<p>${this.text(view.summary)}</p>` : '',
    ].join('');
  }

  /** One person: name, title, organisation, roles, "Läs mer om X" and the contact link. */
  member(person: MemberView, contactHref: string | undefined, level: number): string {
    const more = person.profile ? `<p>${this.link(person.profile.href, this.text(person.profile.label))}</p>` : '';
    const contact = person.contact && contactHref ? `<p>${this.link(contactHref, this.text(person.contact.label))}</p>` : '';
    return [
      '<li>',
      this.heading(level, this.text(person.name)),
      person.title ? `<p>${this.text(person.title)}</p>` : '',
      person.organization ? `<p>${this.text(person.organization)}</p>` : '',
      person.roles.length ? `<ul>${person.roles.map((role) => `<li>${this.text(role)}</li>`).join('')}</ul>` : '',
      more,
      contact,
      '</li>',
    ].join('');
  }

  members(view: MemberListView, level: number): string {
    const people = new Map(this._r.feed.people.map((p) => [p.id, p]));
    const list = view.members.length
      ? `<ul>${view.members.map((m) => this.member(m, contactHref(people.get(m.id), this._r), level + 1)).join('')}</ul>`
      : `<p>${this.text(view.empty)}</p>`;
    return `${this.heading(level, this.text(view.heading))}${list}`;
  }

  project(view: ProjectView, level: number): string {
    const r = this._r;
    const out = [this.heading(level, this.text(view.title))];
    for (const p of view.description) out.push(`<p>${this.text(p)}</p>`);
    for (const q of view.quotes) {
      out.push(`<figure><blockquote><p>${this.text(q.text)}</p></blockquote><figcaption>— ${q.attribution.map((a) => this.text(a)).join(', ')}</figcaption></figure>`);
    }
    const project = selectProject(r.loaded, view.id);
    if (view.summary) out.push(this.summary(summaryView(project, r), level + 1));
    if (view.members) out.push(this.members(memberListView(r, {project: view.id, limit: MEMBERS_AT_ONCE}), level + 1));
    if (view.contact?.person) out.push(this.members(memberListView(r, {project: view.id, people: view.contact.person, heading: view.contact.heading.text, limit: MEMBERS_AT_ONCE}), level + 1));
    return `<article>${out.join('')}</article>`;
  }

  list(view: ProjectListView, level: number): string {
    const cards = view.cards.map((card) => `<li>${this.compact(card, level + 1)}</li>`).join('');
    return `${this.heading(level, this.text(view.heading))}<p>${this.text(view.count)}</p>${cards ? `<ul>${cards}</ul>` : ''}`;
  }

  /** The form itself needs JavaScript: without it, who it reaches, and the privacy policy. */
  contactForm(view: ContactFormView, level: number): string {
    const r = this._r;
    const person = r.person(view.recipient);
    const href = contactHref(person, r);
    const name = person ? r.name(person.name, person.id) : undefined;
    return [
      this.heading(level, this.text(view.heading)),
      name && href ? `<p>${this.link(href, this.text(name))}</p>` : '',
      view.privacy ? `<p>${this.link(view.privacy.href, this.text(view.privacy.text))}</p>` : '',
    ].join('');
  }
}

/**
 * Where "Kontakta X" leads without JavaScript (the contact form needs it): the person's
 * e-mail, else their phone, else their profile page.
 */
export function contactHref(person: {email?: string; phone?: string; profileUrl?: string} | undefined, r: Resolver): string | undefined {
  if (!person) return undefined;
  return mailtoUrl(person.email) ?? telUrl(person.phone) ?? r.url(person.profileUrl);
}
