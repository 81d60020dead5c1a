/**
 * A type test (npm test type-checks it, nothing runs it): the JSON-LD that
 * src/structured-data/json-ld.ts writes has schema.org's shape for a ResearchProject, and
 * for an ItemList of them, as schema-dts types it. An example of every kind of value the
 * module writes, typed with the module's own node type and then with schema.org's: a
 * top-level property schema.org does not have, or a value of the wrong type, fails the type
 * check (a nested property that schema.org lacks is not caught).
 */
import type {ItemList, ResearchProject, WithContext} from 'schema-dts';
import type {JsonLdNode} from '../../src/structured-data/json-ld.js';

/** Every key of any member of a union (schema-dts types are unions). */
type AnyKey<S> = S extends unknown ? keyof S : never;
/**
 * `T`, where a top-level key that `S` does not have must be `never`: a typed variable is not
 * checked for properties its type lacks (only a fresh object literal is), so say it here.
 */
type Only<T, S> = T & Record<Exclude<keyof T, AnyKey<S>>, never>;

const written = {
  '@context': 'https://schema.org',
  '@type': 'ResearchProject',
  '@id': 'https://example.org/loft#project',
  name: 'LOFT',
  alternateName: 'LOFT – Leda och organisera förnyelse och transformation',
  description: 'Ett partnerskap.',
  url: 'https://example.org/loft',
  sameAs: 'https://loft.example.org/',
  foundingDate: '2023-09',
  dissolutionDate: '2026',
  keywords: {'@type': 'DefinedTerm', termCode: 'ongoing', name: 'Pågående'},
  identifier: [{'@type': 'PropertyValue', propertyID: 'vinnova', value: '2023-01234'}],
  member: [
    {
      '@type': 'OrganizationRole',
      roleName: 'Projektledare',
      member: {'@type': 'ResearchOrganization', '@id': 'https://www.ri.se/#organization', name: 'RISE', url: 'https://www.ri.se/'},
    },
    {
      '@type': 'OrganizationRole',
      roleName: ['Kontaktperson', 'Projektledare'],
      member: {
        '@type': 'Person',
        '@id': 'https://orcid.org/0000-0002-1825-0097',
        name: 'Amanda Sundberg',
        givenName: 'Amanda',
        jobTitle: 'Forskare',
        worksFor: {'@id': 'https://www.ri.se/#organization'},
        url: 'https://www.ri.se/sv/person/amanda-sundberg',
        sameAs: 'https://orcid.org/0000-0002-1825-0097',
        image: 'https://www.ri.se/amanda.jpg',
      },
    },
  ],
  funder: [{'@id': 'https://www.vinnova.se/#organization'}],
  contactPoint: {'@type': 'ContactPoint', contactType: 'Kontaktperson', name: 'Amanda Sundberg', email: 'amanda@example.org', telephone: '+46 10 000 00 00', url: 'https://www.ri.se/sv/person/amanda-sundberg'},
} as const satisfies JsonLdNode;

export const typed: WithContext<ResearchProject> & Only<typeof written, WithContext<ResearchProject>> = written;

const list = {
  '@context': 'https://schema.org',
  '@type': 'ItemList',
  name: 'Projekt',
  numberOfItems: 12,
  itemListElement: [{'@type': 'ListItem', position: 1, item: {'@type': 'ResearchProject', '@id': 'https://example.org/loft#project', name: 'LOFT', url: 'https://example.org/loft'}}],
} as const satisfies JsonLdNode;

export const typedList: WithContext<ItemList> & Only<typeof list, WithContext<ItemList>> = list;
