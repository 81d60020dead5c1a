#!/usr/bin/env node
// npm test: dependencies, browsers, message catalogs, type check, then the browser suite
// in Chromium, Firefox ESR and WebKit (LOFT_BROWSERS=chromium,firefox,webkit to choose).
import {spawn, execSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {ensureDeps} from './ensure-deps.mjs';
import {ensureBrowsers} from './browsers.mjs';

const browsers = (process.env.LOFT_BROWSERS ?? 'chromium,firefox,webkit').split(',').filter(Boolean);
if (!process.env.DISPLAY) {
  ensureDeps();
  if (!ensureBrowsers(browsers)) process.exit(1);
  execSync('npx lit-localize build', {stdio: 'inherit'});
  execSync('node scripts/generate-feed-checks.mjs --check', {stdio: 'inherit'});
  execSync('npx tsc -p tsconfig.test.json', {stdio: 'inherit'});
  // dist/: the validator CLI and the reference receiver (in the test server too) use the
  // built modules, and the host-page tests load the built CDN bundle (rebuilt only when a
  // source is newer).
  execSync('npx tsc -p tsconfig.json', {stdio: 'inherit'});
  // Imported here: on a fresh clone, rollup exists only after ensureDeps().
  const {ensureTestBundles} = await import('./test-bundles.mjs');
  await ensureTestBundles();
}

// Node's test runner (test/node/: validator CLI, message ids, receiver), unless
// LOFT_TEST_FILES narrows the run to some browser files or LOFT_NODE_TESTS=0.
let nodeCode = 0;
if (!process.env.DISPLAY && process.env.LOFT_NODE_TESTS !== '0' && !process.env.LOFT_TEST_FILES) {
  const node = spawn('npm', ['run', '--silent', 'test:node'], {stdio: 'inherit'});
  nodeCode = await new Promise((resolve) => node.on('exit', (c) => resolve(c ?? 1)));
}

// MiniBrowser has no headless mode: run the browser suite (the driver starts the browser)
// on a virtual display.
if (browsers.includes('webkit') && !process.env.DISPLAY) {
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', process.execPath, ...process.argv.slice(1)], {stdio: 'inherit'});
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  process.exit(code || nodeCode);
}

const env = {...process.env, LOFT_BROWSERS: browsers.join(',')};
let driver;
if (browsers.includes('webkit')) {
  env.WEBKIT_DRIVER_PORT = String(4445 + Math.floor(Math.random() * 500));
  driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${env.WEBKIT_DRIVER_PORT}`], {stdio: 'ignore'});
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const child = spawn('npx', ['wtr', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {stdio: 'inherit', env});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
driver?.kill();
try {
  const totals = JSON.parse(readFileSync('test-results/browser.json', 'utf8'));
  console.log(`browser: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
} catch {
  console.log('browser: no test results were written');
}
process.exit(code || nodeCode);
