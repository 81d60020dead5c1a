/**
 * Checks a parsed feed against the schema, item by item, so that one broken field never
 * hides more than it must: a problem in an optional field (or one entry of a list) drops
 * just that, a problem in a required field drops that item, and only a missing or wrong
 * `version` (or a document that is not an object) is fatal for the whole feed.
 *
 * Runs in browsers and in Node (the validator CLI), so it uses no DOM.
 */
import * as v from 'valibot';
import {COLLECTIONS, LabelsSchema, type Feed} from './schema.js';

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
  /** English text for editors. */
  message: string;
  /** True when nothing from this feed can be shown. */
  fatal: boolean;
}

export interface ValidationResult {
  /** The usable feed, or undefined when a fatal problem was found. */
  feed?: Feed;
  problems: Problem[];
}

type AnySchema = v.GenericSchema & {
  type: string;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  wrapped?: AnySchema;
};
type Key = string | number;

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** `projects[0].participants[2].role` */
export function formatPath(keys: readonly Key[]): string {
  let out = '';
  for (const key of keys) {
    out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? '.' : '') + key : `[${JSON.stringify(key)}]`;
  }
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.input === undefined && issue.kind === 'schema') return 'is required but missing';
  let expected: string;
  if (issue.type === 'picklist' || issue.type === 'literal') {
    expected = `one of ${issue.expected?.replace(/[()"]/g, '').split(' | ').join(', ')}`;
  } else if (issue.type === 'union' && issue.expected === null) {
    expected = 'a string or an object of language tags to strings';
  } else if (issue.kind === 'validation') {
    expected = issue.type === 'check' ? issue.message : `${issue.type.replace(/_/g, ' ')} ${issue.requirement ?? ''}`.trim();
    if (issue.type === 'regex') expected = 'the documented format';
    if (issue.type === 'max_length' || issue.type === 'min_length') expected = `length ${issue.expected}`;
  } else {
    expected = issue.expected ?? issue.type;
  }
  return `expected ${expected}, got ${show(issue.input)}`;
}

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
    if (current.type === 'object' && current.entries && typeof key === 'string' && key in current.entries) {
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

function removeAt(root: Record<string, unknown>, keys: readonly Key[]): void {
  let parent: unknown = root;
  for (const key of keys.slice(0, -1)) {
    if (!parent || typeof parent !== 'object') return;
    parent = (parent as Record<Key, unknown>)[key];
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = REMOVED;
  else if (parent && typeof parent === 'object') delete (parent as Record<Key, unknown>)[last];
}

const REMOVED = Symbol('removed');

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((x) => x !== REMOVED).map(compact);
  if (value && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) (value as Record<string, unknown>)[k] = compact(x);
  }
  return value;
}

function issueKeys(issue: v.BaseIssue<unknown>): Key[] {
  return (issue.path ?? []).map((p) => p.key as Key);
}

/**
 * Checks one item. Returns the item with bad optional parts removed, or undefined when a
 * required part is broken. Problems are pushed to `problems`.
 */
function checkItem(
  schema: AnySchema,
  item: unknown,
  base: Key[],
  problems: Problem[],
  what: string
): unknown {
  let result = v.safeParse(schema, item);
  if (result.success) return result.output;
  // Work on a copy: the caller's object may be shared (the `.data` property).
  let copy = typeof structuredClone === 'function' ? structuredClone(item) : JSON.parse(JSON.stringify(item));
  for (let round = 0; round < 5 && !result.success; round++) {
    const fatal: v.BaseIssue<unknown>[] = [];
    const drops: Key[][] = [];
    for (const issue of result.issues) {
      const keys = issueKeys(issue);
      const depth = dropDepth(schema, keys);
      const path = formatPath([...base, ...keys]);
      if (depth < 0) {
        fatal.push(issue);
        problems.push({
          code: 'feed-invalid',
          path,
          message: `${path}: ${describeIssue(issue)}. This ${what} cannot be shown until it is fixed.`,
          fatal: false,
        });
      } else {
        const dropped = keys.slice(0, depth);
        drops.push(dropped);
        problems.push({
          code: 'field-dropped',
          path,
          message: `${path}: ${describeIssue(issue)}. ${formatPath([...base, ...dropped])} is left out; fix or remove it.`,
          fatal: false,
        });
      }
    }
    if (fatal.length) return undefined;
    // Deepest first, so a field inside an entry goes before the entry itself. List entries
    // are only marked here and filtered out by compact(), so indexes never shift.
    drops.sort((a, b) => b.length - a.length);
    for (const keys of drops) removeAt(copy, keys);
    copy = compact(copy);
    result = v.safeParse(schema, copy);
  }
  return result.success ? result.output : undefined;
}

