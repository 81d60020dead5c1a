#!/usr/bin/env node
// The reference receiver for <loft-contact-form>: GET /api/altcha-challenge and
// POST /api/contact, with the answers DESIGN.md lists. It validates with the same payload
// schema the form uses (dist/contact/submission.js, so build first), knows each form from
// the feeds it is given (legal basis, required fields, whether ALTCHA is required), checks
// the honeypot, the fill time and the ALTCHA solution (each solution is good once), limits
// body size and the rate per client address, and stores every submission with its consent
// records in SQLite. It keeps no client address on disk and logs no personal data.
//
// `npm start` mounts it next to the demo; alone: `npm run receiver`. Environment:
//   PORT (8081 alone), HOST (127.0.0.1), LOFT_DATA_DIR (server/data),
//   LOFT_FEEDS (comma-separated feed files; default the demo feeds),
//   LOFT_ALLOWED_ORIGINS (comma-separated origins allowed cross-origin; same-origin always is),
//   LOFT_ALTCHA_HMAC_KEY (else generated once into LOFT_DATA_DIR/altcha-hmac.key),
//   LOFT_ALTCHA_MAX_NUMBER (100000), LOFT_MIN_FILL_MS (3000), LOFT_MAX_BODY_BYTES (65536),
//   LOFT_RATE_LIMIT (10 submissions per window and address), LOFT_RATE_WINDOW_MS (600000),
//   LOFT_TRUST_PROXY (1: take the client address from X-Forwarded-For).
import {randomBytes} from 'node:crypto';
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createChallenge, extractParams, verifySolution} from 'altcha-lib/v1';
import {openStore} from './store.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_FEEDS = ['demo/feeds/loft.feed.json', 'demo/feeds/exempelby.feed.json'].map((f) => join(root, f));
const CONTACT = '/api/contact';
const CHALLENGE = '/api/altcha-challenge';

const list = (value) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const num = (value, fallback) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback);

/** Options from the environment (see the header). */
export function optionsFromEnv(env = process.env) {
  return {
    dataDir: env.LOFT_DATA_DIR || join(root, 'server/data'),
    feeds: env.LOFT_FEEDS !== undefined ? list(env.LOFT_FEEDS) : DEFAULT_FEEDS,
    allowedOrigins: list(env.LOFT_ALLOWED_ORIGINS),
    hmacKey: env.LOFT_ALTCHA_HMAC_KEY || undefined,
    altchaMaxNumber: num(env.LOFT_ALTCHA_MAX_NUMBER, 100_000),
    minFillMs: num(env.LOFT_MIN_FILL_MS, 3000),
    maxBodyBytes: num(env.LOFT_MAX_BODY_BYTES, 65_536),
    rateLimit: num(env.LOFT_RATE_LIMIT, 10),
    rateWindowMs: num(env.LOFT_RATE_WINDOW_MS, 600_000),
    trustProxy: env.LOFT_TRUST_PROXY === '1',
  };
}

/** The HMAC key: given, or generated once and kept (mode 600) in the data folder. */
function hmacKeyFor(dataDir, given) {
  if (given) return given;
  const file = join(dataDir, 'altcha-hmac.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', {mode: 0o600, flag: 'wx'});
  chmodSync(file, 0o600);
  return key;
}

/** The contact forms of the given feeds, by id. */
function loadForms(feeds) {
  const forms = new Map();
  for (const file of feeds) {
    const feed = JSON.parse(readFileSync(file, 'utf8'));
    for (const form of feed.contactForms ?? []) forms.set(form.id, form);
  }
  return forms;
}

let schemaModule;
/** The form's own payload schema, from the build. */
function schema() {
  schemaModule ??= import('../dist/contact/submission.js').catch((error) => {
    schemaModule = undefined;
    throw new Error(`dist/contact/submission.js is missing: run "npm run build" first (${error.message})`);
  });
  return schemaModule;
}

class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(`HTTP ${status}`);
    Object.assign(this, {status, body, headers});
  }
}

/**
 * Creates the receiver. `handle(req, res)` answers the two API routes and returns false for
 * anything else, so it mounts in front of other handlers; `close()` closes the database.
 */
