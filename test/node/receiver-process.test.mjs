// The receiver as operators run it (`npm run receiver`, a process of its own): refusing a
// bad configuration, kill -9 under load and a restart (what was acknowledged is stored and
// delivered; a retry with the same Idempotency-Key is answered, not stored again), a graceful
// SIGTERM, logs without personal data; and the HTTP guards: request timeout, connection cap,
// client aborts, malformed percent-encoding in the static server.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {createAppServer} from '../../server/main.mjs';
import {kontakt, loadHash, post, ROOT, spawnReceiver, startReceiver, storeEnv, submissionsCli, TEST_FEED, waitFor, writeTestFeed} from './receiver-helpers.mjs';
import {postgresOrSkip, startPostgres} from './postgres-server.mjs';
import {startSmtpSink} from './smtp-sink.mjs';

const feed = writeTestFeed();
const folders = [];
const dataDir = () => {
  const folder = mkdtempSync(join(tmpdir(), 'loft-process-'));
  folders.push(folder);
  return join(folder, 'data');
};

/** The receiver script's exit code and stderr for an environment. */
function runReceiver(env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'server/receiver.mjs')], {env: {...process.env, PORT: '0', ...env}, timeout: 20_000}, (error, stdout, stderr) =>
      resolve({code: error?.code ?? 0, stderr})
    );
  });
}

