// What the receiver tests share: a test feed with people who have e-mail addresses, payloads
// the form would send, a receiver on a free port (in this process, or as a child process the
// tests may kill), ALTCHA solving, polling, and the submissions CLI.
import {execFile, spawn} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {solveChallenge} from 'altcha-lib/v1';
import {DEMO_FEEDS} from '../../server/config.mjs';
import {hardenServer, serverOptions} from '../../server/http.mjs';
import {silentLogger} from '../../server/log.mjs';
import {createReceiver} from '../../server/receiver.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const NOTICE = 'Genom att skicka in formuläret behandlar RISE dina personuppgifter.';
export const KOMMUN_NOTICE = 'Exempelby kommun behandlar dina personuppgifter för att besvara ditt meddelande.';
export const NEWSLETTER = {sv: 'Jag vill ha nyhetsbrevet.', en: 'I want the newsletter.'};

/** A feed of the receiver's own tests: every case of delivery address and consent version. */
export const TEST_FEED = {
  version: 1,
  language: 'sv',
  organizations: [{id: 'kommunen', name: 'Testkommunen'}],
  people: [
    {id: 'amanda', name: 'Amanda Sundberg', email: 'amanda@kommun.example', contactForm: 'kontakt'},
    {id: 'utan-epost', name: {sv: 'Sven Utan', en: 'Sven Without'}},
  ],
  // English first: a Finnish mail takes the feed's language (Swedish), not the first the name has.
  projects: [{id: 'loft', name: {en: 'The LOFT project', sv: 'LOFT-projektet'}, status: 'ongoing', participants: [], members: [], contactForm: 'kontakt'}],
  contactForms: [
    {
      // public task, no version: consent versions are hashes of the texts; a public record.
      id: 'kontakt',
      endpoint: '/api/contact',
      controller: {name: 'Testkommunen', organization: 'kommunen', contact: 'registrator@kommun.example'},
      legalBasis: 'public-task',
      publicRecord: true,
      privacyPolicyUrl: 'https://kommun.example/personuppgifter',
      retention: 'P1Y',
      fields: {phone: 'optional', organization: 'optional', subject: 'optional'},
      optionalConsents: [{id: 'nyhetsbrev', label: NEWSLETTER, version: 'n1'}],
      captcha: {provider: 'none'},
    },
    {
      // consent with a version, no fallback address: only people with an e-mail are reachable.
      id: 'samtycke',
      endpoint: '/api/contact',
      version: '2026-01',
      controller: {name: 'Testkommunen'},
      legalBasis: 'consent',
      privacyPolicyUrl: 'https://kommun.example/personuppgifter',
      retention: 'P6M',
      captcha: {provider: 'none'},
    },
    {
      // no retention: the receiver's default applies.
      id: 'utan-lagring',
      endpoint: '/api/contact',
      version: 'v1',
      controller: {name: 'Testkommunen', contact: 'https://kommun.example/kontakt'},
      legalBasis: 'legitimate-interest',
      privacyPolicyUrl: 'https://kommun.example/personuppgifter',
      captcha: {provider: 'none'},
    },
  ],
};

/** Writes the test feed into a fresh folder; returns its path. */
export function writeTestFeed(feed = TEST_FEED) {
  const file = join(mkdtempSync(join(tmpdir(), 'loft-feed-')), 'test.feed.json');
  writeFileSync(file, JSON.stringify(feed));
  return file;
}

let sequence = 0;
/** An address no other test uses. */
export const uniqueEmail = (tag = 'alva') => `${tag}.${process.pid}.${++sequence}@example.org`;

