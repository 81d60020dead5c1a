// Widgets for CMSs that accept only a URL (a WordPress author, say): the reference server's
//
// - /embed/<element>?src=…&project=…&lang=… — a minimal page with the server-rendered widget
//   (dist/ssr/node/render.js) and the CDN bundle, under a strict CSP (the inline styles by
//   their hashes), which sizes its iframe: it posts {message: 'height', value, secret} to the
//   parent page (WordPress's protocol; `secret` comes from the URL's fragment, as WordPress
//   adds it), and has the oEmbed discovery <link>;
// - /oembed?url=<an embed page>&format=json — oEmbed's `rich` answer with the iframe.
//
// Only the feeds the server is configured for (LOFT_FEEDS, the receiver's; the demo feeds
// under `npm start`) can be embedded: `src` must be the URL at which this server serves one
// of them (a file below demo/, which the server publishes), so the server never fetches
// anything else (it is no open proxy). Framed without
// `allow-same-origin` (WordPress's sandbox), the page has an opaque origin: its scripts and
// its feed are then cross-origin requests, so the bundle, this page's script and those feeds
// are served with `Access-Control-Allow-Origin: *` (they are public, and sent without
// credentials).
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {staticFiles} from './static.mjs';
import {forwarded} from './client-address.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The embed page's own style: the widget fills the frame's width, with a small margin. */
const PAGE_STYLE = 'html,body{margin:0}body{padding:8px;font-family:system-ui,sans-serif}';

const hashOf = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const escapeHtml = (value) => value.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

/**
 * The embed page's Content-Security-Policy: the server's strict one, with the page's inline
 * styles by hash, framed by anyone. Its own `origin` is named beside `'self'`: in WordPress's
 * sandbox (no `allow-same-origin`) the page's origin is opaque, and WebKit's `'self'` then
 * matches nothing, not even the page's own scripts (Chromium and Firefox match the URL's origin).
 */
export function embedCsp(styleHashes, origin) {
  return [
    "default-src 'none'",
    `script-src 'self' ${origin}`,
    `style-src ${[hashOf(PAGE_STYLE), ...styleHashes].join(' ')}`,
    `connect-src 'self' ${origin}`,
    `img-src 'self' ${origin} https:`,
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
    "require-trusted-types-for 'script'",
    "trusted-types lit-html loft-altcha loft-jsonld 'allow-duplicates'",
  ].join('; ');
}

/** A height in CSS pixels that fits the widget at `width` without its script (oEmbed answers need one). */
export function estimateHeight(readableHtml, width) {
  // Each block of the readable content: its text wrapped at about 0.55em per character of
  // a 16 px font, 1.5 lines high, and a gap; headings, rows and list items are blocks.
  const blocks = readableHtml.split(/<\/(?:h[1-6]|p|dt|dd|li|figcaption|blockquote)>/);
  const perLine = Math.max(20, Math.floor((width - 48) / 8.8));
  let height = 64;
  for (const block of blocks) {
    const text = block.replace(/<[^>]*>/g, '').trim();
    if (text) height += Math.ceil(text.length / perLine) * 24 + 12;
  }
  return Math.round(height);
}

/**
 * The embed pages and oEmbed, for the feeds in `feeds` (file paths): `handle(req, res)`
 * answers their routes and returns false for anything else, so handlers chain. Behind
 * `trustProxy` reverse proxies (LOFT_TRUST_PROXY), the scheme visitors use is the proxies'
 * `X-Forwarded-Proto` (the outermost proxy's entry, as for X-Forwarded-For): an https embed URL
 * is then this server's own.
 */
