/**
 * Server rendering (Node): one widget as a static HTML snippet, for pages where no script
 * may be pasted (`npx loft-widgets render`, the reference server's /embed pages). The
 * snippet is the element's tag with
 *
 * - its shadow root as Declarative Shadow DOM, rendered by `@lit-labs/ssr` from the
 *   element's own `render()`, styles included: browsers show it without JavaScript, and
 *   the CDN bundle, where present, hydrates it (src/hydrate.ts);
 * - inside the tag, readable HTML from the same views (./light-dom.ts) and the schema.org
 *   JSON-LD (src/structured-data/json-ld.ts), a project's or a list's;
 * - the feed, as the element's `src`, or inline as its JSON child.
 *
 * Lit's renderer calls `willUpdate()` and `render()`, never the feed task, so every loft
 * element it meets (the widget and those nested in it) is given its outcome first
 * (`_prerendered`), computed from the same feed, translator and view functions the
 * browser uses. A contact form is rendered without a shadow root: its form sends only with
 * JavaScript, and a static copy of it would send what visitors typed in the page's
 * address instead.
 */
import {render, LitElementRenderer} from '@lit-labs/ssr';
import {collectResultSync} from '@lit-labs/ssr/lib/render-result.js';
import {html} from 'lit';
import {LoftElement, type Outcome} from '../elements/shared/loft-element.js';
import {announced} from '../elements/shared/prerendered.js';
import {FeedError, parseFeed, type LoadedFeed} from '../feed/load.js';
import {explainNotFound} from '../feed/not-found.js';
import {resolverFor, type Resolver} from '../feed/view/resolver.js';
import type {Part} from '../i18n/chain.js';
import {BUILT_IN} from '../i18n/generated/built-in.js';
import {dirOfLang} from '../i18n/lang.js';
import {translatorFor, type Translator} from '../i18n/translator.js';
import {elementJsonLd, jsonLdText} from '../structured-data/json-ld.js';
import {escapeHtml, LightDom} from './light-dom.js';
import '../define/project-card.js';
import '../define/member-list.js';
import '../define/project.js';
import '../define/project-list.js';
import '../define/contact-form.js';

/** The elements, and the attributes each takes besides `src`, `lang` and `heading-level`. */
export const ELEMENTS = {
  'loft-project-card': ['project', 'variant'],
  'loft-member-list': ['project', 'people', 'roles', 'heading'],
  'loft-project': ['project', 'hide'],
  'loft-project-list': ['status', 'organization', 'q', 'sort', 'page-size', 'heading'],
  'loft-contact-form': ['form', 'recipient', 'project'],
} as const;

export type ElementName = keyof typeof ELEMENTS;

export interface SnippetOptions {
  element: ElementName;
  /** The element's attributes (`project`, `variant`, `heading-level`, …). */
  attributes?: Record<string, string>;
  /** The language it is rendered in; the tag carries it, so the bundle hydrates in the same one. */
  lang: string;
  /**
   * The feed's text, the URL its relative URLs resolve against, and its URL for the tag's
   * `src` (the bundle loads it from there). Without `src`, the feed goes inline.
   */
  feed: {text: string; baseUrl: string; src?: string};
  /** false: no shadow root and so no `<style>` (for a strict `style-src`): the readable content only. */
  styles?: boolean;
  /** false: no JSON-LD (for a CMS that would show a stripped script's text). */
  jsonLd?: boolean;
}

export interface Snippet {
  html: string;
  /** What the widget shows, for a page's title: the project's name, else the widget's heading. */
  title: string;
  /** CSP hash sources of the inline `<style>`s, for `style-src` (`'sha256-…'`). */
  styleHashes: string[];
  loaded: LoadedFeed;
}

/**
 * Without scripts, the buttons that open a contact form or show more cards, and the list's
 * search and filters, would do nothing: a visitor without JavaScript does not see them.
 */
const WITHOUT_SCRIPTS = '@media (scripting:none){button.contact,button.more,form.filters{display:none}}';

/** The members of LoftElement that server rendering sets or calls (protected there). */
interface Prerenderable {
  localName: string;
  src?: string;
  data?: unknown;
  _inline?: string;
  _lang: string;
  _dir: 'ltr' | 'rtl';
  _prerendered?: Outcome<unknown>;
  _announced?: string;
  _inputs(): readonly unknown[];
  _view(r: Resolver, inputs: readonly unknown[]): unknown;
}

/** The one render in progress (rendering is synchronous, so there is never more than one). */
let current: {loaded: LoadedFeed; lang: string; translator: Translator; error?: unknown} | undefined;

