// The receiver's configuration: read from the environment (LOFT_*), then checked as a whole
// before anything starts, so an operator sees every mistake at once, one line each, instead
// of a receiver that runs and quietly loses or misroutes messages. docs/receiver.md lists
// every variable.
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {CHALLENGE_LIFETIME_MS} from './altcha.mjs';
import {isDuration} from './retention.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The demo feeds: the default only where `npm start` and the tests mount the receiver. */
export const DEMO_FEEDS = ['demo/feeds/loft.feed.json', 'demo/feeds/exempelby.feed.json'].map((file) => join(root, file));

export const DEFAULTS = {
  dataDir: join(root, 'server/data'),
  databaseUrl: undefined,
  feeds: [],
  allowedOrigins: [],
  /** `[{id, secret}]`: the first signs new challenges, every one verifies. Empty: one key generated and kept in the store. */
  altchaKeys: [],
  altchaMaxNumber: 100_000,
  /** How long a challenge is good for (the form renews one that is about to expire). */
  altchaLifetimeMs: CHALLENGE_LIFETIME_MS,
  minFillMs: 3000,
  maxBodyBytes: 65_536,
  rateLimit: 10,
  rateWindowMs: 600_000,
  /** Reverse proxies in front of the receiver; 0: the TCP peer is the client. */
  trustProxy: 0,
  maxConnectionsPerAddress: 20,
  requestTimeoutMs: 30_000,
  smtpUrl: undefined,
  mailFrom: undefined,
  /** Form id → address for messages without a person (or to a person without an e-mail). */
  formRecipients: {},
  /** Form id → URL that also gets each submission as signed JSON. */
  webhooks: {},
  webhookSecret: undefined,
  deliveryAttempts: 25,
  deliveryBackoffMs: 1000,
  deliveryBackoffMaxMs: 900_000,
  /** How often an idle worker looks for due rows (a new submission wakes it at once). */
  deliveryPollMs: 1000,
  // The receiver's copy is needed until it is delivered and for a data-subject request
  // soon after; a form that says nothing gets a short period (GDPR art. 5(1)(e)).
  defaultRetention: 'P30D',
  purgeIntervalMs: 3_600_000,
  /** How often the feed files are looked at for changes (0: only at start and on SIGHUP). */
  feedsCheckMs: 30_000,
  /** How long a consent text or version the feed no longer has is still accepted (a page opened before the change). */
  consentGraceMs: 86_400_000,
  /** Mistakes found while reading the environment, reported with the rest at start. */
  problems: [],
};

/** Every configuration mistake, one line each. */
export class ConfigError extends Error {
  constructor(problems) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const list = (value) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A form's entry in LOFT_FORM_RECIPIENTS or LOFT_WEBHOOKS: its own only, since a form's id may be "constructor", which every object has. */
export const forForm = (map, id) => (Object.hasOwn(map, id) ? map[id] : undefined);

/** Options from the environment; syntax mistakes go to `problems`, checked with the rest by `checkOptions`. */
export function optionsFromEnv(env = process.env) {
  const problems = [];
  const options = {problems};
  const set = (key, value) => value !== undefined && (options[key] = value);
  const whole = (name, min = 0) => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    if (/^\d+$/.test(raw) && Number(raw) >= min) return Number(raw);
    problems.push(`${name}: "${raw}" is not a whole number${min ? ` of at least ${min}` : ''}.`);
    return undefined;
  };
  /** `a=b,c=d` → {a: 'b', c: 'd'} */
  const pairs = (name) => {
    const map = {};
    for (const entry of list(env[name])) {
      const at = entry.indexOf('=');
      if (at > 0) map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
      else problems.push(`${name}: "${entry}" is not form-id=value.`);
    }
    return map;
  };

