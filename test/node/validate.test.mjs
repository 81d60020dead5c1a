// Feed validation as the elements and the CLI run it. The checks are generated from the
// valibot schema, so they are held to valibot itself: they accept exactly what it accepts,
// and the slow path reports exactly the problems it reported (test/node/valibot-oracle.mjs).
// Then the hostile feeds: behaviour only (nothing thrown, the right things left out, capped
// problems with complete counts), never time.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import {MAX_PROBLEMS, validateFeed, validateFeedAsync} from '../../dist/feed/validate.js';
import {FIELD_CHECKS, ITEM_CHECKS} from '../../dist/feed/generated/check.js';
import {ContactFormSchema, DateSchema, IdSchema, LanguageTagSchema, OrganizationSchema, PersonSchema, ProjectSchema} from '../../dist/feed/schema.js';
import {oracleFieldIssue, oracleProblems} from './valibot-oracle.mjs';

const readFeed = (name) => JSON.parse(readFileSync(new URL(`../../demo/feeds/${name}`, import.meta.url), 'utf8'));
const reference = readFeed('exempelby.feed.json');
const SEED = 4242;
const RUNS = 1000;

/** One item per collection with every field the schema has, pointing at items of the reference feed. */
const COMPLETE = {
  organizations: {id: 'org', name: {sv: 'Org', en: 'Org'}, url: 'https://org.example/', type: 'municipality', identifiers: [{scheme: 'orgnr', value: '212000-0000'}]},
  people: {
    id: 'anna', name: 'Anna A', givenName: 'Anna', title: {sv: 'Chef'}, organization: 'exempelby', email: 'anna@exempelby.example', phone: '+46 10 000 00 00',
    image: {url: 'img/anna.jpg', alt: 'Anna'}, profileUrl: '/anna', orcid: '0000-0002-1825-0097', contactForm: 'kommun-kontakt',
  },
  projects: {
    id: 'complete', name: 'Complete', title: 'T', summary: {sv: 'S'}, description: ['a', {sv: 'b'}], status: 'ongoing', startDate: '2023', endDate: null,
    duration: 'Löpande', url: '/p', website: 'https://p.example', identifiers: [{scheme: 's', value: 'v'}],
    participants: [{organization: 'exempelby', role: 'lead', label: 'L'}], members: [{person: 'utvecklingsenheten', roles: ['contact', {code: 'x', label: 'X'}]}],
    quotes: [{text: 'Q', name: 'N', title: 'T', organization: 'exempelby'}], contactForm: 'kommun-kontakt', contactPerson: 'utvecklingsenheten',
  },
  contactForms: {
    id: 'complete-form', endpoint: '/api', version: '1', controller: {name: 'C', organization: 'exempelby', contact: 'dpo@exempelby.example'}, legalBasis: 'consent',
    privacyPolicyUrl: '/pp', notice: 'N', retention: 'P1Y', publicRecord: true, optionalConsents: [{id: 'nl', label: 'L', version: '1'}],
    fields: {phone: 'optional', organization: 'required', subject: 'hidden'}, captcha: {provider: 'altcha', challengeUrl: '/c'},
  },
};

const COLLECTIONS = [
  ['organizations', OrganizationSchema, 'organisation'],
  ['people', PersonSchema, 'person'],
  ['projects', ProjectSchema, 'project'],
  ['contactForms', ContactFormSchema, 'contact form'],
];

/** Texts just within and just beyond each length rule of the schema. */
const LENGTHS = [0, 1, 40, 41, 100, 101, 200, 201, 254, 255, 500, 501, 2000, 2001, 2048, 2049, 20000, 20001].map((n) => 'a'.repeat(n));