/** Validates a parsed feed. Never throws. */
export function validateFeed(raw: unknown): ValidationResult {
  const problems: Problem[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({code: 'feed-invalid', path: '', message: 'The feed must be a JSON object, like {"version": 1, "projects": […]}.', fatal: true});
    return {problems};
  }
  const doc = raw as Record<string, unknown>;
  if (doc.version !== 1) {
    problems.push({
      code: 'feed-version',
      path: 'version',
      message: `version: expected 1, got ${show(doc.version)}. Add "version": 1 at the top of the feed.`,
      fatal: true,
    });
    return {problems};
  }

  let language = 'sv';
  if (typeof doc.language === 'string' && LANG.test(doc.language)) language = doc.language;
  else if (doc.language !== undefined) {
    problems.push({code: 'field-dropped', path: 'language', message: `language: expected a BCP 47 language tag like "sv", got ${show(doc.language)}. Swedish is assumed.`, fatal: false});
  }

  const feed: Feed = {version: 1, language, organizations: [], people: [], projects: [], contactForms: [], labels: {}};
  for (const name of ['publisher', 'updated'] as const) {
    const value = doc[name];
    if (value === undefined) continue;
    const ok = typeof value === 'string' && (name === 'publisher' ? /^[a-z0-9][a-z0-9._-]*$/ : /^\d{4}(-\d{2}(-\d{2})?)?$/).test(value);
    if (ok) feed[name] = value as string;
    else problems.push({code: 'field-dropped', path: name, message: `${name}: expected ${name === 'publisher' ? 'an organisation id' : 'an ISO 8601 date'}, got ${show(value)}. It is left out.`, fatal: false});
  }

  const what = {organizations: 'organisation', people: 'person', projects: 'project', contactForms: 'contact form'} as const;
  for (const [name, schema] of Object.entries(COLLECTIONS) as [keyof typeof COLLECTIONS, AnySchema][]) {
    const list = doc[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({code: 'field-dropped', path: name, message: `${name}: expected a list ([…]), got ${show(list)}. It is left out.`, fatal: false});
      continue;
    }
    const seen = new Set<string>();
    const out: unknown[] = [];
    list.forEach((item, index) => {
      const checked = checkItem(schema, item, [name, index], problems, what[name]) as {id: string} | undefined;
      if (!checked) return;
      if (seen.has(checked.id)) {
        problems.push({code: 'field-dropped', path: formatPath([name, index, 'id']), message: `${formatPath([name, index, 'id'])}: the id '${checked.id}' is used twice. Only the first ${what[name]} with it is shown; give each its own id.`, fatal: false});
        return;
      }
      seen.add(checked.id);
      out.push(checked);
    });
    (feed[name] as unknown[]) = out;
  }

  if (doc.labels !== undefined) {
    const labels = v.safeParse(LabelsSchema, doc.labels);
    if (labels.success) feed.labels = labels.output;
    else problems.push({code: 'field-dropped', path: 'labels', message: `labels: expected {"<language>": {"<message id>": "text"}}. The built-in texts are used.`, fatal: false});
  }

  checkReferences(feed, doc, problems);
  return {feed, problems};
}

/** Cross-references JSON Schema cannot express: every id that points elsewhere must exist. */
function checkReferences(feed: Feed, doc: Record<string, unknown>, problems: Problem[]): void {
  const orgs = new Set(feed.organizations.map((o) => o.id));
  const people = new Set(feed.people.map((p) => p.id));
  const forms = new Set(feed.contactForms.map((f) => f.id));
  // Paths use the index in the original document, which editors see.
  const indexOf = (name: string, id: string) =>
    (doc[name] as {id?: unknown}[]).findIndex((x) => x && typeof x === 'object' && x.id === id);
  const dangling = (path: string, kind: string, id: string) =>
    problems.push({
      code: 'field-dropped',
      path,
      message: `${path}: there is no ${kind} with the id '${id}' in this feed. It is left out; add that ${kind} or fix the id.`,
      fatal: false,
    });

  if (feed.publisher !== undefined && !orgs.has(feed.publisher)) {
    dangling('publisher', 'organisation', feed.publisher);
    delete feed.publisher;
  }
  for (const person of feed.people) {
    const at = `people[${indexOf('people', person.id)}]`;
    if (person.organization !== undefined && !orgs.has(person.organization)) {
      dangling(`${at}.organization`, 'organisation', person.organization);
      delete person.organization;
    }
    if (person.contactForm !== undefined && !forms.has(person.contactForm)) {
      dangling(`${at}.contactForm`, 'contact form', person.contactForm);
      delete person.contactForm;
    }
  }
  for (const project of feed.projects) {
    const at = `projects[${indexOf('projects', project.id)}]`;
    project.participants = project.participants.filter((p, i) => {
      if (orgs.has(p.organization)) return true;
      dangling(`${at}.participants[${i}].organization`, 'organisation', p.organization);
      return false;
    });
    if (project.members) {
      project.members = project.members.filter((m, i) => {
        if (people.has(m.person)) return true;
        dangling(`${at}.members[${i}].person`, 'person', m.person);
        return false;
      });
    }
    project.quotes?.forEach((q, i) => {
      if (q.organization !== undefined && !orgs.has(q.organization)) {
        dangling(`${at}.quotes[${i}].organization`, 'organisation', q.organization);
        delete q.organization;
      }
    });
    if (project.contactForm !== undefined && !forms.has(project.contactForm)) {
      dangling(`${at}.contactForm`, 'contact form', project.contactForm);
      delete project.contactForm;
    }
    if (project.contactPerson !== undefined && !people.has(project.contactPerson)) {
      dangling(`${at}.contactPerson`, 'person', project.contactPerson);
      delete project.contactPerson;
    }
  }
  for (const form of feed.contactForms) {
    const org = form.controller.organization;
    if (org !== undefined && !orgs.has(org)) {
      dangling(`contactForms[${indexOf('contactForms', form.id)}].controller.organization`, 'organisation', org);
      delete form.controller.organization;
    }
  }
}
