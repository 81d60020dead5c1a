// The real reference receiver (server/receiver.mjs) inside the test server, with the demo
// feeds on a fresh temporary data folder, a small ALTCHA work factor and a short minimum fill
// time so the suite stays quick. No SMTP: submissions wait in the outbox, which is what the
// browser tests look at. /test-receiver/submissions?after=<id> lets a test read what was
// really stored. A second instance under /expiring/ has challenges that expire in seconds.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DEMO_FEEDS} from '../../server/config.mjs';
import {silentLogger} from '../../server/log.mjs';
import {createReceiver} from '../../server/receiver.mjs';

/** Minimum fill time the test receiver enforces (ms). */
export const TEST_MIN_FILL_MS = 600;

/** How long a challenge of the receiver under /expiring/ lives (ms; altcha-lib rounds its expiry down to the second). */
export const EXPIRING_ALTCHA_LIFETIME_MS = 3000;

/**
 * The receivers: the main one at /api/, and one at /expiring/api/ whose ALTCHA challenges
 * expire after 3 seconds instead of 10 minutes, for the tests of a visitor who writes for
 * longer than a challenge lives. Each has its own data folder and so its own HMAC key.
 */
const RECEIVERS = {
  main: {prefix: '', options: {}},
  expiring: {prefix: '/expiring', options: {altchaLifetimeMs: EXPIRING_ALTCHA_LIFETIME_MS}},
};
const receivers = new Map();

function instance(name = 'main') {
  if (!receivers.has(name)) {
    const folder = mkdtempSync(join(tmpdir(), 'loft-receiver-'));
    receivers.set(
      name,
      createReceiver({
        feeds: DEMO_FEEDS,
        dataDir: join(folder, 'data'),
        altchaMaxNumber: 3000,
        minFillMs: TEST_MIN_FILL_MS,
        rateLimit: 10_000,
        allowedOrigins: [],
        log: silentLogger,
        ...RECEIVERS[name].options,
      })
    );
    process.once('exit', () => rmSync(folder, {recursive: true, force: true}));
  }
  return receivers.get(name);
}

/**
 * Koa middleware: the receivers' routes go to the receivers; /test-receiver/submissions lists
 * stored rows (`?receiver=expiring` for the other one).
 */
export async function receiverMiddleware(ctx, next) {
  if (ctx.path === '/test-receiver/submissions') {
    const after = Number(ctx.query.after ?? 0);
    const name = ctx.query.receiver === 'expiring' ? 'expiring' : 'main';
    ctx.type = 'application/json';
    ctx.set('cache-control', 'no-store');
    ctx.body = JSON.stringify((await (await instance(name)).store.list()).filter((row) => row.id > after));
    return;
  }
  const name = ctx.path.startsWith('/expiring/api/') ? 'expiring' : ctx.path.startsWith('/api/') ? 'main' : undefined;
  if (!name) return next();
  ctx.req.url = ctx.req.url.slice(RECEIVERS[name].prefix.length);
  ctx.respond = false;
  if (!(await (await instance(name)).handle(ctx.req, ctx.res))) {
    ctx.respond = true;
    return next();
  }
}