LitElementRenderer.renderOptions.push((instance) => {
  if (!current || !(instance instanceof LoftElement)) return undefined;
  const element = instance as unknown as Prerenderable;
  if (element._prerendered) return undefined;
  element._lang = current.lang;
  element._dir = dirOfLang(current.lang);
  // Every element gets every part of the catalog: a server loads them all at once anyway.
  const resolver = resolverFor(current.loaded, current.translator);
  try {
    const view = element._view(resolver, element._inputs());
    element._prerendered = {view, loaded: current.loaded, resolver, source: [element.src, element.data, element._inline], catalogProblems: []};
    announced(element, element._prerendered);
  } catch (error) {
    // The widget's own id matches nothing: the editor is told (a nested element keeps its loading state).
    current.error ??= error;
  }
  return undefined;
});

/** `'sha256-…'` of a style's text, as CSP's `style-src` lists it. */
async function hashSource(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/** The readable light-DOM content of a widget, from the view it shows. */
function readable(element: ElementName, outcome: Outcome<unknown>, lang: string, level: number): string {
  if (!('view' in outcome)) return '';
  const light = new LightDom(outcome.resolver, lang);
  const view = outcome.view as never;
  switch (element) {
    case 'loft-project-card':
      return (view as {variant: string}).variant === 'compact' ? light.compact(view, level) : light.summary(view, level);
    case 'loft-member-list':
      return light.members(view, level);
    case 'loft-project':
      return light.project(view, level);
    case 'loft-project-list':
      return light.list(view, level);
    case 'loft-contact-form':
      return light.contactForm(view, level);
  }
}

/** Renders one widget; throws `FeedError` where the element would show an error (the feed, or an id). */
export async function renderSnippet(options: SnippetOptions): Promise<Snippet> {
  const {element, lang, feed} = options;
  if (!Object.hasOwn(ELEMENTS, element)) throw new FeedError('not-found', `There is no element <${element}>: choose one of ${Object.keys(ELEMENTS).join(', ')}.`);
  const loaded = await parseFeed(feed.text, feed.baseUrl, feed.src);
  const translator = await translatorFor(lang, Object.keys(BUILT_IN.sv) as Part[]);

  const attributes: Record<string, string> = {...options.attributes, lang};
  if (feed.src) attributes.src = feed.src;
  const shadow = options.styles !== false && element !== 'loft-contact-form';
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => `${escapeHtml(name)}="${escapeHtml(value)}"`)
    .join(' ');
  // The widget's tag as a template of its own, without bindings (the tag name cannot be one).
  const strings = Object.assign([`<${element} ${attributeText}></${element}>`], {raw: [`<${element} ${attributeText}></${element}>`]});
  let rendered: string;
  let top: Outcome<unknown> | undefined;
  current = {loaded, lang, translator};
  const captureTop = (instance: HTMLElement) => {
    if (!top && instance.localName === element) top = (instance as unknown as Prerenderable)._prerendered;
    return shadow ? undefined : {disableSsr: true};
  };
  LitElementRenderer.renderOptions.push(captureTop);
  try {
    rendered = collectResultSync(render(html(strings)));
    // An id that matches nothing shown: why (a broken item), or what the editor likely meant.
    if (current.error) throw current.error instanceof FeedError ? explainNotFound(current.error, loaded) : current.error;
  } finally {
    current = undefined;
    LitElementRenderer.renderOptions.splice(LitElementRenderer.renderOptions.indexOf(captureTop), 1);
  }
  if (!top) throw new FeedError('feed-invalid', `<${element}> could not be rendered.`);

  // The template's own markers around the widget are for hydrating that template, which nobody does.
  rendered = rendered.replace(/^<!--lit-part[^>]*-->/, '').replace(/<!--\/lit-part-->$/, '');
  rendered = rendered.replaceAll(/(<template shadowroot="open" shadowrootmode="open"[^>]*>)/g, `$1<style>${WITHOUT_SCRIPTS}</style>`);

  const level = Number(attributes['heading-level'] ?? 2) || 2;
  const content = readable(element, top, lang, level);
  const inside = [`\n${content}\n`];
  const data = 'view' in top ? elementJsonLd(element, top.resolver, top.view, attributes.project) : undefined;
  if (data && options.jsonLd !== false) inside.push(`<script type="application/ld+json">${jsonLdText(data)}</script>\n`);
  const title = (data?.name as string | undefined) ?? content.match(/<h[1-6]>(.*?)<\/h[1-6]>/)?.[1]?.replace(/<[^>]*>/g, '') ?? element;
  // JSON text has "<" only inside strings, where \u003c says the same: the script cannot end early.
  if (!feed.src) inside.push(`<script type="application/json">${feed.text.replaceAll('<', '\\u003c')}</script>\n`);
  const close = `</${element}>`;
  const at = rendered.lastIndexOf(close);
  const snippet = rendered.slice(0, at) + inside.join('') + close + '\n';

  const styles = [...snippet.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const styleHashes = [...new Set(await Promise.all(styles.map(hashSource)))];
  return {html: snippet, title, styleHashes, loaded};
}