const NEAR_RULES = [
  ...LENGTHS,
  ...LENGTHS.map((a) => `https://x.se/${a}`),
  ...LENGTHS.map((a) => `${a}@b.se`),
  ...['ongoing', 'lead', 'sv', 'sv-FI', 'x y', 'https://x.se/', 'javascript:1', '//h', 'rel/path', '2023-09', '2023-13', 'a@b.se', '+46 10', '12', 'P2Y', 'P9999Y9999D', 'P10000Y', '2024-02-29', '2025-02-29', '2100-02-29', '2000-02-29', '2026-04-30', '2026-04-31', '2026-12-31'],
  ...['none', 'altcha', 'X!', 'constructor', '__proto__', 'utvecklingsenheten', 'exempelby', 0, true, null, [], {}, {sv: ''}, {'x y': 'a'}, {constructor: 'a'}, [{}]],
];

/** Values that sit near the rules: ids, URLs, dates, codes, lengths, keys valibot's record passes over. */
const leaf = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...NEAR_RULES)},
  fc.string({maxLength: 8}),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.dictionary(fc.constantFrom('sv', 'en', 'x y', '', 'constructor', '__proto__', 'code', 'label', 'provider', 'url'), fc.oneof(fc.string({maxLength: 3}), fc.integer(), fc.constant('altcha')), {maxKeys: 3}),
  fc.array(fc.oneof(fc.string({maxLength: 3}), fc.integer(), fc.constant({}), fc.constant('contact')), {maxLength: 3}),
  fc.jsonValue({maxDepth: 3})
);

/** A valid item with a few of its values replaced or removed, anywhere in it. */
function mutated(item) {
  return fc.tuple(fc.infiniteStream(fc.nat()), fc.array(fc.tuple(leaf, fc.boolean()), {minLength: 1, maxLength: 3})).map(([stream, changes]) => {
    const copy = structuredClone(item);
    for (const [value, remove] of changes) {
      let node = copy;
      for (let depth = 0; depth < 5; depth++) {
        const keys = Object.keys(node);
        if (!keys.length) break;
        const key = keys[stream.next().value % keys.length];
        if (depth === 4 || node[key] === null || typeof node[key] !== 'object' || stream.next().value % 3 === 0) {
          if (!remove) node[key] = structuredClone(value);
          else if (Array.isArray(node)) node.splice(Number(key), 1);
          else delete node[key];
          break;
        }
        node = node[key];
      }
    }
    return copy;
  });
}

const isReferenceProblem = (p) => /: there is no [a-z ]+ with the id '/.test(p.message);

console.log(`fast-check seed ${SEED}`);

for (const [name, schema, what] of COLLECTIONS) {
  const keys = Object.keys(schema.entries);
  const items = fc.oneof(
    {weight: 4, arbitrary: fc.oneof(...[...reference[name], COMPLETE[name]].map(mutated))},
    {weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...keys, 'other'), leaf, {maxKeys: keys.length})},
    {weight: 1, arbitrary: leaf}
  );

  test(`${name}: the generated check accepts exactly what valibot accepts (seed ${SEED})`, () => {
    fc.assert(
      fc.property(items, (item) => ITEM_CHECKS[name](item) === v.is(schema, item)),
      {seed: SEED, numRuns: RUNS}
    );
  });

  test(`${name}: the problems are valibot's, worded as before, and what is kept passes valibot (seed ${SEED})`, () => {
    fc.assert(
      fc.property(items, (item) => {
        const feed = {...structuredClone(reference), [name]: [item]};
        const {feed: out, problems} = validateFeed(feed, {maxProblems: Infinity});
        assert.deepEqual(problems.filter((p) => !isReferenceProblem(p)), oracleProblems(schema, item, [name, 0], what));
        for (const kept of out[name]) assert.ok(v.is(schema, kept), JSON.stringify(kept));
        if (v.is(schema, item) && problems.length === 0) assert.equal(out[name][0], item);
      }),
      {seed: SEED, numRuns: RUNS}
    );
  });

  // Beyond the first problems a union's options count their issues at once, and those of the
  // options that do not speak are taken back (repair.ts, optionVerdicts): the same counts.
  test(`${name}: beyond the first problems, only counted, the counts and what is kept are the same (seed ${SEED})`, () => {
    fc.assert(
      fc.property(items, fc.constantFrom(0, 1, 2, 5), (item, max) => {
        const feed = {...structuredClone(reference), [name]: [item, item, item]};
        const all = validateFeed(feed, {maxProblems: Infinity});
        const first = validateFeed(feed, {maxProblems: max});
        assert.deepEqual(first.counts, all.counts);
        assert.deepEqual(first.problems, all.problems.slice(0, max));
        assert.deepEqual(first.feed, all.feed);
        const byCode = {};
        for (const p of all.problems) byCode[p.code] = (byCode[p.code] ?? 0) + 1;
        assert.deepEqual(all.counts, byCode);
      }),
      {seed: SEED, numRuns: RUNS}
    );
  });
}

