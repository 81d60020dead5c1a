#!/usr/bin/env node
// npm run size: the bytes a page downloads before its content shows, measured as a visitor
// pays them: pages with one widget each are opened in Debian's Chromium, every JavaScript
// response from navigation until the widget shows its content is taken from the network
// log, and each is counted at brotli quality 11. Fails above the budgets in
// size-budget.json (beforeContent); says how far each page still is from its goal (goals). Builds first when the bundle is missing (npm run build).
//
//   --json   prints the measurements as JSON (bench/run.mjs reads them)
import {existsSync} from 'node:fs';
import {execSync} from 'node:child_process';
import {ENTRY, budgetNote, kb, readBudgets, sizesOf} from './size-lib.mjs';
import {ensureBrowsers} from './browsers.mjs';

/** The pages measured: the widget's tag, and the script that shows it. */
export const PAGES = {
  card: {
    title: 'one summary card',
    body: '<loft-project-card src="/demo/feeds/loft.feed.json" project="loft"></loft-project-card>',
  },
  project: {
    title: 'the whole seed page (<loft-project>)',
    body: '<loft-project src="/demo/feeds/loft.feed.json" project="loft" heading-level="1"></loft-project>',
  },
  list: {
    title: 'a project list',
    body: '<loft-project-list src="/demo/feeds/exempelby.feed.json"></loft-project-list>',
  },
  late: {
    title: 'a card inserted by script after load',
    body: '<div id="slot"></div>',
    // What a CMS does that inserts HTML later (the loader must see the new tag).
    later: `setTimeout(() => { document.getElementById('slot').innerHTML = '<loft-project-card src="/demo/feeds/loft.feed.json" project="loft"></loft-project-card>'; }, 300);`,
  },
};

export function pageHtml(name, bundle = '/dist/cdn/loft-widgets.js') {
  const page = PAGES[name];
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${page.title}</title>
<script type="module" src="${bundle}"></script>${page.later ? `<script type="module" src="/size/${name}.later.js"></script>` : ''}</head>
<body><main>${page.body}</main></body></html>`;
}

/**
 * Opens each page in Chromium and returns, per page, the JavaScript files fetched before
 * the widget's content showed, with their brotli sizes.
 */
export async function measure({bundle} = {}) {
  const {chromium} = await import('playwright-core');
  const {CHROMIUM_ARGS} = await import('../web-test-runner.config.mjs');
  const {createAppServer} = await import('../server/main.mjs');
  const server = createAppServer({
    handlers: [
      (req, res) => {
        const match = /^\/size\/(\w+)(\.later\.js|\.html)$/.exec(new URL(req.url, 'http://x').pathname);
        if (!match || !PAGES[match[1]]) return false;
        const js = match[2] === '.later.js';
        res.writeHead(200, {'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8', 'cache-control': 'no-store'});
        res.end(js ? PAGES[match[1]].later : pageHtml(match[1], bundle));
        return true;
      },
    ],
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
  const results = {};
  try {
    for (const name of Object.keys(PAGES)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts = [];
      let shown = false;
      page.on('request', (request) => {
        if (!shown && request.resourceType() === 'script' && !request.url().includes('/size/')) scripts.push(request);
      });
      await page.goto(`${base}/size/${name}.html`);
      // Content: a loft element whose shadow root has finished loading and shows something.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('main *')].some((el) => el.localName.startsWith('loft-') && el.shadowRoot?.querySelector('[part="base"][aria-busy="false"] [role="heading"]'))
      );
      shown = true;
      const files = [];
      for (const request of scripts) {
        const response = await request.response();
        const body = response ? await response.body() : Buffer.alloc(0);
        files.push({url: new URL(request.url()).pathname, ...sizesOf(body)});
      }
      results[name] = {title: PAGES[name].title, files, brotli: files.reduce((sum, f) => sum + f.brotli, 0)};
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(ENTRY)) execSync('node scripts/build.mjs', {stdio: 'inherit'});
  if (!ensureBrowsers(['chromium'])) process.exit(1);
  const budgets = readBudgets();
  const results = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    let over = false;
    for (const [name, result] of Object.entries(results)) {
      const limit = budgets.beforeContent[name];
      const fail = limit !== undefined && result.brotli > limit;
      over ||= fail;
      const note = budgetNote(name, result.brotli, budgets);
      console.log(`${fail ? 'OVER' : 'ok  '}  ${result.title}: ${kb(result.brotli)} brotli before content${note ? ` (${note})` : ''}, ${result.files.length} files`);
      for (const f of result.files) console.log(`        ${f.url.padEnd(48)} ${kb(f.brotli).padStart(8)}`);
    }
    if (over) {
      console.error('Over budget: make the page download less before its content, or raise size-budget.json with a measured reason in the commit.');
      process.exit(1);
    }
  }
}
