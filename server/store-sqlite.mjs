// SQLite storage (the embedded default, one receiver): one file in the data folder, WAL with
// synchronous=FULL so that a 201 means the submission is on disk — a power loss right after
// the answer loses nothing. The folder is 0700 and the files 0600: they hold personal data.
import {chmodSync, closeSync, existsSync, mkdirSync, openSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {memoryRateWindows} from './client-address.mjs';
import {deliveriesBySubmission, submissionRow} from './store-rows.mjs';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
    form TEXT NOT NULL,
    project TEXT,
    recipient TEXT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    organization TEXT,
    subject TEXT,
    message TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    locale TEXT NOT NULL,
    page TEXT NOT NULL,
    elapsed_ms INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS consents (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    consent_id TEXT NOT NULL,
    version TEXT NOT NULL,
    text TEXT NOT NULL,
    locale TEXT NOT NULL,
    given_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, consent_id)
  );
  CREATE TABLE IF NOT EXISTS used_challenges (
    signature TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    delivery_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    sent_at TEXT,
    delivered_to TEXT,
    claimed_by TEXT,
    claimed_until INTEGER
  );
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS outbox_submission ON outbox (submission_id);
  CREATE TABLE IF NOT EXISTS secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

// Added after the first release; a data folder from then gets them on open.
const LATER_COLUMNS = {idempotency_key: 'TEXT', fingerprint: 'TEXT'};
const LATER_INDEXES = `
  CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency_key ON submissions (idempotency_key);
  CREATE INDEX IF NOT EXISTS submissions_email ON submissions (email COLLATE NOCASE);
  CREATE INDEX IF NOT EXISTS submissions_form_received ON submissions (form, received_at);
`;

// A claimed row is someone's for this long: far longer than one SMTP or webhook attempt
// (the transports time out well before), so only a crashed claimant's rows ever expire.
const CLAIM_LEASE_MS = 5 * 60_000;

