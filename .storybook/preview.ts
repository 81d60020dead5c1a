// What every story shares: the elements, their docs and controls from custom-elements.json,
// and the toolbars (language, theme, viewport).
import {setCustomElementsManifest, type Preview} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import manifest from '../custom-elements.json';
import '../src/embed.js';
import {installStoryFeeds} from '../stories/support/story-feeds.js';
import northernSami from '../demo/catalogs/se.example.json';
import yiddish from '../demo/catalogs/yi.example.json';
import {PAGE_LEVEL_AXE_RULES} from '../stories/support/a11y.js';
import {argTypesOf, declarationOf, publicManifest} from '../stories/support/manifest.js';
import {THEMES, applyPageTheme} from '../stories/support/themes.js';
import '../stories/support/themes.css';

setCustomElementsManifest(publicManifest(manifest));
installStoryFeeds();

// Languages added at run time, as a municipality adds them: catalogs in the page. These two
// are the clearly marked, unreviewed examples in demo/catalogs/ (one right to left).
for (const catalog of [northernSami, yiddish]) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.dataset.loftCatalog = '';
  script.textContent = JSON.stringify(catalog);
  document.head.append(script);
}

const LANGUAGES = [
  {value: 'sv', title: 'Svenska', right: 'sv'},
  {value: 'en', title: 'English', right: 'en'},
  {value: 'fi', title: 'Suomi', right: 'fi'},
  {value: 'se', title: 'Davvisámegiella (example catalog, run time)', right: 'se'},
  {value: 'yi', title: 'ייִדיש (example catalog, right to left)', right: 'yi'},
];

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Page language (<html lang>); the widgets follow it live',
      toolbar: {title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true},
    },
    theme: {
      description: 'Host page look: the widgets inherit font and colour, and take --loft-* custom properties',
      toolbar: {title: 'Theme', icon: 'paintbrush', items: THEMES.map(({value, title}) => ({value, title})), dynamicTitle: true},
    },
  },
  initialGlobals: {locale: 'sv', theme: 'inherit'},
  decorators: [
    (story, context) => {
      // The real switch a host page makes: the widgets watch <html lang> and re-render.
      const locale = String(context.globals.locale ?? 'sv');
      if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
      const theme = String(context.globals.theme ?? 'inherit');
      if (context.viewMode === 'story') applyPageTheme(theme);
      // On a docs page, addon-docs marks each story's canvas lang="en" (its `htmlLang`
      // parameter is fixed per story, so it cannot follow the toolbar), and that is closer to
      // the widgets than <html lang>: the story's own box says the toolbar's language there.
      const lang = context.viewMode === 'docs' ? locale : undefined;
      return html`<div class="loft-story" data-theme=${theme} lang=${ifDefined(lang)}>${story()}</div>`;
    },
  ],
  parameters: {
    layout: 'fullscreen',
    controls: {expanded: true, sort: 'requiredFirst'},
    docs: {toc: false, extractArgTypes: (tag: string) => argTypesOf(declarationOf(manifest, tag))},
    a11y: {
      test: 'error',
      context: '#storybook-root',
      config: {rules: PAGE_LEVEL_AXE_RULES.map((id) => ({id, enabled: false}))},
    },
    viewport: {
      options: {
        small320: {name: 'Reflow 320 px (WCAG 1.4.10)', styles: {width: '320px', height: '640px'}, type: 'mobile'},
        phone: {name: 'Phone 390 px', styles: {width: '390px', height: '844px'}, type: 'mobile'},
        column: {name: 'CMS content column 640 px', styles: {width: '640px', height: '900px'}, type: 'tablet'},
        tablet: {name: 'Tablet 768 px', styles: {width: '768px', height: '1024px'}, type: 'tablet'},
        desktop: {name: 'Desktop 1280 px', styles: {width: '1280px', height: '900px'}, type: 'desktop'},
      },
    },
  },
};

export default preview;
