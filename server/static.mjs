// Serves the demo, the built bundle, the feeds and the schema from the project folder,
// with the strict Content-Security-Policy and Trusted Types the widgets promise to work
// under (so the demo proves it every time someone opens it).
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
};

/** Folders below the project root that may be served. */
const PUBLIC = ['demo', 'dist', 'schema'];

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
  // loft-altcha: the policy that lets the contact form start its same-origin ALTCHA worker.
  "trusted-types lit-html loft-altcha 'allow-duplicates'",
].join('; ');

/** Returns a request handler for static files below `root`; false when it did not handle the request. */
export function staticFiles(root) {
  const base = resolve(root);
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
    if (path === '/') path = '/demo/index.html';
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base + '/') || !PUBLIC.some((dir) => file.startsWith(join(base, dir) + '/'))) return false;
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
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      ...(extname(file) === '.html' ? {'content-security-policy': STRICT_CSP} : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
