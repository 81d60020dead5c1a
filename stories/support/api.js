// What custom-elements.json says an element offers, table by table, as its docs page shows
// it. Shared by the argTypes (manifest.ts) and the CI smoke test, which reads the rendered
// tables back. A name may be in several tables (the contact form's `form` is an attribute, a
// property and a CSS part): each table lists it under its own heading.

/** Whether a class member is public API (the analyzer also lists protected, private and `_x` members). */
export const isPublicMember = (member) =>
  !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name?.startsWith('_');

/** An element's docs tables, by their heading on the docs page, each with its manifest items. */
export function apiTables(declaration) {
  return {
    attributes: declaration.attributes ?? [],
    properties: (declaration.members ?? []).filter((member) => member.kind === 'field' && isPublicMember(member)),
    events: declaration.events ?? [],
    slots: declaration.slots ?? [],
    'css shadow parts': declaration.cssParts ?? [],
    'css custom properties': declaration.cssProperties ?? [],
  };
}
