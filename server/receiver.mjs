#!/usr/bin/env node
// The reference receiver for <loft-contact-form>: GET /api/altcha-challenge, POST
// /api/contact with the answers DESIGN.md lists, GET /healthz and /readyz. It checks each
// submission with the form's own payload schema (dist/, so build first) and against the form
// in the feed it came from (legal basis, fields, consent texts and versions, recipient and
// project), checks the honeypot, the fill time and the ALTCHA solution (each solution is good
// once, on every instance), limits body size and the rate per client address, stores the
// submission with its consent records and its outbox rows in one transaction, and answers
// 201 only then. The outbox worker (delivery.mjs) forwards it by e-mail; the purge
// (retention.mjs) deletes it after the form's retention. One submission per Idempotency-Key:
// a retry of a stored submission gets the same 201 and nothing is stored or sent again.
// It keeps no client address on disk and logs no personal data.
//
// `npm start` mounts it next to the demo; alone (production): `npm run receiver`, configured
// by LOFT_* variables (server/config.mjs; docs/receiver.md lists them). PORT (8081), HOST (127.0.0.1).
import {createHash, randomBytes, randomUUID} from 'node:crypto';
import {createServer} from 'node:http';
import {fileURLToPath} from 'node:url';
import {altchaKeyRing} from './altcha.mjs';
import {clientAddress, limitKey} from './client-address.mjs';
import {clientModules} from './client-modules.mjs';
import {checkOptions, ConfigError, DEFAULTS, forForm, MIN_SECRET_LENGTH, optionsFromEnv} from './config.mjs';
import {createDeliveryWorker, emailChannel, webhookChannel} from './delivery.mjs';
import {checkAgainstForm, deliveryAddress, loadForms, watchForms} from './feeds.mjs';
import {hardenServer, serverOptions, shutDownOnSignals} from './http.mjs';
import {createLogger} from './log.mjs';
import {purgeExpired} from './retention.mjs';
import {openStore} from './store.mjs';

const CONTACT = '/api/contact';
const CHALLENGE = '/api/altcha-challenge';
const HEALTH = '/healthz';
const READY = '/readyz';
const ROUTES = new Set([CONTACT, CHALLENGE, HEALTH, READY]);

// A token of visible ASCII (the form sends a UUID); the IETF draft writes it as a quoted
// string, so it may come in quotes. Any length up to 255 is safe: a key only ever matches
// a submission with the same content (see `replay`).
const IDEMPOTENCY_KEY = /^(?:"([\x21\x23-\x5b\x5d-\x7e]{1,255})"|([\x21\x23-\x5b\x5d-\x7e]{1,255}))$/;
// Control characters a message cannot usefully carry (line breaks and tabs stay): invisible
// in a mail client, and PostgreSQL cannot store NUL.
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// What the visitor wrote: the same key with other content is another submission, not a retry.
const FINGERPRINT_FIELDS = ['form', 'project', 'recipient', 'name', 'email', 'phone', 'organization', 'subject', 'message'];

class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(`HTTP ${status}`);
    Object.assign(this, {status, body, headers});
  }
}

const reject = (errors) => new HttpError(422, {errors});

function fingerprintOf(body) {
  const values = FINGERPRINT_FIELDS.map((field) => (typeof body?.[field] === 'string' ? body[field].trim() : (body?.[field] ?? null)));
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url');
}

/**
 * Creates the receiver; rejects with a ConfigError listing every configuration mistake.
 * `handle(req, res)` answers the receiver's routes and returns false for anything else, so
 * it mounts in front of other handlers; `close()` stops the worker and closes the store.
 */
