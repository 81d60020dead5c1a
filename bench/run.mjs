#!/usr/bin/env node
// npm run bench: size and speed of the CDN bundle in headless Debian Chromium, each next to
// a baseline measured in the same run, and next to the peers a web team would otherwise
// pick (an iframe of a server-rendered page; the same card in React). Prints a table and
// writes bench/RESULTS.md. Numbers are recorded, never asserted.
//
// BENCH_RUNS (default 11) fresh page loads per render case; BENCH_FEED_RUNS (default 5)
// runs of the 10,000-project feed; BENCH_HOSTILE_RUNS (default 7) runs of each hostile feed
// (bench/hostile.mjs); BENCH_RESULTS (default bench/RESULTS.md) where to write.
import {execSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import os from 'node:os';
import {createAppServer} from '../server/main.mjs';
import {staticFiles} from '../server/static.mjs';
import {ENTRY, allFiles, budgetNote, kb, readBudgets, sizes, sizesOf} from '../scripts/size-lib.mjs';
import {measure as bytesBeforeContent} from '../scripts/size.mjs';
import {ensureDeps} from '../scripts/ensure-deps.mjs';
import {ensureBrowsers} from '../scripts/browsers.mjs';
import {generateFeed} from './feed.mjs';
import {HOSTILE_FEEDS, INTERACTION_FEEDS, RENDER_FEEDS} from './hostile.mjs';

// A fresh clone: install the npm dependencies (and Debian's Chromium) before importing them.
ensureDeps();
if (!ensureBrowsers(['chromium'])) process.exit(1);
const {chromium} = await import('playwright-core');
const {CHROMIUM_ARGS} = await import('../web-test-runner.config.mjs');

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
process.chdir(root);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const FEED_RUNS = Number(process.env.BENCH_FEED_RUNS ?? 5);
const HOSTILE_RUNS = Number(process.env.BENCH_HOSTILE_RUNS ?? 7);
const TMP = 'bench/.tmp';
const CLS_FEED_DELAY = 1500;

// ---------------------------------------------------------------- build what is measured
function newest(path) {
  const stat = statSync(path);
  return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n)))) : stat.mtimeMs;
}
const sources = ['src', 'locales', 'rollup.config.js', 'package-lock.json'].filter(existsSync);
if (!existsSync(ENTRY) || !existsSync('dist/feed/load.js') || statSync(ENTRY).mtimeMs < Math.max(...sources.map(newest))) {
  console.log('Building (npm run build)…');
  execSync('node scripts/build.mjs', {stdio: 'inherit'});
}
/** A baseline's script as a web team would ship it: one file, bundled and minified (esbuild). */
async function bundle(entry, outfile, define) {
  const esbuild = await import('esbuild');
  await esbuild.build({entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', define, outfile, logLevel: 'warning'});
}

mkdirSync(`${TMP}/hostile`, {recursive: true});
mkdirSync(`${TMP}/load`, {recursive: true});
{
  const {rollup} = await import('rollup');
  const {default: [config]} = await import('../rollup.config.js');
  const build = await rollup({...config, input: 'bench/page/feed-lib.src.js', output: undefined, preserveEntrySignatures: 'strict'});
  await build.write({dir: TMP, format: 'es', entryFileNames: 'feed-lib.js', chunkFileNames: 'feed-lib-[hash].js'});
  await build.close();
  await bundle('bench/peers/react-card.js', `${TMP}/react-card.js`, {'process.env.NODE_ENV': '"production"'});
  await bundle('bench/peers/lit-card.js', `${TMP}/lit-card.js`);
}
/**
 * Brotli bytes a page spends on validating a valid feed (the engine and the checks generated
 * from the schema): the shared chunk that holds the engine, built again with an engine that
 * accepts anything, subtracted. The slow path for broken feeds is a lazy chunk, not counted here.
 */
async function validationBytes() {
  const {rollup} = await import('rollup');
  const {default: [config]} = await import('../rollup.config.js');
  // The engine's other exports are there in name only (nothing runs): the slow path, a lazy chunk, imports some.
  const others = [...readFileSync('dist/feed/check/engine.js', 'utf8').matchAll(/^export (?:async )?(?:const|let|function\*?) (\w+)/gm)].map(([, name]) => name).filter((name) => name !== 'validateFeedAsync');
  const stub = {
    name: 'accept-anything',
    load: (id) =>
      id.endsWith('/dist/feed/check/engine.js')
        ? `export const validateFeedAsync = async (feed) => ({feed, problems: [], counts: {}, skipped: new Map()}); ${others.map((name) => `export const ${name} = undefined;`).join(' ')}`
        : null,
  };
  const holder = async (plugins) => {
    const build = await rollup({...config, plugins, onwarn: () => {}});
    const {output} = await build.generate(config.output);
    await build.close();
    return output.find((o) => o.type === 'chunk' && Object.keys(o.modules).some((id) => id.endsWith('/dist/feed/load.js')));
  };
  const real = await holder(config.plugins);
  const stubbed = await holder([stub, ...config.plugins]);
  return sizesOf(real.code).brotli - sizesOf(stubbed.code).brotli;
}
const validationSize = await validationBytes();
const hostileBytes = {};
for (const feed of [...HOSTILE_FEEDS, ...RENDER_FEEDS, ...INTERACTION_FEEDS]) {
  const text = feed.text();
  hostileBytes[feed.name] = Buffer.byteLength(text);
  writeFileSync(`${TMP}/hostile/${feed.name}.json`, text);
}
const bigFeed = JSON.stringify(generateFeed({projects: 10_000, organizations: 1_000, people: 5_000}));
writeFileSync(`${TMP}/feed-10000.json`, bigFeed);
const referenceJson = readFileSync('demo/feeds/loft.feed.json', 'utf8');

// ---------------------------------------------------------------- server
let feedDelay = 0;
let iframePage = '';
const benchFiles = staticFiles(root, {folders: ['bench'], csp: false, cache: 'no-store', home: null});
const server = createAppServer({
  handlers: [
    async (req, res) => {
      const path = new URL(req.url, 'http://localhost').pathname;
      // The demo page's feed, late: what a slow feed server does to the page's layout.
      if (path.startsWith('/demo/feeds/') && feedDelay) await new Promise((r) => setTimeout(r, feedDelay));
      if (path !== '/bench/iframe-card.html') return false;
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(iframePage)});
      res.end(iframePage);
      return true;
    },
    benchFiles,
  ],
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- browser
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const version = browser.version();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A fresh bench page with the bundle loaded; `fn(page)` then runs one measurement. */
async function fresh(fn) {
  const page = await browser.newPage({viewport: {width: 1024, height: 800}});
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  try {
    await page.goto(`${base}/bench/page/bench.html`);
    await page.waitForFunction(() => window.bench && window.bench.ready());
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** RUNS results of `measure(kind)` for each kind; kinds alternate so none always goes first. */
async function runsOf(kinds, measure) {
  const results = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const kind of i % 2 ? [...kinds].reverse() : kinds) results[kind].push(await measure(kind));
  }
  return results;
}

/** Median over RUNS fresh pages (per field when a run returns {first, warm}). */
async function renderCase(kinds, call, fields = false) {
  const times = await runsOf(kinds, (kind) => fresh((page) => call(page, kind)));
  const pick = (list, key) => median(list.map((t) => t[key]));
  return Object.fromEntries(kinds.map((k) => [k, fields ? {first: pick(times[k], 'first'), warm: pick(times[k], 'warm')} : median(times[k])]));
}

const rows = []; // [section, what, value, baseline, ratio]
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;

// Sizes: what a page downloads before its content shows, from Chromium's network log (as npm run size).
console.log('Measuring the bytes before content…');
const budgets = readBudgets();
const beforeContent = await bytesBeforeContent();
for (const [name, page] of Object.entries(beforeContent)) {
  rows.push(['size', `JavaScript before content: ${page.title}`, `${kb(page.brotli)} brotli (${page.files.length} files)`, budgetNote(name, page.brotli, budgets), '']);
}
const everything = allFiles().map(sizes);
rows.push(['size', `CDN bundle, all files (${everything.length})`, `${kb(everything.reduce((t, f) => t + f.brotli, 0))} brotli`, '', '']);
rows.push(['size', 'validation a valid feed needs (in the shared chunk)', `${kb(validationSize)} brotli`, '', '']);
const slowPath = allFiles().find((file) => /\/repair-[^/]+\.js$/.test(file));
rows.push(['size', 'validation of a broken feed (lazy chunk, loaded only then)', slowPath ? `${kb(sizes(slowPath).brotli)} brotli` : 'not found', '', '']);

// One card from inline data
console.log('Timing one card…');
const cards = await renderCase(['vanilla', 'loft', 'react', 'lit'], (page, kind) => page.evaluate(([k, json]) => window.bench.cards(k, json, 10), [kind, referenceJson]), true);
const card = Object.fromEntries(Object.entries(cards).map(([k, v]) => [k, v.first]));
const warm = Object.fromEntries(Object.entries(cards).map(([k, v]) => [k, v.warm]));
rows.push(['render', 'first render, one card from inline data (fresh page)', ms(card.loft), `vanilla ${ms(card.vanilla)}`, ratio(card.loft, card.vanilla)]);
rows.push(['render', 'next renders, one card from inline data (same page)', ms(warm.loft), `vanilla ${ms(warm.vanilla)}`, ratio(warm.loft, warm.vanilla)]);

// One card from a feed URL: the request is in both times (loopback, a cold cache in each fresh page).
console.log('Timing one card from src…');
const fromSrc = await renderCase(['vanilla', 'loft'], (page, kind) => page.evaluate(([k, u]) => window.bench.cardFromSrc(k, u), [kind, `${base}/demo/feeds/loft.feed.json`]));
rows.push(['render', 'first render, one card from src (fresh page, feed fetched)', ms(fromSrc.loft), `vanilla ${ms(fromSrc.vanilla)}`, ratio(fromSrc.loft, fromSrc.vanilla)]);

// A whole page load, the way a visitor pays for it: from navigation to the card laid out, in
// a fresh page, with 100 ms of latency on every request (Chromium's network emulation), so
// each round trip of requests that wait for one another counts. Baseline: one hand-written
// script with the card's CSS (bench/page/vanilla-card-page.js, bundled and minified).
console.log('Timing page loads at 100 ms per request…');
const LATENCY_MS = 100;
const cardCss = await fresh((page) => page.evaluate(() => window.bench.css()));
await bundle('bench/page/vanilla-card-page.js', `${TMP}/load/vanilla-card-page.js`, {CARD_CSS: JSON.stringify(cardCss)});
const loadPage = (script, body) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>page load</title>
<script>window.__t = new Promise((resolve, reject) => ((window.__shown = resolve), (window.__failed = reject)));
document.addEventListener('loft-load', async (e) => { await e.target.updateComplete; e.target.shadowRoot.firstElementChild.getBoundingClientRect(); window.__shown(performance.now()); }, {once: true});
document.addEventListener('loft-error', (e) => e.detail.code !== 'field-dropped' && window.__failed(new Error(e.detail.code + ': ' + e.detail.message)));
addEventListener('error', (e) => window.__failed(e.error ?? new Error(e.message)));</script>
<script type="module" src="${script}"></script></head><body><main style="width: 720px">${body}</main></body></html>`;
const inline = (json) => `<script type="application/json">${json.replaceAll('</', '<\\/')}</script>`;
const inlineFeed = inline(referenceJson);
// The same project with a start and an end: the card formats two dates, and on a fresh page
// the first date `Intl` formats sets up its locale data (the vanilla script pays it as it renders).
const reference = JSON.parse(referenceJson);
const datedFeed = inline(JSON.stringify({...reference, projects: reference.projects.map((p) => (p.id === 'loft' ? {...p, startDate: '2023-09', endDate: '2026-08', duration: undefined} : p))}));
const LOAD_PAGES = {
  'loft-src': loadPage('/dist/cdn/loft-widgets.js', '<loft-project-card src="/demo/feeds/loft.feed.json" project="loft"></loft-project-card>'),
  'loft-inline': loadPage('/dist/cdn/loft-widgets.js', `<loft-project-card project="loft">${inlineFeed}</loft-project-card>`),
  'vanilla-src': loadPage(`/${TMP}/load/vanilla-card-page.js`, '<div id="card" data-src="/demo/feeds/loft.feed.json" data-project="loft"></div>'),
  'vanilla-inline': loadPage(`/${TMP}/load/vanilla-card-page.js`, `<div id="card" data-project="loft">${inlineFeed}</div>`),
  'loft-dated': loadPage('/dist/cdn/loft-widgets.js', `<loft-project-card project="loft">${datedFeed}</loft-project-card>`),
  'vanilla-dated': loadPage(`/${TMP}/load/vanilla-card-page.js`, `<div id="card" data-project="loft">${datedFeed}</div>`),
};
for (const [name, html] of Object.entries(LOAD_PAGES)) writeFileSync(`${TMP}/load/${name}.html`, html);
const loadTimes = await runsOf(Object.keys(LOAD_PAGES), async (name) => {
  const page = await browser.newPage({viewport: {width: 1024, height: 800}});
  let timer;
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1});
    await page.goto(`${base}/${TMP}/load/${name}.html`);
    // A card that never shows would otherwise hold the bench for ever.
    return await Promise.race([page.evaluate(() => window.__t), new Promise((resolve, reject) => (timer = setTimeout(() => reject(new Error(`${name}: no card within 30 s`)), 30_000)))]);
  } finally {
    clearTimeout(timer);
    await page.close();
  }
});
for (const from of ['inline', 'src', 'dated']) {
  const [loft, vanilla] = [median(loadTimes[`loft-${from}`]), median(loadTimes[`vanilla-${from}`])];
  const what = {src: 'from src', inline: 'from inline data', dated: 'with a start and an end date, from inline data'}[from];
  rows.push(['page load', `navigation to one card ${what}, ${LATENCY_MS} ms per request (fresh page)`, ms(loft), `vanilla ${ms(vanilla)}`, ratio(loft, vanilla)]);
}

// Lists and the whole project (when those elements exist)
const listUrl = `${base}/bench/.tmp/feed-10000.json`;
const available = await fresh((page) => page.evaluate(() => ({list: window.bench.defined('loft-project-list'), project: window.bench.defined('loft-project')})));
for (const n of [100, 1_000, 7_000]) {
  if (!available.list) {
    rows.push(['render', `<loft-project-list .data> with ${n.toLocaleString('en')} projects`, 'not available', '', '']);
    continue;
  }
  console.log(`Timing the list of ${n}…`);
  const list = await renderCase(['vanilla', 'loft'], (page, kind) => page.evaluate(([k, u, count]) => window.bench.list(k, u, count), [kind, listUrl, n]));
  rows.push(['render', `<loft-project-list .data> with ${n.toLocaleString('en')} projects`, ms(list.loft), `vanilla ${ms(list.vanilla)}`, ratio(list.loft, list.vanilla)]);
}
if (!available.project) rows.push(['render', '<loft-project> (the whole seed page)', 'not available', '', '']);
else {
  console.log('Timing <loft-project>…');
  const project = await renderCase(['vanilla', 'loft'], (page, kind) => page.evaluate(([k, json]) => window.bench.project(k, json), [kind, referenceJson]));
  rows.push(['render', '<loft-project> (the whole seed page)', ms(project.loft), `vanilla ${ms(project.vanilla)}`, ratio(project.loft, project.vanilla)]);
}
for (const row of rows) if (row[2] === 'not available') console.log(`${row[1]}: not available (the element is not in this build)`);

// The feed
console.log(`Validating a ${(bigFeed.length / 1e6).toFixed(1)} MB feed (10,000 projects, 1,000 organisations, 5,000 people) ×${FEED_RUNS}…`);
const feed = await fresh((page) => page.evaluate(([u, n]) => window.bench.feed(u, n), [listUrl, FEED_RUNS]));
const parse = median(feed.parse);
rows.push(['feed', `parse + validate 10,000 projects (${(bigFeed.length / 1e6).toFixed(1)} MB)`, ms(median(feed.validate)), `JSON.parse ${ms(parse)}`, ratio(median(feed.validate), parse)]);
rows.push(['feed', `text resolution (summary view) of all ${feed.projects.toLocaleString('en')} projects`, ms(median(feed.resolve)), `JSON.parse ${ms(parse)}`, ratio(median(feed.resolve), parse)]);
const heapParse = await fresh((page) => page.evaluate((u) => window.bench.heap(u, false), listUrl));
const heapValidate = await fresh((page) => page.evaluate((u) => window.bench.heap(u, true), listUrl));
const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
rows.push(['memory', 'JS heap growth while parsing + validating (≈ peak)', mb(heapValidate.peak), `JSON.parse ${mb(heapParse.peak)}`, ratio(heapValidate.peak, heapParse.peak)]);
rows.push(['memory', 'JS heap kept after GC (the validated feed)', mb(heapValidate.retained), `JSON.parse ${mb(heapParse.retained)}`, ratio(heapValidate.retained, heapParse.retained)]);

// Hostile feeds: time and heap against JSON.parse of the same text; for those under 1 MB,
// the longest main-thread task while a card loads one by src.
const mb1 = (n) => `${(n / 1048576).toFixed(1)} MB`;
for (const feed of HOSTILE_FEEDS) {
  const url = `${base}/bench/.tmp/hostile/${feed.name}.json`;
  const bytes = hostileBytes[feed.name];
  console.log(`Hostile feed: ${feed.what}…`);
  const times = await fresh((page) => page.evaluate(([u, n]) => window.bench.hostile(u, n), [url, HOSTILE_RUNS]));
  const heapOfParse = await fresh((page) => page.evaluate((u) => window.bench.heap(u, false), url));
  const heapOfCheck = await fresh((page) => page.evaluate((u) => window.bench.heap(u, true), url));
  const [parsed, validated, both] = [median(times.parse), median(times.validate), median(times.parseFeed)];
  rows.push([
    'hostile',
    `${feed.what} (${mb1(bytes)}, ${times.problems.toLocaleString('en')} problems): validate · parse + validate · heap growth`,
    `${ms(validated)} · ${ms(both)} · ${mb1(heapOfCheck.peak)}`,
    `JSON.parse ${ms(parsed)} · ${mb1(heapOfParse.peak)}`,
    `${ratio(validated, parsed)} · ${ratio(both, parsed)} · ${ratio(heapOfCheck.peak, heapOfParse.peak)}`,
  ]);
  if (bytes < 1_000_000) {
    const longest = await fresh((page) => page.evaluate((u) => window.bench.longestTask(u), url));
    rows.push(['long task', `longest main-thread task, <loft-project-card src> on ${feed.what}`, longest ? ms(longest) : 'none ≥ 50 ms', '', '']);
  }
}

// The same hostile feeds in Node, checked as the CLI checks a file (loft-widgets validate):
// JSON.parse, then validateFeed all at once, and the advice for editors (the first 100).
{
  const {MAX_PROBLEMS, validateFeed} = await import('../dist/feed/validate.js');
  const {collectAdvice} = await import('../dist/feed/advice.js');
  for (const feed of HOSTILE_FEEDS) {
    console.log(`Hostile feed in Node: ${feed.what}…`);
    const text = readFileSync(`${TMP}/hostile/${feed.name}.json`, 'utf8');
    const parse = [];
    const check = [];
    for (let i = 0; i < HOSTILE_RUNS; i++) {
      let start = performance.now();
      const value = JSON.parse(text);
      parse.push(performance.now() - start);
      start = performance.now();
      validateFeed(value);
      collectAdvice(value, {max: MAX_PROBLEMS});
      check.push(performance.now() - start);
    }
    const [parsed, checked] = [median(parse), median(check)];
    rows.push(['hostile (CLI)', `${feed.what} (${mb1(hostileBytes[feed.name])}): parse + validate + advice in Node`, ms(parsed + checked), `JSON.parse ${ms(parsed)}`, ratio(parsed + checked, parsed)]);
  }
}

// Valid feeds under 1 MB that are long to show: the longest task while the element that would render it all loads one.
for (const feed of RENDER_FEEDS) {
  console.log(`Long to show: ${feed.what}…`);
  const longest = await fresh((page) => page.evaluate(([u, tag]) => window.bench.longestTask(u, tag), [`${base}/bench/.tmp/hostile/${feed.name}.json`, feed.tag]));
  rows.push(['long task', `longest main-thread task, <${feed.tag}${feed.tag === 'loft-project-list' ? '' : ' project="p"'} src> on ${feed.what} (${mb1(hostileBytes[feed.name])})`, longest ? ms(longest) : 'none ≥ 50 ms', '', '']);
}

// What a visitor does with a valid feed once it is shown (bench/hostile.mjs, INTERACTION_FEEDS):
// real clicks, so that the browser's rendering after each one counts in the same task as it would.
for (const feed of INTERACTION_FEEDS) {
  console.log(`Interaction: ${feed.what}…`);
  const longest = await fresh(async (page) => {
    await page.evaluate(([u, tag, attributes]) => window.bench.show(u, tag, attributes), [`${base}/bench/.tmp/hostile/${feed.name}.json`, feed.tag, feed.attributes]);
    await page.evaluate(() => window.bench.observeLongTasks());
    for (let i = 0; i < feed.clicks; i++) {
      await page.locator(`${feed.tag} ${feed.selector}`).click();
      await page.waitForTimeout(300);
    }
    return page.evaluate(() => window.bench.longestObserved());
  });
  rows.push(['long task', `longest main-thread task, <${feed.tag}> on ${feed.what} (${mb1(hostileBytes[feed.name])})`, longest ? ms(longest) : 'none ≥ 50 ms', '', '']);
}

// Layout shift of the demo page while the feed arrives late
console.log(`Cumulative layout shift of the demo page (feed delayed ${CLS_FEED_DELAY} ms)…`);
feedDelay = CLS_FEED_DELAY;
for (const width of [1024, 360]) {
  const values = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({viewport: {width, height: 800}});
    await page.addInitScript(() => {
      window.__cls = 0;
      window.__loaded = false;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({type: 'layout-shift', buffered: true});
      document.addEventListener('loft-load', () => (window.__loaded = true));
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.__loaded, null, {timeout: 15000});
    await page.waitForTimeout(500);
    values.push(await page.evaluate(() => window.__cls));
    await page.close();
  }
  rows.push(['layout', `CLS of the demo page at ${width} px, feed ${CLS_FEED_DELAY} ms late (goal 0)`, median(values).toFixed(3), '', '']);
}
feedDelay = 0;

// Peers: an iframe of a server-rendered page, and the card in React
console.log('Peers…');
const rendered = await fresh((page) => page.evaluate((json) => window.bench.serverRendered(json), referenceJson));
iframePage = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>LOFT – sammanfattning</title><style>${rendered.css.replace(/:host/g, ':root').replace(/\s+/g, ' ')}</style></head><body>${rendered.markup}</body></html>`;
const iframeSize = sizesOf(iframePage);
const reactSize = sizesOf(readFileSync(`${TMP}/react-card.js`));
const litSize = sizesOf(readFileSync(`${TMP}/lit-card.js`));
const iframeTimes = [];
for (let i = 0; i < RUNS; i++) iframeTimes.push(await fresh((page) => page.evaluate((u) => window.bench.iframe(u), `${base}/bench/iframe-card.html`)));
const iframeTime = median(iframeTimes);
const versionOf = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
const [reactVersion, litVersion] = [versionOf('react'), versionOf('lit')];
const peers = [
  ['loft-widgets, one summary card (JavaScript before content)', {brotli: beforeContent.card.brotli, gzip: beforeContent.card.files.reduce((t, f) => t + f.gzip, 0)}, `${beforeContent.card.files.length} scripts (+ the feed, or none with inline data)`, `${ms(card.loft)}; next ${ms(warm.loft)}`],
  [`React ${reactVersion} + react-dom, the same card (esbuild, minified)`, reactSize, '1 script (+ the feed)', `${ms(card.react)}; next ${ms(warm.react)}`],
  [`Lit ${litVersion} alone, the same card: no validation, languages, loading or error states (esbuild, minified)`, litSize, '1 script (+ the feed)', `${ms(card.lit)}; next ${ms(warm.lit)}`],
  ['iframe of a server-rendered page with the same card', iframeSize, '1 document per embed (own origin: fixed height, no page font or language)', `${ms(iframeTime)} (insert → load, loopback)`],
  ['vanilla DOM, hand-written (baseline)', null, '—', `${ms(card.vanilla)}; next ${ms(warm.vanilla)}`],
];

await browser.close();
server.close();

// ---------------------------------------------------------------- report
const header = ['', 'measure', 'value', 'baseline (same run)', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log('\n' + line(header));
for (const r of rows) console.log(line(r));
console.log('\npeer'.padEnd(72), 'brotli'.padStart(9), 'gzip'.padStart(9), '  requests / first render');
for (const [name, s, requests, time] of peers) console.log(name.padEnd(71), (s ? kb(s.brotli) : '—').padStart(9), (s ? kb(s.gzip) : '—').padStart(9), ` ${requests}; ${time}`);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const md = `# Bench results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: headless Chromium ${version}
(Debian), Node ${process.version}, ${os.cpus().length} × ${cpu}. Render times are medians over ${RUNS} fresh page loads
(the bundle already loaded, layout included); feed times are medians over ${FEED_RUNS} runs in one page. Each
ratio is against a baseline measured in the same run on the same machine: a hand-written vanilla-DOM
card with the same markup and CSS (bench/page/vanilla.js) for rendering, a bare \`JSON.parse\` of the same
text for the feed. "First render" is the first card in a fresh page (style and layout start
cold); "next renders" replace it in the same page, where the element reuses the feed it already
validated (inline feeds are validated once per text) and the vanilla card parses its JSON again
(≈ 0.1 ms for this 9 KB feed). "hostile" rows (bench/hostile.mjs) time validation of the parsed
value alone, and parse + validate as an element runs it on feed text (in slices; a dense text
under 1 MB is parsed in slices too), each against \`JSON.parse\` of the same text, medians over
${HOSTILE_RUNS} runs in one page with the slow path already loaded; heap growth of parse + validate
is measured as in the memory rows; "hostile (CLI)" rows check the same feeds in Node as the
validator CLI does (\`JSON.parse\`, then all of validation at once, and the first 100 pieces of advice), medians over ${HOSTILE_RUNS} runs;
"page load" rows time a whole fresh page, from navigation to the
card laid out, with ${LATENCY_MS} ms of latency on every request (Chromium's network emulation, so each
round of requests that wait for one another counts), against one hand-written script with the
card's CSS bundled in (bench/page/vanilla-card-page.js), medians over ${RUNS} loads (with dates: both
format them with \`Intl\`, whose first date on a page sets up its locale data);
"long task" rows load a feed under 1 MB by \`src\` in a fresh page (a hostile one into a card; a valid one
that is long to show into the element that would render it all) and give the longest main-thread task
(the long-task API reports only tasks of 50 ms or more); the one on "Visa fler" gives the longest task
from the first of its real mouse clicks on. Numbers vary with the
machine and its load; the ratios travel better than the milliseconds. Nothing here is asserted.

| | measure | value | baseline (same run) | ratio |
|---|---|---|---|---|
${rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|').replace(/</g, '&lt;')).join(' | ')} |`).join('\n')}

## Peers

The same card (the reference feed's "Sammanfattning"), as a web team could otherwise ship it.

| peer | brotli | gzip | requests | first render |
|---|---|---|---|---|
${peers.map(([name, s, requests, time]) => `| ${name} | ${s ? kb(s.brotli) : '—'} | ${s ? kb(s.gzip) : '—'} | ${requests} | ${time} |`).join('\n')}

Sizes: brotli quality 11 and gzip level 9, as \`npm run size\` measures (scripts/size-lib.mjs). The
iframe page is the card's own rendered markup and CSS as one static HTML document (what a CMS would
iframe from a server that renders it); its bytes come on every page view with no shared cache across
embeds of different projects, and the frame cannot size itself to its content.
`;
const resultsFile = process.env.BENCH_RESULTS ?? 'bench/RESULTS.md';
// npm run bench:receiver keeps its own section of the file: carry it over.
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const receiver = /<!-- receiver:start -->[^]*<!-- receiver:end -->\n?/.exec(previous)?.[0] ?? '';
writeFileSync(resultsFile, receiver ? `${md.trimEnd()}\n\n${receiver}` : md);
console.log(`\nWrote ${resultsFile}`);
