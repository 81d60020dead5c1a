#!/usr/bin/env node
// The local server behind `npm start`: the demo page, the CDN bundle and the feeds on one
// origin, with the reference contact-form receiver (server/receiver.mjs: /api/contact and
// /api/altcha-challenge, configured by its LOFT_* variables). Environment: PORT (default
// 8080), HOST (default 127.0.0.1).
import {createServer} from 'node:http';
import {fileURLToPath} from 'node:url';
import {staticFiles} from './static.mjs';
import {createReceiver, optionsFromEnv} from './receiver.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Creates the server; `handlers` are tried in order before the static files. */
export function createAppServer({handlers = []} = {}) {
  const serveStatic = staticFiles(root);
  return createServer(async (req, res) => {
    try {
      for (const handle of [...handlers, serveStatic]) {
        if (await handle(req, res)) return;
      }
      res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
      res.end('Not found');
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, {'content-type': 'text/plain; charset=utf-8'});
      res.end('Server error');
    }
  });
}

/** Starts the server on PORT/HOST and prints its URL. */
export function startServer({port = Number(process.env.PORT ?? 8080), host = process.env.HOST ?? '127.0.0.1'} = {}) {
  const receiver = createReceiver(optionsFromEnv());
  const server = createAppServer({handlers: [receiver.handle]});
  server.on('close', () => receiver.close());
  server.listen(port, host, () => {
    const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
    console.log(`\nloft-widgets demo: http://${shown}:${server.address().port}/\n`);
  });
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startServer();
