// The host pages (test/embed/*) and the fault routes outside the test runner, on the demo
// server: for screenshots (scripts/embed-screenshots.mjs) and for trying a page by hand:
// node test/server/standalone.mjs → http://localhost:8090/embed/hostile.html
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createAppServer} from '../../server/main.mjs';
import {staticFiles} from '../../server/static.mjs';
import {embedPages} from './embed.mjs';
import {faults} from './faults.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs a Koa-style middleware (the test runner's) as a plain Node request handler. */
function fromKoa(middleware) {
  return async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const headers = {};
    const ctx = {
      url: req.url,
      path: url.pathname,
      status: 200,
      type: undefined,
      body: undefined,
      set(name, value) {
        if (typeof name === 'object') Object.assign(headers, name);
        else headers[name] = value;
      },
    };
    let passed = false;
    await middleware(ctx, async () => {
      passed = true;
    });
    if (passed) return false;
    res.writeHead(ctx.status, {...headers, ...(ctx.type ? {'content-type': ctx.type.includes('/') ? ctx.type : `application/${ctx.type}`} : {})});
    res.end(ctx.body ?? '');
    return true;
  };
}

/** Files under test/embed/ and test-results/bundles/ (what the host pages load besides dist/). */
const testFiles = staticFiles(root, {folders: ['test/embed', 'test-results/bundles'], csp: false, cache: 'no-store', home: null});

export function createEmbedServer() {
  return createAppServer({handlers: [fromKoa(faults), fromKoa(embedPages), testFiles]});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8090);
  createEmbedServer().listen(port, '127.0.0.1', () => console.log(`host pages: http://localhost:${port}/embed/strict-csp.html`));
}
