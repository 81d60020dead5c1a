// Host pages that embed the BUILT CDN bundle the way a CMS page does, served by the test
// server with real response headers (Content-Security-Policy, Trusted Types). Mounted by
// web-test-runner.config.mjs; test/embed.test.ts opens them in iframes and inspects them.
//
// Every page includes test/embed/widgets.html at its <!-- widgets --> marker: to cover a new
// element, add it there (the tests check every loft-* element they find).
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {sriOf} from '../../scripts/integrity.mjs';

/**
 * The strict policy from issue 7: nothing but same-origin scripts, styles, requests and
 * images, no inline code, and Trusted Types enforced with only the bundle's policies
 * allowed: Lit's `lit-html`, the contact form's `loft-altcha` (the URL of its ALTCHA
 * worker) and `loft-jsonld` (a project's JSON-LD); see docs/embed/README.md. `allow-duplicates` lets a second copy of the bundle
 * (and of Lit) create its policies too.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html loft-altcha loft-jsonld 'allow-duplicates'",
].join('; ');

/** The same policy on a page that allows only Lit's Trusted Types policy, not `loft-altcha` nor `loft-jsonld`. */
export const LIT_ONLY_CSP = STRICT_CSP.replace(' loft-altcha loft-jsonld', '');

/** The same policy without Trusted Types enforced, so that a test can load axe-core into the page (script-src 'self' still). */
export const NO_TRUSTED_TYPES_CSP = STRICT_CSP.replace("; require-trusted-types-for 'script'", '');

/** page name → response headers (every page also gets the defaults below). */
const PAGES = {
  'strict-csp': {'content-security-policy': STRICT_CSP},
  hostile: {'content-security-policy': STRICT_CSP},
  twice: {'content-security-policy': STRICT_CSP},
  'older-first': {'content-security-policy': STRICT_CSP},
  'older-second': {'content-security-policy': STRICT_CSP},
  'lit-only': {'content-security-policy': LIT_ONLY_CSP},
  'only-entry': {'content-security-policy': STRICT_CSP},
  sri: {'content-security-policy': STRICT_CSP},
  'sri-tampered': {'content-security-policy': STRICT_CSP},
  'single-file': {'content-security-policy': STRICT_CSP},
  // No widget on it: for what the browser itself does under the policy.
  blank: {'content-security-policy': STRICT_CSP},
  'no-form': {'content-security-policy': NO_TRUSTED_TYPES_CSP},
  'slow-chunks': {'content-security-policy': STRICT_CSP},
  'slow-dates': {'content-security-policy': STRICT_CSP},
  'slow-undated': {'content-security-policy': STRICT_CSP},
};

/**
 * What an editor uploaded to a CMS file archive that gives each file its own URL: only the
 * entry file (the chunks/ folder missing), or only the single-file build. Anything else
 * below /uploads/<case>/ answers 404, as the archive would.
 */
const UPLOADS = {
  'only-entry': {'loft-widgets.js': 'dist/cdn/loft-widgets.js'},
  single: {'loft-widgets.single.js': 'dist/cdn/loft-widgets.single.js'},
};
/** Upload cases of the whole dist/cdn/ folder whose chunks arrive this many milliseconds late (a slow connection), so a test can tell which requests wait for others. */
const SLOW_CHUNKS = {'slow-chunks': 400, 'slow-dates': 400, 'slow-undated': 400};
/** Uploads of the whole dist/cdn/ folder but for the files a pattern names (an upload that stopped half-way); the slow ones have them all. */
const ALL_BUT = {
  'no-form': /^chunks\/contact-form-/,
  ...Object.fromEntries(Object.keys(SLOW_CHUNKS).map((upload) => [upload, /^$/])),
};

/** The file an upload case serves at a path below it, if it uploaded one. */
function uploaded(upload, name) {
  if (UPLOADS[upload]) return UPLOADS[upload][name];
  if (!ALL_BUT[upload] || ALL_BUT[upload].test(name) || !/^(?:chunks\/)?[\w.-]+\.js$/.test(name)) return undefined;
  return existsSync(new URL(`../../dist/cdn/${name}`, import.meta.url)) ? `dist/cdn/${name}` : undefined;
}
/** Pages that reuse another page's HTML under other headers. */
const SAME_HTML = {'lit-only': 'strict-csp', 'sri-tampered': 'sri'};

/**
 * The SRI pages: the entry pinned with its hash from dist/cdn/integrity.json (as README's
 * snippet does), and its chunks with the import map's hashes; the tampered page gets a hash
 * of other bytes. The inline import map is allowed by its own hash in `script-src`.
 */
function pinned(page, html, headers) {
  const hashes = JSON.parse(readFileSync(new URL('../../dist/cdn/integrity.json', import.meta.url), 'utf8'));
  const map = JSON.stringify({integrity: Object.fromEntries(Object.entries(hashes).map(([file, hash]) => [`/dist/cdn/${file}`, hash]))});
  const entry = page === 'sri-tampered' ? sriOf('other bytes') : hashes['loft-widgets.js'];
  const mapHash = `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
  headers['content-security-policy'] = STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${mapHash}`);
  return html.replace('<!-- importmap -->', `<script type="importmap">${map}</script>`).replace('ENTRY-INTEGRITY', entry);
}

const dir = new URL('../embed/', import.meta.url);
const referenceFeed = readFileSync(new URL('../../demo/feeds/loft.feed.json', import.meta.url), 'utf8');
/** Keys of /embed/outage feeds that are back up. */
const repaired = new Set();

