// The conformance reports (docs/accessibility/) fail the build when a criterion is missing,
// has no evidence, or cites a test, story or text that does not exist.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {generatedFiles, loadData, problemsOf, repositoryIndex, testsIn, WCAG21} from '../../scripts/conformance.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const data = await loadData();
const index = await repositoryIndex();

/** The problems of a changed copy of criteria.mjs. */
function problemsAfter(change) {
  const copy = {ELEMENTS: structuredClone(data.ELEMENTS), criteria: structuredClone(data.criteria)};
  change(copy);
  return problemsOf(copy, index);
}

test('WCAG 2.1 has 50 level A and AA success criteria: 30 A, 20 AA', () => {
  assert.equal(WCAG21.length, 50);
  assert.equal(WCAG21.filter((c) => c.level === 'A').length, 30);
  assert.equal(new Set(WCAG21.map((c) => c.id)).size, 50);
});

test('the reports cite only tests, stories and text that exist, and are up to date with criteria.mjs', () => {
  assert.deepEqual(problemsOf(data, index), []);
  const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  for (const [file, text] of generatedFiles(data, index, version)) assert.equal(readFileSync(`${root}${file}`, 'utf8'), text, `${file} (run node scripts/conformance.mjs)`);
});

test('a criterion missing from the reports fails the build, for every element', () => {
  const problems = problemsAfter((copy) => delete copy.criteria['1.4.3']);
  assert.equal(problems.filter((p) => p.includes('1.4.3 Contrast (Minimum): missing')).length, Object.keys(data.ELEMENTS).length);
});

test('a criterion without a result, a reason or evidence fails the build', () => {
  const problems = problemsAfter((copy) => {
    delete copy.criteria['2.4.3']['loft-project-list'];
    copy.criteria['2.4.6']['loft-contact-form'].evidence = [];
    copy.criteria['1.1.1'].all = {};
  });
  assert.ok(problems.includes('<loft-project-list> 2.4.3 Focus Order: no reason'), problems.join('\n'));
  assert.ok(problems.includes('<loft-project-list> 2.4.3 Focus Order: no evidence'));
  assert.ok(problems.includes('<loft-contact-form> 2.4.6 Headings and Labels: no evidence'));
  assert.ok(problems.some((p) => p.startsWith('<loft-project-card> 1.1.1 Non-text Content: no result')));
});

test('a cited test title that does not exist in the cited file fails the build', () => {
  const problems = problemsAfter((copy) => {
    copy.criteria['2.4.3']['loft-project-list'].evidence = [{test: 'test/project-list.test.ts', it: 'shows more on request and moves focus to the first new card, renamed'}];
    // A real title, in another file than the one cited.
    copy.criteria['2.4.4']['loft-member-list'].evidence = [{test: 'test/project.test.ts', it: 'gives every link and button a name unique per person that starts with the visible words'}];
    copy.criteria['2.4.6']['loft-project'].evidence = [{test: 'test/no-such.test.ts', it: 'anything'}];
  });
  assert.ok(problems.some((p) => p.startsWith('<loft-project-list> 2.4.3 Focus Order: cites a test titled "shows more on request and moves focus to the first new card, renamed"')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('<loft-member-list> 2.4.4 Link Purpose (In Context): cites a test titled')));
  assert.ok(problems.includes('<loft-project> 2.4.6 Headings and Labels: cites test/no-such.test.ts, which is not a test file'));
});

test('a title built in a loop is cited as it runs ("speaks fi"); a value the loop does not have fails', () => {
  const cite = (it) => problemsAfter((copy) => (copy.criteria['3.1.2']['loft-project'].evidence = [{test: 'test/project.test.ts', it}]));
  assert.deepEqual(cite('speaks fi'), []);
  assert.equal(cite('speaks de').length, 1);
});

test('a story id that no stories file defines fails the build', () => {
  const problems = problemsAfter((copy) => copy.criteria['1.4.3']['loft-project-card'].evidence.push({story: 'elements-project-card--no-such-story'}));
  assert.deepEqual(problems, ['<loft-project-card> 1.4.3 Contrast (Minimum): cites the story id elements-project-card--no-such-story, which no stories file defines']);
});

test('cited source text that is gone, and a pattern the source now contains, fail the build', () => {
  const problems = problemsAfter((copy) => {
    copy.criteria['2.3.1'].all.evidence = [{file: 'src/elements/shared/shared.styles.ts', has: 'animation: loft-pulse 0.1s'}];
    copy.criteria['2.5.4'].all.evidence = [{absent: /customElements/, in: 'src/define'}];
  });
  assert.ok(problems.some((p) => p.includes('2.3.1') && p.includes('which it does not contain')));
  assert.ok(problems.some((p) => p.includes('2.5.4') && p.includes('occurs nowhere in src/define, but')));
});

test('an element defined in src/define/ without a report, or a limit without its statement sentence, fails the build', () => {
  const problems = problemsAfter((copy) => {
    delete copy.ELEMENTS['loft-project-list'];
    delete copy.criteria['1.4.12'].statement;
  });
  assert.ok(problems.includes('criteria.mjs: <loft-project-list> is defined in src/define/ but has no report in ELEMENTS'));
  assert.ok(problems.some((p) => p.startsWith('<loft-contact-form> 1.4.12 Text Spacing: a limit needs its sentence')));
});

test('test titles are read as the runner names them: loop values filled in, computed parts as wildcards, axe noted', async () => {
  const tests = await testsIn(
    'x.test.ts',
    `const SEED = Date.now();
    for (const [lang, word] of [['sv', 'Hej'], ['fi', 'Moi']] as const) {
      it(\`speaks \${lang}\${lang === 'fi' ? ' (Finnish)' : ''}\`, async () => { await expect(el).to.be.accessible(); });
    }
    it(\`renders with seed \${SEED}\`, () => {});`
  );
  assert.deepEqual(tests.slice(0, 2), [
    {title: 'speaks sv', axe: true},
    {title: 'speaks fi (Finnish)', axe: true},
  ]);
  assert.ok(tests[2].pattern.test('renders with seed 42'));
  assert.equal(tests[2].axe, false);
});
