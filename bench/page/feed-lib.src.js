// The feed code the CDN bundle runs (from dist/, tsc's output), bundled on its own so the
// bench can time validation and text resolution without an element around them.
export {loadValidator, parseFeed} from '../../dist/feed/load.js';
export {summaryView, TextResolver} from '../../dist/feed/view.js';
export {messages} from '../../dist/i18n/messages.js';
