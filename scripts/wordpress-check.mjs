#!/usr/bin/env node
// A maintainer's check against a real WordPress, run by scripts/wordpress-check.sh (which sets
// the site up): an Author, through the REST API the block editor saves with, publishes
//
//   (a) an embed URL of the reference server on a line of its own (an Embed block), once
//       without and once with the `http_request_host_is_external` filter a local test needs;
//   (b) a server-rendered snippet in a Custom HTML block, full and `--no-styles --no-json-ld`;
//
// then, for each published page: what the saved post kept, the seed page's facts in the
// page's HTML text (JavaScript off, as curl sees it), and those a visitor sees in headless
// Chromium with JavaScript off and on (the embed's iframe included). Prints a JSON report.
//
//   node scripts/wordpress-check.mjs /tmp/loft-wordpress.json
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {SEED_FACTS} from '../test/helpers/seed-facts.js';

const site = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/loft-wordpress.json', 'utf8'));
const WP = site.site.replace(/\/$/, '');
const SERVER = 'http://localhost:8080';
const EMBED = `${SERVER}/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft&lang=sv`;
const EMBED_CARD = `${SERVER}/embed/loft-project-card?src=/demo/feeds/loft.feed.json&project=loft&lang=sv`;
const FILTER = `${site.mu_plugins}/loft-local-embed-host.php`;

const auth = `Basic ${Buffer.from(`${site.user}:${site.password}`).toString('base64')}`;
async function rest(path, body) {
  const response = await fetch(`${WP}/?rest_route=${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {authorization: auth, 'content-type': 'application/json'},
    body: body && JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Publishes a post as the Author; answers its id, address and the content WordPress saved. */
async function publish(title, content) {
  const {id, link} = await rest('/wp/v2/posts', {title, content, status: 'publish'});
  const saved = (await rest(`/wp/v2/posts/${id}&context=edit`)).content.raw;
  return {id, link, saved};
}

/** What the block editor saves when an author pastes a URL on a line of its own. */
const embedBlock = (url) =>
  `<!-- wp:embed {"url":"${url}","type":"rich"} -->\n<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">\n${url}\n</div></figure>\n<!-- /wp:embed -->`;
const htmlBlock = (html) => `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;

function snippet(...options) {
  const args = ['bin/loft-widgets.js', 'render', 'demo/feeds/loft.feed.json', '--element', 'loft-project', '--project', 'loft', '--lang', 'sv', '--src', `${SERVER}/demo/feeds/loft.feed.json`, ...options];
  return execFileSync(process.execPath, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
}

const tagsIn = (html) => Object.fromEntries(['template', 'style', 'script', 'loft-project', 'iframe', 'h2', 'dl', 'ul'].map((tag) => [tag, (html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length]));

/** The post's content in the published page's HTML, as text (tags removed): what curl sees of it. */
async function htmlText(link) {
  const html = await (await fetch(link)).text();
  const start = html.indexOf('wp-block-post-content');
  const content = html.slice(start, html.indexOf('</main>', start));
  const text = content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#0?38;|&amp;/g, '&')
    .replace(/&#8211;/g, '–')
    .replace(/\s+/g, ' ');
  return {
    iframe: /<iframe[^>]*>/.exec(content)?.[0],
    wpEmbedScript: /wp-embed(\.min)?\.js/.test(html),
    facts: SEED_FACTS.filter((fact) => text.includes(fact)).length,
    cssAsText: /:host\s*\{|\.base\s*\{/.test(text),
    jsonAsText: /@context/.test(text),
  };
}

/** The texts a visitor sees in a frame (text nodes with a box, through shadow roots), and whether each is in the frame's view. */
function visibleTexts() {
  const out = [];
  const walk = (root) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) out.push({text: node.textContent.trim(), inView: box.top < innerHeight && box.bottom > 0});
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (node.shadowRoot) walk(node.shadowRoot);
      walk(node);
    }
  };
  walk(document.body);
  return out;
}

const countFacts = (texts) => SEED_FACTS.filter((fact) => texts.some((t) => t.includes(fact))).length;

async function inChromium(browser, link, javaScriptEnabled) {
  const context = await browser.newContext({javaScriptEnabled, viewport: {width: 1024, height: 900}});
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(link, {waitUntil: 'load'});
  await page.waitForTimeout(3000);
  const texts = [];
  const framed = [];
  for (const frame of page.frames()) {
    const found = await frame.evaluate(visibleTexts).catch(() => []);
    texts.push(...found.map((t) => t.text));
    // In the page, scrolling shows everything; in an iframe, what is below its height needs the frame scrolled.
    if (frame !== page.mainFrame()) framed.push(...found.filter((t) => t.inView).map((t) => t.text));
  }
  const all = texts.join('\n');
  const result = {javaScriptEnabled, facts: countFacts(texts), cssAsText: /:host\s*\{|\.base\s*\{/.test(all), jsonAsText: /@context/.test(all), errors};
  const frame = await page.$('iframe.wp-embedded-content');
  if (frame) {
    Object.assign(result, {
      factsInFrameWithoutScrolling: countFacts(framed),
      frameHeightAttribute: await frame.getAttribute('height'),
      frameBoxHeight: Math.round((await frame.boundingBox()).height),
      frameContentHeight: await (await frame.contentFrame()).evaluate(() => document.documentElement.scrollHeight),
    });
  }
  await context.close();
  return result;
}

const report = {wordpress: site.wordpress, theme: site.theme, author: {role: site.role, unfiltered_html: site.unfiltered_html}, posts: {}};
const posts = {};
mkdirSync(site.mu_plugins, {recursive: true});
rmSync(FILTER, {force: true});
posts['embed, no filter'] = await publish('Embed without the filter', embedBlock(EMBED));
writeFileSync(FILTER, `<?php
// For a local test only (scripts/wordpress-check.mjs): WordPress fetches oEmbed only from hosts
// it considers public (wp_http_validate_url); this lets it fetch from the reference server here.
add_filter('http_request_host_is_external', fn ($external, $host) => $external || $host === 'localhost', 10, 2);
`);
posts['embed'] = await publish('Embed', embedBlock(EMBED));
posts['embed, card'] = await publish('Embed (card)', embedBlock(EMBED_CARD));
posts['snippet, full'] = await publish('Snippet (full)', htmlBlock(snippet()));
posts['snippet, --no-styles --no-json-ld'] = await publish('Snippet (readable)', htmlBlock(snippet('--no-styles', '--no-json-ld')));

const {chromium} = await import('playwright-core');
const {CHROMIUM_ARGS} = await import('../web-test-runner.config.mjs');
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
try {
  for (const [name, post] of Object.entries(posts)) {
    report.posts[name] = {
      link: post.link,
      savedTags: tagsIn(post.saved),
      curl: await htmlText(post.link),
      chromium: [await inChromium(browser, post.link, false), await inChromium(browser, post.link, true)],
    };
  }
} finally {
  await browser.close();
}
report.seedFacts = SEED_FACTS.length;
console.log(JSON.stringify(report, null, 2));
