/** `<loft-project>`: the whole seed page for one project. */
import type {Problem} from '../check/engine.js';
import {tidyText} from '../text.js';
import {panelTexts, type PanelTexts} from './member-list.js';
import {AT_MOST, grouped, firstOf, idList, projectPath, selectProject, shorten, type ResolvedText, type Resolver} from './resolver.js';

/** Sections of `<loft-project>` that `hide` can leave out. */
export type ProjectSection = 'description' | 'quotes' | 'summary' | 'members' | 'contact';

export interface QuoteView {
  text: ResolvedText;
  /** Name, title and organisation of who said it. */
  attribution: ResolvedText[];
}

/** `<loft-project>`: the seed page. Nested elements show the summary, members and contact person. */
export interface ProjectView {
  id: string;
  title: ResolvedText;
  description: ResolvedText[];
  quotes: QuoteView[];
  summary: boolean;
  members: boolean;
  /** What the page leaves out of an overlong description or list of quotes, for the editor. */
  leftOut: Problem[];
  /** The project contact: a person shown as a one-person member list, or the project's form. */
  contact?: {heading: ResolvedText; person: string; button?: undefined} | {heading: ResolvedText; person?: undefined; button: ResolvedText; panel: PanelTexts};
}

export function projectView(r: Resolver, input: {project?: string; hide?: string}): ProjectView {
  const project = selectProject(r.loaded, input.project);
  const hidden = idList(input.hide);
  const show = (section: ProjectSection) => !hidden.includes(section);
  const members = show('members') && !!project.members?.length;
  const contactPerson = project.contactPerson;
  let contact: ProjectView['contact'];
  if (show('contact') && contactPerson && !(members && project.members!.some((m) => m.person === contactPerson))) {
    contact = {heading: r.ui('contact'), person: contactPerson};
  } else if (show('contact') && !contactPerson && project.contactForm) {
    contact = {heading: r.ui('contact'), button: r.ui('contact-project'), panel: panelTexts(r)};
  }
  const count = (n: number, what: string) => `the project "${project.id}" has ${grouped(n)} ${what}`;
  const description = firstOf(
    show('description') ? project.description : undefined,
    AT_MOST.paragraphs,
    // One paragraph alone may pass the budget (20,000 characters of Japanese): it is cut too.
    (p) => shorten(r.text(p), AT_MOST.descriptionChars),
    (n) => count(n, 'paragraphs'),
    () => `${projectPath(r, project)}.description`,
    {max: AT_MOST.descriptionChars, text: (p) => p.text}
  );
  const quotes = firstOf(
    show('quotes') ? project.quotes : undefined,
    AT_MOST.quotes,
    (q): QuoteView | undefined => {
      const text = shorten(r.text(q.text), AT_MOST.quoteChars);
      if (!text) return undefined;
      const org = r.organization(q.organization);
      const name = tidyText(q.name);
      const attribution = [name ? {text: name, lang: r.lang} : undefined, r.line(q.title), org ? r.name(org.name, org.id) : undefined];
      return {text, attribution: attribution.filter((x) => x !== undefined)};
    },
    (n) => count(n, 'quotes'),
    () => `${projectPath(r, project)}.quotes`,
    {max: AT_MOST.quoteChars, text: (q) => q.text.text}
  );
  return {
    id: project.id,
    title: r.line(project.title) ?? r.name(project.name, project.id),
    description: description.shown,
    quotes: quotes.shown,
    leftOut: [description.problem, quotes.problem].filter((p) => p !== undefined),
    summary: show('summary'),
    members,
    contact,
  };
}
