#!/usr/bin/env node
// Smoke test of the static Storybook (run `npm run build-storybook` first): opens every story
// in storybook-static/index.json in headless Chromium and fails on an uncaught exception, a
// console error (except the failed request of a story tagged 'expected-request-failure'), a
// story that does not render, an axe-core violation (shadow DOM included), a widget not in its
// page's font or a page in the browser's default one, or a story whose name when shown is not
// the sidebar's. Then opens each element's docs page with the toolbar in Swedish, switches it
// to Finnish, and fails when a widget there is not in that language, or when a docs table
// (attributes, properties, events, slots, parts, CSS custom properties) does not list exactly
// what custom-elements.json has of its kind. Last, fails when one state has different names in
// different elements, and when an element has no stories. Writes test-results/storybook.json
// for .ci/run's closing line.
//
//   node scripts/storybook-smoke.mjs [--filter <text in story id>] [--port N]
import {createServer} from 'node:http';
import {staticFiles} from '../server/static.mjs';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS} from '../web-test-runner.config.mjs';
import {EXPECTED_REQUEST_FAILURE, PAGE_LEVEL_AXE_RULES, STAYS_LOADING} from '../stories/support/a11y.js';
import {apiTables} from '../stories/support/api.js';

const ROOT = resolve('storybook-static');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const filter = option('--filter');
const port = Number(option('--port') ?? process.env.STORYBOOK_SMOKE_PORT ?? 0);
/** How long a story may take to finish loading its feed (the slow-feed story takes 3 s). */
const SETTLE_MS = 10_000;