export async function createReceiver(options = {}) {
  const o = {...DEFAULTS, ...options};
  const log = o.log ?? createLogger();
  const client = await clientModules();
  const problems = checkOptions(o, client.isEmail);
  const {forms, problems: feedProblems, warnings, stamp: feedsSeen} = loadForms(o.feeds, o, client);
  problems.push(...feedProblems);
  if (problems.length) throw new ConfigError(problems);

  const store = await openStore(o);
  const altchaKeys = o.altchaKeys.length ? o.altchaKeys : [{id: 'local', secret: await store.secret('altcha-hmac-key', () => randomBytes(32).toString('hex'))}];
  const altcha = altchaKeyRing(altchaKeys, o.altchaMaxNumber, o.altchaLifetimeMs);
  const channels = {
    ...(o.smtpUrl ? {email: emailChannel(o, forms, client)} : {}),
    ...(Object.keys(o.webhooks).length ? {webhook: webhookChannel(o)} : {}),
  };
  const worker = createDeliveryWorker({
    store,
    channels,
    attempts: o.deliveryAttempts,
    backoffMs: o.deliveryBackoffMs,
    backoffMaxMs: o.deliveryBackoffMaxMs,
    pollMs: o.deliveryPollMs,
    log,
  });
  await store.releaseOrphanedClaims();
  worker.start();

  for (const warning of warnings) log.warn('form-without-fallback-address', warning);
  if (altchaKeys.some((key) => key.legacy && key.secret.length < MIN_SECRET_LENGTH)) {
    log.warn('altcha-key-short', {fix: 'a short key can be guessed from one challenge; use LOFT_ALTCHA_HMAC_KEYS=id:$(openssl rand -hex 32)'});
  }
  if (!o.smtpUrl) log.warn('delivery-off', {fix: 'set LOFT_SMTP_URL and LOFT_MAIL_FROM; until then submissions wait in the outbox'});

  const feeds = watchForms(forms, o.feeds, o, client, log, feedsSeen);

  let purging = Promise.resolve();
  const purge = () => {
    purging = purging
      .then(() => purgeExpired(store, forms, o.defaultRetention))
      .then(
        (counts) => counts.submissions && log.info('purged', counts),
        (error) => log.error('purge-failed', {error: error.code ?? error.name})
      );
    return purging;
  };
  await purge();
  const purgeTimer = setInterval(purge, o.purgeIntervalMs);
  purgeTimer.unref();

  let draining = false;

  function send(res, status, body, headers = {}) {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** CORS headers for an allowed origin; throws 403 for a cross-origin request from any other. */
  function cors(req) {
    const origin = req.headers.origin;
    if (!origin) return {};
    const host = req.headers.host;
    const sameOrigin = host && (origin === `http://${host}` || origin === `https://${host}`);
    // The form reads Retry-After from a 429; cross-origin it may only when told so.
    if (o.allowedOrigins.includes(origin)) return {'access-control-allow-origin': origin, 'access-control-expose-headers': 'retry-after', vary: 'Origin'};
    if (sameOrigin) return {vary: 'Origin'};
    throw new HttpError(403, {errors: {_form: 'origin'}}, {vary: 'Origin'});
  }

  /** Fixed window per client (IPv6 per /64), shared by every instance on PostgreSQL; 429 with Retry-After when full. */
  async function rateLimit(req) {
    const now = Date.now();
    const {hits, windowStart} = await store.hitRate(`contact ${limitKey(clientAddress(req, o.trustProxy))}`, now, o.rateWindowMs);
    if (hits > o.rateLimit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + o.rateWindowMs - now) / 1000));
      throw new HttpError(429, {errors: {_form: 'rate-limited'}}, {'retry-after': String(retryAfter)});
    }
  }

  async function readJson(req) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, {errors: {_form: 'content-type'}});
    const declared = Number(req.headers['content-length']);
    if (declared > o.maxBodyBytes) throw new HttpError(413, {errors: {_form: 'too-large'}}, {connection: 'close'});
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > o.maxBodyBytes) throw new HttpError(413, {errors: {_form: 'too-large'}}, {connection: 'close'});
      chunks.push(chunk);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new HttpError(400, {errors: {_form: 'invalid-json'}});
    }
  }

  /** The Idempotency-Key header's key; undefined without one, 422 for a malformed one. */
  function idempotencyKey(req) {
    const header = req.headers['idempotency-key'];
    if (header === undefined) return undefined;
    const match = IDEMPOTENCY_KEY.exec(header.trim());
    const key = match?.[1] ?? match?.[2];
    if (!key) throw reject({_form: 'idempotency-key'});
    return key;
  }

  /**
   * Checks a parsed body against the schema and the form in the feed; returns what to store,
   * the form, and the ALTCHA challenge to mark used.
   */
  async function check(body) {
    const result = client.checkSubmission(body);
    if (!result.ok) throw reject(result.errors);
    const submission = result.value;
    const ctx = forms.get(submission.form);
    if (!ctx || ctx.removed) throw reject({form: 'invalid'});
    if (submission.honeypot !== '') throw reject({_form: 'spam'});
    if (submission.elapsedMs < o.minFillMs) throw reject({_form: 'too-fast'});
    if (submission.legalBasis !== ctx.form.legalBasis) throw reject({_form: 'consent-missing'});
    const errors = checkAgainstForm(submission, ctx, client);
    if (errors) throw reject(errors);
    // With delivery on, nothing is accepted that has nowhere to go.
    if (o.smtpUrl && !deliveryAddress(ctx, submission.recipient)) throw reject({recipient: submission.recipient ? 'invalid' : 'required'});
    // Data minimisation (GDPR art. 5(1)(c)): what the form does not ask for is not kept.
    for (const field of ['phone', 'organization', 'subject']) if ((ctx.form.fields?.[field] ?? 'hidden') === 'hidden') delete submission[field];
    submission.message = submission.message.replace(INVISIBLE_CONTROLS, '');
    let challenge;
    if (ctx.form.captcha?.provider === 'altcha') {
      challenge = submission.altcha && (await altcha.verify(submission.altcha));
      if (!challenge) throw reject({_form: 'captcha'});
    }
    return {submission, ctx, challenge};
  }

  /** The answer to a key already stored: the first answer again, or 422 when the content differs. */
  function replay(res, headers, stored, fingerprint) {
    if (stored.fingerprint !== fingerprint) throw reject({_form: 'idempotency-key'});
    send(res, 201, {ok: true, id: stored.id}, headers);
  }

  async function handleContact(req, res) {
    const headers = cors(req);
    if (req.method === 'OPTIONS') {
      return send(res, 204, undefined, {
        ...headers,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, idempotency-key',
        'access-control-max-age': '600',
      });
    }
    if (req.method !== 'POST') throw new HttpError(405, {errors: {_form: 'method'}}, {allow: 'POST, OPTIONS'});
    try {
      const key = idempotencyKey(req);
      const body = await readJson(req);
      const fingerprint = key && fingerprintOf(body);
      // A retry of a stored submission is answered before the rate limit and the ALTCHA
      // check: its solution was used by the first attempt, and it costs nothing new.
      const stored = key && (await store.findByKey(key));
      if (stored) return replay(res, headers, stored, fingerprint);
      await rateLimit(req);
      const {submission, ctx, challenge} = await check(body);
      const deliveries = [{channel: 'email', deliveryId: randomUUID()}, ...(forForm(o.webhooks, ctx.form.id) ? [{channel: 'webhook', deliveryId: randomUUID()}] : [])];
      const saved = await store.save({submission, receivedAt: new Date(), idempotencyKey: key, fingerprint, challenge, deliveries});
      if (saved.challengeUsed) throw reject({_form: 'captcha'});
      if (saved.replayed) return replay(res, headers, saved, fingerprint);
      worker.wake();
      log.info('submission-stored', {id: saved.id, form: ctx.form.id});
      send(res, 201, {ok: true, id: saved.id}, headers);
    } catch (error) {
      if (error instanceof HttpError) error.headers = {...headers, ...error.headers};
      throw error;
    }
  }

  async function handleChallenge(req, res) {
    const headers = cors(req);
    if (req.method === 'OPTIONS') return send(res, 204, undefined, {...headers, 'access-control-allow-methods': 'GET'});
    if (req.method !== 'GET') throw new HttpError(405, {errors: {_form: 'method'}}, {allow: 'GET, OPTIONS'});
    send(res, 200, await altcha.challenge(), headers);
  }

  /** Ready: not shutting down, and the database answers. */
  async function handleReady(res) {
    if (draining) return send(res, 503, {status: 'draining'});
    try {
      await store.ping();
    } catch {
      return send(res, 503, {status: 'database-unreachable'});
    }
    send(res, 200, {status: 'ready'});
  }

  async function handle(req, res) {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (!ROUTES.has(path)) return false;
    try {
      if (path === HEALTH) send(res, 200, {status: 'ok'});
      else if (path === READY) await handleReady(res);
      else if (path === CONTACT) await handleContact(req, res);
      else await handleChallenge(req, res);
    } catch (thrown) {
      // A client that went away mid-request is counted by the server (http.mjs), not logged.
      if (req.destroyed && !(thrown instanceof HttpError)) return true;
      let error = thrown;
      if (!(error instanceof HttpError)) {
        log.error('request-failed', {route: path, error: error.code ?? error.name});
        error = new HttpError(500, {errors: {_form: 'server'}});
      }
      if (!res.headersSent) send(res, error.status, error.body, error.headers);
      else res.end();
      // Drain what is left of a refused body so the connection closes cleanly.
      req.resume();
    }
    return true;
  }

  return {
    handle,
    store,
    forms,
    /** Reads the feeds again now (they are also looked at every LOFT_FEEDS_CHECK_MS); SIGHUP in production. */
    reloadFeeds: feeds.reload,
    options: o,
    /** Runs the retention purge now (it also runs every LOFT_PURGE_INTERVAL_MS). */
    purge,
    /** Readiness off: the load balancer sends new requests elsewhere. */
    drain() {
      draining = true;
    },
    /** Stops the worker after the sends in flight, stops the purge, closes the store. */
    async close() {
      draining = true;
      clearInterval(purgeTimer);
      feeds.stop();
      await worker.stop();
      await purging;
      await store.close();
    },
  };
}

