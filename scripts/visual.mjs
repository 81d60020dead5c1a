#!/usr/bin/env node
// Visual regression: screenshots of the stories in test/visual/stories.mjs, from the static
// Storybook (run `npm run build-storybook` first), in Chromium, Firefox ESR and WebKit, in
// light, dark and forced colours (not WebKit: see below), compared with the baselines in
// test/visual/baselines/.
// A screenshot that changed (another size, or more than MIN_CHANGED_PIXELS pixels beyond
// pixelmatch's threshold) fails with one line, and the picture of the change (baseline,
// screenshot, changed pixels) in test-results/visual/. Writes test-results/visual.json for
// .ci/run's closing line.
//
//   npm run visual [-- --update] [-- --filter <text in story id>]
//   LOFT_BROWSERS=chromium,firefox to leave an engine out, as for npm test.
//
// --update writes the baselines that are missing or changed (and removes those no longer
// captured); a baseline within the threshold is left as it is, so noise never churns them.
//
// Light is the default page; dark is the theme toolbar's dark page (the widgets follow the
// host page's colours and have no prefers-color-scheme rule of their own); forced colours is
// the default page with `forced-colors: active`. WebKit has no forced-colours mode (see
// scripts/visual-engines.mjs), so it is captured in light and dark only.
import {spawn} from 'node:child_process';
import {createServer} from 'node:http';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {PNG} from 'pngjs';
import {staticFiles} from '../server/static.mjs';
import {ensureBrowsers, wantedBrowsers} from './browsers.mjs';
import {STAYS_LOADING} from '../stories/support/a11y.js';
import {STORIES} from '../test/visual/stories.mjs';
import {compare, encode} from './visual-compare.mjs';
import {DEJAVU_SANS, VIEWPORT, fontEnvironment, openEngine} from './visual-engines.mjs';

const ROOT = resolve('storybook-static');
const BASELINES = resolve('test/visual/baselines');
const RESULTS = resolve('test-results/visual');
const VERSIONS = join(BASELINES, 'versions.json');
const update = process.argv.includes('--update');
const filterAt = process.argv.indexOf('--filter');
const filter = filterAt > 0 ? process.argv[filterAt + 1] : undefined;
const engines = wantedBrowsers();

if (!existsSync(join(ROOT, 'index.json'))) {
  console.error('storybook-static/index.json is missing: run "npm run build-storybook" first.');
  process.exit(1);
}
if (!existsSync(DEJAVU_SANS)) {
  console.error(`${DEJAVU_SANS} is missing: the baselines are drawn in DejaVu, install it with "apt-get install -y fonts-dejavu-core".`);
  process.exit(1);
}
if (!ensureBrowsers(engines)) process.exit(1);