  set('dataDir', env.LOFT_DATA_DIR || undefined);
  set('databaseUrl', env.LOFT_DATABASE_URL || undefined);
  options.feeds = list(env.LOFT_FEEDS);
  options.allowedOrigins = list(env.LOFT_ALLOWED_ORIGINS);
  options.altchaKeys = altchaKeysFromEnv(env, problems);
  set('altchaMaxNumber', whole('LOFT_ALTCHA_MAX_NUMBER', 1));
  set('altchaLifetimeMs', whole('LOFT_ALTCHA_LIFETIME_MS', 1000));
  set('minFillMs', whole('LOFT_MIN_FILL_MS'));
  set('maxBodyBytes', whole('LOFT_MAX_BODY_BYTES', 1024));
  set('rateLimit', whole('LOFT_RATE_LIMIT', 1));
  set('rateWindowMs', whole('LOFT_RATE_WINDOW_MS', 1000));
  set('trustProxy', whole('LOFT_TRUST_PROXY'));
  set('maxConnectionsPerAddress', whole('LOFT_MAX_CONNECTIONS_PER_ADDRESS', 1));
  set('requestTimeoutMs', whole('LOFT_REQUEST_TIMEOUT_MS', 1000));
  set('smtpUrl', env.LOFT_SMTP_URL || undefined);
  set('mailFrom', env.LOFT_MAIL_FROM || undefined);
  options.formRecipients = pairs('LOFT_FORM_RECIPIENTS');
  options.webhooks = pairs('LOFT_WEBHOOKS');
  set('webhookSecret', env.LOFT_WEBHOOK_SECRET || undefined);
  set('deliveryAttempts', whole('LOFT_DELIVERY_ATTEMPTS', 1));
  set('deliveryBackoffMs', whole('LOFT_DELIVERY_BACKOFF_MS', 1));
  set('deliveryBackoffMaxMs', whole('LOFT_DELIVERY_BACKOFF_MAX_MS', 1));
  set('defaultRetention', env.LOFT_DEFAULT_RETENTION || undefined);
  set('purgeIntervalMs', whole('LOFT_PURGE_INTERVAL_MS', 1000));
  // 0 turns the checks off; more often than once a second would stat the files in a busy loop.
  const feedsCheckMs = whole('LOFT_FEEDS_CHECK_MS');
  if (feedsCheckMs > 0 && feedsCheckMs < 1000) problems.push(`LOFT_FEEDS_CHECK_MS: "${feedsCheckMs}" is not 0 (off) or a whole number of at least 1000.`);
  else set('feedsCheckMs', feedsCheckMs);
  set('consentGraceMs', whole('LOFT_CONSENT_GRACE_MS'));
  return options;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;
// An HMAC key short enough to guess lets anyone sign their own easy challenges.
export const MIN_SECRET_LENGTH = 16;

/** LOFT_ALTCHA_HMAC_KEYS (`id:secret,…`, newest first) or the single LOFT_ALTCHA_HMAC_KEY. */
function altchaKeysFromEnv(env, problems) {
  if (env.LOFT_ALTCHA_HMAC_KEYS && env.LOFT_ALTCHA_HMAC_KEY) {
    problems.push('LOFT_ALTCHA_HMAC_KEY and LOFT_ALTCHA_HMAC_KEYS are both set: keep LOFT_ALTCHA_HMAC_KEYS (id:secret,… newest first).');
  }
  // The single key of the first release, read as before (whatever its length: it may be in use).
  if (env.LOFT_ALTCHA_HMAC_KEY) return [{id: 'default', secret: env.LOFT_ALTCHA_HMAC_KEY.trim(), legacy: true}];
  return list(env.LOFT_ALTCHA_HMAC_KEYS).map((entry) => {
    const at = entry.indexOf(':');
    return at > 0 ? {id: entry.slice(0, at), secret: entry.slice(at + 1)} : {id: '', secret: entry};
  });
}

const isOrigin = (value) => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
};

/** Problems with option values that do not depend on the feeds. */
export function checkOptions(o, isEmail) {
  const problems = [...o.problems];
  if (!o.feeds.length) problems.push('LOFT_FEEDS is empty: give the feed files whose contact forms this receiver accepts, comma-separated.');
  for (const origin of o.allowedOrigins) if (!isOrigin(origin)) problems.push(`LOFT_ALLOWED_ORIGINS: "${origin}" is not an origin like https://www.example.se (no path, no trailing slash).`);
  const ids = new Set();
  for (const {id, secret, legacy} of o.altchaKeys) {
    if (legacy) continue;
    if (!KEY_ID.test(id)) problems.push(`LOFT_ALTCHA_HMAC_KEYS: each entry is id:secret with an id of letters, digits, ".", "_" or "-" (got "${id}").`);
    else if (ids.has(id)) problems.push(`LOFT_ALTCHA_HMAC_KEYS: the key id "${id}" appears twice.`);
    ids.add(id);
    if (secret.length < MIN_SECRET_LENGTH) problems.push(`LOFT_ALTCHA_HMAC_KEYS: the secret of key "${id || '?'}" is shorter than ${MIN_SECRET_LENGTH} characters (make one with: openssl rand -hex 32).`);
  }
  if (o.databaseUrl && !/^postgres(ql)?:\/\//.test(o.databaseUrl)) problems.push('LOFT_DATABASE_URL: expected postgres://user@host:port/database (leave it unset for SQLite in LOFT_DATA_DIR).');
  if (o.smtpUrl && !/^smtps?:\/\/[^/]/.test(o.smtpUrl)) problems.push(`LOFT_SMTP_URL: expected smtp://host:port or smtps://user:password@host:port.`);
  if (o.smtpUrl && !o.mailFrom) problems.push('LOFT_MAIL_FROM is missing: the sender address of forwarded messages (e.g. "Kontaktformulär <noreply@example.se>").');
  if (o.mailFrom && !isEmail(mailAddress(o.mailFrom))) problems.push(`LOFT_MAIL_FROM: "${o.mailFrom}" is not an address or "Name <address>".`);
  if (!isDuration(o.defaultRetention)) problems.push(`LOFT_DEFAULT_RETENTION: "${o.defaultRetention}" is not an ISO 8601 duration like P30D or P6M.`);
  if (o.deliveryBackoffMaxMs < o.deliveryBackoffMs) problems.push('LOFT_DELIVERY_BACKOFF_MAX_MS is smaller than LOFT_DELIVERY_BACKOFF_MS.');
  if (Object.keys(o.webhooks).length && (o.webhookSecret ?? '').length < MIN_SECRET_LENGTH) {
    problems.push(`LOFT_WEBHOOK_SECRET is missing or shorter than ${MIN_SECRET_LENGTH} characters: webhooks are signed with it.`);
  }
  return problems;
}

/** The address in `Name <address>` or a plain address. */
export function mailAddress(from) {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
}
