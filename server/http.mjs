// What every server that mounts the receiver needs against slow or greedy clients, and to
// stop without losing anything: request timeouts, a cap on open connections per address,
// client aborts counted (one log line a minute, not one per abort), and a graceful
// shutdown on SIGTERM/SIGINT.
import {limitKey, plainAddress} from './client-address.mjs';

const SUMMARY_EVERY_MS = 60_000;

/**
 * Options for http.createServer: a whole request (headers and body) must arrive within the
 * timeout, so a client that trickles bytes cannot hold a connection for long. Node checks
 * the timeouts every `connectionsCheckingInterval` (30 s by default, as long as the timeout
 * itself): a tenth of it keeps the enforced limit close to the configured one.
 */
export function serverOptions({requestTimeoutMs}) {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, 15_000),
    connectionsCheckingInterval: Math.max(100, Math.round(requestTimeoutMs / 10)),
  };
}

/**
 * The per-address connection cap and the counts. Behind a reverse proxy (`trustProxy` > 0)
 * every connection comes from the proxy: the cap is then the proxy's job (nginx limit_conn).
 */
export function hardenServer(server, {maxConnectionsPerAddress, trustProxy}, log) {
  const counts = {aborted: 0, refused: 0, malformed: 0};
  let draining = false;

  if (!trustProxy) {
    const open = new Map();
    server.on('connection', (socket) => {
      const key = limitKey(plainAddress(socket.remoteAddress ?? '') ?? 'unknown');
      const count = (open.get(key) ?? 0) + 1;
      if (count > maxConnectionsPerAddress) {
        counts.refused++;
        socket.destroy();
        return;
      }
      open.set(key, count);
      socket.once('close', () => {
        const left = open.get(key) - 1;
        if (left) open.set(key, left);
        else open.delete(key);
      });
    });
  }

  const answering = new Set();
  server.on('request', (req, res) => {
    if (draining) res.setHeader('connection', 'close');
    answering.add(res);
    res.once('close', () => {
      answering.delete(res);
      if (!res.writableFinished) counts.aborted++;
    });
  });

  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      counts.aborted++;
      socket.destroy();
      return;
    }
    counts.malformed++;
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  const logged = {...counts};
  const summary = setInterval(() => {
    const since = Object.fromEntries(Object.keys(counts).map((key) => [key, counts[key] - logged[key]]));
    if (Object.values(since).some(Boolean)) log.info('connections', {...since, perMs: SUMMARY_EVERY_MS});
    Object.assign(logged, counts);
  }, SUMMARY_EVERY_MS);
  summary.unref();
  server.on('close', () => clearInterval(summary));

  return {
    /** Totals since the start: connections refused by the cap, client aborts, malformed requests. */
    counts,
    /** From now on every answer closes its connection, so keep-alive clients move elsewhere. */
    drain() {
      draining = true;
      for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
    },
  };
}

/**
 * On SIGHUP the receiver reads its feeds again (as systemd's `reload` sends it).
 * On SIGTERM or SIGINT: readiness goes 503, the server stops accepting, open requests finish,
 * the outbox worker finishes the sends in flight, the store closes, the process exits 0.
 * Past `graceMs` the remaining connections are cut and it exits 1.
 */
export function shutDownOnSignals(server, hardened, receiver, log, graceMs = 30_000) {
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown', {signal});
    receiver.drain();
    hardened.drain();
    const deadline = setTimeout(() => {
      log.error('shutdown-timeout', {graceMs});
      server.closeAllConnections();
      process.exit(1);
    }, graceMs);
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeIdleConnections();
    });
    await receiver.close();
    clearTimeout(deadline);
    log.info('stopped', {});
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.on('SIGHUP', () => receiver.reloadFeeds());
}
