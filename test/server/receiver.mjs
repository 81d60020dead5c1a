// The real reference receiver (server/receiver.mjs) inside the test server, with the demo
// feeds on a fresh temporary data folder, a small ALTCHA work factor and a short minimum fill
// time so the suite stays quick. No SMTP: submissions wait in the outbox, which is what the
// browser tests look at. /test-receiver/submissions?after=<id> lets a test read what was
// really stored.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DEMO_FEEDS} from '../../server/config.mjs';
import {silentLogger} from '../../server/log.mjs';
import {createReceiver} from '../../server/receiver.mjs';

/** Minimum fill time the test receiver enforces (ms). */
export const TEST_MIN_FILL_MS = 600;

let receiver;

function instance() {
  if (!receiver) {
    const folder = mkdtempSync(join(tmpdir(), 'loft-receiver-'));
    receiver = createReceiver({
      feeds: DEMO_FEEDS,
      dataDir: join(folder, 'data'),
      altchaMaxNumber: 3000,
      minFillMs: TEST_MIN_FILL_MS,
      rateLimit: 10_000,
      allowedOrigins: [],
      log: silentLogger,
    });
    process.once('exit', () => rmSync(folder, {recursive: true, force: true}));
  }
  return receiver;
}

/** Koa middleware: the receiver's routes go to the receiver; /test-receiver/submissions lists stored rows. */
export async function receiverMiddleware(ctx, next) {
  if (ctx.path === '/test-receiver/submissions') {
    const after = Number(ctx.query.after ?? 0);
    ctx.type = 'application/json';
    ctx.set('cache-control', 'no-store');
    ctx.body = JSON.stringify((await (await instance()).store.list()).filter((row) => row.id > after));
    return;
  }
  if (!ctx.path.startsWith('/api/')) return next();
  ctx.respond = false;
  if (!(await (await instance()).handle(ctx.req, ctx.res))) {
    ctx.respond = true;
    return next();
  }
}
