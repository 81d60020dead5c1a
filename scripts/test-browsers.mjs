#!/usr/bin/env node
// The browser suite alone (scripts/test.mjs prepares everything and starts this, under
// xvfb-run when WebKit is among the browsers): @web/test-runner with the browsers in
// LOFT_BROWSERS, and WebKitWebDriver for WebKit. Prints one line of totals.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {startWebKitDriver, wantedBrowsers} from './browsers.mjs';

const env = {...process.env};
let driver;
if (wantedBrowsers().includes('webkit')) {
  driver = await startWebKitDriver();
  env.WEBKIT_DRIVER_PORT = String(driver.port);
}
const child = spawn('npx', ['wtr', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {stdio: 'inherit', env});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
driver?.stop();
try {
  const totals = JSON.parse(readFileSync('test-results/browser.json', 'utf8'));
  console.log(`browser: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
} catch {
  console.log('browser: no test results were written');
}
process.exit(code);