before(loadHash);
after(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

describe('configuration checked at start', () => {
  it('refuses to start without feeds, in one line', async () => {
    const {code, stderr} = await runReceiver({LOFT_FEEDS: '', LOFT_DATA_DIR: dataDir()});
    assert.equal(code, 78);
    assert.deepEqual(stderr.trim().split('\n'), ['loft-receiver: LOFT_FEEDS is empty: give the feed files whose contact forms this receiver accepts, comma-separated.']);
  });

  it('names every mistake, one line each', async () => {
    const [form] = TEST_FEED.contactForms;
    const broken = writeTestFeed({...TEST_FEED, people: [], projects: [], contactForms: [{...form, id: 'trasig', retention: 'två år'}, {...form}]});
    const {code, stderr} = await runReceiver({
      LOFT_FEEDS: `${feed},/missing/feed.json,${broken}`,
      LOFT_DATA_DIR: dataDir(),
      LOFT_TRUST_PROXY: 'yes',
      LOFT_SMTP_URL: 'smtp://127.0.0.1:2525',
      LOFT_ALTCHA_HMAC_KEYS: 'k1:short',
      LOFT_ALLOWED_ORIGINS: 'https://www.ri.se/',
      LOFT_FORM_RECIPIENTS: 'kontakt=not-an-address',
      LOFT_FEEDS_CHECK_MS: '5',
    });
    assert.equal(code, 78);
    const lines = stderr.trim().split('\n');
    for (const expected of [
      'LOFT_TRUST_PROXY',
      'LOFT_MAIL_FROM is missing',
      'LOFT_ALTCHA_HMAC_KEYS',
      'LOFT_ALLOWED_ORIGINS',
      'cannot read /missing/feed.json',
      'LOFT_FORM_RECIPIENTS',
      'LOFT_FEEDS_CHECK_MS',
      'contactForms[0].retention',
      'the contact form "kontakt" is also in',
    ]) {
      assert.equal(lines.filter((line) => line.includes(expected)).length, 1, `${expected} in:\n${stderr}`);
    }
    assert.ok(lines.every((line) => line.startsWith('loft-receiver: ')));
  });
});

const stores = [['SQLite', async () => ({dataDir: dataDir()})]];
let postgres;
if (postgresOrSkip('kill -9 under load')) {
  stores.push(['PostgreSQL', async () => ({databaseUrl: await postgres.createDatabase()})]);
  before(async () => {
    postgres = await startPostgres();
  });
  after(() => postgres.stop());
}

for (const [name, makeStore] of stores) {
  describe(`kill -9 under load on ${name}`, () => {
    it('loses nothing acknowledged, stores and delivers each submission once, answers retries after the restart', async () => {
      const sink = await startSmtpSink();
      const store = await makeStore();
      const env = {
        ...storeEnv(store),
        LOFT_FEEDS: feed,
        LOFT_SMTP_URL: sink.url,
        LOFT_MAIL_FROM: 'noreply@kommun.example',
        LOFT_MIN_FILL_MS: '0',
        LOFT_RATE_LIMIT: '1000000',
        LOFT_DELIVERY_BACKOFF_MS: '100',
      };
      try {
        const first = await spawnReceiver(env);
        const acknowledged = [];
        const unanswered = [];
        let killed = false;
        // Six clients as six visitors' forms: a fresh key per submission, one request at a time.
        const clients = Array.from({length: 6}, async () => {
          while (!killed) {
            const submission = {key: crypto.randomUUID(), body: kontakt()};
            try {
              const response = await post(first.base, submission.body, {'idempotency-key': submission.key});
              if (response.status === 201) acknowledged.push(submission);
              else assert.fail(`status ${response.status}`);
            } catch (error) {
              if (!killed) throw error;
              unanswered.push(submission);
            }
          }
        });
        await waitFor(() => acknowledged.length >= 60, '60 acknowledged');
        killed = true;
        first.child.kill('SIGKILL');
        await Promise.all(clients);
        assert.deepEqual(await first.exited, {code: null, signal: 'SIGKILL'});

        const second = await spawnReceiver(env);
        try {
          // What the form does after a network error: the same submission, the same key.
          for (const {key, body} of unanswered) assert.equal((await post(second.base, body, {'idempotency-key': key})).status, 201);
          const expected = [...acknowledged, ...unanswered].map((s) => s.body.email).sort();
          const rows = async () => JSON.parse((await submissionsCli(['--json'], storeEnv(store))).stdout);
          await waitFor(async () => (await rows()).every((r) => r.deliveries[0].status === 'sent'), 'every stored submission delivered');
          const stored = await rows();
          assert.deepEqual(stored.map((r) => r.email).sort(), expected, 'each acknowledged or retried submission stored once, nothing else');
          // Counted by Message-ID: a send the kill cut off between the SMTP server's 250 and
          // the outbox update goes out again after the restart, as the same message.
          const counts = sink.countsByMessageId();
          assert.equal(counts.size, stored.length, 'one Message-ID per stored submission at the SMTP server');
          for (const row of stored) assert.ok(counts.has(`<${row.deliveries[0].delivery_id}@kommun.example>`), `submission ${row.id} delivered`);
        } finally {
          second.child.kill('SIGTERM');
          await second.exited;
        }
      } finally {
        await sink.close();
      }
    });
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM answers the request in flight, finishes the send in flight, and exits 0', async () => {
    const sink = await startSmtpSink({delayMs: 300});
    const store = {dataDir: dataDir()};
    const env = {...storeEnv(store), LOFT_FEEDS: feed, LOFT_SMTP_URL: sink.url, LOFT_MAIL_FROM: 'noreply@kommun.example', LOFT_MIN_FILL_MS: '0'};
    try {
      const receiver = await spawnReceiver(env);
      assert.equal((await post(receiver.base, kontakt())).status, 201);
      // A second request whose body is still on its way when the signal comes.
      const body = JSON.stringify(kontakt());
      const {port} = new URL(receiver.base);
      const socket = connect(Number(port), '127.0.0.1');
      let reply = '';
      socket.on('data', (chunk) => (reply += chunk));
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`POST /api/contact HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`);
      await waitFor(() => sink.receiving > 0, 'the first send under way');
      receiver.child.kill('SIGTERM');
      await waitFor(() => receiver.lines.some((l) => l.event === 'shutdown'), 'shutdown logged');
      socket.end(body.slice(20));
      await waitFor(() => reply.includes('\r\n\r\n'), 'an answer');
      assert.match(reply, /^HTTP\/1\.1 201 /);
      assert.match(reply, /connection: close/i);
      assert.deepEqual(await receiver.exited, {code: 0, signal: null});
      assert.ok(receiver.lines.some((l) => l.event === 'stopped'));
      const rows = JSON.parse((await submissionsCli(['--json'], storeEnv(store))).stdout);
      assert.equal(rows.length, 2);
      assert.ok(rows.some((r) => r.deliveries[0].status === 'sent'), 'the send in flight was finished and recorded');
    } finally {
      await sink.close();
    }
  });

  it('logs no personal data: no name, address, message or client address', async () => {
    const sink = await startSmtpSink();
    const env = {LOFT_DATA_DIR: dataDir(), LOFT_FEEDS: feed, LOFT_SMTP_URL: sink.url, LOFT_MAIL_FROM: 'noreply@kommun.example', LOFT_MIN_FILL_MS: '0', LOFT_TRUST_PROXY: '1'};
    try {
      const receiver = await spawnReceiver(env);
      const sent = kontakt({name: 'Personnamn Unikt', message: 'Hemligt innehåll', phone: '070-111 22 33', subject: 'Ämnesrad'});
      assert.equal((await post(receiver.base, sent, {'x-forwarded-for': '203.0.113.77'})).status, 201);
      assert.equal((await post(receiver.base, {...sent, email: 'bad'}, {'x-forwarded-for': '203.0.113.77'})).status, 422);
      await waitFor(() => receiver.lines.some((l) => l.event === 'delivery-sent'), 'delivered');
      receiver.child.kill('SIGTERM');
      await receiver.exited;
      const log = JSON.stringify(receiver.lines);
      for (const secret of [sent.name, sent.email, sent.message, sent.phone, sent.subject, '203.0.113.77', 'amanda@kommun.example']) assert.ok(!log.includes(secret), secret);
    } finally {
      await sink.close();
    }
  });
});

