// The list's sort in steps (src/feed/sort.ts): the order Array.prototype.sort gives with the
// same comparison (both are stable), whatever the length, with pauses offered as it goes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {oneByOne, PAUSE, runToEnd} from '../../dist/feed/slices.js';
import {sortSteps} from '../../dist/feed/sort.js';

const byKey = (a, b) => a.key - b.key;

test('sorts as Array.prototype.sort does, equal items in their first order, leaving the input as it was', () => {
  fc.assert(
    // Lengths up to several runs of 1,024 (those sorted at once), so that runs are merged too.
    fc.property(fc.array(fc.integer({min: 0, max: 20}), {maxLength: 5000, size: 'max'}), (keys) => {
      const items = keys.map((key, at) => ({key, at}));
      const before = [...items];
      assert.deepEqual(runToEnd(sortSteps(items, byKey)), [...items].sort(byKey));
      assert.deepEqual(items, before);
    }),
    {numRuns: 300, endOnFailure: true}
  );
});

test('sorts names as the collator does, and offers a pause every few hundred items merged', () => {
  const collator = new Intl.Collator('sv', {numeric: true});
  const names = Array.from({length: 20_000}, (_, i) => `${['Örebro', 'Umeå', 'Åre', 'Ale'][i % 4]} ${(i * 7919) % 5000}`);
  const steps = sortSteps(names, (a, b) => collator.compare(a, b));
  let pauses = 0;
  let step;
  while (!(step = steps.next()).done) {
    assert.equal(step.value, PAUSE);
    pauses++;
  }
  assert.deepEqual(step.value, [...names].sort(collator.compare));
  // One after each of the 20 runs sorted at once, then one every 512 items in each of 5 rounds of merging.
  assert.ok(pauses >= 20 + 5 * Math.floor(20_000 / 512), `${pauses} pauses`);
});

// Not the sort, but the same steps protocol: what the elements set up through Intl before their view.
test('oneByOne offers a pause before each call, in order, and goes on past one that throws', () => {
  const seen = [];
  const fails = () => {
    throw new RangeError('not a tag Intl takes');
  };
  const steps = oneByOne([() => seen.push('dates'), fails, () => seen.push('numbers')]);
  const trace = [];
  let step;
  while (!(step = steps.next()).done) trace.push(step.value === PAUSE ? `pause after ${seen.length}` : 'other');
  assert.deepEqual(trace, ['pause after 0', 'pause after 1', 'pause after 1']);
  assert.deepEqual(seen, ['dates', 'numbers']);
});