if (!existsSync(join(ROOT, 'index.json'))) {
  console.error('storybook-static/index.json is missing: run "npm run build-storybook" first.');
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
const allStories = Object.values(index.entries).filter((e) => e.type === 'story');
const entries = Object.values(index.entries).filter((e) => !filter || e.id.includes(filter));
const stories = entries.filter((e) => e.type === 'story');
const docsPages = entries.filter((e) => e.type === 'docs' && !e.importPath.endsWith('.mdx'));
const mdxPages = entries.filter((e) => e.type === 'docs' && e.importPath.endsWith('.mdx'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

// The project's static file server on loopback, over Storybook's build: real 404s for
// missing files (the failure stories need them).
const serveStorybook = staticFiles(ROOT, {folders: ['.'], csp: false, home: null});
const server = createServer((req, res) => {
  if (new URL(req.url, 'http://localhost').pathname === '/favicon.ico') return void res.writeHead(204).end(); // the browser asks on its own
  if (!serveStorybook(req, res)) res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
});
await new Promise((done) => server.listen(port, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
const context = await browser.newContext({viewport: {width: 1024, height: 800}});
const page = await context.newPage();
let problems = [];
const failedRequests = [];
page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
page.on('console', (message) => {
  if (message.type() !== 'error') return;
  const where = message.location()?.url ?? '';
  if (message.text().startsWith('Failed to load resource')) failedRequests.push({text: message.text(), url: where});
  else problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
});

/**
 * Shows a story: the first by loading iframe.html, the next ones through Storybook's own
 * channel (as its sidebar does), which saves reloading the preview and axe for each story.
 * Resolves with the render error, if any.
 */
async function openStory(id) {
  if (!(await page.evaluate(() => Boolean(window.__smoke)).catch(() => false))) {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=a11y.manual:!true`, {waitUntil: 'load'});
    await page.waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__, undefined, {timeout: 15_000});
    await page.evaluate(() => {
      const smoke = (window.__smoke = {rendered: new Set(), errors: new Map()});
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      channel.on('storyRendered', (storyId) => smoke.rendered.add(storyId));
      for (const event of ['storyErrored', 'storyThrewException', 'storyMissing']) {
        channel.on(event, (detail) => smoke.errors.set(smoke.current, `${event}: ${detail?.title ?? detail?.message ?? detail ?? ''}`));
      }
      smoke.current = new URL(location.href).searchParams.get('id');
    });
    // Our own axe-core (the a11y addon bundles another copy, whose runs would collide with ours).
    await page.addScriptTag({content: axeSource});
  } else {
    await page.evaluate((storyId) => {
      window.__smoke.current = storyId;
      window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {storyId, viewMode: 'story'});
    }, id);
  }
  await page.waitForFunction(
    (storyId) => {
      // The first story may finish before our listener is there: ask the preview as well.
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      if (render?.id === storyId && ['completed', 'finished', 'errored'].includes(render.phase)) return true;
      return window.__smoke.rendered.has(storyId) || window.__smoke.errors.has(storyId) || document.body.classList.contains('sb-show-errordisplay');
    },
    id,
    {timeout: 15_000}
  );
  return page.evaluate((storyId) => window.__smoke.errors.get(storyId) ?? (document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent ?? 'error display' : undefined), id);
}

/** Waits until every loft element in the story has finished loading (or shows its skeleton, for a story that stays loading). */
async function waitForElements(staysLoading) {
  await page.waitForFunction(
    (staysLoading) => {
      const elements = [...document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('loft-'));
      const bases = elements.map((e) => e.shadowRoot?.querySelector('[part="base"]'));
      if (bases.length === 0 || bases.some((b) => !b)) return false;
      // The skeleton shows from the first frame an element waits through.
      return staysLoading ? bases.every((b) => b.getAttribute('aria-busy') === 'true' && b.querySelector('[role="status"]')) : bases.every((b) => b.getAttribute('aria-busy') !== 'true');
    },
    staysLoading,
    {timeout: SETTLE_MS}
  );
}

async function axeViolations() {
  return page.evaluate(async (disabled) => {
    const result = await window.axe.run(document.querySelector('#storybook-root'), {
      resultTypes: ['violations'],
      rules: Object.fromEntries(disabled.map((id) => [id, {enabled: false}])),
    });
    return result.violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join('; ')}`);
  }, PAGE_LEVEL_AXE_RULES);
}

/** In the page: the rows of the docs page's argument tables, by the heading of their table. */
function readArgTables() {
  const tables = {};
  for (const table of document.querySelectorAll('.docblock-argstable')) {
    let heading = '';
    for (const row of table.querySelectorAll(':scope > tbody > tr')) {
      // A heading row toggles its table's rows: "Hide attributes items".
      const toggle = /^(?:Hide|Show) (.+) items$/.exec(row.title);
      if (toggle) heading = toggle[1];
      else (tables[heading] ??= []).push(row.cells[0]?.querySelector('span')?.textContent ?? '');
    }
  }
  return tables;
}

/**
 * What is wrong with an element's docs tables: each of the manifest's tables (attributes,
 * properties, events, slots, parts, CSS custom properties) must list exactly the manifest's
 * names of that kind, once each. A name listed under the wrong kind is missing from one
 * table and extra in another. Other tables (the stories' own args, e.g. "feed") are free.
 */
function tableProblems(tag, declaration, shown) {
  const found = [];
  for (const [heading, items] of Object.entries(apiTables(declaration))) {
    const expected = items.map((item) => item.name);
    const rows = shown[heading] ?? [];
    const missing = expected.filter((name) => !rows.includes(name));
    const extra = rows.filter((name, i) => !expected.includes(name) || rows.indexOf(name) !== i);
    if (missing.length) found.push(`docs for <${tag}>: the ${heading} table does not list ${missing.join(', ')}`);
    if (extra.length) found.push(`docs for <${tag}>: the ${heading} table lists ${extra.join(', ')}, which custom-elements.json does not have (once) among its ${heading}`);
  }
  return found;
}

const xmlText = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The built-in UI strings of `lang` (from locales/<lang>.xlf), and the English ones that must
 * not show instead, as patterns for a whole text (a `{placeholder}` matches anything). Texts
 * the two languages share ("Status") and texts that are only placeholders say nothing.
 */
function uiStrings(lang) {
  const units = [...readFileSync(`locales/${lang}.xlf`, 'utf8').matchAll(/<source>([\s\S]*?)<\/source>\s*<target>([\s\S]*?)<\/target>/g)].map(
    ([, source, target]) => [xmlText(source), xmlText(target)]
  );
  const own = new Set(units.map(([, target]) => target));
  const wordy = (text) => /\p{L}{3}/u.test(text.replace(/\{[^}]+\}/g, ''));
  const pattern = (text) => `^${text.split(/\{[^}]+\}/).map(escapeRegExp).join('.+')}$`;
  return {
    lang,
    own: [...own].filter(wordy).map(pattern),
    english: units.filter(([source]) => wordy(source) && !own.has(source)).map(([source]) => pattern(source)),
  };
}
const UI_STRINGS = {sv: uiStrings('sv'), fi: uiStrings('fi')};

/**
 * In the page: the docs page's widgets that show English built-in strings instead of `lang`'s,
 * or none of `lang`'s while the closest `lang` says another language (a widget may show only
 * feed text: the project with every section hidden). Texts and text nodes are both matched
 * ("Status: Pågående" is three text nodes); feed text in another language (marked with its
 * own `lang` inside the widget) is left out.
 */
function wrongLanguage({lang, own, english}) {
  const ownPatterns = own.map((p) => new RegExp(p, 'u'));
  const englishPatterns = english.map((p) => new RegExp(p, 'u'));
  const collapse = (text) => text.replace(/\s+/g, ' ').trim();
  const texts = (root) =>
    [...root.querySelectorAll('*')].flatMap((element) => [
      ...(element.shadowRoot ? texts(element.shadowRoot) : []),
      ...(element.closest('[lang]')
        ? []
        : [element.textContent, ...[...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data)].map(collapse)),
    ]);
  const widgets = [...document.querySelectorAll('.docs-story .loft-story > *')].filter((e) => e.localName.startsWith('loft-'));
  return widgets.flatMap((widget, i) => {
    const shown = texts(widget.shadowRoot ?? widget);
    const inEnglish = [...new Set(shown.filter((text) => englishPatterns.some((p) => p.test(text))))].sort((a, b) => a.length - b.length);
    const pageLang = widget.closest('[lang]')?.getAttribute('lang');
    const inOwn = shown.some((text) => ownPatterns.some((p) => p.test(text)));
    if (!inEnglish.length && (inOwn || pageLang === lang)) return [];
    const story = widget.closest('[data-name]')?.dataset.name ?? `story ${i + 1}`;
    const said = inEnglish.length ? `shows ${inEnglish.slice(0, 3).map((t) => `"${t}"`).join(', ')}` : 'shows none of its built-in strings';
    return [`"${story}": <${widget.localName}> is not in ${lang}: ${said} (its closest lang="${pageLang}")`];
  });
}

/** The widgets of the docs page in the toolbar's language `lang` (waits for them to load or follow). */
async function languageProblems(lang) {
  await page.evaluate(`window.__wrongLanguage = ${wrongLanguage}`);
  await page.waitForFunction((strings) => window.__wrongLanguage(strings).length === 0, UI_STRINGS[lang], {timeout: SETTLE_MS}).catch(() => undefined);
  const wrong = await page.evaluate((strings) => window.__wrongLanguage(strings), UI_STRINGS[lang]);
  return wrong.length > 5 ? [...wrong.slice(0, 5), `… and ${wrong.length - 5} more widgets not in ${lang}`] : wrong;
}

/**
 * In the page: widgets that do not take the font of the page they are on, or a page (story
 * box) left in the browser's default font. A real page sets its own font, and the widgets
 * inherit it.
 */
function fontProblems() {
  const blank = document.body.appendChild(document.createElement('iframe'));
  const browserDefault = getComputedStyle(blank.contentDocument.body).fontFamily;
  blank.remove();
  return [...document.querySelectorAll('.loft-story')].flatMap((story) => {
    const font = getComputedStyle(story).fontFamily;
    if (font === browserDefault) return [`the story's page is in the browser's default font (${font})`];
    return [...story.children]
      .filter((e) => e.localName.startsWith('loft-') && getComputedStyle(e).fontFamily !== font)
      .map((e) => `<${e.localName}> is in ${getComputedStyle(e).fontFamily}, not its page's font (${font})`);
  }).filter((problem, i, all) => all.indexOf(problem) === i);
}

const results = [];
const started = Date.now();
for (const story of stories) {
  problems = [];
  failedRequests.length = 0;
  const tags = story.tags ?? [];
  const t0 = Date.now();
  try {
    const renderError = await openStory(story.id);
    if (renderError) problems.push(`story failed to render: ${renderError}`);
    else {
      // The sidebar shows index.json's name, which Storybook reads from the file without
      // running it; a name set by a helper at run time shows only on the docs page.
      const shownName = await page.evaluate(() => window.__STORYBOOK_PREVIEW__.currentRender.story.name);
      if (shownName !== story.name) problems.push(`named "${story.name}" in the sidebar but "${shownName}" when shown: write its name as a literal \`name\` in the story object`);
      await waitForElements(tags.includes(STAYS_LOADING));
      problems.push(...(await axeViolations()), ...(await page.evaluate(fontProblems)));
    }
  } catch (error) {
    problems.push(`did not render or settle: ${error.message.split('\n')[0]}`);
  }
  // A failure story must make its failing request (else it shows nothing of what it claims);
  // every other story must make none.
  if (tags.includes(EXPECTED_REQUEST_FAILURE)) {
    if (failedRequests.length === 0) problems.push(`tagged ${EXPECTED_REQUEST_FAILURE}, but no request failed`);
    const foreign = failedRequests.filter((f) => !f.url.startsWith(origin + '/'));
    for (const f of foreign) problems.push(`failed request to another origin: ${f.url}`);
  } else {
    for (const f of failedRequests) problems.push(`console.error: ${f.text} (${f.url})`);
  }
  const ms = Date.now() - t0;
  results.push({id: story.id, ok: problems.length === 0, problems});
  console.log(`${problems.length ? '✗' : '✓'} ${story.id} (${ms} ms)${problems.map((p) => `\n    ${p}`).join('')}`);
}

// Docs pages: each table lists exactly what custom-elements.json has of its kind, and the
// widgets speak the toolbar's language, opened in Swedish and then switched to Finnish.
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const documented = new Set();
/** Leaves the page shown, so that requests it still has under way (a failure story's 404) are not counted against the next. */
async function leavePage() {
  await page.goto('about:blank');
  failedRequests.length = 0;
}

for (const docs of docsPages) {
  problems = [];
  await leavePage();
  let tag;
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs&globals=locale:sv;a11y.manual:!true`, {waitUntil: 'load'});
    await page.waitForSelector('.docblock-argstable', {timeout: 15_000});
    tag = await page.evaluate(() => [...document.querySelectorAll('.docs-story *')].find((e) => e.localName.startsWith('loft-'))?.localName);
    const declaration = declarations.find((d) => d.tagName === tag);
    if (!declaration) problems.push(`no loft element from custom-elements.json found in the docs page (found ${tag ?? 'none'})`);
    else {
      documented.add(tag);
      problems.push(...tableProblems(tag, declaration, await page.evaluate(readArgTables)));
    }
    problems.push(...(await languageProblems('sv')));
    await page.evaluate(() => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', {globals: {locale: 'fi'}}));
    problems.push(...(await languageProblems('fi')));
    problems.push(...(await page.evaluate(fontProblems)));
  } catch (error) {
    problems.push(`docs page did not render: ${error.message.split('\n')[0]}`);
  }
  // The docs page renders every story of the element, the failure stories' requests included.
  const expectsFailure = allStories.some((s) => s.title === docs.title && s.tags?.includes(EXPECTED_REQUEST_FAILURE));
  for (const f of failedRequests) if (!expectsFailure) problems.push(`console.error: ${f.text} (${f.url})`);
  results.push({id: docs.id, ok: problems.length === 0, problems});
  console.log(`${problems.length ? '✗' : '✓'} ${docs.id} (docs${tag ? ` of <${tag}>` : ''})${problems.map((p) => `\n    ${p}`).join('')}`);
}
// Hand-written pages (Getting started): they render, without errors.
for (const docs of mdxPages) {
  problems = [];
  await leavePage();
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs`, {waitUntil: 'load'});
    await page.waitForFunction(() => (document.querySelector('#storybook-docs')?.textContent ?? '').trim().length > 200, undefined, {timeout: 15_000});
  } catch (error) {
    problems.push(`docs page did not render: ${error.message.split('\n')[0]}`);
  }
  for (const f of failedRequests) problems.push(`console.error: ${f.text} (${f.url})`);
  results.push({id: docs.id, ok: problems.length === 0, problems});
  console.log(`${problems.length ? '✗' : '✓'} ${docs.id} (docs)${problems.map((p) => `\n    ${p}`).join('')}`);
}

