// Building blocks for every element's stories, so that a new element's stories file is
// only its data and states. See README, "Storybook" → "Adding an element's stories".
//
//   export default {title: 'Elements/Member list', ...elementMeta('loft-member-list', {args: {...}})};
//   export const Many: Story = {args: {...}};
//   export const InSwedish = inLanguage('sv', Many); // and InEnglish, InFinnish, and the
//   // run-time example catalogs: InNorthernSamiExample ('se'), InYiddishExample ('yi', right to left)
//   export const ThemeDarkPage = inTheme('dark', Many); // and the other themes
//
// Tags that the CI smoke test reads from index.json must be string literals in the stories
// file (Storybook indexes it without running it): 'expected-request-failure', 'stays-loading'.
import type {ArgTypes, Meta, StoryObj} from '@storybook/web-components-vite';
import manifest from '../../custom-elements.json';
import {actionArg, declarationOf} from './manifest.js';
import {THEMES} from './themes.js';
import {PENDING_FEED} from './story-feeds.js';

export {feeds, delayedFeed, MISSING_FEED, PENDING_FEED} from './story-feeds.js';

export type Args = Record<string, unknown> & {
  /** The feed as an object (the `.data` property). */
  data?: unknown;
  /** The feed as text in an inline `<script type="application/json">` child. */
  inline?: string;
};
export type Story = StoryObj<Args>;

/**
 * Turns args into an element the way a host page would make it: attribute args (by their
 * attribute name, from the manifest) become attributes, `--loft-*` args inline custom
 * properties, event actions listeners, `inline` a JSON child, anything else a property.
 */
let pendingRenders = 0;

export function renderElement(tag: string): (args: Args) => HTMLElement {
  const declaration = declarationOf(manifest, tag);
  const attributes = new Set<string>((declaration.attributes ?? []).map((a: {name: string}) => a.name));
  const events = new Map<string, string>((declaration.events ?? []).map((e: {name: string}) => [actionArg(e.name), e.name]));
  return (args) => {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(args)) {
      if (value === undefined || value === null || value === '') continue;
      if (key === 'inline') {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = String(value);
        element.append(script);
      } else if (key.startsWith('--')) element.style.setProperty(key, String(value));
      else if (events.has(key) && typeof value === 'function') element.addEventListener(events.get(key)!, value as EventListener);
      else if (key === 'src' && value === PENDING_FEED) {
        // A URL of its own per render: elements share one request per URL, so two loading
        // stories on one URL would share one request, and its time-out.
        element.setAttribute('src', `${PENDING_FEED}?render=${++pendingRenders}`);
      } else if (attributes.has(key)) {
        if (typeof value === 'boolean') element.toggleAttribute(key, value);
        else element.setAttribute(key, String(value));
      } else (element as unknown as Record<string, unknown>)[key] = value;
    }
    return element;
  };
}

/**
 * The default export of an element's stories file: docs and controls come from
 * custom-elements.json (attributes, properties, events, slots, parts, custom properties;
 * see `argTypesOf`); this adds only what the manifest cannot say (the feed as inline JSON).
 * Storybook reads `title` without running the file, so it stays a literal in the stories
 * file: `export default {title: 'Elements/X', ...elementMeta('loft-x', {...})}`.
 */
export function elementMeta(tag: string, meta: Omit<Meta<Args>, 'component' | 'title'> = {}): Meta<Args> {
  const argTypes: Partial<ArgTypes<Args>> = {
    inline: {
      control: 'text',
      description: 'The feed as JSON text in an inline `<script type="application/json">` child (for CMSs where hosting a file is hard).',
      table: {category: 'feed'},
    },
  };
  return {
    component: tag,
    render: renderElement(tag),
    ...meta,
    argTypes: {...argTypes, ...meta.argTypes},
    parameters: {...meta.parameters, docs: {...meta.parameters?.docs, story: {inline: true}}},
  };
}

/**
 * `story` with the page language fixed to `locale` (the toolbar is locked for it), so every
 * language is reviewed and crawled. Kept off the docs page, which has one language for all.
 */
export function inLanguage(locale: 'sv' | 'en' | 'fi' | 'se' | 'yi', story: Story): Story {
  return {
    ...story,
    globals: {...story.globals, locale},
    tags: [...(story.tags ?? []), '!autodocs', 'language'],
  };
}

/**
 * `story` on a host page styled as `theme` (see themes.css; the toolbar is locked for it), so
 * axe checks each theme's contrast. One theme per story: several summary cards on one page
 * would be several landmarks of the same name.
 */
export function inTheme(theme: (typeof THEMES)[number]['value'], story: Story): Story {
  return {...story, globals: {...story.globals, theme}};
}
