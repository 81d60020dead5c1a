// What the validator reported for one collection item when it ran valibot itself (before the
// checks were generated from the schema): valibot's issues, worded for editors, each with
// what it leaves out. The parity tests hold the generated checks and the slow path
// (src/feed/check/) to this, so the editor messages stay what they were.
import * as v from 'valibot';

const TYPE_NAMES = {
  string: 'a text (a JSON string)',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
};

export function formatPath(keys) {
  let out = '';
  for (const key of keys) out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? '.' : '') + key : `[${JSON.stringify(key)}]`;
  return out;
}

function show(value) {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? `'${JSON.stringify(value).slice(1, -1)}'` : Array.isArray(value) ? 'a list' : value && typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…${text[0] === "'" ? "'" : ''}` : text;
}

function expectedOf(issue, schema) {
  if (issue.kind === 'validation') {
    if (issue.type === 'max_length') return `at most ${issue.requirement} characters`;
    if (issue.type === 'min_length') return issue.requirement === 1 ? 'a text that is not empty' : `at least ${issue.requirement} characters`;
    return issue.message;
  }
  if (['picklist', 'literal', 'variant'].includes(issue.type)) {
    const options = (issue.expected ?? '').replace(/[()"]/g, '').split(' | ');
    return options.length > 1 ? `one of ${options.join(', ')}` : options[0];
  }
  if (issue.type === 'union' && schema?.options) {
    return schema.options
      .map((o) =>
        o.type === 'record'
          ? 'an object of language tags to texts like {"sv": "…", "en": "…"}'
          : o.type === 'object'
            ? `an object with ${Object.keys(o.entries).map((k) => `"${k}"`).join(' and ')}`
            : (TYPE_NAMES[o.type] ?? o.type)
      )
      .join(', or ');
  }
  return TYPE_NAMES[issue.type] ?? issue.expected ?? issue.type;
}

export function describeIssue(issue, schema) {
  if (issue.input === undefined && issue.kind === 'schema') return `is required but missing${issue.type === 'object' && issue.expected ? `: add ${issue.expected}` : ''}`;
  return `expected ${expectedOf(issue, schema)}, got ${show(issue.input)}`;
}

const unwrap = (s) => {
  while (['optional', 'nullable', 'nullish'].includes(s.type) && s.wrapped) s = s.wrapped;
  return s;
};

function schemaAt(schema, keys) {
  let current = unwrap(schema);
  for (const key of keys) {
    if (!current) return undefined;
    if (current.type === 'object' && typeof key === 'string') current = Object.hasOwn(current.entries, key) ? current.entries[key] : undefined;
    else if (current.type === 'array' && typeof key === 'number') current = current.item;
    else if (current.type === 'record') current = current.value;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

/** How many keys lead to the deepest optional field or list entry on the path; -1 when only the item can go. */
function dropDepth(schema, keys) {
  let current = unwrap(schema);
  let depth = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (current.type === 'object' && typeof key === 'string' && Object.hasOwn(current.entries, key)) {
      const entry = current.entries[key];
      if (entry.type === 'optional' || entry.type === 'nullish') depth = i + 1;
      current = unwrap(entry);
    } else if (current.type === 'array' && typeof key === 'number') {
      depth = i + 1;
      current = unwrap(current.item);
    } else break;
  }
  return depth;
}

/** The problems valibot's issues for `item` make, as the validator wrote them. */
export function oracleProblems(schema, item, base, what) {
  const result = v.safeParse(schema, item);
  if (result.success) return [];
  const seen = new Set();
  const problems = [];
  for (const issue of result.issues) {
    const keys = (issue.path ?? []).map((p) => p.key);
    const depth = dropDepth(schema, keys);
    const path = formatPath([...base, ...keys]);
    const text = describeIssue(issue, schemaAt(schema, keys));
    const problem =
      depth < 0
        ? {code: 'feed-invalid', path, message: `${path}: ${text}. This ${what} is left out until it is fixed.`, fatal: false, skipped: true}
        : {
            code: 'field-dropped',
            path,
            message: `${path}: ${text}. ${depth === keys.length ? 'It' : `The whole of ${formatPath([...base, ...keys.slice(0, depth)])}`} is left out; fix or remove it.`,
            fatal: false,
          };
    if (!seen.has(problem.message)) {
      seen.add(problem.message);
      problems.push(problem);
    }
  }
  return problems;
}

/** The first issue of a top-level field, as the validator described it. */
export function oracleFieldIssue(schema, value) {
  const issue = v.safeParse(schema, value).issues?.[0];
  return issue && describeIssue(issue);
}
