// The reference server's embed pages inside the test server, for test/embed-page.test.ts: its
// own handler (server/embed.mjs) answers /embed/<element>, /embed/resize.js and /oembed for
// the demo feeds, as `npm start` does, and serves those feeds and the built bundle (with its
// CORS headers: a sandboxed frame has an opaque origin) to every test.
//
// What a test cannot see inside a sandboxed frame, the server tells it:
// - `report=<key>` in an embed page's query adds `report-uri /test-embed/reports?key=<key>` to
//   its CSP, and GET /test-embed/reports?key=<key> lists the violation reports received;
//   `break-csp=1` leaves the page's style hashes out of its CSP (a page that must report).
// - GET /test-embed/requests?since=<ms> lists the bundle and feed requests made with
//   `Origin: null` (from a sandboxed frame) by the asking browser since then.
import {createEmbed} from '../../server/embed.mjs';
import {DEMO_FEEDS} from '../../server/config.mjs';

let embed;
/** report key → CSP violation reports. */
const reports = new Map();
/** Feed and bundle requests from opaque origins: {path, status, cors, userAgent, at}. */
const opaque = [];

function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
  });
}

function json(ctx, value) {
  ctx.set('cache-control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(value);
}

/** Koa middleware; mounted by web-test-runner.config.mjs. */
export async function referenceEmbed(ctx, next) {
  if (ctx.path === '/test-embed/reports') {
    const key = ctx.query.key;
    if (ctx.method === 'POST') {
      const body = await readBody(ctx.req);
      reports.set(key, [...(reports.get(key) ?? []), JSON.parse(body || '{}')['csp-report'] ?? body]);
      ctx.status = 204;
      return;
    }
    return json(ctx, reports.get(key) ?? []);
  }
  if (ctx.path === '/test-embed/requests') {
    const since = Number(ctx.query.since ?? 0);
    return json(ctx, opaque.filter((r) => r.at >= since && r.userAgent === ctx.get('user-agent')));
  }
  const feedOrBundle = /^\/(demo\/feeds|dist\/cdn)\//.test(ctx.path);
  if (!feedOrBundle && !/^\/embed\/(loft-[a-z-]+|resize\.js)$/.test(ctx.path) && ctx.path !== '/oembed') return next();
  embed ??= await createEmbed({feeds: DEMO_FEEDS});
  const {report, 'break-csp': breakCsp} = ctx.query;
  const res = ctx.res;
  const writeHead = res.writeHead;
  res.writeHead = function (status, headers = {}) {
    let csp = headers['content-security-policy'];
    if (csp && breakCsp) csp = csp.replace(/style-src [^;]*/, "style-src 'none'");
    if (csp && report) csp += `; report-uri /test-embed/reports?key=${encodeURIComponent(report)}`;
    return writeHead.call(this, status, csp ? {...headers, 'content-security-policy': csp} : headers);
  };
  // The handler writes the response itself (the bundle and the configured feeds with its CORS headers).
  ctx.respond = false;
  if (await embed.handle(ctx.req, res)) {
    if (feedOrBundle && ctx.get('origin') === 'null') opaque.push({path: ctx.path, status: res.statusCode, cors: res.getHeader('access-control-allow-origin'), userAgent: ctx.get('user-agent'), at: Date.now()});
    return;
  }
  res.writeHead = writeHead;
  ctx.respond = true;
  return next();
}