/** Every path into a value: its fields and list entries, at any depth. */
function* paths(value, path = []) {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    yield at;
    yield* paths(value[key], at);
  }
}

/** A copy of `item` with the value at `path` replaced, or removed when `value` is undefined. */
function changed(item, path, value) {
  const copy = structuredClone(item);
  const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
  const last = path.at(-1);
  if (value !== undefined) parent[last] = structuredClone(value);
  else if (Array.isArray(parent)) parent.splice(last, 1);
  else delete parent[last];
  return copy;
}

test('every field of every reference item, replaced by each value near a rule or removed: valibot agrees, in the same words', () => {
  let compared = 0;
  for (const [name, schema, what] of COLLECTIONS) {
    for (const sample of [...reference[name], COMPLETE[name]]) {
      for (const path of paths(sample)) {
        for (const value of [undefined, ...NEAR_RULES]) {
          const item = changed(sample, path, value);
          assert.equal(ITEM_CHECKS[name](item), v.is(schema, item), `${name} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`);
          const {problems} = validateFeed({...reference, [name]: [item]}, {maxProblems: Infinity});
          assert.deepEqual(problems.filter((p) => !isReferenceProblem(p)), oracleProblems(schema, item, [name, 0], what));
          compared++;
        }
      }
    }
  }
  assert.ok(compared > 10_000, `${compared} items compared`);
});

test(`top-level fields: the generated checks agree with valibot, with its words (seed ${SEED})`, () => {
  const schemas = {language: LanguageTagSchema, publisher: IdSchema, updated: DateSchema};
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(schemas)), leaf, (field, value) => {
      assert.equal(FIELD_CHECKS[field](value), v.is(schemas[field], value));
      if (value === undefined || v.is(schemas[field], value)) return;
      const [problem] = validateFeed({version: 1, [field]: value}).problems;
      assert.equal(problem.message.split('. ')[0], `${field}: ${oracleFieldIssue(schemas[field], value)}`);
    }),
    {seed: SEED, numRuns: RUNS}
  );
});

test('a date is a day the calendar has: every day of 1600-2400 as Date counts them, and no other', () => {
  for (let year = 1600; year <= 2400; year++) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= 31; day++) {
        const date = new Date(Date.UTC(year, month - 1, day));
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        assert.equal(FIELD_CHECKS.updated(iso), date.getUTCMonth() === month - 1, iso);
      }
    }
  }
  assert.equal(FIELD_CHECKS.updated('0000-02-29'), true, 'year 0 is a leap year (divisible by 400)');
  assert.equal(FIELD_CHECKS.updated('0100-02-29'), false, 'year 100 is not');
  assert.equal(FIELD_CHECKS.updated('0004-02-29'), true, 'year 4 is');
  for (const partial of ['2026', '2026-02', '0000', '9999-12']) assert.equal(FIELD_CHECKS.updated(partial), true, partial);
  const {feed, problems} = validateFeed({version: 1, projects: [{id: 'p', name: 'P', status: 'ongoing', participants: [], startDate: '2026-02-31', endDate: '2026-02-28'}]});
  assert.equal(feed.projects[0].startDate, undefined, 'left out, never shown as 3 March');
  assert.equal(feed.projects[0].endDate, '2026-02-28');
  assert.deepEqual(
    problems.map((p) => [p.code, p.path, p.message.split('. ')[0]]),
    [['field-dropped', 'projects[0].startDate', `projects[0].startDate: expected a day the calendar has (no 31 April, no 29 February outside leap years), got '2026-02-31'`]]
  );
});