/** Opens (creating if needed) `submissions.sqlite` in `dataDir`. */
export function openSqliteStore(dataDir) {
  mkdirSync(dataDir, {recursive: true, mode: 0o700});
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, 'submissions.sqlite');
  // SQLite gives the -wal and -shm files the database file's mode: create it 0600 first.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const columns = new Set(db.prepare('PRAGMA table_info(submissions)').all().map((c) => c.name));
  for (const [name, type] of Object.entries(LATER_COLUMNS)) if (!columns.has(name)) db.exec(`ALTER TABLE submissions ADD COLUMN ${name} ${type}`);
  db.exec(LATER_INDEXES);
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);

  const claimant = `${hostname()}/${process.pid}`;
  const rateWindows = memoryRateWindows();
  const q = {
    byKey: db.prepare('SELECT id, fingerprint FROM submissions WHERE idempotency_key = ?'),
    useChallenge: db.prepare('INSERT OR IGNORE INTO used_challenges (signature, expires_at) VALUES (?, ?)'),
    insert: db.prepare(`INSERT INTO submissions
      (received_at, idempotency_key, fingerprint, form, project, recipient, name, email, phone, organization, subject, message, legal_basis, locale, page, elapsed_ms)
      VALUES (@receivedAt, @idempotencyKey, @fingerprint, @form, @project, @recipient, @name, @email, @phone, @organization, @subject, @message, @legalBasis, @locale, @page, @elapsedMs)`),
    insertConsent: db.prepare('INSERT INTO consents (submission_id, consent_id, version, text, locale, given_at) VALUES (?, ?, ?, ?, ?, ?)'),
    insertDelivery: db.prepare('INSERT INTO outbox (submission_id, channel, delivery_id, next_attempt_at) VALUES (?, ?, ?, ?)'),
    claim: db.prepare(`UPDATE outbox SET claimed_by = @claimant, claimed_until = @until
      WHERE id = (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now
                    AND (claimed_until IS NULL OR claimed_until < @now)
                    AND channel IN (SELECT value FROM json_each(@channels))
                  ORDER BY next_attempt_at, id LIMIT 1)
      RETURNING id, submission_id, channel, delivery_id, attempts`),
    finish: db.prepare(`UPDATE outbox SET status = @status, attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttemptAt,
      sent_at = @sentAt, delivered_to = @deliveredTo, claimed_by = NULL, claimed_until = NULL WHERE id = @id AND claimed_by = @claimant`),
    release: db.prepare('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?'),
    submission: db.prepare('SELECT * FROM submissions WHERE id = ?'),
    consentsOf: db.prepare('SELECT consent_id, version, text, locale, given_at FROM consents WHERE submission_id = ? ORDER BY consent_id'),
    deliveriesOf: db.prepare('SELECT * FROM outbox WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY id'),
    claimants: db.prepare('SELECT DISTINCT claimed_by FROM outbox WHERE claimed_by IS NOT NULL'),
    releaseClaimant: db.prepare('UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?'),
    getSecret: db.prepare('SELECT value FROM secrets WHERE name = ?'),
    putSecret: db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)'),
  };

  const save = db.transaction(({submission: s, receivedAt, idempotencyKey, fingerprint, challenge, deliveries}) => {
    if (idempotencyKey) {
      const existing = q.byKey.get(idempotencyKey);
      if (existing) return {replayed: true, ...existing};
    }
    if (challenge && q.useChallenge.run(challenge.signature, challenge.expiresAt).changes === 0) return {challengeUsed: true};
    const row = {project: null, recipient: null, phone: null, organization: null, subject: null, ...s, receivedAt: receivedAt.toISOString(), idempotencyKey: idempotencyKey ?? null, fingerprint: fingerprint ?? null};
    const id = Number(q.insert.run(row).lastInsertRowid);
    for (const c of s.consents) q.insertConsent.run(id, c.id, c.version, c.text, c.locale, c.at);
    for (const d of deliveries) q.insertDelivery.run(id, d.channel, d.deliveryId, receivedAt.getTime());
    return {id};
  });

  /** Full rows (consents and deliveries included) for the submissions a WHERE clause picks. */
  function rowsWhere(where, params) {
    const rows = db.prepare(`SELECT * FROM submissions ${where} ORDER BY id DESC`).all(...params);
    const deliveries = deliveriesBySubmission(q.deliveriesOf.all(JSON.stringify(rows.map((r) => r.id))));
    return rows.map((r) => submissionRow(r, q.consentsOf.all(r.id), deliveries.get(r.id) ?? []));
  }

  /** Deletes the submissions a WHERE clause picks, with their consents and deliveries; returns the counts. */
  const deleteWhere = db.transaction((where, params) => {
    const picked = `SELECT id FROM submissions ${where}`;
    const counts = {
      consents: db.prepare(`SELECT COUNT(*) AS n FROM consents WHERE submission_id IN (${picked})`).get(...params).n,
      deliveries: db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE submission_id IN (${picked})`).get(...params).n,
    };
    return {submissions: db.prepare(`DELETE FROM submissions ${where}`).run(...params).changes, ...counts};
  });

  return {
    kind: 'sqlite',
    location: file,
    async save(input) {
      return save(input);
    },
    async findByKey(key) {
      return q.byKey.get(key);
    },
    async hitRate(key, now, windowMs) {
      return rateWindows.hit(key, now, windowMs);
    },
    async deliverNext(channels, attempt) {
      const now = Date.now();
      const claimed = q.claim.get({claimant, until: now + CLAIM_LEASE_MS, now, channels: JSON.stringify(channels)});
      if (!claimed) return false;
      try {
        const submission = q.submission.get(claimed.submission_id);
        const outcome = await attempt({...claimed, submission: submissionRow(submission, q.consentsOf.all(submission.id), [])});
        q.finish.run({
          id: claimed.id,
          claimant,
          status: outcome.status,
          error: outcome.error ?? null,
          nextAttemptAt: outcome.nextAttemptAt?.getTime() ?? now,
          sentAt: outcome.status === 'sent' ? new Date().toISOString() : null,
          deliveredTo: outcome.deliveredTo ?? null,
        });
      } finally {
        q.release.run(claimed.id, claimant);
      }
      return true;
    },
    /**
     * Frees rows claimed by receivers on this machine that are no longer running (after a
     * crash or kill -9), so their deliveries go out now rather than when the lease ends.
     */
    async releaseOrphanedClaims() {
      for (const {claimed_by: owner} of q.claimants.all()) {
        const [host, pid] = owner.split('/');
        if (host === hostname() && owner !== claimant && !isRunning(Number(pid))) q.releaseClaimant.run(owner);
      }
    },
    async list() {
      return rowsWhere('', []);
    },
    async findByEmail(email) {
      return rowsWhere('WHERE email = ? COLLATE NOCASE', [email]);
    },
    async deleteByEmail(email) {
      return deleteWhere('WHERE email = ? COLLATE NOCASE', [email]);
    },
    async purge(cutoffs, otherBefore, now) {
      const known = cutoffs.map(() => '(form = ? AND received_at < ?)');
      const where = `WHERE ${[...known, `(form NOT IN (${cutoffs.map(() => '?').join(', ')}) AND received_at < ?)`].join(' OR ')}`;
      const params = [...cutoffs.flatMap((c) => [c.form, c.before.toISOString()]), ...cutoffs.map((c) => c.form), otherBefore.toISOString()];
      const counts = deleteWhere(where, params);
      db.prepare('DELETE FROM used_challenges WHERE expires_at < ?').run(Math.floor(now.getTime() / 1000));
      return counts;
    },
    async retryDead() {
      return db.prepare("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE status = 'dead'").run(Date.now()).changes;
    },
    async secret(name, make) {
      q.putSecret.run(name, make());
      return q.getSecret.get(name).value;
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