/** A payload as the form sends it for the test feed's public-task form. */
export function kontakt(overrides = {}) {
  return {
    form: 'kontakt',
    recipient: 'amanda',
    name: 'Alva Andersson',
    email: uniqueEmail(),
    message: 'Hej!\nJag undrar över projektet.',
    consents: [{id: 'notice', given: true, version: shortHashOf(KOMMUN_NOTICE), text: KOMMUN_NOTICE, locale: 'sv', at: new Date().toISOString()}],
    legalBasis: 'public-task',
    locale: 'sv',
    page: 'https://kommun.example/projekt/loft',
    honeypot: '',
    elapsedMs: 12_000,
    ...overrides,
  };
}

/** A payload for the demo feed's RISE form (legitimate interest, ALTCHA). */
export function rise(overrides = {}) {
  return {
    form: 'rise-contact',
    recipient: 'amanda-sundberg',
    name: 'Alva Andersson',
    email: uniqueEmail(),
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

let shortHash;
/** The form's own FNV-1a hash (dist/contact/hash.js), loaded by `loadHash()` before use. */
export const shortHashOf = (text) => shortHash(text);
export async function loadHash() {
  ({shortHash} = await import('../../dist/contact/hash.js'));
}

/**
 * A receiver in this process on a free port, mounted like production (timeouts, connection
 * cap). Defaults: the test feed and the demo feeds, no fill time, a generous rate limit, a
 * small ALTCHA work factor, quick retries and polls.
 */
export async function startReceiver(storage, options = {}) {
  const receiver = await createReceiver({
    feeds: [storage.feed, ...DEMO_FEEDS],
    altchaMaxNumber: 2000,
    minFillMs: 0,
    rateLimit: 10_000,
    deliveryBackoffMs: 50,
    deliveryBackoffMaxMs: 200,
    deliveryPollMs: 50,
    log: silentLogger,
    ...(await storage.options()),
    ...options,
  });
  const server = createServer(serverOptions(receiver.options), async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  const hardened = hardenServer(server, receiver.options, silentLogger);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    receiver,
    server,
    hardened,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
    },
  };
}

export const post = (base, body, headers = {}) =>
  fetch(`${base}/api/contact`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: typeof body === 'string' ? body : JSON.stringify(body)});

/** Status and JSON body of a POST. */
export async function answer(base, body, headers) {
  const response = await post(base, body, headers);
  return {status: response.status, body: await response.json().catch(() => undefined), headers: response.headers};
}

/** A solved ALTCHA challenge from the receiver at `base`, as the form sends it. */
export async function solved(base) {
  const challenge = await (await fetch(`${base}/api/altcha-challenge`)).json();
  const found = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  const {algorithm, salt, signature} = challenge;
  return Buffer.from(JSON.stringify({algorithm, challenge: challenge.challenge, number: found.number, salt, signature})).toString('base64');
}

/** Polls until `condition()` is truthy (a guard against hanging, not a timing assertion). */
export async function waitFor(condition, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs `npm run submissions -- …` (the script itself) against a store; resolves {code, stdout, stderr}. */
export function submissionsCli(args, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'server/submissions.mjs'), ...args], {env: {...process.env, ...env}, maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) =>
      resolve({code: error ? error.code : 0, stdout, stderr})
    );
  });
}

/** The LOFT_* variables that point a child process at a test store. */
export const storeEnv = ({databaseUrl, dataDir}) => (databaseUrl ? {LOFT_DATABASE_URL: databaseUrl} : {LOFT_DATA_DIR: dataDir});

/**
 * `npm run receiver` as a child process with the given environment, on a free port; resolves
 * once it listens, with its base URL, its log lines and the process.
 */
export function spawnReceiver(env) {
  const child = spawn(process.execPath, [join(ROOT, 'server/receiver.mjs')], {env: {...process.env, PORT: '0', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  const lines = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      let at;
      while ((at = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, at));
        buffered = buffered.slice(at + 1);
        lines.push(line);
        if (line.event === 'listening') resolve({child, lines, base: `http://127.0.0.1:${line.port}`, exited: new Promise((done) => child.once('exit', (code, signal) => done({code, signal})))});
      }
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}: ${stderr}`)));
  });
}
