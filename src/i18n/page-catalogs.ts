/**
 * Languages a page adds at run time, without a build: catalogs in the page as
 * `<script type="application/json" data-loft-catalog>{"language": "se", "messages": {…}}</script>`
 * (for every widget on the page), and an element's `catalog="https://…/se.json"` attribute.
 * Each catalog is read and checked once (the checker is a chunk loaded only here); its
 * problems go to the console once and to each element that uses it as `loft-error`.
 */
import type {Catalog} from './translator.js';
import type {Problem} from './check.js';

export interface PageCatalogs {
  catalogs: Catalog[];
  problems: Problem[];
}

const NONE: PageCatalogs = {catalogs: [], problems: []};
const read = new Map<string, Promise<PageCatalogs>>();

/** Checks a catalog's text (parsed JSON), once per source and text. */
function checked(source: string, text: Promise<string>): Promise<PageCatalogs> {
  return text
    .then(async (json) => {
      const {checkCatalog} = await import('./check.js');
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch (error) {
        return {catalogs: [], problems: [{code: 'field-dropped' as const, path: source, message: `${source}: not valid JSON (${(error as Error).message}). The catalog is left out.`, fatal: true}]};
      }
      const {catalog, problems} = checkCatalog(raw, source);
      return {catalogs: catalog ? [catalog] : [], problems};
    })
    .then((result) => {
      for (const p of result.problems) console.warn(`loft-widgets: catalog problem: ${p.message}`);
      return result;
    });
}

function once(key: string, load: () => Promise<PageCatalogs>): Promise<PageCatalogs> {
  let loading = read.get(key);
  if (!loading) read.set(key, (loading = load()));
  return loading;
}

/** A catalog from a URL: fetched without credentials, like a feed. */
function fromUrl(url: string): Promise<PageCatalogs> {
  return once(`url ${url}`, () =>
    checked(
      `catalog ${url}`,
      fetch(url, {credentials: 'omit', headers: {accept: 'application/json'}}).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
    ).catch((error: unknown) => {
      const message = `catalog ${url} could not be loaded (${String(error)}). It is left out.`;
      console.warn(`loft-widgets: ${message}`);
      read.delete(`url ${url}`);
      return {catalogs: [], problems: [{code: 'field-dropped', path: `catalog ${url}`, message, fatal: true}]};
    })
  );
}

/**
 * The page's inline catalogs and the element's `catalog` URL (relative to the page),
 * checked; the same object for the same catalogs, so an element reports their problems once.
 */
export function pageCatalogs(url: string | undefined): Promise<PageCatalogs> {
  const keys: string[] = [];
  const loads: (() => Promise<PageCatalogs>)[] = [];
  document.querySelectorAll('script[type="application/json"][data-loft-catalog]').forEach((script, i) => {
    const text = script.textContent ?? '';
    keys.push(`inline ${text}`);
    loads.push(() => once(`inline ${text}`, () => checked(`inline catalog ${i + 1} (script[data-loft-catalog])`, Promise.resolve(text))));
  });
  if (url) {
    const href = new URL(url, document.baseURI).href;
    keys.push(`url ${href}`);
    loads.push(() => fromUrl(href));
  }
  if (!keys.length) return Promise.resolve(NONE);
  return once(keys.join('\n'), () =>
    Promise.all(loads.map((load) => load())).then((all) => ({catalogs: all.flatMap((c) => c.catalogs), problems: all.flatMap((c) => c.problems)}))
  );
}
