// The validator's fast path (a checker compiled from the valibot schema) must never accept
// what valibot refuses, and a valid feed must come through unchanged.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import {validateFeed} from '../../dist/feed/validate.js';
import {ProjectSchema, OrganizationSchema, PersonSchema, ContactFormSchema} from '../../dist/feed/schema.js';

const reference = JSON.parse(readFileSync(new URL('../../demo/feeds/exempelby.feed.json', import.meta.url), 'utf8'));
const SEED = 4242;

const leaf = fc.oneof(
  fc.constantFrom('ongoing', 'lead', 'sv', 'https://x.se/', 'javascript:1', '//h', '2023-09', '2023-13', 'a@b.se', '+46 10', '', 'P2Y', 'none', 'altcha', 'x'.repeat(201)),
  fc.string({maxLength: 8}),
  fc.integer(),
  fc.boolean(),
  fc.constant(null)
);
/** Mutates a copy of a valid item at a random path. */
function mutated(item) {
  return fc.tuple(fc.infiniteStream(fc.nat()), leaf, fc.boolean()).map(([stream, value, remove]) => {
    const copy = structuredClone(item);
    let node = copy;
    for (let depth = 0; depth < 4; depth++) {
      const keys = Object.keys(node);
      if (!keys.length) break;
      const key = keys[stream.next().value % keys.length];
      if (depth === 3 || node[key] === null || typeof node[key] !== 'object' || stream.next().value % 3 === 0) {
        if (remove) delete node[key];
        else node[key] = value;
        break;
      }
      node = node[key];
    }
    return copy;
  });
}

for (const [name, schema, sample] of [
  ['projects', ProjectSchema, reference.projects[0]],
  ['organizations', OrganizationSchema, reference.organizations[0]],
  ['people', PersonSchema, reference.people[0]],
  ['contactForms', ContactFormSchema, reference.contactForms[0]],
]) {
  test(`${name}: an item the validator keeps without a problem is one valibot accepts (seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutated(sample), (item) => {
        const feed = {version: 1, organizations: reference.organizations, people: reference.people, contactForms: reference.contactForms, [name]: [item]};
        const {feed: out, problems} = validateFeed(feed);
        const own = problems.filter((p) => p.path.startsWith(`${name}[0]`) && !/there is no/.test(p.message));
        if (own.length === 0) assert.ok(v.safeParse(schema, item).success, JSON.stringify(item));
        else assert.equal(v.safeParse(schema, item).success, false, own.map((p) => p.message).join('\n'));
        // Whatever is kept passes the schema.
        for (const kept of out[name]) assert.ok(v.safeParse(schema, kept).success);
      }),
      {seed: SEED, numRuns: 300}
    );
  });
}

test('a valid feed comes through without problems, and the input is never changed', () => {
  const input = structuredClone(reference);
  input.projects[0].participants.push({organization: 'ghost', role: 'partner'});
  input.projects[0].website = 'javascript:alert(1)';
  const before = JSON.stringify(input);
  const {problems} = validateFeed(input);
  assert.equal(JSON.stringify(input), before);
  assert.equal(problems.length, 2);
  assert.deepEqual(validateFeed(reference).problems, []);
});

test('dangling references: a list entry that needs the id goes, an optional reference field goes, the rest stays', () => {
  const input = structuredClone(reference);
  const project = input.projects[0];
  project.members = [{person: reference.people[0].id, roles: ['contact']}, {person: 'ghost', roles: ['member']}];
  project.quotes = [{text: 'Bra', name: 'Anna', organization: 'ghost-org'}];
  project.contactPerson = 'nobody';
  input.contactForms[0].controller.organization = 'ghost-org';
  const {feed, problems, byItem} = validateFeed(input);
  const out = feed.projects[0];
  assert.deepEqual(out.members.map((m) => m.person), [reference.people[0].id]);
  assert.deepEqual(out.quotes, [{text: 'Bra', name: 'Anna'}]);
  assert.equal('contactPerson' in out, false);
  assert.equal('organization' in feed.contactForms[0].controller, false);
  assert.deepEqual(problems.map((p) => p.path).sort(), ['contactForms[0].controller.organization', 'projects[0].contactPerson', 'projects[0].members[1].person', 'projects[0].quotes[0].organization']);
  assert.equal(byItem.get(`projects/${project.id}`).length, 3);
  // The caller's objects are untouched.
  assert.equal(input.projects[0].members.length, 2);
  assert.equal(input.contactForms[0].controller.organization, 'ghost-org');
});
