// The one static file server: the demo, the built bundle, the feeds and the schema from the
// project folder (with the strict Content-Security-Policy and Trusted Types the widgets
// promise to work under, so the demo proves it every time someone opens it), and, with
// other options, the bench's pages, the host-page tests' files and Storybook's build.
import {createReadStream, statSync} from 'node:fs';
import {extname, join, normalize, resolve} from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.md': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' https:",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  // loft-altcha: the policy that lets the contact form start its same-origin ALTCHA worker;
  // loft-jsonld: the one that writes a project's JSON-LD (docs/embed/README.md).
  "trusted-types lit-html loft-altcha loft-jsonld 'allow-duplicates'",
].join('; ');

/**
 * A request handler for the files below `root` in `folders` (`['.']`: all of it); it
 * returns false for anything else, so handlers chain. HTML gets `csp` (false: none);
 * `cache` is the Cache-Control header; `/` is `home` (the demo page), else an index.html;
 * `cors` adds `Access-Control-Allow-Origin: *`.
 */
export function staticFiles(root, {folders = ['demo', 'dist', 'schema'], csp = STRICT_CSP, cache = 'no-cache', home = '/demo/index.html', cors = false} = {}) {
  const base = resolve(root);
  const allowed = folders.map((dir) => (dir === '.' ? base : join(base, dir)) + '/');
  return function serveStatic(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      // Malformed percent-encoding ("/%E0%A4%A") is the client's mistake, not a server error.
      res.writeHead(400, {'content-type': 'text/plain; charset=utf-8'});
      res.end('Bad request');
      return true;
    }
    if (path === '/' && home) path = home;
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!allowed.some((dir) => file.startsWith(dir))) return false;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      ...(csp && extname(file) === '.html' ? {'content-security-policy': csp} : {}),
      // Public files that a sandboxed frame (an opaque origin) may load: the /embed pages' bundle.
      ...(cors ? {'access-control-allow-origin': '*'} : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
