// @web/test-runner in real browsers from Debian's packages (see scripts/test.mjs, which
// starts WebKitWebDriver and Xvfb for WebKit). LOFT_BROWSERS=chromium,firefox,webkit picks.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {MINIBROWSER_CAPABILITIES, wantedBrowsers} from './scripts/browsers.mjs';
import {chromeLauncher} from '@web/test-runner-chrome';
import {puppeteerLauncher} from '@web/test-runner-puppeteer';
import {webdriverLauncher} from '@web/test-runner-webdriver';
import {faults} from './test/server/faults.mjs';
import {receiverMiddleware} from './test/server/receiver.mjs';
import {embedPages} from './test/server/embed.mjs';
import {referenceEmbed} from './test/server/reference-embed.mjs';
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

const wanted = wantedBrowsers();
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
      capabilities: MINIBROWSER_CAPABILITIES,
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

/** The accessibility tree's nodes (CDP) in tree order, as a screen reader meets them: headings and lists. */
function outline(nodes) {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const out = [];
  const visit = (node) => {
    const role = node.ignored ? undefined : node.role?.value;
    if (role === 'heading') {
      const level = node.properties?.find((p) => p.name === 'level')?.value.value;
      out.push(`heading ${level}: ${node.name?.value ?? ''}`);
    } else if (role === 'list' || role === 'DescriptionList') {
      // Its items: the listitems (or terms) below it, not those of a list inside one of them.
      let items = 0;
      const count = (child) => {
        const childRole = child.ignored ? undefined : child.role?.value;
        if (childRole === 'list' || childRole === 'DescriptionList') return;
        if (childRole === 'listitem' || childRole === 'term' || childRole === 'DescriptionListTerm') items++;
        for (const id of child.childIds ?? []) count(byId.get(id));
      };
      for (const id of node.childIds ?? []) count(byId.get(id));
      out.push(`${role} of ${items}`);
    }
    for (const id of node.childIds ?? []) visit(byId.get(id));
  };
  const root = nodes.find((node) => !node.parentId);
  if (root) visit(root);
  return out;
}

/**
 * `executeServerCommand('ax-outline', {frame})`: the headings (level and name) and lists (how
 * many items) of Chromium's accessibility tree (CDP `Accessibility.getFullAXTree`) of the
 * test page's frame whose URL contains `frame`, in order. False where the launcher gives no
 * CDP session (Firefox over BiDi, WebKit's WebDriver), so a test can say so.
 */
const axOutline = pageCommand('ax-outline', async (page, {frame}) => {
  let cdp;
  try {
    cdp = await page.createCDPSession();
  } catch {
    return false;
  }
  try {
    const find = (tree) => (tree.frame.url.includes(frame) ? tree.frame.id : (tree.childFrames ?? []).map(find).find(Boolean));
    const frameId = find((await cdp.send('Page.getFrameTree')).frameTree);
    if (!frameId) throw new Error(`no frame with ${frame} in its URL`);
    return outline((await cdp.send('Accessibility.getFullAXTree', {frameId})).nodes);
  } finally {
    await cdp.detach();
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
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}), touchTap, forcedColors, axOutline],
  // faults first: its contact routes fail once, then pass the request on to the real receiver.
  // referenceEmbed before embedPages: it adds CORS to the bundle that embedPages serves.
  middleware: [faults, referenceEmbed, embedPages, receiverMiddleware],
  reporters: [countingReporter()],
};
