/**
 * The elements' events, as typed classes. All bubble and are composed, so a host page can
 * listen on `document` whatever shadow roots lie between.
 */
export * from './feed-events.js';
export * from './submit-events.js';