describe('HTTP guards', () => {
  let app;
  before(async () => {
    app = await startReceiver({feed, options: async () => ({dataDir: dataDir()})}, {requestTimeoutMs: 1000, maxConnectionsPerAddress: 3});
  });
  after(() => app.stop());

  const open = () =>
    new Promise((resolve) => {
      const socket = connect(Number(new URL(app.base).port), '127.0.0.1', () => resolve(socket));
      socket.received = '';
      socket.on('data', (chunk) => (socket.received += chunk));
      socket.done = new Promise((done) => socket.once('close', done));
    });

  it('closes a request whose body does not arrive within the request timeout, with 408', async () => {
    const socket = await open();
    socket.write('POST /api/contact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"form"');
    await socket.done;
    assert.match(socket.received, /^HTTP\/1\.1 408 /);
  });

  it('caps open connections per address, and counts client aborts', async () => {
    const refusedBefore = app.hardened.counts.refused;
    const sockets = [await open(), await open(), await open()];
    const extra = await open();
    await extra.done;
    assert.equal(extra.received, '');
    assert.equal(app.hardened.counts.refused, refusedBefore + 1);
    const abortedBefore = app.hardened.counts.aborted;
    const arrived = new Promise((resolve) => app.server.once('request', resolve));
    sockets[0].write('POST /api/contact HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await arrived;
    sockets[0].destroy();
    await waitFor(() => app.hardened.counts.aborted > abortedBefore, 'the abort counted');
    for (const socket of sockets) socket.destroy();
    await Promise.all(sockets.map((s) => s.done));
    const again = await open();
    again.end('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await again.done;
    assert.match(again.received, /^HTTP\/1\.1 200 /, 'a closed connection frees its place');
  });

  it('the static server answers malformed percent-encoding with 400', async () => {
    const server = createAppServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      assert.equal((await fetch(`${base}/demo/%E0%A4%A`)).status, 400);
      assert.equal((await fetch(`${base}/demo/%ZZ`)).status, 400);
      assert.equal((await fetch(`${base}/demo/index.html`)).status, 200);
    } finally {
      server.close();
    }
  });
});