export async function createEmbed({feeds = [], trustProxy = 0} = {}) {
  const {ELEMENTS, renderSnippet} = await import('../dist/ssr/node/render.js');
  /** URL path → file, for the configured feeds that this server publishes (its demo/ folder). */
  const served = new Map();
  for (const file of feeds) {
    const path = relative(root, resolve(file)).split('\\').join('/');
    if (path.startsWith('demo/')) served.set(`/${path}`, resolve(file));
  }
  // The bundle with CORS, before the plain static files.
  const bundle = staticFiles(root, {folders: ['dist/cdn'], csp: false, cors: true, home: null});
  const resizer = readFileSync(new URL('embed-resize.js', import.meta.url));

  function send(res, status, type, body, headers = {}) {
    res.writeHead(status, {'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...headers});
    res.end(body);
  }

  /** The embed page for a URL's path and query, or an error to answer with. */
  async function page(url) {
    const element = url.pathname.slice('/embed/'.length);
    if (!Object.hasOwn(ELEMENTS, element)) return {status: 404, message: `No element ${element}: /embed/ takes ${Object.keys(ELEMENTS).join(', ')}.`};
    const src = url.searchParams.get('src') ?? '';
    let feedPath;
    try {
      const feedUrl = new URL(src, url);
      feedPath = feedUrl.origin === url.origin ? feedUrl.pathname : undefined;
    } catch {
      feedPath = undefined;
    }
    const file = feedPath && served.get(feedPath);
    if (!file) return {status: 404, message: `src must be one of the feeds this server is configured for: ${[...served.keys()].join(', ') || 'none (set LOFT_FEEDS)'}.`};
    const attributes = {};
    for (const name of [...ELEMENTS[element], 'heading-level']) {
      const value = url.searchParams.get(name);
      if (value !== null) attributes[name] = value;
    }
    const text = readFileSync(file, 'utf8');
    const lang = url.searchParams.get('lang') || JSON.parse(text).language || 'sv';
    let snippet;
    try {
      snippet = await renderSnippet({element, attributes, lang, feed: {text, baseUrl: new URL(feedPath, url).href, src: feedPath}});
    } catch (error) {
      return {status: error.code === 'not-found' ? 404 : 422, message: error.message};
    }
    return {snippet, title: escapeHtml(snippet.title), lang, element};
  }

  function pageHtml(url, {snippet, title, lang}) {
    // Absolute: WordPress's discovery takes the href as it is, and cannot fetch a path.
    const oembed = `${url.origin}/oembed?url=${encodeURIComponent(url.href)}&format=json`;
    return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembed)}" title="${title}">
<style>${PAGE_STYLE}</style>
<script src="/embed/resize.js" defer></script>
<script type="module" src="/dist/cdn/loft-widgets.js"></script>
</head>
<body>
${snippet.html}</body>
</html>
`;
  }

  async function handle(req, res) {
    const scheme = forwarded(req, 'x-forwarded-proto', trustProxy) === 'https' ? 'https' : 'http';
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let url;
    try {
      url = new URL(req.url, `${scheme}://${req.headers.host ?? 'localhost'}`);
    } catch {
      // A Host header that is no host ("[", "a b") is the client's mistake (RFC 9112, 3.2), not a server error.
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the Host header is not a host.');
      return true;
    }
    if (url.pathname === '/embed/resize.js') {
      send(res, 200, 'text/javascript; charset=utf-8', resizer, {'access-control-allow-origin': '*'});
      return true;
    }
    if (url.pathname.startsWith('/embed/')) {
      const answer = await page(url);
      if (answer.message) send(res, answer.status, 'text/plain; charset=utf-8', answer.message);
      else send(res, 200, 'text/html; charset=utf-8', pageHtml(url, answer), {'content-security-policy': embedCsp(answer.snippet.styleHashes, url.origin)});
      return true;
    }
    if (url.pathname === '/oembed') {
      const format = url.searchParams.get('format') ?? 'json';
      if (format !== 'json') {
        send(res, 501, 'text/plain; charset=utf-8', 'Only format=json.');
        return true;
      }
      let target;
      try {
        target = new URL(url.searchParams.get('url') ?? '', url);
      } catch {
        target = undefined;
      }
      if (!target || target.origin !== url.origin || !target.pathname.startsWith('/embed/')) {
        send(res, 404, 'text/plain; charset=utf-8', 'url must be an /embed/ page of this server.');
        return true;
      }
      const answer = await page(target);
      if (answer.message) {
        send(res, 404, 'text/plain; charset=utf-8', answer.message);
        return true;
      }
      const maxWidth = Number(url.searchParams.get('maxwidth')) || 640;
      const maxHeight = Number(url.searchParams.get('maxheight')) || Infinity;
      const width = Math.min(maxWidth, 960);
      const readable = answer.snippet.html.slice(answer.snippet.html.lastIndexOf('</template>') + 1);
      const height = Math.min(maxHeight, estimateHeight(readable, width));
      const title = answer.title;
      const iframe = `<iframe src="${escapeHtml(target.href)}" width="${width}" height="${height}" title="${title}" frameborder="0"></iframe>`;
      const body = {version: '1.0', type: 'rich', provider_name: 'loft-widgets', provider_url: url.origin, title: answer.snippet.title, html: iframe, width, height};
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body), {'access-control-allow-origin': '*'});
      return true;
    }
    if (served.has(url.pathname)) {
      send(res, 200, 'application/json; charset=utf-8', req.method === 'HEAD' ? undefined : readFileSync(served.get(url.pathname)), {'access-control-allow-origin': '*'});
      return true;
    }
    return bundle(req, res);
  }

  return {handle};
}
