/**
 * The parts of the built-in catalogs each element's views use (a nested element's too:
 * `<loft-project>` shows a card and a member list). The element asks its translator for
 * them, and the CDN loader starts loading them together with the element's code.
 */
import type {Part} from '../../i18n/chain.js';

export const CATALOG_PARTS = {
  'loft-project-card': ['core', 'project'],
  'loft-member-list': ['core', 'people'],
  'loft-project': ['core', 'project', 'people'],
  'loft-project-list': ['core', 'project', 'list'],
  'loft-contact-form': ['core', 'form'],
} as const satisfies Record<string, readonly Part[]>;

export type LoftTag = keyof typeof CATALOG_PARTS;
