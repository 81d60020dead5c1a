// The theme toolbar. Themes use ONLY what a host page has: its own font and text colour, and
// the public --loft-* custom properties (see themes.css). No ::part or internal selectors.
export const THEMES = [
  {value: 'inherit', title: 'Default: inherits the page'},
  {value: 'exempelby', title: 'Exempelby kommun (blue, sans-serif)'},
  {value: 'norrsken', title: 'Region Norrsken (teal, serif)'},
  {value: 'sjostad', title: 'Sjöstads stad (purple, large, rounded)'},
  {value: 'dark', title: 'Dark page (host colours only)'},
] as const;

/** Gives the page (the story canvas) the theme's background. */
export function applyPageTheme(theme: string): void {
  document.body.dataset.loftPage = theme;
}
