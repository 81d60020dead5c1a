// A node --test reporter that writes the counts of a Node suite to test-results/<name>.json
// (name from LOFT_RESULTS_NAME, default "node"), like counting-reporter.mjs does for the
// browser suite, so .ci/run's closing line includes them. Use it beside the spec reporter.
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
  writeFileSync(`test-results/${process.env.LOFT_RESULTS_NAME ?? 'node'}.json`, JSON.stringify(totals));
  yield '';
}
