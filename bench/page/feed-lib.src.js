// The feed code the CDN bundle runs (from dist/, tsc's output), bundled on its own so the
// bench can time validation and text resolution without an element around them.
export {loadValidator, parseFeed} from '../../dist/feed/load.js';
export {resolverFor} from '../../dist/feed/view/resolver.js';
export {summaryView} from '../../dist/feed/view/project-card.js';
export {translatorFor} from '../../dist/i18n/translator.js';
