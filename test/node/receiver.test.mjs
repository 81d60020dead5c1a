// The reference receiver on its own (node --test): protocol answers, spam checks, storage.
// Run by `npm test` (needs dist/ from tsc); counts go to test-results/receiver.json.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {solveChallenge} from 'altcha-lib/v1';
import {createReceiver} from '../../server/receiver.mjs';
import {openStore} from '../../server/store.mjs';

const NOTICE = 'Genom att skicka in formuläret behandlar RISE dina personuppgifter.';

function payload(overrides = {}) {
  return {
    form: 'rise-contact',
    recipient: 'amanda-sundberg',
    name: 'Alva Andersson',
    email: 'alva@example.org',
    message: 'Hej!',
    consents: [{id: 'notice', given: true, version: '2026-11', text: NOTICE, locale: 'sv', at: new Date().toISOString()}],
    legalBasis: 'legitimate-interest',
    locale: 'sv',
    page: 'https://www.ri.se/sv/vad-vi-gor/projekt/loft',
    honeypot: '',
    elapsedMs: 12_000,
    ...overrides,
  };
}

/** Starts a receiver on a free port; returns its base URL and a stop function. */
async function start(options) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'loft-receiver-test-'));
  const receiver = createReceiver({altchaMaxNumber: 2000, rateLimit: 1000, ...options, dataDir});
  const server = createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    dataDir,
    receiver,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      receiver.close();
    },
  };
}

async function solved(base) {
  const challenge = await (await fetch(`${base}/api/altcha-challenge`)).json();
  const found = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  const {algorithm, salt, signature} = challenge;
  return Buffer.from(JSON.stringify({algorithm, challenge: challenge.challenge, number: found.number, salt, signature})).toString('base64');
}

const post = (base, body, headers = {}) =>
  fetch(`${base}/api/contact`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: typeof body === 'string' ? body : JSON.stringify(body)});

describe('reference receiver', () => {
  let app;
  before(async () => {
    app = await start({allowedOrigins: ['https://www.ri.se']});
  });
  after(async () => {
    await app.stop();
    rmSync(app.dataDir, {recursive: true, force: true});
  });

  it('creates the HMAC key once, readable only by its owner', async () => {
    const file = join(app.dataDir, 'altcha-hmac.key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const key = readFileSync(file, 'utf8');
    const again = createReceiver({dataDir: app.dataDir});
    again.close();
    assert.equal(readFileSync(file, 'utf8'), key);
  });

  it('stores a valid submission with its consent record, and refuses the same ALTCHA solution twice', async () => {
    const altcha = await solved(app.base);
    const response = await post(app.base, payload({altcha, phone: '070-123 45 67'}));
    assert.equal(response.status, 201);
    const {id} = await response.json();
    const row = app.receiver.store.list().find((r) => r.id === id);
    assert.equal(row.name, 'Alva Andersson');
    assert.equal(row.phone, null, 'a field the form does not ask for is not kept');
    assert.deepEqual(
      row.consents.map((c) => [c.consent_id, c.version, c.text, c.locale]),
      [['notice', '2026-11', NOTICE, 'sv']]
    );
    const replay = await post(app.base, payload({altcha, email: 'other@example.org'}));
    assert.equal(replay.status, 422);
    assert.deepEqual(await replay.json(), {errors: {_form: 'captcha'}});
  });

  it('requires ALTCHA where the form asks for it, and rejects a forged solution', async () => {
    assert.deepEqual(await (await post(app.base, payload())).json(), {errors: {_form: 'captcha'}});
    const forged = Buffer.from(JSON.stringify({algorithm: 'SHA-256', challenge: 'ab', number: 1, salt: 'x', signature: 'cd'})).toString('base64');
    assert.deepEqual(await (await post(app.base, payload({altcha: forged}))).json(), {errors: {_form: 'captcha'}});
  });

  it('rejects a filled honeypot, a too-fast fill and a missing consent', async () => {
    const altcha = await solved(app.base);
    assert.deepEqual(await (await post(app.base, payload({altcha, honeypot: 'x'}))).json(), {errors: {_form: 'spam'}});
    assert.deepEqual(await (await post(app.base, payload({altcha, elapsedMs: 800}))).json(), {errors: {_form: 'too-fast'}});
    assert.deepEqual(await (await post(app.base, payload({altcha, consents: []}))).json(), {errors: {_form: 'consent-missing'}});
    const consentForm = payload({form: 'kommun-samtycke', legalBasis: 'consent'});
    assert.deepEqual(await (await post(app.base, consentForm)).json(), {errors: {_form: 'consent-missing'}});
  });

  it('answers field errors with the protocol codes, including the form’s own required fields', async () => {
    const response = await post(app.base, payload({name: '  ', email: 'nope', message: 'x'.repeat(5001)}));
    assert.equal(response.status, 422);
    assert.deepEqual(await response.json(), {errors: {name: 'required', email: 'invalid', message: 'too-long'}});
    const municipal = payload({form: 'kommun-samtycke', legalBasis: 'consent', consents: [{...payload().consents[0], id: 'processing', version: '2026-01'}], organization: 'x'.repeat(10)});
    assert.equal((await post(app.base, municipal)).status, 201);
    const noSubject = payload({form: 'kommun-kontakt', legalBasis: 'public-task', altcha: await solved(app.base)});
    assert.deepEqual(await (await post(app.base, noSubject)).json(), {errors: {subject: 'required'}});
  });

  it('answers 415 for non-JSON, 413 for a large body and 400 for broken JSON', async () => {
    assert.equal((await post(app.base, 'name=x', {'content-type': 'application/x-www-form-urlencoded'})).status, 415);
    assert.equal((await post(app.base, JSON.stringify(payload({message: 'x'.repeat(70_000)})))).status, 413);
    assert.equal((await post(app.base, '{"form":')).status, 400);
  });

  it('allows configured origins and the same origin, and refuses any other', async () => {
    const preflight = await fetch(`${app.base}/api/contact`, {method: 'OPTIONS', headers: {origin: 'https://www.ri.se', 'access-control-request-method': 'POST'}});
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://www.ri.se');
    const other = await post(app.base, payload(), {origin: 'https://evil.example'});
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const same = await fetch(`${app.base}/api/altcha-challenge`, {headers: {origin: app.base}});
    assert.equal(same.status, 200);
  });

  it('keeps submissions on disk across restarts', async () => {
    const store = openStore(app.dataDir);
    assert.ok(store.list().some((r) => r.form === 'kommun-samtycke'));
    store.close();
  });
});

describe('reference receiver rate limit', () => {
  it('answers 429 with Retry-After once an address has sent its share', async () => {
    const app = await start({rateLimit: 2, rateWindowMs: 120_000, hmacKey: 'test-key'});
    try {
      assert.equal((await post(app.base, payload())).status, 422);
      assert.equal((await post(app.base, payload())).status, 422);
      const limited = await post(app.base, payload());
      assert.equal(limited.status, 429);
      const wait = Number(limited.headers.get('retry-after'));
      assert.ok(wait > 100 && wait <= 120, `Retry-After ${wait}`);
    } finally {
      await app.stop();
      rmSync(app.dataDir, {recursive: true, force: true});
    }
  });
});
