// The stories the visual check (scripts/visual.mjs) captures, and the width of the page
// each is shown in: a representative subset of the ~120, not all of them, to keep the check
// to a minute or two and the baselines small. Each is taken in Chromium, Firefox and WebKit,
// in light, dark and forced colours (WebKit: light and dark; it has no forced colours).
//
// Left out on purpose: the other themes (made only of --loft-* custom properties, which the
// light and dark shots already exercise), the other languages' copies of the same layout,
// and variants of a state these already show. Story ids: storybook-static/index.json.
export const STORIES = [
  // Every element's reference story: the look most pages have.
  {id: 'elements-project-card--reference', width: 800},
  {id: 'elements-member-list--reference', width: 800},
  {id: 'elements-contact-form--reference', width: 800},
  {id: 'elements-project--reference', width: 800},
  {id: 'elements-project-list--exempelby', width: 800},
  // The states every element shares (src/elements/shared/loft-element.ts draws them): the
  // loading skeleton (here with the card's frame) and the error with its retry button.
  {id: 'elements-project-card--loading', width: 800},
  {id: 'elements-project-card--error-unreachable', width: 800},
  // The empty result of a listing, and the form's own error state: the summary of the
  // problems and each field's message, after sending it empty.
  {id: 'elements-project-list--empty-result', width: 800},
  {id: 'elements-contact-form--invalid', width: 800},
  // The WCAG reflow width (320 px): the longest names and titles, which must wrap; the
  // listing's filters stacked; and another language with longer words, Finnish, in the form
  // with every field and consent.
  {id: 'elements-project-card--very-long-names', width: 320},
  {id: 'elements-project-list--exempelby', width: 320},
  {id: 'elements-contact-form--in-finnish', width: 320},
  // Right to left: the Yiddish example catalog on the whole project page (title, texts,
  // quotes, fact box, members and contact mirrored).
  {id: 'elements-project--in-yiddish-example', width: 800},
];
