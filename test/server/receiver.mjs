// The real reference receiver (server/receiver.mjs) inside the test server, on a fresh
// temporary data folder, with a small ALTCHA work factor and a short minimum fill time so
// the suite stays quick. /test-receiver/submissions?after=<id> lets a test read what was
// really stored.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createReceiver} from '../../server/receiver.mjs';

/** Minimum fill time the test receiver enforces (ms). */
export const TEST_MIN_FILL_MS = 600;

let receiver;
let dataDir;

function instance() {
  if (!receiver) {
    dataDir = mkdtempSync(join(tmpdir(), 'loft-receiver-'));
    receiver = createReceiver({dataDir, altchaMaxNumber: 3000, minFillMs: TEST_MIN_FILL_MS, rateLimit: 10_000, allowedOrigins: []});
    process.once('exit', () => {
      receiver.close();
      rmSync(dataDir, {recursive: true, force: true});
    });
  }
  return receiver;
}

/** Koa middleware: /api/* goes to the receiver; /test-receiver/submissions lists stored rows. */
export async function receiverMiddleware(ctx, next) {
  if (ctx.path === '/test-receiver/submissions') {
    const after = Number(ctx.query.after ?? 0);
    ctx.type = 'application/json';
    ctx.set('cache-control', 'no-store');
    ctx.body = JSON.stringify(instance().store.list().filter((row) => row.id > after));
    return;
  }
  if (!ctx.path.startsWith('/api/')) return next();
  ctx.respond = false;
  if (!(await instance().handle(ctx.req, ctx.res))) {
    ctx.respond = true;
    return next();
  }
}
