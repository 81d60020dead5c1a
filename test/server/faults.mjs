// Test-server routes that produce the faults a feed can have in the wild, with real
// responses: status codes, delays, wrong content types, huge bodies. Mounted by
// web-test-runner.config.mjs. Counters let tests check how many requests really went out.
import {readFileSync} from 'node:fs';
import {Readable} from 'node:stream';

const referenceFeed = readFileSync(new URL('../../demo/feeds/loft.feed.json', import.meta.url), 'utf8');
const counts = new Map();

const padded = new Map();

/** A valid feed padded to about `bytes` bytes with long project summaries (built once per size). */
function paddedFeed(bytes) {
  if (!padded.has(bytes)) padded.set(bytes, buildPaddedFeed(bytes));
  return padded.get(bytes);
}

function buildPaddedFeed(bytes) {
  const feed = JSON.parse(referenceFeed);
  const base = feed.projects[0];
  const filler = 'x'.repeat(1000);
  const size = Buffer.byteLength(referenceFeed);
  const count = Math.max(0, Math.ceil((bytes - size) / 1100));
  for (let i = 0; i < count; i++) {
    feed.projects.push({id: `p${i}`, name: `Project ${i}`, status: 'ongoing', summary: filler, participants: base.participants});
  }
  return JSON.stringify(feed);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Koa middleware for /faults/* */
export async function faults(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/faults/')) return next();
  const name = url.pathname.slice('/faults/'.length);
  const key = url.searchParams.get('key');
  if (key && name !== 'count') counts.set(key, (counts.get(key) ?? 0) + 1);
  ctx.set('cache-control', 'no-store');
  switch (name) {
    case 'count':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({count: counts.get(key) ?? 0});
      return;
    case 'feed': {
      // The reference feed, or another of demo/feeds/ (`name=exempelby`), `delay` ms late.
      const delay = Number(url.searchParams.get('delay') ?? 0);
      const name = url.searchParams.get('name');
      if (delay) await sleep(delay);
      ctx.type = 'application/json';
      ctx.body = name && /^[a-z]+$/.test(name) ? readFileSync(new URL(`../../demo/feeds/${name}.feed.json`, import.meta.url), 'utf8') : referenceFeed;
      return;
    }
    case 'catalog': // the Northern Sami example catalog, `delay` ms late
      await sleep(Number(url.searchParams.get('delay') ?? 0));
      ctx.type = 'application/json';
      ctx.body = readFileSync(new URL('../../demo/catalogs/se.example.json', import.meta.url), 'utf8');
      return;
    case 'flaky': // fails the first time for a key, works after
      if (counts.get(key) === 1) {
        ctx.status = 503;
        ctx.body = 'busy';
        return;
      }
      ctx.type = 'application/json';
      ctx.body = referenceFeed;
      return;
    case '404':
      ctx.status = 404;
      ctx.body = 'not found';
      return;
    case '500':
      ctx.status = 500;
      ctx.body = 'server error';
      return;
    case 'slow':
      await sleep(Number(url.searchParams.get('ms') ?? 3000));
      ctx.type = 'application/json';
      ctx.body = referenceFeed;
      return;
    case 'invalid-json':
      ctx.type = 'application/json';
      ctx.body = '{"version": 1, "projects": [';
      return;
    case 'text-plain':
      ctx.type = 'text/plain';
      ctx.body = referenceFeed;
      return;
    case 'empty':
      ctx.type = 'application/json';
      ctx.body = '';
      return;
    case 'halting': {
      // A feed of `kb` KB sent as a slow network would: its first half, then the rest `ms` later.
      const text = paddedFeed(Number(url.searchParams.get('kb') ?? 600) * 1024);
      const half = Math.floor(text.length / 2);
      ctx.type = 'application/json';
      ctx.body = Readable.from(
        (async function* () {
          yield text.slice(0, half);
          await sleep(Number(url.searchParams.get('ms') ?? 1000));
          yield text.slice(half);
        })()
      );
      return;
    }
    case 'large': {
      const mb = Number(url.searchParams.get('mb') ?? 1);
      ctx.type = 'application/json';
      ctx.body = paddedFeed(mb * 1024 * 1024);
      return;
    }
    case 'contact': {
      // A contact endpoint that fails once per key the way `fail` says (500, 429, slow,
      // 422, or late: held `ms` on the way and then handed on, as a slow network would),
      // then hands every later request to the real receiver at /api/contact (or at
      // /expiring/api/contact with receiver=expiring).
      const receiver = url.searchParams.get('receiver') === 'expiring' ? '/expiring/api/contact' : '/api/contact';
      const fail = url.searchParams.get('fail');
      if (counts.get(key) === 1 && fail === 'late') await sleep(Number(url.searchParams.get('ms') ?? 2000));
      else if (counts.get(key) === 1) {
        ctx.type = 'application/json';
        if (fail === '429') {
          ctx.status = 429;
          ctx.set('retry-after', url.searchParams.get('retry') ?? '120');
          ctx.body = '{"errors": {}}';
          return;
        }
        if (fail === 'slow') {
          await sleep(Number(url.searchParams.get('ms') ?? 2000));
          ctx.status = 504;
          ctx.body = '{"errors": {}}';
          return;
        }
        if (fail === '422') {
          ctx.status = 422;
          ctx.body = url.searchParams.get('body') ?? '{"errors": {"email": "invalid"}}';
          return;
        }
        ctx.status = Number(fail ?? 500);
        ctx.body = '{"errors": {}}';
        return;
      }
      ctx.url = receiver;
      return next();
    }
    default:
      ctx.status = 404;
  }
}
