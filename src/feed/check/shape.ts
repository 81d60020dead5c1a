/**
 * The feed schema as plain data, for the slow path (repair.ts): what the generator
 * (scripts/generate-feed-checks.mjs) writes to `generated/shapes.ts` from the valibot
 * schema. Each node keeps the facts valibot's issues are made of (its `expects` text, an
 * action's requirement and message), so the editor messages come out as valibot's did.
 */
import type {CollectionName} from '../schema.js';

/** A validation action of a `v.pipe`, as valibot has it. */
export type Action =
  | {type: 'regex'; requirement: RegExp; message: string}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a valibot check takes whatever value it is given
  | {type: 'check'; requirement: (value: any) => boolean; message: string}
  /** On a record: at least `requirement` entries that valibot keeps (own keys but `__proto__`, `prototype`, `constructor`). */
  | {type: 'min_entries'; requirement: number; message: string}
  | {type: 'max_length' | 'min_length'; requirement: number};

/** An object entry: its key, its schema, and whether it is optional (then it can be left out). */
export type Entry = readonly [key: string, shape: Shape, optional: boolean];

export type Shape = (
  | {type: 'string'; actions: readonly Action[]}
  | {type: 'boolean'}
  | {type: 'literal' | 'picklist'; options: readonly unknown[]; expects: string}
  | {type: 'nullable'; wrapped: Shape}
  | {type: 'object'; entries: readonly Entry[]}
  | {type: 'array'; item: Shape}
  | {type: 'record'; key: Shape; value: Shape; actions: readonly Action[]}
  | {type: 'union'; options: readonly Shape[]; expects: string}
  /** Options by the literal value of their `key`; `expects` lists those values. */
  | {type: 'variant'; key: string; options: readonly (readonly [unknown, Shape])[]; expects: string}
) & {
  /**
   * The generated check (generated/check.ts) of a part the slow path walks step by step (a
   * list, a localized text, a union or variant with an object in it): a value that passes it
   * has no issue, so the slow path keeps it without walking it.
   */
  valid?: (value: unknown) => boolean;
};

/**
 * An id field that must name an item of another collection: `field` of the item, of the
 * object `container` in it, or of each entry of the list `container`. `entryGoes`: a
 * dangling id takes its list entry with it (the field is required there); otherwise just
 * the field goes.
 */
export interface Reference {
  container?: string;
  many: boolean;
  field: string;
  target: CollectionName;
  entryGoes: boolean;
}

/**
 * `s` with every property a shape of any type has, in one order (those it lacks undefined).
 * The walk reads `type` and the rest on values of nine kinds of shape; objects of one layout
 * V8 reads fastest (a feed of projects with 30 wrong paragraphs each: 12 % less time).
 */
export function shape(s: Shape): Shape {
  const all = s as Partial<Record<string, unknown>>;
  return {type: s.type, actions: all.actions, options: all.options, expects: all.expects, wrapped: all.wrapped, entries: all.entries, item: all.item, key: all.key, value: all.value, valid: s.valid} as Shape;
}
