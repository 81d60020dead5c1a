#!/usr/bin/env node
// The local server behind `npm start`: the demo page, the CDN bundle and the feeds on one
// origin, with the reference contact-form receiver (server/receiver.mjs: /api/contact,
// /api/altcha-challenge, /healthz, /readyz, configured by its LOFT_* variables; without
// LOFT_FEEDS it takes the demo feeds) and the embed pages and oEmbed (server/embed.mjs). Environment: PORT (default 8080), HOST (default 127.0.0.1).
import {createServer} from 'node:http';
import {fileURLToPath} from 'node:url';
import {staticFiles} from './static.mjs';
import {DEMO_FEEDS, optionsFromEnv} from './config.mjs';
import {hardenServer, serverOptions, shutDownOnSignals} from './http.mjs';
import {createLogger} from './log.mjs';
import {createReceiver, exitOnConfigError} from './receiver.mjs';
import {createEmbed} from './embed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Creates the server; `handlers` are tried in order before the static files. */
export function createAppServer({handlers = [], options = {}} = {}) {
  const serveStatic = staticFiles(root);
  return createServer(options, async (req, res) => {
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
export async function startServer({port = Number(process.env.PORT ?? 8080), host = process.env.HOST ?? '127.0.0.1'} = {}) {
  const log = createLogger();
  const options = optionsFromEnv();
  if (!options.feeds.length) options.feeds = DEMO_FEEDS;
  const receiver = await createReceiver({...options, log}).catch(exitOnConfigError);
  const embed = await createEmbed({feeds: options.feeds, trustProxy: receiver.options.trustProxy});
  const server = createAppServer({handlers: [receiver.handle, embed.handle], options: serverOptions(receiver.options)});
  shutDownOnSignals(server, hardenServer(server, receiver.options, log), receiver, log);
  server.listen(port, host, () => {
    const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
    console.log(`\nloft-widgets demo: http://${shown}:${server.address().port}/\n`);
  });
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startServer();