test('the complete items are valid', () => {
  for (const [name, schema] of COLLECTIONS) assert.ok(v.is(schema, COMPLETE[name]), name);
  assert.deepEqual(validateFeed({...reference, ...Object.fromEntries(Object.entries(COMPLETE).map(([name, item]) => [name, [...reference[name], item]]))}).problems, []);
});

test('the reference feeds come through without a problem, as the very same objects', () => {
  for (const file of ['exempelby.feed.json', 'loft.feed.json']) {
    const input = readFeed(file);
    const {feed, problems, counts, skipped} = validateFeed(input);
    assert.deepEqual(problems, [], file);
    assert.deepEqual(counts, {});
    assert.equal(skipped.size, 0);
    for (const name of ['organizations', 'people', 'projects', 'contactForms']) if (input[name]) assert.equal(feed[name], input[name], `${file} ${name}`);
    assert.equal(feed.labels, input.labels ?? feed.labels);
  }
});

test('a reference to nothing is dropped wherever its item stands: before or after an item left out, a repaired one or a taken id', () => {
  const input = structuredClone(reference);
  const [first] = input.projects;
  const project = (id, change = {}) => ({...structuredClone(first), id, ...change});
  const ghost = (p) => ({...p, participants: [...p.participants, {organization: 'ghost', role: 'partner'}]});
  input.projects = [
    project('a'),
    ghost(project('b')),
    project('c'),
    project('d', {status: 'unknown'}), // left out
    ghost(project('e')),
    project('f', {url: 'javascript:alert(1)'}), // repaired: the url goes
    project('g', {contactPerson: 'nobody'}),
    project('a'), // a taken id: left out
    ghost(project('h')),
  ];
  const {feed, problems} = validateFeed(input, {maxProblems: Infinity});
  assert.deepEqual(
    feed.projects.map((p) => p.id),
    ['a', 'b', 'c', 'e', 'f', 'g', 'h']
  );
  for (const p of feed.projects) assert.ok(!p.participants.some((x) => x.organization === 'ghost') && p.contactPerson !== 'nobody', p.id);
  assert.deepEqual(
    problems.map((p) => p.path),
    ['projects[3].status', 'projects[5].url', 'projects[7].id', 'projects[1].participants[3].organization', 'projects[4].participants[3].organization', 'projects[6].contactPerson', 'projects[8].participants[3].organization']
  );
});

test('the input is never changed; what is dropped is dropped from copies along its path only', () => {
  const input = structuredClone(reference);
  input.projects[0].participants.push({organization: 'ghost', role: 'partner'});
  input.projects[0].website = 'javascript:alert(1)';
  const before = JSON.stringify(input);
  const {feed, problems} = validateFeed(input);
  assert.equal(JSON.stringify(input), before);
  assert.equal(problems.length, 2);
  const [out] = feed.projects;
  assert.notEqual(out, input.projects[0]);
  assert.equal('website' in out, false);
  assert.equal(out.participants.length, input.projects[0].participants.length - 1);
  out.participants.forEach((entry, i) => assert.equal(entry, input.projects[0].participants[i]));
  assert.equal(out.name, input.projects[0].name);
  for (const part of ['title', 'summary', 'description', 'members', 'quotes']) assert.equal(out[part], input.projects[0][part], part);
  assert.equal(feed.projects[1], input.projects[1]);
  assert.notEqual(feed.projects, input.projects);
  assert.equal(feed.people, input.people);
});

test('a field walked step by step, then a broken field after it: both are repaired, in document order, and the rest stays the same objects', () => {
  const input = structuredClone(reference);
  const project = input.projects[0];
  project.description = ['Första stycket.', 7, {sv: 'Tredje.'}, {'x y': 'fel'}];
  project.website = 'javascript:alert(1)';
  const {feed, problems} = validateFeed(input);
  assert.deepEqual(
    problems.map((p) => p.path),
    ['projects[0].description[1]', 'projects[0].description[3]["x y"]', 'projects[0].website']
  );
  const [out] = feed.projects;
  assert.deepEqual(out.description, ['Första stycket.', {sv: 'Tredje.'}]);
  assert.equal(out.description[1], project.description[2]);
  assert.equal('website' in out, false);
  for (const part of ['name', 'summary', 'participants', 'members', 'quotes']) assert.equal(out[part], project[part], part);
});

