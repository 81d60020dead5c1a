// The feed code the CDN bundle runs (from dist/, tsc's output), bundled on its own so the
// bench can time validation and text resolution without an element around them. The slow
// path of validation stays a chunk of its own, loaded when a feed first needs it.
export {parseFeed} from '../../dist/feed/load.js';
export {validateFeedAsync} from '../../dist/feed/check/engine.js';
export {resolverFor} from '../../dist/feed/view/resolver.js';
export {summaryView} from '../../dist/feed/view/project-card.js';
export {translatorFor} from '../../dist/i18n/translator.js';
