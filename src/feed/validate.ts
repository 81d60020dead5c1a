/**
 * Checks a parsed feed against the schema, item by item, so that one broken field never
 * hides more than it must: a problem in an optional field (or one entry of a list) drops
 * just that, a problem in a required field drops that item (an element that asks for it
 * by id shows an error with the item's problem), and only a document that is not an object
 * or has a missing or wrong `version` is fatal for the whole feed.
 *
 * Speed: each item is first tried with a checker compiled once from the valibot schema
 * (plain boolean closures, no issue objects, no copies), so a correct feed costs little more
 * than `JSON.parse`; only an item that fails goes through valibot for the exact issues. The
 * checker is derived from the same schema objects, so there is still one source of truth;
 * anything it does not know it hands to valibot.
 *
 * Runs in browsers and in Node (the validator CLI), so it uses no DOM.
 */
import * as v from 'valibot';
import {COLLECTIONS, DateSchema, IdSchema, LabelsSchema, LanguageTagSchema, type Feed} from './schema.js';

/** Codes of `loft-error`, as the public contract lists them. */
export type ErrorCode =
  | 'feed-unreachable'
  | 'feed-timeout'
  | 'feed-not-json'
  | 'feed-too-large'
  | 'feed-version'
  | 'feed-invalid'
  | 'not-found'
  | 'field-dropped';

/** One problem found in a feed, for editors: where, what rule, and how to fix it. */
export interface Problem {
  code: ErrorCode;
  /** JSON path like `projects[0].status`; empty for the whole document. */
  path: string;
  /** English text for editors: the path, the rule broken, what was found and how to fix it. */
  message: string;
  /** True when nothing from this feed can be shown. */
  fatal: boolean;
  /**
   * True when a whole item (a project, person, organisation or contact form) was left out
   * because a required field is broken; false when only a field or a list entry was.
   */
  skipped?: boolean;
}

export type CollectionName = keyof typeof COLLECTIONS;

export interface ValidationResult {
  /** The usable feed, or undefined when a fatal problem was found. */
  feed?: Feed;
  problems: Problem[];
  /**
   * Problems by the item they belong to, keyed `collection/id` (e.g. `projects/loft`), so an
   * element that asks for that item can say what is wrong with it (see `problemsOf` in load.ts).
   */
  byItem: Map<string, Problem[]>;
}

export interface ValidateOptions {
  /** Known message ids: a `labels` entry for another id is reported (and ignored). */
  messageIds?: readonly string[];
}

type AnySchema = v.GenericSchema & {
  type: string;
  kind: string;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
  options?: readonly unknown[];
  literal?: unknown;
  key?: AnySchema;
  value?: AnySchema;
  pipe?: readonly AnySchema[];
  requirement?: unknown;
  expects?: string;
};
type Key = string | number;

