// @web/test-runner in real browsers from Debian's packages (see scripts/test.mjs, which
// starts WebKitWebDriver and Xvfb for WebKit). LOFT_BROWSERS=chromium,firefox,webkit picks.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {puppeteerLauncher} from '@web/test-runner-puppeteer';
import {webdriverLauncher} from '@web/test-runner-webdriver';
import {faults} from './test/server/faults.mjs';
import {receiverMiddleware} from './test/server/receiver.mjs';
import {embedPages} from './test/server/embed.mjs';
import {countingReporter} from './test/server/counting-reporter.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const wanted = (process.env.LOFT_BROWSERS ?? 'chromium,firefox,webkit').split(',');
const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(chromeLauncher({launchOptions: {executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS}}));
}
if (wanted.includes('firefox')) {
  browsers.push(puppeteerLauncher({launchOptions: {browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true}}));
}
if (wanted.includes('webkit')) {
  browsers.push(
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT ?? 4445),
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    })
  );
}

/**
 * A server command that runs on the test's Puppeteer page (Chromium, Firefox); it answers
 * false where the launcher has no such page (WebKit's WebDriver) or `run` cannot do it, so a
 * test can say so.
 */
const pageCommand = (name, run) => ({
  name,
  async executeCommand({command, payload, session}) {
    if (command !== name) return undefined;
    const page = session.browser.getPage?.(session.id);
    return page ? run(page, payload) : false;
  },
});

/**
 * `executeServerCommand('tap', {x, y})`: a real touch tap at viewport coordinates, through
 * the browser's own input pipeline (Puppeteer's touchscreen).
 */
const touchTap = pageCommand('tap', async (page, {x, y}) => {
  if (!page.touchscreen) return false;
  await page.touchscreen.tap(x, y);
  return true;
});

/**
 * `executeServerCommand('forced-colors', {active})`: emulates Windows' forced colours (high
 * contrast) through DevTools' media emulation (Chromium; Firefox over BiDi cannot).
 */
const forcedColors = pageCommand('forced-colors', async (page, {active}) => {
  try {
    await page.emulateMediaFeatures([{name: 'forced-colors', value: active ? 'active' : 'none'}]);
    return true;
  } catch {
    return false;
  }
});

export default {
  files: process.env.LOFT_TEST_FILES ? process.env.LOFT_TEST_FILES.split(',') : ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  browsers,
  concurrency: 1,
  concurrentBrowsers: wanted.includes('webkit') ? 2 : 3,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: {config: {timeout: 10000}},
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}), touchTap, forcedColors],
  // faults first: its contact routes fail once, then pass the request on to the real receiver.
  middleware: [faults, embedPages, receiverMiddleware],
  reporters: [countingReporter()],
};
