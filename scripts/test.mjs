#!/usr/bin/env node
// npm test: dependencies, browsers, message catalogs, type check, then the browser suite
// in Chromium, Firefox ESR and WebKit (LOFT_BROWSERS=chromium,firefox,webkit to choose).
import {spawn, execSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {ensureDeps} from './ensure-deps.mjs';
import {ensureBrowsers} from './browsers.mjs';
import {ensureTestBundles} from './test-bundles.mjs';

const browsers = (process.env.LOFT_BROWSERS ?? 'chromium,firefox,webkit').split(',').filter(Boolean);
if (!process.env.DISPLAY) {
  ensureDeps();
  if (!ensureBrowsers(browsers)) process.exit(1);
  execSync('npx lit-localize build', {stdio: 'inherit'});
  execSync('npx tsc -p tsconfig.test.json', {stdio: 'inherit'});
  // The host-page tests load the built CDN bundle (rebuilt only when a source is newer).
  await ensureTestBundles();
}

// MiniBrowser has no headless mode: run everything (the driver starts the browser) on a
// virtual display.
if (browsers.includes('webkit') && !process.env.DISPLAY) {
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', process.execPath, ...process.argv.slice(1)], {stdio: 'inherit'});
  process.exit(await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1))));
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
process.exit(code);