// MiniBrowser has no headless mode: the whole check runs on a virtual display, large enough
// for the viewport and its toolbar, in 24-bit colour. Always ours, never a desktop's, whose
// scaling and colour depth would change the pixels.
if (engines.includes('webkit') && process.env.LOFT_VISUAL_XVFB !== '1') {
  const screen = `-screen 0 ${VIEWPORT.width + 256}x${VIEWPORT.height + 200}x24`;
  const child = spawn('xvfb-run', ['-a', '-s', screen, process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: {...process.env, LOFT_VISUAL_XVFB: '1'},
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  process.exitCode = await run();
}

async function run() {
  const started = Date.now();
  const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
  const unknown = STORIES.filter((s) => !index.entries[s.id]);
  if (unknown.length) {
    console.error(`test/visual/stories.mjs names stories Storybook does not have: ${unknown.map((s) => s.id).join(', ')}`);
    return 1;
  }
  const stories = STORIES.filter((s) => !filter || s.id.includes(filter));
  const work = mkdtempSync(join(tmpdir(), 'loft-visual-'));
  Object.assign(process.env, fontEnvironment(work));

  // Storybook's build and the page each shot is taken in: the story in an iframe of the
  // shot's width, as Storybook's own viewport toolbar shows it (MiniBrowser's window cannot
  // be narrower than its toolbar, about 450 px, so the width is the iframe's in every engine).
  const serveStorybook = staticFiles(ROOT, {folders: ['.'], csp: false, home: null});
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname === '/visual-frame.html') {
      const src = `iframe.html?${new URLSearchParams({id: url.searchParams.get('id'), viewMode: 'story'})}&globals=${url.searchParams.get('globals')}`;
      const page = `<!doctype html><meta charset="utf-8"><title>visual</title>
<style>html, body { margin: 0; } iframe { display: block; border: 0; }</style>
<iframe title="story" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${Number(url.searchParams.get('width'))}" height="${VIEWPORT.height}"></iframe>`;
      return void res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'}).end(page);
    }
    if (!serveStorybook(req, res)) res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const versions = existsSync(VERSIONS) ? JSON.parse(readFileSync(VERSIONS, 'utf8')) : {};
  const newVersions = {};
  const captured = new Set();
  const failures = [];
  let passed = 0;
  let written = 0;
  rmSync(RESULTS, {recursive: true, force: true});

  for (const engine of engines) {
    for (const forcedColors of [false, true]) {
      const t0 = Date.now();
      let session;
      try {
        session = await openEngine(engine, {forcedColors});
      } catch (error) {
        failures.push(`${engine}${forcedColors ? ' (forced colours)' : ''}: did not start: ${error.message.split('\n')[0]}`);
        console.log(`✗ ${failures.at(-1)}`);
        continue;
      }
      if (!session) continue;
      newVersions[engine] = session.version;
      const modes = forcedColors ? ['forced'] : ['light', 'dark'];
      let shots = 0;
      for (const story of stories) {
        for (const mode of modes) {
          const name = `${engine}/${story.id.replace(/^elements-/, '')}.${story.width}.${mode}.png`;
          captured.add(name);
          shots++;
          const problem = await shoot(session, origin, story, mode, name);
          if (problem) {
            failures.push(problem);
            console.log(`✗ ${problem}`);
          } else passed++;
        }
      }
      await session.close();
      console.log(`${engine} ${modes.join(' + ')}: ${shots} screenshots in ${((Date.now() - t0) / 1000).toFixed(1)} s (${session.version})`);
    }
  }
  server.close();
  rmSync(work, {recursive: true, force: true});

  // Baselines of shots no longer taken (a story left the subset, or was renamed).
  if (!filter) {
    const stale = listBaselines().filter((name) => engines.includes(name.split('/')[0]) && !captured.has(name));
    for (const name of stale) {
      if (update) {
        unlinkSync(join(BASELINES, name));
        console.log(`removed the baseline ${name} (no longer captured)`);
      } else failures.push(`test/visual/baselines/${name}: no longer captured (run "npm run visual -- --update" to remove it)`);
    }
  }
  if (update) {
    writeFileSync(VERSIONS, JSON.stringify({...versions, ...newVersions}, null, 2) + '\n');
  } else if (failures.length) {
    // A browser update moves pixels too: say so, since it is then not the widgets that changed.
    for (const [engine, version] of Object.entries(newVersions)) {
      if (versions[engine] && versions[engine] !== version) console.log(`note: the baselines were made with ${versions[engine]}, this is ${version}`);
    }
  }

  const failed = failures.length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    // A failure is a screenshot that differs, or an engine that did not start, or a baseline no longer taken.
    `\nVisual: ${captured.size} screenshots of ${stories.length} stories in ${seconds} s: ${passed} passed, ${failed} failed` +
      (update ? ` (${written} baselines written)` : '') +
      (failed && !update ? `\nPictures of the changes: ${relative('.', RESULTS)}/. After an intended change: npm run visual -- --update, and commit the baselines.` : '')
  );
  mkdirSync('test-results', {recursive: true});
  writeFileSync('test-results/visual.json', JSON.stringify({passed, failed, skipped: 0}) + '\n');
  return failed || !passed ? 1 : 0;

  /** Takes one screenshot and compares (or, with --update, stores) it; returns the problem, if any. */
  async function shoot(session, origin, story, mode, name) {
    const label = name.replace(/\.png$/, '');
    const globals = ['a11y.manual:!true', ...(mode === 'dark' ? ['theme:dark'] : [])].join(';');
    let actual;
    try {
      await session.goto(`${origin}/visual-frame.html?${new URLSearchParams({id: story.id, width: story.width, globals})}`);
      const tags = index.entries[story.id].tags ?? [];
      const rect = await session.evaluate(settle, {staysLoading: tags.includes(STAYS_LOADING), forcedColors: mode === 'forced'});
      actual = await session.capture(rect);
    } catch (error) {
      return `${label}: no screenshot: ${error.message.split('\n')[0]}`;
    }
    const file = join(BASELINES, name);
    const baseline = existsSync(file) ? PNG.sync.read(readFileSync(file)) : undefined;
    const result = baseline && compare(baseline, actual);
    if (update) {
      if (!result || result.failed) {
        mkdirSync(dirname(file), {recursive: true});
        writeFileSync(file, encode(actual));
        written++;
      }
      return undefined;
    }
    if (!result) return `${label}: no baseline (run "npm run visual -- --update" and commit test/visual/baselines/)`;
    if (!result.failed) return undefined;
    const out = join(RESULTS, name);
    mkdirSync(dirname(out), {recursive: true});
    writeFileSync(out, encode(result.diff));
    const what = result.resized
      ? `size ${baseline.width}×${baseline.height} → ${actual.width}×${actual.height}`
      : `${result.changed} pixels changed (${((100 * result.changed) / (actual.width * actual.height)).toFixed(2)} %)`;
    return `${label}: ${what} → ${relative('.', out)}`;
  }
}

