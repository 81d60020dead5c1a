#!/usr/bin/env node
// npm test: dependencies, browsers, generated code, type check, lint, the Node suites, then
// the browser suite in Chromium, Firefox ESR and WebKit (LOFT_BROWSERS=chromium,firefox,webkit
// to choose; LOFT_TEST_FILES=a,b to run some browser files only, without the Node suites).
import {spawn, execSync} from 'node:child_process';
import {ensureDeps} from './ensure-deps.mjs';
import {ensureBrowsers, wantedBrowsers} from './browsers.mjs';

const browsers = wantedBrowsers();
const run = (command) => execSync(command, {stdio: 'inherit'});
const exitCode = (child) => new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));

ensureDeps();
if (!ensureBrowsers(browsers)) process.exit(1);
run('node scripts/i18n.mjs check');
run('node scripts/conformance.mjs --check');
run('node scripts/i18n.mjs build');
run('node scripts/generate-feed-checks.mjs --check');
run('npx tsc -p tsconfig.test.json');
// House rules: typescript-eslint, eslint-plugin-lit, eslint-plugin-wc, then lit-analyzer on the templates.
run('npm run --silent lint');
// dist/: the validator CLI and the reference receiver (in the test server too) use the
// built modules, and the host-page tests load the built CDN bundle (rebuilt only when a
// source is newer).
run('npx tsc -p tsconfig.json');
// Imported here: on a fresh clone, rollup exists only after ensureDeps().
const {ensureTestBundles} = await import('./test-bundles.mjs');
await ensureTestBundles();

// Node's test runner (test/node/: validator CLI, message table, receiver), unless
// LOFT_TEST_FILES narrows the run to some browser files or LOFT_NODE_TESTS=0.
let nodeCode = 0;
if (process.env.LOFT_NODE_TESTS !== '0' && !process.env.LOFT_TEST_FILES) {
  nodeCode = await exitCode(spawn('npm', ['run', '--silent', 'test:node'], {stdio: 'inherit'}));
}

// The browser suite; MiniBrowser (WebKit) has no headless mode, so it runs on a virtual display.
const suite = [process.execPath, 'scripts/test-browsers.mjs', ...process.argv.slice(2)];
const env = {...process.env, LOFT_BROWSERS: browsers.join(',')};
const child = browsers.includes('webkit')
  ? spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', ...suite], {stdio: 'inherit', env})
  : spawn(suite[0], suite.slice(1), {stdio: 'inherit', env});
const browserCode = await exitCode(child);
process.exit(browserCode || nodeCode);
