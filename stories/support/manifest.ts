// The Custom Elements Manifest as Storybook should show it: the public API only, each name
// in the table of its kind.
import type {ArgTypes} from '@storybook/web-components-vite';
import {apiTables, isPublicMember, type ApiItem} from './api.js';

type Declaration = {tagName?: string; members?: ApiItem[]; [key: string]: unknown};
type Manifest = {modules?: {declarations?: Declaration[]}[]};
type Control = ArgTypes[string]['control'];

/** The manifest without protected and private members (`_feed`, `_t` …), which are not for users. */
export function publicManifest<M extends Manifest>(manifest: M): M {
  const copy = structuredClone(manifest);
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.members) declaration.members = declaration.members.filter(isPublicMember);
    }
  }
  return copy;
}

/** The element's declaration in the manifest (attributes, events, CSS custom properties …). */
export function declarationOf(manifest: Manifest, tag: string): Declaration & Record<string, any> {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName === tag) return declaration;
  }
  throw new Error(`<${tag}> is not in custom-elements.json: run "npm run build-storybook" (it runs cem analyze first).`);
}

const camel = (name: string) => name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
/** Storybook's arg name for an event's action: `loft-load` → `onLoftLoad`. */
export const actionArg = (event: string) => 'on' + camel(event).replace(/^./, (c) => c.toUpperCase());

/**
 * The control for a value of this TypeScript type: a radio for a union of string literals.
 * Objects, not shorthands: Storybook does not normalize the argTypes a framework extracts.
 */
function controlFor(type = ''): Control {
  const literals = type.split('|').map((t) => t.trim());
  if (literals.every((t) => /^'[^']*'$/.test(t))) return {type: 'inline-radio', options: literals.map((t) => t.slice(1, -1))};
  if (type === 'number' || type === 'boolean') return {type};
  return {type: /\bstring\b/.test(type) ? 'text' : 'object'};
}

/** No control, and no "Setup controls" link either: the row is documentation only. */
const DOCS_ONLY: Control = {disable: true};

/**
 * Storybook's argTypes for an element, in place of the framework's, which keys every row by
 * its bare name, so that a part overwrites the attribute of the same name (the contact form's
 * `form`). Here only rows that take a value are keyed by name, as `renderElement` reads them:
 * attributes by attribute name, CSS custom properties by `--name`, properties without an
 * attribute by property name. Rows that are only documentation (events, slots, parts, and
 * properties that have an attribute) are keyed `<kind>:<name>`, so they cannot collide.
 */
export function argTypesOf(declaration: Record<string, any>): Partial<ArgTypes> {
  const argTypes: Partial<ArgTypes> = {};
  const row = (key: string, item: ApiItem, category: string, control: Control) => {
    argTypes[key] = {
      name: item.name,
      description: item.description,
      control,
      table: {
        category,
        type: item.type ? {summary: item.type.text} : undefined,
        defaultValue: item.default !== undefined ? {summary: item.default} : undefined,
      },
    };
  };
  const tables = apiTables(declaration);
  for (const attribute of tables.attributes) row(attribute.name, attribute, 'attributes', controlFor(attribute.type?.text));
  for (const property of tables.properties) {
    if (property.attribute) row(`property:${property.name}`, property, 'properties', DOCS_ONLY);
    else row(property.name, property, 'properties', controlFor(property.type?.text));
  }
  for (const event of tables.events) {
    row(`event:${event.name}`, event, 'events', DOCS_ONLY);
    argTypes[actionArg(event.name)] = {action: event.name, table: {disable: true}};
  }
  for (const slot of tables.slots) row(`slot:${slot.name}`, slot, 'slots', DOCS_ONLY);
  for (const part of tables['css shadow parts']) row(`part:${part.name}`, part, 'css shadow parts', DOCS_ONLY);
  for (const property of tables['css custom properties']) {
    row(property.name, property, 'css custom properties', {type: property.name.includes('color') ? 'color' : 'text'});
  }
  return argTypes;
}