test('dangling references: a list entry that needs the id goes, an optional reference field goes, the rest stays', () => {
  const input = structuredClone(reference);
  const project = input.projects[0];
  project.members = [{person: reference.people[0].id, roles: ['contact']}, {person: 'ghost', roles: ['member']}];
  project.quotes = [{text: 'Bra', name: 'Anna', organization: 'ghost-org'}];
  project.contactPerson = 'nobody';
  input.contactForms[0].controller.organization = 'ghost-org';
  input.publisher = 'ghost-org';
  const {feed, problems} = validateFeed(input);
  const out = feed.projects[0];
  assert.deepEqual(out.members.map((m) => m.person), [reference.people[0].id]);
  assert.deepEqual(out.quotes, [{text: 'Bra', name: 'Anna'}]);
  assert.equal('contactPerson' in out, false);
  assert.equal('organization' in feed.contactForms[0].controller, false);
  assert.equal('publisher' in feed, false);
  assert.deepEqual(problems.map((p) => p.path).sort(), [
    'contactForms[0].controller.organization',
    'projects[0].contactPerson',
    'projects[0].members[1].person',
    'projects[0].quotes[0].organization',
    'publisher',
  ]);
  // The caller's objects are untouched.
  assert.equal(input.projects[0].members.length, 2);
  assert.equal(input.contactForms[0].controller.organization, 'ghost-org');
});

test('a left-out item says why by collection/id; a duplicate id leaves the second item out', () => {
  const input = structuredClone(reference);
  input.projects.push({...input.projects[0], id: 'broken', status: 'pågående'}, {...input.projects[1]});
  const {feed, problems, skipped} = validateFeed(input);
  assert.equal(skipped.get('projects/broken').message, `projects[${input.projects.length - 2}].status: expected one of planned, ongoing, completed, terminated, got 'pågående'. This project is left out until it is fixed.`);
  assert.equal(skipped.get(`projects/${input.projects[0].id}`), undefined);
  assert.equal(skipped.get('people/broken'), undefined);
  assert.deepEqual([...skipped.keys()], ['projects/broken']);
  assert.equal(feed.projects.length, input.projects.length - 2);
  assert.match(problems.at(-1).message, /the id '.*' is used twice/);
});

// ---------------------------------------------------------------------------------------
// Hostile feeds

