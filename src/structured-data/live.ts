/**
 * JSON-LD for live elements: each `<loft-project>`, `<loft-project-card>` and
 * `<loft-project-list>` of the page (not those nested in another widget) gets a
 * `<script type="application/ld+json">` with its project, or its list of projects, in its
 * light DOM, where search engines that run JavaScript read it, in the element's language.
 * The loader imports this module after the first widget has shown its content: nothing
 * here delays what visitors see.
 *
 * Trusted Types: a page that enforces them refuses a script's text given as a string, and
 * reports one given as a text node (Chromium, Firefox and WebKit check a script's text before
 * its type, so a data block too). The text goes through a policy of its own,
 * `loft-jsonld`, whose one rule is that the text is JSON with no `<`, `>` or `&` (so it can
 * neither run nor end the script element). A page whose `trusted-types` directive does not
 * list `loft-jsonld` refuses to create the policy: then no JSON-LD is written, and nothing
 * else changes (docs/embed/README.md).
 */
import type {Outcome} from '../elements/shared/loft-element.js';
import {elementJsonLd, jsonLdText} from './json-ld.js';

const TAGS = ['loft-project', 'loft-project-card', 'loft-project-list'];

interface TrustedTypesLike {
  createPolicy(name: string, rules: {createScript(text: string): string}): {createScript(text: string): unknown};
}

/** What a script's `text` accepts on this page: a string, or a TrustedScript where Trusted Types are enforced. */
type ScriptText = unknown;

/** Turns JSON-LD text into a script's text on this page; null where the page refuses the policy. */
let toScriptText: ((json: string) => ScriptText) | undefined | null;

function scriptTextMaker(): typeof toScriptText {
  if (toScriptText !== undefined) return toScriptText;
  const tt = (globalThis as {trustedTypes?: TrustedTypesLike}).trustedTypes;
  if (!tt) return (toScriptText = (json) => json);
  try {
    const policy = tt.createPolicy('loft-jsonld', {
      createScript: (json: string) => {
        if (/[<>&]/.test(json)) throw new TypeError('loft-jsonld: not escaped JSON-LD');
        JSON.parse(json);
        return json;
      },
    });
    toScriptText = (json) => policy.createScript(json);
  } catch {
    toScriptText = null;
  }
  return toScriptText;
}

/** What the element shows now (the view's resolver), if it shows a project. */
function outcomeOf(element: Element): Outcome<unknown> | undefined {
  // The element's current outcome: read here rather than exposed as API, it is internal.
  return (element as unknown as {_outcomeNow?: Outcome<unknown>})._outcomeNow;
}

/** Writes (or updates) the JSON-LD of one element. */
function describe(element: Element): void {
  if (element.getRootNode() !== document) return;
  const outcome = outcomeOf(element);
  if (!outcome || !('view' in outcome)) return;
  let json: string;
  try {
    json = jsonLdText(elementJsonLd(element.localName, outcome.resolver, outcome.view, element.getAttribute('project') ?? undefined)!);
  } catch {
    return;
  }
  const existing = element.querySelector(':scope > script[type="application/ld+json"]');
  // A server-rendered snippet brought its own: kept while it says the same.
  if (existing?.textContent === json) return;
  const make = scriptTextMaker();
  if (!make) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  (script as {text: ScriptText}).text = make(json);
  if (existing) existing.replaceWith(script);
  else element.append(script);
}

for (const element of document.querySelectorAll(TAGS.join())) describe(element);
// A project, search, filter or page shown later (a visitor's choice, the page changes an
// attribute, a widget is added): `loft-load` comes once the element shows it.
document.addEventListener('loft-load', (event) => {
  const target = event.composedPath()[0];
  if (target instanceof Element && TAGS.includes(target.localName)) describe(target);
});
// Another language (the element's `lang`, an ancestor's, the page's) is no new load: once
// the widgets show it (their own observer of `lang` ran first), their JSON-LD says it too.
new MutationObserver(() => {
  for (const element of document.querySelectorAll<Element & {updateComplete?: Promise<unknown>}>(TAGS.join())) {
    void Promise.resolve(element.updateComplete).then(() => describe(element));
  }
}).observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