export function createReceiver(options = {}) {
  const o = {...optionsFromEnv({}), ...options};
  mkdirSync(o.dataDir, {recursive: true});
  const hmacKey = hmacKeyFor(o.dataDir, o.hmacKey);
  const forms = loadForms(o.feeds);
  const store = openStore(o.dataDir);
  const hits = new Map();

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
    if (o.allowedOrigins.includes(origin)) return {'access-control-allow-origin': origin, vary: 'Origin'};
    if (sameOrigin) return {vary: 'Origin'};
    throw new HttpError(403, {errors: {_form: 'origin'}}, {vary: 'Origin'});
  }

  function clientAddress(req) {
    const forwarded = o.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  }

  /** Sliding window per address; throws 429 with Retry-After (seconds) when it is full. */
  function rateLimit(req, now = Date.now()) {
    const address = clientAddress(req);
    const recent = (hits.get(address) ?? []).filter((t) => now - t < o.rateWindowMs);
    if (recent.length >= o.rateLimit) {
      const retryAfter = Math.max(1, Math.ceil((recent[0] + o.rateWindowMs - now) / 1000));
      hits.set(address, recent);
      throw new HttpError(429, {errors: {_form: 'rate-limited'}}, {'retry-after': String(retryAfter)});
    }
    recent.push(now);
    hits.set(address, recent);
    if (hits.size > 10_000) for (const [key, times] of hits) if (now - times[times.length - 1] >= o.rateWindowMs) hits.delete(key);
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

  const reject = (errors) => new HttpError(422, {errors});

  /** Checks a parsed body against the schema and the form's own rules; returns what to store. */
  async function check(body) {
    const {checkSubmission} = await schema();
    const result = checkSubmission(body);
    if (!result.ok) throw reject(result.errors);
    const submission = result.value;
    const form = forms.get(submission.form);
    if (forms.size && !form) throw reject({form: 'invalid'});
    if (submission.honeypot !== '') throw reject({_form: 'spam'});
    if (submission.elapsedMs < o.minFillMs) throw reject({_form: 'too-fast'});
    if (form) {
      if (submission.legalBasis !== form.legalBasis) throw reject({_form: 'consent-missing'});
      const errors = {};
      for (const field of ['phone', 'organization', 'subject']) {
        const mode = form.fields?.[field] ?? 'hidden';
        // Data minimisation: what the form does not ask for is not kept.
        if (mode === 'hidden') delete submission[field];
        else if (mode === 'required' && !submission[field]?.trim()) errors[field] = 'required';
      }
      const allowed = new Set(['notice', 'processing', ...(form.optionalConsents ?? []).map((c) => c.id)]);
      if (submission.consents.some((c) => !allowed.has(c.id))) errors.consents = 'invalid';
      if (Object.keys(errors).length) throw reject(errors);
    }
    const altchaRequired = form ? form.captcha?.provider === 'altcha' : submission.altcha !== undefined;
    if (altchaRequired) {
      if (!submission.altcha || !(await verifyAltcha(submission.altcha))) throw reject({_form: 'captcha'});
    }
    return submission;
  }

  /** A valid, unexpired, unused solution; using it marks it used (a replay fails). */
  async function verifyAltcha(solution) {
    let payload;
    try {
      payload = JSON.parse(Buffer.from(solution, 'base64').toString('utf8'));
    } catch {
      return false;
    }
    if (!payload || typeof payload.signature !== 'string') return false;
    let ok;
    try {
      ok = await verifySolution(payload, hmacKey, true);
    } catch {
      return false;
    }
    if (!ok) return false;
    const expires = Number(extractParams(payload).expires) || Math.floor(Date.now() / 1000) + 3600;
    return store.useChallenge(payload.signature, expires);
  }

  async function handleContact(req, res) {
    const headers = cors(req);
    if (req.method === 'OPTIONS') {
      return send(res, 204, undefined, {
        ...headers,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
    }
    if (req.method !== 'POST') throw new HttpError(405, {errors: {_form: 'method'}}, {allow: 'POST, OPTIONS'});
    try {
      rateLimit(req);
      const submission = await check(await readJson(req));
      const id = store.save(submission, new Date().toISOString());
      send(res, 201, {ok: true, id}, headers);
    } catch (error) {
      if (error instanceof HttpError) error.headers = {...headers, ...error.headers};
      throw error;
    }
  }

  async function handleChallenge(req, res) {
    const headers = cors(req);
    if (req.method === 'OPTIONS') return send(res, 204, undefined, {...headers, 'access-control-allow-methods': 'GET'});
    if (req.method !== 'GET') throw new HttpError(405, {errors: {_form: 'method'}}, {allow: 'GET, OPTIONS'});
    const challenge = await createChallenge({hmacKey, maxNumber: o.altchaMaxNumber, expires: new Date(Date.now() + 10 * 60_000)});
    send(res, 200, challenge, headers);
  }

  async function handle(req, res) {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path !== CONTACT && path !== CHALLENGE) return false;
    try {
      await (path === CONTACT ? handleContact(req, res) : handleChallenge(req, res));
    } catch (thrown) {
      let error = thrown;
      if (!(error instanceof HttpError)) {
        console.error('receiver:', error.message);
        error = new HttpError(500, {errors: {_form: 'server'}});
      }
      if (!res.headersSent) send(res, error.status, error.body, error.headers);
      else res.end();
      // Drain what is left of a refused body so the connection closes cleanly.
      req.resume();
    }
    return true;
  }

  return {handle, close: () => store.close(), store, options: o};
}

/** Starts the receiver alone on PORT/HOST. */
export function startReceiver({port = num(process.env.PORT, 8081), host = process.env.HOST ?? '127.0.0.1'} = {}) {
  const receiver = createReceiver(optionsFromEnv());
  const server = createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
      res.end('Not found');
    }
  });
  server.on('close', () => receiver.close());
  server.listen(port, host, () => console.log(`loft-widgets receiver: http://${host}:${server.address().port}${CONTACT}`));
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startReceiver();