const list = (n, make) => Array.from({length: n}, (_, i) => make(i));
/** A value nested `depth` levels deep, made the way a feed makes it: by JSON.parse. */
const deep = (depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

test('200,000 empty projects: every one left out, the first problems in full, all of them counted', () => {
  const {feed, problems, counts, skipped} = validateFeed({version: 1, projects: list(200_000, () => ({}))});
  assert.equal(feed.projects.length, 0);
  assert.equal(problems.length, MAX_PROBLEMS);
  assert.deepEqual(counts, {'feed-invalid': 800_000});
  assert.equal(problems[0].message, 'projects[0].id: is required but missing: add "id". This project is left out until it is fixed.');
  assert.equal(skipped.size, 0, 'items without an id cannot be asked for');
});

test('items that are not objects: each is one problem, in full among the first and counted after them', () => {
  const values = [null, 0, 1.5, -1, '', 'p', true, false];
  const feed = {version: 1, organizations: list(30, (i) => values[i % values.length]), projects: list(200_000, (i) => values[i % values.length])};
  const all = validateFeed(feed, {maxProblems: Infinity});
  const first = validateFeed(feed);
  assert.deepEqual(first.counts, {'feed-invalid': 200_030});
  assert.deepEqual(first.counts, all.counts);
  assert.deepEqual(first.problems, all.problems.slice(0, MAX_PROBLEMS));
  assert.equal(first.problems[30].message, 'projects[0]: expected an object ({…}), got null. This project is left out until it is fixed.');
  assert.equal(first.feed.projects.length, 0);
});

test('many broken items with ids: each one says why when asked', () => {
  const {skipped, counts} = validateFeed({version: 1, people: list(50_000, (i) => ({id: `p${i}`, name: i}))});
  assert.equal(counts['feed-invalid'], 50_000);
  assert.match(skipped.get('people/p49999').message, /^people\[49999\]\.name: expected a text \(a JSON string\), or an object of language tags/);
  assert.equal(skipped.size, 50_000);
});

test('a value nested a million levels deep is one wrong value, or none where no rule looks', () => {
  const nested = deep(1_000_000);
  const item = {id: 'p', name: 'P', status: 'ongoing', participants: [], extra: nested};
  const {feed, problems} = validateFeed({version: 1, projects: [item, {id: 'q', name: nested, status: 'ongoing', participants: []}], labels: {sv: {retry: nested}}});
  assert.equal(feed.projects[0], item);
  assert.deepEqual(
    problems.map((p) => p.path),
    ['projects[1].name', 'labels.sv.retry']
  );
  assert.match(problems[1].message, /got a list/);
});

test('a 20 MB string is reported in a short line', () => {
  const {problems} = validateFeed({version: 1, projects: [{id: 'p', name: 'x'.repeat(20 * 1024 * 1024), status: 'ongoing', participants: []}]});
  assert.equal(problems.length, 1);
  assert.ok(problems[0].message.length < 200);
  assert.match(problems[0].message, /expected at most 20000 characters, got 'x+…'/);
});

test('a megabyte-long key is shortened in the path and the message', () => {
  const key = 'x '.repeat(512 * 1024);
  const {problems} = validateFeed({version: 1, labels: {sv: {[key]: 't'}}, projects: [{id: 'p', name: {[key]: 'P'}, status: 'ongoing', participants: []}]});
  assert.deepEqual(problems.map((p) => p.path.length < 130 && p.message.length < 400), [true, true]);
  assert.match(problems[0].path, /^projects\[0\]\.name\["(x ){49}x…"\]$/);
});

test('100,000 bad language keys in an optional text: the text goes, the item stays', () => {
  const title = Object.fromEntries(list(100_000, (i) => [`x y${i}`, 't']));
  const {feed, problems, counts} = validateFeed({version: 1, projects: [{id: 'p', name: 'P', status: 'ongoing', participants: [], title}]});
  assert.equal('title' in feed.projects[0], false);
  assert.deepEqual(counts, {'field-dropped': 100_000});
  assert.equal(problems.length, MAX_PROBLEMS);
  assert.match(problems[0].message, /^projects\[0\]\.title\["x y0"\]: .* The whole of projects\[0\]\.title is left out/);
});

/** How many steps a run of steps takes, and what it ends with. */
function stepsOf(steps) {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return {count, value: step.value};
    count++;
  }
}

test('100,000 bad language keys in a required text: the item is left out, and the reason for it is worked out in steps a page can pause between', () => {
  const name = Object.fromEntries(list(100_000, (i) => [`x y${i}`, 't']));
  const {feed, counts, skipped} = validateFeed({version: 1, projects: [{id: 'p', name, status: 'ongoing', participants: []}]});
  assert.deepEqual(feed.projects, []);
  assert.deepEqual(counts, {'feed-invalid': 100_000});
  const {count, value} = stepsOf(skipped.reason('projects/p'));
  assert.ok(count > 3, `${count} offers to pause`);
  assert.deepEqual(value, skipped.get('projects/p'));
  assert.match(value.message, /^projects\[0\]\.name\["x y0"\]: expected a language tag .* This project is left out until it is fixed\.$/);
  assert.equal(stepsOf(skipped.reason('projects/q')).value, undefined, 'an item that was not left out has no reason');
});

test('a label table of 100,000 unknown ids: the known ones stay, the rest are counted', () => {
  const sv = {retry: 'Igen', ...Object.fromEntries(list(100_000, (i) => [`id-${i}`, 't']))};
  const {feed, counts, problems} = validateFeed({version: 1, labels: {sv}});
  assert.deepEqual(feed.labels, {sv: {retry: 'Igen'}});
  assert.deepEqual(counts, {'field-dropped': 100_000});
  assert.equal(problems.length, MAX_PROBLEMS);
});

