/**
 * The language and writing direction of an element: its own `lang`/`dir`, else the
 * closest ancestor's (through shadow roots: a widget nested in another inherits its
 * host's), else the page's; Swedish when nothing says. Followed live: one observer for
 * the whole document tells every connected widget when a `lang` or `dir` changed.
 */
import {primaryOf} from './chain.js';

/** Languages written right to left (their primary subtags). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The direction a language is written in. */
export const dirOfLang = (lang: string): 'ltr' | 'rtl' => (RTL.has(primaryOf(lang)) ? 'rtl' : 'ltr');

/** The element itself, then its ancestors, crossing shadow roots. */
function* upwards(element: Element): Generator<Element> {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null) yield node;
}

/**
 * A `lang` attribute's tag. A locale written with an underscore (`en_US`, as CMS templates
 * that print their locale do) is read as the tag it means (`en-US`), not as no language.
 */
const langAttribute = (node: Element): string | undefined => node.getAttribute('lang')?.trim().replace(/_/g, '-');

/** The element's language (a BCP 47 tag). */
export function langOf(element: Element): string {
  for (const node of upwards(element)) {
    const lang = langAttribute(node);
    if (lang) return lang;
  }
  return 'sv';
}

/**
 * The element's direction: the closest `dir` (`ltr` or `rtl`) or `lang` decides, so a
 * Yiddish widget on a page that says `dir="ltr"` is still right to left.
 */
export function dirOf(element: Element): 'ltr' | 'rtl' {
  for (const node of upwards(element)) {
    const dir = node.getAttribute('dir')?.trim().toLowerCase();
    if (dir === 'rtl' || dir === 'ltr') return dir;
    const lang = langAttribute(node);
    if (lang) return dirOfLang(lang);
  }
  return 'ltr';
}

const watchers = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `changed` whenever a `lang` or `dir` attribute changes in the document; returns the way to stop. */
export function watchLang(changed: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const watcher of watchers) watcher();
    });
    observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang', 'dir'], subtree: true});
  }
  watchers.add(changed);
  return () => watchers.delete(changed);
}