/**
 * /ssr/<element>.html?lang=sv&bundle=1&<attribute>=…: a widget server-rendered at request time
 * (dist/ssr/node/render.js, as `npx loft-widgets render` does) from the reference feed (or,
 * for the list, the Exempelby feed), on a page under the strict CSP with the snippet's style
 * hashes, with the CDN bundle when `bundle=1`. `live=1`: the same widget as the bare tag with
 * the bundle, rendered in the browser only, to compare with. `feed-delay=ms`: its feed comes late.
 */
async function ssrPage(ctx) {
  const {renderSnippet} = await import('../../dist/ssr/node/render.js');
  const element = /^\/ssr\/([a-z-]+)\.html$/.exec(ctx.path)[1];
  const params = new URL(ctx.url, 'http://localhost').searchParams;
  const src = element === 'loft-project-list' ? '/demo/feeds/exempelby.feed.json' : '/demo/feeds/loft.feed.json';
  const attributes = Object.fromEntries([...params].filter(([name]) => !['lang', 'bundle', 'load', 'live', 'feed-delay'].includes(name)));
  // `feed-delay=ms`: the widget's own request for its feed (once the bundle runs) answers that late.
  const delay = params.get('feed-delay');
  const live = delay ? `/faults/feed?name=${/([a-z]+)\.feed\.json$/.exec(src)[1]}&delay=${delay}&key=${Math.random().toString(36).slice(2)}` : src;
  const lang = params.get('lang') ?? 'sv';
  const snippet = await renderSnippet({
    element,
    lang,
    attributes,
    feed: {text: readFileSync(new URL(`../..${src}`, import.meta.url), 'utf8'), baseUrl: `http://${ctx.host}${src}`, src: live},
  });
  if (params.get('live') === '1') {
    // The snippet's own tag (its attributes), closed at once: nothing rendered on the server.
    snippet.html = `${snippet.html.slice(0, snippet.html.indexOf('>') + 1)}</${element}>\n`;
  }
  ctx.set({
    'cache-control': 'no-store',
    'content-security-policy': STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${snippet.styleHashes.join(' ')}`),
  });
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${snippet.title}</title>
<script src="/test/embed/probe.js"></script>
<script src="/test/embed/ssr-before.js" defer></script>
${params.get('bundle') === '1' || params.get('live') === '1' ? '<script type="module" src="/dist/cdn/loft-widgets.js"></script>' : ''}
</head>
<body>
${snippet.html}</body>
</html>`;
}

/** Koa middleware for /embed/<page>.html */
export async function embedPages(ctx, next) {
  if (/^\/ssr\/loft-[a-z-]+\.html$/.test(ctx.path)) return ssrPage(ctx);
  // /embed/outage?key=K answers 503 until /embed/repair?key=K is called, then the feed.
  if (ctx.path === '/embed/outage' || ctx.path === '/embed/repair') {
    const key = new URL(ctx.url, 'http://localhost').searchParams.get('key');
    ctx.set('cache-control', 'no-store');
    if (ctx.path === '/embed/repair') {
      repaired.add(key);
      ctx.body = 'repaired';
    } else if (repaired.has(key)) {
      ctx.type = 'application/json';
      ctx.body = referenceFeed;
    } else {
      ctx.status = 503;
      ctx.body = 'down for maintenance';
    }
    return;
  }
  // The built bundle byte for byte: the dev server's esbuild plugin would otherwise re-print
  // it, and a browser would (rightly) refuse the bytes the SRI pages pin.
  const built = /^\/dist\/cdn\/((?:chunks\/)?[\w-]+(?:\.[\w-]+)*\.js)$/.exec(ctx.path);
  if (built) {
    ctx.set('cache-control', 'no-store');
    ctx.type = 'text/javascript';
    ctx.body = readFileSync(new URL(`../../dist/cdn/${built[1]}`, import.meta.url));
    return;
  }
  const upload = /^\/uploads\/([a-z-]+)\/(.+)$/.exec(ctx.path);
  if (upload && (UPLOADS[upload[1]] || ALL_BUT[upload[1]])) {
    const file = uploaded(upload[1], upload[2]);
    ctx.set('cache-control', 'no-store');
    if (!file) {
      ctx.status = 404;
      ctx.body = 'not uploaded';
      return;
    }
    if (SLOW_CHUNKS[upload[1]] && upload[2].startsWith('chunks/')) await new Promise((resolve) => setTimeout(resolve, SLOW_CHUNKS[upload[1]]));
    ctx.type = 'text/javascript';
    ctx.body = readFileSync(new URL(`../../${file}`, import.meta.url));
    return;
  }
  const match = /^\/embed\/([a-z-]+)\.html$/.exec(ctx.path);
  if (!match || !(match[1] in PAGES)) return next();
  // Read on every request so an edited page needs no server restart.
  const widgets = readFileSync(new URL('widgets.html', dir), 'utf8');
  const headers = {...PAGES[match[1]]};
  let page = readFileSync(new URL(`${SAME_HTML[match[1]] ?? match[1]}.html`, dir), 'utf8').replace('<!-- widgets -->', widgets)
    // A fresh key per page load, so each page has its own feed outage.
    .replaceAll('PAGEKEY', Math.random().toString(36).slice(2));
  if (match[1].startsWith('sri')) page = pinned(match[1], page, headers);
  ctx.set({
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page;
}