function listBaselines() {
  if (!existsSync(BASELINES)) return [];
  return readdirSync(BASELINES, {recursive: true})
    .filter((name) => name.endsWith('.png'))
    .map((name) => name.split('\\').join('/'));
}

/**
 * In the page (the frame around the story): waits until the story has rendered and played,
 * every element has finished loading (or shows its skeleton, for a story that stays
 * loading), its fonts and images are in and two frames are painted; checks that the engine
 * applied the media features the shot needs; resolves with the story's box in the page.
 * Self-contained: each engine sends its source to the browser.
 */
async function settle({staysLoading, forcedColors}) {
  const frame = document.querySelector('iframe');
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const deadline = Date.now() + 15_000;
  const roots = (root) => [root, ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot).flatMap((e) => roots(e.shadowRoot))];
  let waitingFor = 'Storybook to render the story';
  for (;;) {
    const win = frame.contentWindow;
    const render = win.__STORYBOOK_PREVIEW__?.currentRender;
    if (render?.phase === 'errored' || win.document.body?.classList.contains('sb-show-errordisplay')) throw new Error('the story failed to render');
    if (render && ['completed', 'finished'].includes(render.phase)) {
      waitingFor = staysLoading ? 'the loading skeleton' : 'the widgets to load';
      const widgets = [...win.document.querySelectorAll('#storybook-root *')].filter((e) => e.localName.startsWith('loft-'));
      const bases = widgets.map((e) => e.shadowRoot?.querySelector('[part="base"]'));
      if (bases.length && bases.every((b) => b && (b.getAttribute('aria-busy') === 'true') === staysLoading)) break;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${waitingFor}`);
    await sleep(50);
  }
  const win = frame.contentWindow;
  const doc = win.document;
  await doc.fonts.ready;
  const images = roots(doc).flatMap((root) => [...root.querySelectorAll('img')]);
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  await new Promise((done) => win.requestAnimationFrame(() => win.requestAnimationFrame(done)));
  const wrong = [
    !win.matchMedia('(prefers-reduced-motion: reduce)').matches && 'prefers-reduced-motion is not reduce',
    win.matchMedia('(forced-colors: active)').matches !== forcedColors && `forced-colors is not ${forcedColors ? 'active' : 'none'}`,
    !win.matchMedia('(prefers-color-scheme: light)').matches && 'prefers-color-scheme is not light',
  ].filter(Boolean);
  if (wrong.length) throw new Error(`the engine did not set the page up: ${wrong.join(', ')}`);
  const story = doc.querySelector('.loft-story').getBoundingClientRect();
  const offset = frame.getBoundingClientRect();
  const x = Math.floor(offset.left + story.left);
  const y = Math.floor(offset.top + story.top);
  const rect = {x, y, width: Math.ceil(offset.left + story.right) - x, height: Math.ceil(offset.top + story.bottom) - y};
  if (rect.y + rect.height > frame.clientHeight) throw new Error(`the story is ${Math.round(story.height)} px tall, more than the ${frame.clientHeight} px captured`);
  return rect;
}
