/**
 * View models: everything a template shows, computed from a loaded feed in one language by
 * pure functions, outside `render()` — the elements' feed tasks call them, and a server can
 * render the same views. Templates never see raw feed objects. One module per element, so
 * a page loads only the views it shows; this one gathers them for the package's users.
 */
export * from './view/resolver.js';
export * from './view/project-card.js';
export * from './view/member-list.js';
export * from './view/project.js';
export * from './view/project-list.js';
export * from '../contact/view.js';
