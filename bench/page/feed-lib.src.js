// The feed code the CDN bundle runs (from dist/, tsc's output), bundled on its own so the
// bench can time validation and text resolution without an element around them. The slow
// path of validation stays a chunk of its own, loaded when a feed first needs it.
export {parseFeed} from '../../dist/feed/load.js';
export {validateFeedAsync} from '../../dist/feed/check/engine.js';
export {summaryView, TextResolver} from '../../dist/feed/view.js';
export {messages} from '../../dist/i18n/messages.js';
