#!/usr/bin/env node
// npm run bench:receiver: how many valid submissions per second the reference receiver
// stores (201), at what latency (p50/p99) and memory, on SQLite and on PostgreSQL, with
// autocannon on this machine. The receiver runs as `npm run receiver` does, in a process of
// its own, with delivery on (a local SMTP server takes the mails); each request is a valid
// submission with its own Idempotency-Key. Bench-only configuration, so that every request
// is one a visitor could make: the bench form has no ALTCHA, the minimum fill time is 0 and
// the rate limit is out of reach (one client address sends everything). PostgreSQL runs with
// fsync on, as SQLite runs with synchronous=FULL: a 201 is on disk in both.
//
// Writes the numbers into bench/RESULTS.md between <!-- receiver:start --> and
// <!-- receiver:end --> (added at the end when missing); nothing else in the file changes.
// BENCH_RECEIVER_SECONDS (default 15) per store; BENCH_RESULTS (default bench/RESULTS.md).
import {execSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import autocannon from 'autocannon';
import {openStore} from '../server/store.mjs';
import {kontakt, loadHash, spawnReceiver, storeEnv, waitFor, writeTestFeed} from '../test/node/receiver-helpers.mjs';
import {POSTGRES_MISSING, postgresInstalled, startPostgres} from '../test/node/postgres-server.mjs';
import {startSmtpSink} from '../test/node/smtp-sink.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const SECONDS = Number(process.env.BENCH_RECEIVER_SECONDS ?? 15);
const CONNECTIONS = 10;
const RESULTS = process.env.BENCH_RESULTS ?? 'bench/RESULTS.md';
const START = '<!-- receiver:start -->';
const END = '<!-- receiver:end -->';

if (!existsSync('dist/contact/hash.js')) {
  console.log('Building dist/ (lit-localize, tsc)…');
  execSync('npx lit-localize build && npx tsc -p tsconfig.json', {stdio: 'inherit'});
}
await loadHash();
const feed = writeTestFeed();

/** Peak resident memory of a process (Linux), in MB. */
const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function measure(name, store) {
  const sink = await startSmtpSink();
  const receiver = await spawnReceiver({
    ...storeEnv(store),
    LOFT_FEEDS: feed,
    LOFT_SMTP_URL: sink.url,
    LOFT_MAIL_FROM: 'noreply@kommun.example',
    LOFT_MIN_FILL_MS: '0',
    LOFT_RATE_LIMIT: '1000000000',
  });
  const body = JSON.stringify(kontakt({email: 'bench@example.org'}));
  const baselineMb = peakRssMb(receiver.child.pid);
  // Other work on the machine shows in every number: say how much there was.
  const loadBefore = os.loadavg()[0];
  console.log(`${name}: ${SECONDS} s, ${CONNECTIONS} connections…`);
  const result = await autocannon({
    url: `${receiver.base}/api/contact`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: {'content-type': 'application/json'},
    body,
    // One key per request, as the form makes one per submission.
    setupRequest: (request) => ({...request, headers: {...request.headers, 'idempotency-key': crypto.randomUUID()}}),
  });
  const loadEnded = Date.now();
  const reader = await openStore(store);
  const stored = await reader.list();
  await reader.close();
  const sentDuringLoad = stored.filter((r) => r.deliveries[0].status === 'sent').length;
  await waitFor(() => sink.messages.length >= stored.length, 'the outbox drained', 600_000);
  const drainSeconds = (Date.now() - loadEnded) / 1000;
  const numbers = {
    name,
    loadBefore,
    perSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    other: result.non2xx + result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    baselineMb,
    peakMb: peakRssMb(receiver.child.pid),
    stored: stored.length,
    sentDuringLoad,
    drainSeconds,
  };
  receiver.child.kill('SIGTERM');
  await receiver.exited;
  await sink.close();
  console.log(numbers);
  return numbers;
}

const measured = [];
const sqliteFolder = mkdtempSync(join(os.tmpdir(), 'loft-bench-'));
measured.push(await measure('SQLite (WAL, synchronous=FULL)', {dataDir: join(sqliteFolder, 'data')}));
rmSync(sqliteFolder, {recursive: true, force: true});
let postgresNote = '';
if (postgresInstalled()) {
  const postgres = await startPostgres({durable: true});
  try {
    measured.push(await measure('PostgreSQL 15 (fsync on)', {databaseUrl: await postgres.createDatabase()}));
  } finally {
    postgres.stop();
  }
} else {
  postgresNote = `\nPostgreSQL was not measured: ${POSTGRES_MISSING}\n`;
}

const cpus = os.cpus();
const fixed = (n, digits = 1) => n.toFixed(digits);
const section = `${START}
## Contact-form receiver

Written by \`npm run bench:receiver\` (bench/receiver.mjs) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
${cpus.length} × ${cpus[0].model.trim()}. autocannon, ${CONNECTIONS} connections for ${SECONDS} s per store, on the same machine as the
receiver (a process of its own, as \`npm run receiver\` runs) and the SMTP server that takes its mails. Every
request is a valid submission with its own \`Idempotency-Key\`, answered \`201\` only once it is on disk with its
consent record and outbox row. Bench-only configuration, so that no request is refused: a form without ALTCHA,
\`LOFT_MIN_FILL_MS=0\`, \`LOFT_RATE_LIMIT=1000000000\` (one address sends everything). Delivery runs during the load;
"outbox drained" is how long after the load the last mail reached the SMTP server. Memory is the receiver's
resident set (VmHWM); "load average before" is the machine's 1-minute load average as the store's run began (it
still holds part of this bench's previous run; on 2 cores, well above 2 means other work competed). Numbers vary with
the machine and its load; nothing here is asserted.

| store | valid submissions/s | p50 | p99 | other answers | memory idle → peak | mailed during load | outbox drained | load average before |
|---|---|---|---|---|---|---|---|---|
${measured
  .map(
    (m) =>
      `| ${m.name} | ${fixed(m.perSecond, 0)} | ${m.p50} ms | ${m.p99} ms | ${m.other} | ${fixed(m.baselineMb, 0)} → ${fixed(m.peakMb, 0)} MB | ${m.sentDuringLoad} of ${m.stored} | ${fixed(m.drainSeconds)} s | ${fixed(m.loadBefore, 2)} |`
  )
  .join('\n')}
${postgresNote}${END}`;

const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const at = current.indexOf(START);
const end = current.indexOf(END);
const updated = at >= 0 && end > at ? current.slice(0, at) + section + current.slice(end + END.length) : `${current.replace(/\n*$/, '\n\n')}${section}\n`;
writeFileSync(RESULTS, updated);
console.log(`\n${section}\n\nWritten to ${RESULTS}.`);
