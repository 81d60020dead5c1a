#!/usr/bin/env node
// Screenshots of the host pages (test/embed/*.html, with their real CSP headers) in Debian's
// Chromium, to look at with your own eyes: node scripts/embed-screenshots.mjs [outdir] [width]
// Needs the built bundle (npm run build, or npm test, which builds it).
import {mkdirSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS} from '../web-test-runner.config.mjs';
import {createEmbedServer} from '../test/server/standalone.mjs';

const [out = 'test-results/screenshots', width = '720'] = process.argv.slice(2);
mkdirSync(out, {recursive: true});
const server = createEmbedServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
for (const name of ['strict-csp', 'hostile', 'twice', 'older-first']) {
  const page = await browser.newPage({viewport: {width: Number(width), height: 900}});
  page.on('console', (m) => console.log(`${name} console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`${name} pageerror: ${e.message}`));
  await page.goto(`${base}/embed/${name}.html`, {waitUntil: 'load'});
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('loft-')).every((e) => e.shadowRoot?.querySelector('[aria-busy="false"]'))
  );
  await page.waitForTimeout(200);
  await page.screenshot({path: `${out}/${name}-${width}.png`, fullPage: true});
  console.log(`${out}/${name}-${width}.png`, JSON.stringify(await page.evaluate(() => window.__embed)));
  await page.close();
}
await browser.close();
server.close();
