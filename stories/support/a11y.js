// Axe rules that judge the host page (landmarks, a page <h1>), not a widget placed in it.
// Shared by the Storybook a11y panel (.storybook/preview.ts) and the CI smoke test.
export const PAGE_LEVEL_AXE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];

/** Tag for stories that make a failing request on purpose (its console error is expected). */
export const EXPECTED_REQUEST_FAILURE = 'expected-request-failure';

/** Tag for stories that stay in the loading state (the smoke test does not wait for content). */
export const STAYS_LOADING = 'stays-loading';