test('labels named like what every object inherits (constructor, toString, __proto__) are unknown ids, left out: the feed is still shown', () => {
  const raw = JSON.parse('{"version": 1, "labels": {"sv": {"constructor": "a", "toString": "b", "__proto__": "c", "hasOwnProperty": "d", "retry": "Igen"}}, "projects": [{"id": "p", "name": "P", "status": "ongoing", "participants": []}]}');
  const {feed, problems} = validateFeed(raw);
  assert.deepEqual(feed.labels, {sv: {retry: 'Igen'}});
  assert.deepEqual(feed.projects.map((p) => p.id), ['p']);
  assert.deepEqual(
    problems.map((p) => p.message.replace(/ \(README.*/, '')),
    ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((id) => `labels.sv.${id}: there is no message with the id '${id}'`)
  );
});

test('100,000 members pointing at no one: the members go, each counted', () => {
  const members = list(100_000, (i) => ({person: `ghost-${i}`, roles: ['member']}));
  const {feed, counts} = validateFeed({version: 1, projects: [{id: 'p', name: 'P', status: 'ongoing', participants: [], members}]});
  assert.deepEqual(feed.projects[0].members, []);
  assert.deepEqual(counts, {'field-dropped': 100_000});
  assert.equal(members.length, 100_000);
});

test('maxProblems sets how many problems are kept in full; every one is still counted', () => {
  const {problems, counts} = validateFeed({version: 1, projects: list(10, () => ({}))}, {maxProblems: 5});
  assert.equal(problems.length, 5);
  assert.deepEqual(counts, {'feed-invalid': 40});
});

test('fatal: not an object, no or another version', () => {
  for (const [raw, code, message] of [
    [[], 'feed-invalid', 'The feed must be a JSON object like {"version": 1, "projects": […]}, got a list.'],
    [deep(100_000), 'feed-invalid', 'The feed must be a JSON object like {"version": 1, "projects": […]}, got a list.'],
    [{projects: []}, 'feed-version', 'version: is required but missing. Add "version": 1 at the top of the feed.'],
    [{version: '1'}, 'feed-version', "version: expected 1, got '1'. Write \"version\": 1 and follow the version 1 format."],
  ]) {
    const {feed, problems, counts} = validateFeed(raw);
    assert.equal(feed, undefined);
    assert.deepEqual(problems, [{code, path: code === 'feed-version' ? 'version' : '', message, fatal: true}]);
    assert.deepEqual(counts, {[code]: 1});
  }
});

test('the browser variant gives the same result', async () => {
  const broken = structuredClone(reference);
  broken.projects[0].status = 'x';
  broken.projects[1].website = 'javascript:1';
  broken.labels = {sv: {nope: 'x'}, 'x y': {}};
  broken.language = 'x y';
  for (const raw of [reference, readFeed('loft.feed.json'), broken, {version: 1, projects: list(3000, (i) => ({id: `p${i}`}))}, [], {version: 2}]) {
    const sync = validateFeed(raw);
    const async = await validateFeedAsync(raw);
    assert.deepEqual({...async, skipped: [...async.skipped]}, {...sync, skipped: [...sync.skipped]});
  }
});

test('the browser variant lets other work run while it checks a large feed', async () => {
  let ran = false;
  setImmediate(() => (ran = true));
  const {counts} = await validateFeedAsync({version: 1, projects: list(1_000_000, () => ({}))});
  assert.equal(ran, true);
  assert.equal(counts['feed-invalid'], 4_000_000);
});

test('two feeds validated at once, each pausing inside a broken item, each get their own problems', async () => {
  // 100,000 broken participants in one project: its repair pauses in the middle of the item.
  const feed = (role) => ({
    version: 1,
    organizations: [{id: 'o', name: 'O'}],
    projects: [{id: `p-${role}`, name: 'P', status: 'ongoing', participants: Array.from({length: 100_000}, () => ({organization: 'o', role}))}],
  });
  const a = feed('bad-a');
  const b = feed('bad-b');
  const seen = (result) => ({problems: result.problems.map((p) => `${p.path}: ${p.message}`), counts: result.counts, kept: result.feed.projects.map((p) => [p.id, p.participants.length])});
  const alone = [seen(await validateFeedAsync(a)), seen(await validateFeedAsync(b))];
  const together = (await Promise.all([validateFeedAsync(a), validateFeedAsync(b)])).map(seen);
  assert.deepEqual(together, alone);
});

test('a dense feed parsed in slices has its objects of thousands of keys walked in steps, with the same result', async () => {
  const {parseJsonInSlices, HEAVY_KEYS} = await import('../../dist/feed/json-in-slices.js');
  const {heavy} = await import('../../dist/feed/slices.js');
  const repair = await import('../../dist/feed/check/repair.js');
  const {startRun, validation} = await import('../../dist/feed/check/engine.js');
  const languages = (n, tag, text = (i) => `t ${i}`) => Object.fromEntries(Array.from({length: n}, (_, i) => [tag(i), text(i)]));
  const many = HEAVY_KEYS + 10;
  const feeds = {
    // Valid: a project named in thousands of languages, an organisation too (named by people), a contact form's consents and notice.
    valid: {
      version: 1,
      organizations: [{id: 'o', name: languages(many, (i) => `en-x${i.toString(36)}`)}],
      people: [{id: 'a', name: 'A', organization: 'o'}],
      contactForms: [{id: 'f', endpoint: '/api/contact', controller: {name: 'K'}, legalBasis: 'consent', privacyPolicyUrl: 'https://k.example/pp', notice: languages(many, (i) => `fi-x${i.toString(36)}`), optionalConsents: [{id: 'c', label: languages(many, (i) => `sv-x${i.toString(36)}`), version: '1'}]}],
      projects: [{id: 'p', name: languages(many, (i) => `sv-x${i.toString(36)}`), status: 'ongoing', participants: [{organization: 'o', role: 'lead'}], contactForm: 'f'}],
    },
    // Broken: keys that are not language tags, texts that are not texts, labels that name nothing.
    broken: {
      version: 1,
      projects: [
        {id: 'p', name: 'P', title: languages(many, (i) => `x y${i}`), status: 'ongoing', participants: []},
        {id: 'q', name: languages(many, (i) => `sv-x${i.toString(36)}`, (i) => (i % 7 ? 't' : i)), status: 'ongoing', participants: []},
      ],
      labels: {sv: languages(many, (i) => `id-${i}`)},
    },
  };
  for (const [name, feed] of Object.entries(feeds)) {
    const text = JSON.stringify(feed);
    const sliced = await parseJsonInSlices(text);
    assert.ok(heavy.has(sliced) && heavy.has(sliced.projects), `${name}: the holders of a heavy object are marked`);
    assert.ok(!heavy.has(sliced.projects[0].participants), `${name}: an object of a few keys is not`);
    const sync = validateFeed(JSON.parse(text));
    const async = await validateFeedAsync(sliced);
    assert.deepEqual({...async, skipped: [...async.skipped]}, {...sync, skipped: [...sync.skipped]}, name);
    // A valid heavy item is walked in steps: validation offers to pause inside it, where a
    // feed from JSON.parse is checked by its generated check in one piece. (A broken one is
    // walked either way.)
    if (name !== 'valid') continue;
    const pauses = (raw) => {
      const steps = validation(raw, startRun({}, repair));
      let n = 0;
      while (!steps.next().done) n++;
      return n;
    };
    assert.ok(pauses(await parseJsonInSlices(text)) > pauses(JSON.parse(text)) + 1, `${name}: no more offers to pause in steps`);
  }
  // Below the mark, an object is checked as before.
  const small = await parseJsonInSlices(JSON.stringify({version: 1, projects: [{id: 'p', name: languages(HEAVY_KEYS - 1, (i) => `sv-x${i.toString(36)}`), status: 'ongoing', participants: []}]}));
  assert.ok(!heavy.has(small.projects[0]) && !heavy.has(small.projects[0].name));
});