/** Prints each configuration mistake on a line of its own and exits 78 (EX_CONFIG: systemd need not restart). */
export function exitOnConfigError(error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`loft-receiver: ${problem}`);
  process.exit(78);
}

/** Starts the receiver alone on PORT/HOST (production: `npm run receiver`). */
export async function startReceiver({port = process.env.PORT ?? '8081', host = process.env.HOST ?? '127.0.0.1'} = {}) {
  const log = createLogger();
  const options = optionsFromEnv();
  if (!/^\d+$/.test(String(port))) options.problems.push(`PORT: "${port}" is not a port number.`);
  const receiver = await createReceiver({...options, log}).catch(exitOnConfigError);
  const server = createServer(serverOptions(receiver.options), async (req, res) => {
    if (!(await receiver.handle(req, res))) send404(res);
  });
  const hardened = hardenServer(server, receiver.options, log);
  shutDownOnSignals(server, hardened, receiver, log);
  server.listen(Number(port), host, () => {
    const {address, port: bound} = server.address();
    log.info('listening', {address, port: bound, store: receiver.store.kind, delivery: Boolean(receiver.options.smtpUrl)});
  });
  return server;
}

function send404(res) {
  res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
  res.end('Not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  startReceiver().catch((error) => {
    console.error(`loft-receiver: cannot start: ${error.message}`);
    process.exit(1);
  });
}