// Story names: one state, one name, whatever the element (each stories file names its
// states with the same exports: Loading, ErrorUnreachable, ThemeDarkPage, InFinnish …).
problems = [];
const group = (key) => allStories.reduce((groups, s) => groups.set(key(s), [...(groups.get(key(s)) ?? []), s]), new Map());
const exportOf = (s) => s.id.split('--')[1];
for (const [exportId, same] of group(exportOf)) {
  const names = [...new Set(same.map((s) => s.name))];
  if (names.length > 1) problems.push(`the story "${exportId}" has several names: ${names.map((n) => `"${n}"`).join(', ')}`);
}
for (const [name, same] of group((s) => s.name)) {
  const ids = [...new Set(same.map(exportOf))];
  if (ids.length > 1) problems.push(`the name "${name}" is given to different stories: ${ids.join(', ')}`);
}
results.push({id: 'story names', ok: problems.length === 0, problems});
console.log(`${problems.length ? '✗' : '✓'} story names are the same for the same state in every element${problems.map((p) => `\n    ${p}`).join('')}`);

if (!filter) {
  for (const declaration of declarations) {
    if (!documented.has(declaration.tagName)) {
      results.push({id: `docs:${declaration.tagName}`, ok: false, problems: ['no stories']});
      console.log(`✗ <${declaration.tagName}> has no stories (add stories/<name>.stories.ts, see README "Storybook")`);
    }
  }
}

await browser.close();
server.close();

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\nStorybook smoke: ${stories.length} stories and ${docsPages.length + mdxPages.length} docs pages checked in ${((Date.now() - started) / 1000).toFixed(1)} s: ${passed} passed, ${failed} failed`);
mkdirSync('test-results', {recursive: true});
writeFileSync('test-results/storybook.json', JSON.stringify({passed, failed, skipped: 0}) + '\n');
process.exit(failed || !stories.length ? 1 : 0);
