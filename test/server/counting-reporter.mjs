// Adds to web-test-runner's default output a plain summary line, and writes the counts to
// test-results/browser.json so .ci/run can sum all suites into one closing line.
import {mkdirSync, writeFileSync} from 'node:fs';
import {defaultReporter} from '@web/test-runner';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countingReporter() {
  const base = defaultReporter();
  return {
    ...base,
    onTestRunFinished(args) {
      base.onTestRunFinished?.(args);
      const totals = {passed: 0, failed: 0, skipped: 0, files: 0};
      for (const session of args.sessions) {
        totals.files++;
        const own = {passed: 0, failed: 0, skipped: 0};
        if (session.testResults) count(session.testResults, own);
        // A file that failed to load, or threw outside a test, counts as one failure.
        if (!session.passed && own.failed === 0) own.failed = 1;
        totals.passed += own.passed;
        totals.failed += own.failed;
        totals.skipped += own.skipped;
      }
      mkdirSync('test-results', {recursive: true});
      writeFileSync('test-results/browser.json', JSON.stringify(totals));
    },
  };
}
