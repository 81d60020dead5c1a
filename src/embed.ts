/**
 * The CDN entry (`<script type="module" src="loft-widgets.js">`): a small loader that
 * imports the code of the loft-* tags on the page, and of tags added later (a CMS that
 * inserts HTML by script), each from its own chunk, so a page loads only what it shows.
 * The first copy of the bundle on a page does the loading: a second copy (the snippet
 * pasted twice, an older version) leaves it to the first, and every `define/<tag>.js`
 * registers through the guarded `define`, so nothing throws and the first definition wins.
 */
import {CATALOG_PARTS, type LoftTag} from './elements/shared/catalog-parts.js';
import {requestEarly, type FeedRequest} from './feed/request.js';
import {preloadBuiltIn} from './i18n/chain.js';
import {langOf} from './i18n/lang.js';

const TAGS: Record<LoftTag, () => Promise<unknown>> = {
  'loft-project-card': () => import('./define/project-card.js'),
  'loft-member-list': () => import('./define/member-list.js'),
  'loft-project': () => import('./define/project.js'),
  'loft-project-list': () => import('./define/project-list.js'),
  'loft-contact-form': () => import('./define/contact-form.js'),
};

const waiting = new Set(Object.keys(TAGS) as LoftTag[]);

/** Lit's hydrate support, loaded first where the server rendered a widget (it has a shadow root before any code ran). */
let hydrating: Promise<unknown> | undefined;

/** Imports the code of every tag now on the page that is not loaded yet. */
function loadPresent(): void {
  hydrating ??= [...document.querySelectorAll(Object.keys(TAGS).join())].some((el) => el.shadowRoot) ? import('./hydrate.js') : undefined;
  for (const tag of waiting) {
    if (!document.getElementsByTagName(tag).length) continue;
    waiting.delete(tag);
    preload(tag);
    Promise.resolve(hydrating).then(TAGS[tag]).catch((error: unknown) => {
      // The element stays as the editor's fallback content. Say which file is missing (Chromium's
      // and Firefox's errors name it; WebKit's does not, so the folder is named too).
      const chunks = new URL('./chunks/', import.meta.url).href;
      console.error(`loft-widgets: <${tag}> cannot start: a file of the widget is missing (${String(error)}). Upload the folder ${chunks} together with loft-widgets.js, or upload loft-widgets.single.js instead.`);
      waiting.add(tag);
    });
  }
  if (!waiting.size) observer.disconnect();
}

/**
 * Starts what the tag's elements will wait for, with their code rather than after it: each
 * one's feed (by `src`, unless an inline feed takes its place) and the built-in strings of
 * its language. A page with run-time catalogs leaves the strings to the elements: a
 * catalog's fallback languages can change which built-in catalog they need.
 */
function preload(tag: LoftTag): void {
  const catalogs = !!document.querySelector('script[data-loft-catalog]');
  for (const el of document.getElementsByTagName(tag)) {
    const src = el.getAttribute('src');
    const inline = el.querySelector(':scope > script[type="application/json"]');
    // Only a project's summary shows dates (the seed page's has one); a compact card, a list, people or a form never do.
    const dated = tag === 'loft-project' || (tag === 'loft-project-card' && el.getAttribute('variant') !== 'compact');
    if (inline) {
      if (dated) setUpDatesFor(inline.textContent ?? '');
    } else if (src) {
      try {
        const request = requestEarly(new URL(src, document.baseURI).href);
        // Each feed once, whichever of its elements asked for it first.
        if (dated && !lookedAt.has(request)) {
          lookedAt.add(request);
          request.response.then(readStart).then(setUpDatesFor, () => undefined);
        }
      } catch {
        // Not a URL: the element says so.
      }
    }
    if (!catalogs && !el.hasAttribute('catalog')) preloadBuiltIn(langOf(el), CATALOG_PARTS[tag]);
  }
}

/** The requests whose start the loader has read for dates. */
const lookedAt = new WeakSet<FeedRequest>();

/** Characters of a feed the loader reads to see whether it has dates (the seed page's whole feed is 9 KB). */
const START = 65_536;

/**
 * The start of a feed's text, read from a copy of the response its element will take: the
 * element reads the whole of it (the copy's data is kept only until this has read its part).
 */
async function readStart(response: Response): Promise<string> {
  const reader = response.clone().body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk; text.length < START && !(chunk = await reader.read()).done; ) text += decoder.decode(chunk.value, {stream: true});
  void reader.cancel();
  return text;
}

let datesSetUp = false;

/**
 * The first date `Intl` formats on a page sets up its date data: 15–25 ms in Chromium on a
 * desktop, 35–80 ms on a slow one, in one task that cannot be split (most of it is the list
 * of locales Intl has dates for). For a feed with dates, done while the page waits for the
 * widgets' files and is idle, so the first render does not pay it; for a feed without, never
 * (done for every page, it was a task of 50–100 ms on a page that shows no date).
 */
function setUpDatesFor(feedText: string): void {
  if (datesSetUp || !/"(?:start|end)Date"\s*:\s*"/.test(feedText)) return;
  datesSetUp = true;
  if (typeof requestIdleCallback == 'function') requestIdleCallback(() => new Intl.DateTimeFormat(undefined, {month: 'long'}).format(0));
}

const observer = new MutationObserver(loadPresent);
const FIRST = Symbol.for('loft-widgets.loader');
const page = globalThis as {[FIRST]?: true};
if (!page[FIRST]) {
  page[FIRST] = true;
  // JSON-LD for search engines, once a widget shows its content (it never delays it).
  addEventListener('loft-load', () => setTimeout(() => import('./structured-data/live.js'), 500), {once: true});
  loadPresent();
  if (waiting.size) observer.observe(document.documentElement, {childList: true, subtree: true});
}
