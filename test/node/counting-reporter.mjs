// A node:test reporter that writes {"passed","failed","skipped"} to test-results/node.json,
// like the browser suite's counting reporter, so .ci/run sums every suite into one line.
import {mkdirSync, writeFileSync} from 'node:fs';

export default async function* countingReporter(source) {
  const totals = {passed: 0, failed: 0, skipped: 0};
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook) counts as one failure.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') totals.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  mkdirSync('test-results', {recursive: true});
  writeFileSync('test-results/node.json', JSON.stringify(totals));
  yield `node: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`;
}