/** `projects[0].participants[2].role` */
export function formatPath(keys: readonly Key[]): string {
  let out = '';
  for (const key of keys) {
    out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? '.' : '') + key : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** A value as the editor wrote it, shortened, with control characters made visible. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify makes control characters visible (\n, \u0000).
  const text = typeof value === 'string' ? `'${JSON.stringify(value).slice(1, -1)}'` : Array.isArray(value) ? 'a list' : value && typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…${text[0] === "'" ? "'" : ''}` : text;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text (a JSON string)',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
};

/** What an issue expected, in words for editors. */
function expectedOf(issue: v.BaseIssue<unknown>, schema?: AnySchema): string {
  const type = issue.type;
  if (issue.kind === 'validation') {
    const requirement = (issue as {requirement?: unknown}).requirement;
    if (type === 'max_length') return `at most ${requirement} characters`;
    if (type === 'min_length') return requirement === 1 ? 'a text that is not empty' : `at least ${requirement} characters`;
    // regex and check carry their own words (see schema.ts).
    return issue.message;
  }
  if (type === 'picklist' || type === 'literal' || type === 'variant') {
    const options = (issue.expected ?? '').replace(/[()"]/g, '').split(' | ');
    return options.length > 1 ? `one of ${options.join(', ')}` : options[0];
  }
  if (type === 'union' && schema?.options) {
    return (schema.options as AnySchema[])
      .map((o) =>
        o.type === 'record'
          ? 'an object of language tags to texts like {"sv": "…", "en": "…"}'
          : o.type === 'object'
            ? `an object with ${Object.keys(o.entries!).map((k) => `"${k}"`).join(' and ')}`
            : (TYPE_NAMES[o.type] ?? o.type)
      )
      .join(', or ');
  }
  return TYPE_NAMES[type] ?? issue.expected ?? type;
}

/** "expected …, got …" for one valibot issue; `schema` is the one at the issue's path, if known. */
export function describeIssue(issue: v.BaseIssue<unknown>, schema?: AnySchema): string {
  if (issue.input === undefined && issue.kind === 'schema') return `is required but missing${issue.type === 'object' && issue.expected ? `: add ${issue.expected}` : ''}`;
  return `expected ${expectedOf(issue, schema)}, got ${show(issue.input)}`;
}

/** The schema at a path inside `schema`, or undefined where the path leaves it. */
function schemaAt(schema: AnySchema, keys: readonly Key[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(schema);
  for (const key of keys) {
    if (!current) return undefined;
    if (current.type === 'object' && typeof key === 'string') current = current.entries && Object.prototype.hasOwnProperty.call(current.entries, key) ? current.entries[key] : undefined;
    else if (current.type === 'array' && typeof key === 'number') current = current.item;
    else if (current.type === 'record') current = current.value;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

// ---------------------------------------------------------------------------------------
// The fast path: a boolean checker compiled from the valibot schema. It may be stricter
// than valibot (then valibot decides), never more lenient.

type Check = (value: unknown) => boolean;
const compiled = new WeakMap<object, Check>();

function compile(schema: AnySchema): Check {
  let check = compiled.get(schema);
  if (!check) {
    check = build(schema) ?? ((x: unknown) => v.is(schema, x));
    compiled.set(schema, check);
  }
  return check;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function action(a: {type: string; requirement?: unknown}): Check | undefined {
  const r = a.requirement;
  switch (a.type) {
    case 'regex':
      return (r as RegExp).global || (r as RegExp).sticky ? undefined : (x) => (r as RegExp).test(x as string);
    case 'max_length':
      return (x) => (x as string).length <= (r as number);
    case 'min_length':
      return (x) => (x as string).length >= (r as number);
    case 'check':
      return (x) => (r as (x: unknown) => boolean)(x);
    default:
      return undefined;
  }
}

function build(schema: AnySchema): Check | undefined {
  if (schema.async) return undefined;
  if (schema.pipe) {
    const [first, ...rest] = schema.pipe;
    const base = first === schema ? undefined : compile(first);
    if (!base) return undefined;
    const checks: Check[] = [];
    for (const a of rest as unknown as {kind: string; type: string; requirement?: unknown}[]) {
      if (a.kind !== 'validation') {
        if (a.kind === 'metadata') continue;
        return undefined; // a transformation: only valibot knows the output
      }
      const c = action(a);
      if (!c) return undefined;
      checks.push(c);
    }
    return checks.length === 0
      ? base
      : (x) => {
          if (!base(x)) return false;
          for (let i = 0; i < checks.length; i++) if (!checks[i](x)) return false;
          return true;
        };
  }
  switch (schema.type) {
    case 'string':
      return (x) => typeof x === 'string';
    case 'boolean':
      return (x) => typeof x === 'boolean';
    case 'literal':
      return (x) => x === schema.literal;
    case 'picklist': {
      const options = new Set(schema.options);
      return (x) => options.has(x);
    }
    case 'optional':
    case 'nullable': {
      if ('default' in schema && (schema as {default?: unknown}).default !== undefined) return undefined;
      const inner = compile(schema.wrapped!);
      if (schema.type === 'optional') return (x) => x === undefined || inner(x);
      return (x) => x === null || inner(x);
    }
    case 'object': {
      const keys = Object.keys(schema.entries!);
      const checks = keys.map((k) => compile(schema.entries![k]));
      return (x) => {
        if (!isObject(x)) return false;
        for (let i = 0; i < keys.length; i++) if (!checks[i](x[keys[i]])) return false;
        return true;
      };
    }
    case 'array': {
      const item = compile(schema.item!);
      return (x) => {
        if (!Array.isArray(x)) return false;
        for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
        return true;
      };
    }
    case 'record': {
      const key = compile(schema.key!);
      const value = compile(schema.value!);
      return (x) => {
        if (!isObject(x)) return false;
        for (const k in x) {
          if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
          if (!key(k) || !value(x[k])) return false;
        }
        return true;
      };
    }
    case 'union':
    case 'variant': {
      const options = (schema.options as AnySchema[]).map(compile);
      return (x) => {
        for (let i = 0; i < options.length; i++) if (options[i](x)) return true;
        return false;
      };
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// The slow path: valibot's issues, and removal of what they point at.

function unwrap(schema: AnySchema): AnySchema {
  while ((schema.type === 'optional' || schema.type === 'nullable' || schema.type === 'nullish') && schema.wrapped) {
    schema = schema.wrapped;
  }
  return schema;
}

/**
 * How much of an item must go for an issue at `keys`: the deepest optional field or list
 * entry on the path (its length in keys), or -1 when only the whole item can go.
 */
function dropDepth(schema: AnySchema, keys: readonly Key[]): number {
  let current = unwrap(schema);
  let depth = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (current.type === 'object' && current.entries && typeof key === 'string' && Object.prototype.hasOwnProperty.call(current.entries, key)) {
      const entry = current.entries[key];
      if (entry.type === 'optional' || entry.type === 'nullish') depth = i + 1;
      current = unwrap(entry);
    } else if (current.type === 'array' && current.item && typeof key === 'number') {
      depth = i + 1;
      current = unwrap(current.item);
    } else {
      break;
    }
  }
  return depth;
}

const REMOVED = Symbol('removed');

function removeAt(root: unknown, keys: readonly Key[]): void {
  let parent: unknown = root;
  for (const key of keys.slice(0, -1)) {
    if (!parent || typeof parent !== 'object') return;
    parent = (parent as Record<Key, unknown>)[key];
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = REMOVED;
  else if (parent && typeof parent === 'object') delete (parent as Record<Key, unknown>)[last];
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((x) => x !== REMOVED).map(compact);
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) (value as Record<string, unknown>)[k] = compact((value as Record<string, unknown>)[k]);
  }
  return value;
}

function copy<T>(value: T): T {
  return typeof structuredClone === 'function' ? structuredClone(value) : JSON.parse(JSON.stringify(value));
}

const issueKeys = (issue: v.BaseIssue<unknown>): Key[] => (issue.path ?? []).map((p) => p.key as Key);

/**
 * Checks one item that the fast path refused. Returns valibot's output, a copy with bad
 * optional parts removed, or undefined when a required part is broken. Problems go to `report`.
 */
function checkItem(schema: AnySchema, item: unknown, base: Key[], report: (p: Problem) => void, what: string): unknown {
  let result = v.safeParse(schema, item);
  if (result.success) return result.output;
  const seen = new Set<string>();
  let working: unknown = item;
  for (let round = 0; round < 5 && !result.success; round++) {
    const drops: Key[][] = [];
    let skip = false;
    for (const issue of result.issues) {
      const keys = issueKeys(issue);
      const depth = dropDepth(schema, keys);
      const path = formatPath([...base, ...keys]);
      const problem: Problem =
        depth < 0
          ? {code: 'feed-invalid', path, message: `${path}: ${describeIssue(issue, schemaAt(schema, keys))}. This ${what} is left out until it is fixed.`, fatal: false, skipped: true}
          : {
              code: 'field-dropped',
              path,
              message: `${path}: ${describeIssue(issue, schemaAt(schema, keys))}. ${depth === keys.length ? 'It' : `The whole of ${formatPath([...base, ...keys.slice(0, depth)])}`} is left out; fix or remove it.`,
              fatal: false,
            };
      if (depth < 0) skip = true;
      else drops.push(keys.slice(0, depth));
      if (!seen.has(problem.message)) {
        seen.add(problem.message);
        report(problem);
      }
    }
    if (skip) return undefined;
    // Work on a copy (the caller's object may be shared: the `.data` property). List
    // entries are only marked here and filtered out by compact(), so indexes never shift;
    // deepest first, so a field inside an entry goes before the entry itself.
    if (working === item) working = copy(item);
    drops.sort((a, b) => b.length - a.length);
    for (const keys of drops) removeAt(working, keys);
    working = compact(working);
    result = v.safeParse(schema, working);
  }
  return result.success ? result.output : undefined;
}

const WHAT = {organizations: 'organisation', people: 'person', projects: 'project', contactForms: 'contact form'} as const;

/** Validates a parsed feed. Never throws; never changes `raw`. */
export function validateFeed(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const problems: Problem[] = [];
  const byItem = new Map<string, Problem[]>();
  if (!isObject(raw)) {
    problems.push({
      code: 'feed-invalid',
      path: '',
      message: `The feed must be a JSON object like {"version": 1, "projects": […]}, got ${Array.isArray(raw) ? 'a list' : show(raw)}.`,
      fatal: true,
    });
    return {problems, byItem};
  }
  const doc = raw;
  if (doc.version !== 1) {
    problems.push({
      code: 'feed-version',
      path: 'version',
      message:
        doc.version === undefined
          ? 'version: is required but missing. Add "version": 1 at the top of the feed.'
          : `version: expected 1, got ${show(doc.version)}. Write "version": 1 and follow the version 1 format.`,
      fatal: true,
    });
    return {problems, byItem};
  }

  const field = (name: string, schema: AnySchema, hint: string): string | undefined => {
    const value = doc[name];
    if (value === undefined) return undefined;
    if (compile(schema)(value)) return value as string;
    const issue = v.safeParse(schema, value).issues?.[0];
    problems.push({code: 'field-dropped', path: name, message: `${name}: ${issue ? describeIssue(issue) : `got ${show(value)}`}. ${hint}`, fatal: false});
    return undefined;
  };
  const language = field('language', LanguageTagSchema as AnySchema, 'Swedish ("sv") is assumed.') ?? 'sv';
  const feed: Feed = {version: 1, language, organizations: [], people: [], projects: [], contactForms: [], labels: {}};
  const publisher = field('publisher', IdSchema as AnySchema, 'It is left out.');
  if (publisher !== undefined) feed.publisher = publisher;
  const updated = field('updated', DateSchema as AnySchema, 'It is left out.');
  if (updated !== undefined) feed.updated = updated;

  // Where each kept item was in the document, for paths editors can find.
  const indexes = {} as Record<CollectionName, number[]>;
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const schema = COLLECTIONS[name] as unknown as AnySchema;
    const fast = compile(schema);
    const list = doc[name];
    const kept: unknown[] = [];
    const at: number[] = [];
    indexes[name] = at;
    (feed[name] as unknown[]) = kept;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({code: 'field-dropped', path: name, message: `${name}: expected a list ([…]), got ${show(list)}. It is left out.`, fatal: false});
      continue;
    }
    const seen = new Set<string>();
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      const checked = (fast(item) ? item : checkItem(schema, item, [name, index], reporter(name, item), WHAT[name])) as {id: string} | undefined;
      if (!checked) continue;
      if (seen.has(checked.id)) {
        const path = formatPath([name, index, 'id']);
        problems.push({
          code: 'feed-invalid',
          path,
          message: `${path}: the id '${checked.id}' is used twice. Only the first ${WHAT[name]} with it is shown; give each its own id.`,
          fatal: false,
          skipped: true,
        });
        continue;
      }
      seen.add(checked.id);
      kept.push(checked);
      at.push(index);
    }
  }

  function reporter(name: CollectionName, item: unknown) {
    const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    return (problem: Problem) => {
      problems.push(problem);
      if (id === undefined) return;
      const own = byItem.get(`${name}/${id}`);
      if (own) own.push(problem);
      else byItem.set(`${name}/${id}`, [problem]);
    };
  }

  if (doc.labels !== undefined) feed.labels = checkLabels(doc.labels, options, problems);
  checkReferences(feed, indexes, problems, byItem);
  return {feed, problems, byItem};
}

/** Keeps every well-formed label; reports the rest one by one. */
function checkLabels(raw: unknown, options: ValidateOptions, problems: Problem[]): Feed['labels'] {
  const labels: Feed['labels'] = {};
  const drop = (path: string, why: string) => problems.push({code: 'field-dropped', path, message: `${path}: ${why}`, fatal: false});
  if (!isObject(raw)) {
    drop('labels', `expected an object like {"sv": {"<message id>": "text"}}, got ${show(raw)}. It is left out.`);
    return labels;
  }
  const known = options.messageIds && new Set(options.messageIds);
  const isLang = compile(LanguageTagSchema as AnySchema);
  const isText = compile((LabelsSchema as unknown as AnySchema).value!.value!);
  for (const lang of Object.keys(raw)) {
    const path = formatPath(['labels', lang]);
    const own = raw[lang];
    if (!isLang(lang)) {
      drop(path, `expected a language tag like "sv", got ${show(lang)}. It is left out.`);
      continue;
    }
    if (!isObject(own)) {
      drop(path, `expected an object of message ids to texts, got ${show(own)}. It is left out.`);
      continue;
    }
    const out: Record<string, string> = {};
    for (const id of Object.keys(own)) {
      const at = formatPath(['labels', lang, id]);
      if (known && !known.has(id)) drop(at, `there is no message with the id '${id}' (the README lists them). It is left out.`);
      else if (!isText(own[id])) drop(at, `expected a text of at most 2000 characters, got ${show(own[id])}. It is left out.`);
      else out[id] = own[id] as string;
    }
    labels[lang] = out;
  }
  return labels;
}

/**
 * The references JSON Schema cannot check: [collection, object or list in the item ('' for
 * the item itself), field, collection it points to, whether a list entry goes with it].
 */
type Ref = Record<string, any>;
const REFERENCES: [CollectionName, string, string, CollectionName, boolean, (x: Ref) => unknown, (item: Ref) => unknown][] = [
  // The getters are written out (not x[field]) because that is several times faster here.
  ['people', '', 'organization', 'organizations', false, (x) => x.organization, (x) => x],
  ['people', '', 'contactForm', 'contactForms', false, (x) => x.contactForm, (x) => x],
  ['projects', 'participants', 'organization', 'organizations', true, (x) => x.organization, (x) => x.participants],
  ['projects', 'members', 'person', 'people', true, (x) => x.person, (x) => x.members],
  ['projects', 'quotes', 'organization', 'organizations', false, (x) => x.organization, (x) => x.quotes],
  ['projects', '', 'contactForm', 'contactForms', false, (x) => x.contactForm, (x) => x],
  ['projects', '', 'contactPerson', 'people', false, (x) => x.contactPerson, (x) => x],
  ['contactForms', 'controller', 'organization', 'organizations', false, (x) => x.organization, (x) => x.controller],
];

/**
 * Every id that points elsewhere must exist; a dangling reference is left out. Copy on
 * write: kept items may be the caller's own objects.
 */
function checkReferences(feed: Feed, indexes: Record<CollectionName, number[]>, problems: Problem[], byItem: Map<string, Problem[]>): void {
  const ids = {} as Record<CollectionName, Set<string>>;
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) ids[name] = new Set((feed[name] as {id: string}[]).map((x) => x.id));
  const dangling = (owner: string, path: string, target: CollectionName, id: unknown) => {
    const problem: Problem = {
      code: 'field-dropped',
      path,
      message: `${path}: there is no ${WHAT[target]} with the id '${id}' in this feed. It is left out; add that ${WHAT[target]} or fix the id.`,
      fatal: false,
    };
    problems.push(problem);
    if (!owner) return;
    const own = byItem.get(owner);
    if (own) own.push(problem);
    else byItem.set(owner, [problem]);
  };
  if (feed.publisher !== undefined && !ids.organizations.has(feed.publisher)) {
    dangling('', 'publisher', 'organizations', feed.publisher);
    delete feed.publisher;
  }
  for (const [name, container, field, target, entryGoes, get, inside] of REFERENCES) {
    const list = feed[name] as Ref[];
    const known = ids[target];
    const ok = (x: Ref) => {
      const id = get(x);
      return id === undefined || known.has(id as string);
    };
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      // What holds the reference: the item, one object in it, or a list of objects.
      const holder = inside(item) as Ref | Ref[] | undefined;
      if (!holder || (Array.isArray(holder) ? holder.every(ok) : ok(holder))) continue;
      const at = `${name}[${indexes[name][k]}]`;
      const owner = `${name}/${item.id}`;
      if (!container) {
        dangling(owner, `${at}.${field}`, target, item[field]);
        const {[field]: _, ...rest} = item;
        list[k] = rest;
        continue;
      }
      const many = Array.isArray(holder);
      const entries = many ? holder : [holder];
      const kept: Ref[] = [];
      entries.forEach((entry, i) => {
        if (ok(entry)) {
          kept.push(entry);
          return;
        }
        dangling(owner, `${at}.${container}${many ? `[${i}]` : ''}.${field}`, target, entry[field]);
        if (!entryGoes) {
          const {[field]: _, ...rest} = entry;
          kept.push(rest);
        }
      });
      list[k] = {...item, [container]: many ? kept : kept[0]};
    }
  }
}
