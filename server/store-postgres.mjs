// PostgreSQL storage (LOFT_DATABASE_URL): several receivers share one database — the
// submissions and their outbox, the ALTCHA replay store (a solution used on one instance is
// refused by every other) and the rate-limit windows. Workers claim outbox rows with
// FOR UPDATE SKIP LOCKED and hold the row lock while they send: no row is sent by two
// workers at once, and a worker that dies lets go of its row with its connection.
import pg from 'pg';
import {deliveriesBySubmission, submissionRow} from './store-rows.mjs';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS submissions (
    id BIGSERIAL PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL,
    idempotency_key TEXT UNIQUE,
    fingerprint TEXT,
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
    elapsed_ms DOUBLE PRECISION NOT NULL
  );
  CREATE INDEX IF NOT EXISTS submissions_email ON submissions (lower(email));
  CREATE INDEX IF NOT EXISTS submissions_form_received ON submissions (form, received_at);
  CREATE TABLE IF NOT EXISTS consents (
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    consent_id TEXT NOT NULL,
    version TEXT NOT NULL,
    text TEXT NOT NULL,
    locale TEXT NOT NULL,
    given_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, consent_id)
  );
  CREATE TABLE IF NOT EXISTS outbox (
    id BIGSERIAL PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    delivery_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMPTZ,
    delivered_to TEXT
  );
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS outbox_submission ON outbox (submission_id);
  CREATE TABLE IF NOT EXISTS used_challenges (
    signature TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS rate_windows (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

// Instances starting together would race on CREATE TABLE IF NOT EXISTS: one at a time.
const SCHEMA_LOCK = 0x6c6f6674; // "loft"

// One statement, one round trip, one transaction: the ALTCHA solution is marked used, and only
// then are the submission, its consent records and its outbox rows written; an idempotency
// key already stored (or being stored by a concurrent request) writes nothing.
const SAVE = `
  WITH challenge AS (
    INSERT INTO used_challenges (signature, expires_at) SELECT $1, $2 WHERE $1::text IS NOT NULL
    ON CONFLICT DO NOTHING RETURNING 1
  ), submission AS (
    INSERT INTO submissions (received_at, idempotency_key, fingerprint, form, project, recipient, name, email, phone,
                             organization, subject, message, legal_basis, locale, page, elapsed_ms)
    SELECT $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18
    WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM challenge)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id
  ), consent AS (
    INSERT INTO consents (submission_id, consent_id, version, text, locale, given_at)
    SELECT submission.id, c.id, c.version, c.text, c.locale, c.at
    FROM submission, jsonb_to_recordset($19::jsonb) AS c(id text, version text, text text, locale text, at text)
  ), delivery AS (
    INSERT INTO outbox (submission_id, channel, delivery_id, next_attempt_at)
    SELECT submission.id, d.channel, d.delivery_id, $3 FROM submission, unnest($20::text[], $21::text[]) AS d(channel, delivery_id)
  )
  SELECT (SELECT id FROM submission) AS id`;

const HIT_RATE = `
  INSERT INTO rate_windows (key, window_start, hits) VALUES ($1, $2, 1)
  ON CONFLICT (key) DO UPDATE SET
    window_start = CASE WHEN rate_windows.window_start <= $2 - $3 THEN $2 ELSE rate_windows.window_start END,
    hits = CASE WHEN rate_windows.window_start <= $2 - $3 THEN 1 ELSE rate_windows.hits + 1 END
  RETURNING window_start, hits`;

const CLAIM = `
  SELECT o.id AS outbox_id, o.channel, o.delivery_id, o.attempts, s.*
  FROM outbox o JOIN submissions s ON s.id = o.submission_id
  WHERE o.status = 'pending' AND o.next_attempt_at <= now() AND o.channel = ANY($1)
  ORDER BY o.next_attempt_at, o.id
  LIMIT 1
  FOR UPDATE OF o SKIP LOCKED`;

/** Connects, creates the schema if needed; rejects when the database cannot be reached. */
export async function openPostgresStore(url) {
  const pool = new pg.Pool({connectionString: url, max: 10, connectionTimeoutMillis: 10_000});
  // An idle client that loses its server (a database restart) must not crash the receiver.
  pool.on('error', () => {});
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(SCHEMA);
  });

  const consentsOf = async (ids) => {
    const {rows} = await pool.query(
      'SELECT submission_id, consent_id, version, text, locale, given_at FROM consents WHERE submission_id = ANY($1) ORDER BY consent_id',
      [ids]
    );
    const byId = new Map();
    for (const {submission_id: id, ...consent} of rows) byId.set(Number(id), [...(byId.get(Number(id)) ?? []), consent]);
    return byId;
  };

  async function rowsWhere(where, params) {
    const {rows} = await pool.query(`SELECT * FROM submissions ${where} ORDER BY id DESC`, params);
    const ids = rows.map((r) => r.id);
    const consents = await consentsOf(ids);
    const deliveries = deliveriesBySubmission((await pool.query('SELECT * FROM outbox WHERE submission_id = ANY($1) ORDER BY id', [ids])).rows);
    return rows.map((r) => submissionRow(r, consents.get(Number(r.id)) ?? [], deliveries.get(Number(r.id)) ?? []));
  }

  function deleteWhere(where, params) {
    return transaction(pool, async (client) => {
      const picked = `SELECT id FROM submissions ${where}`;
      const count = async (table) => Number((await client.query(`SELECT COUNT(*) AS n FROM ${table} WHERE submission_id IN (${picked})`, params)).rows[0].n);
      const counts = {consents: await count('consents'), deliveries: await count('outbox')};
      return {submissions: (await client.query(`DELETE FROM submissions ${where}`, params)).rowCount, ...counts};
    });
  }

  return {
    kind: 'postgres',
    location: redacted(url),
    async save({submission: s, receivedAt, idempotencyKey, fingerprint, challenge, deliveries}) {
      const {rows} = await pool.query(SAVE, [
        challenge?.signature ?? null,
        challenge?.expiresAt ?? null,
        receivedAt,
        idempotencyKey ?? null,
        fingerprint ?? null,
        s.form,
        s.project ?? null,
        s.recipient ?? null,
        s.name,
        s.email,
        s.phone ?? null,
        s.organization ?? null,
        s.subject ?? null,
        s.message,
        s.legalBasis,
        s.locale,
        s.page,
        s.elapsedMs,
        JSON.stringify(s.consents),
        deliveries.map((d) => d.channel),
        deliveries.map((d) => d.deliveryId),
      ]);
      if (rows[0].id !== null) return {id: Number(rows[0].id)};
      // Nothing written: the key was stored first (by this request's earlier attempt), or else the solution was used.
      const existing = idempotencyKey ? await this.findByKey(idempotencyKey) : undefined;
      return existing ? {replayed: true, ...existing} : {challengeUsed: true};
    },
    async findByKey(key) {
      const {rows} = await pool.query('SELECT id, fingerprint FROM submissions WHERE idempotency_key = $1', [key]);
      return rows[0] && {id: Number(rows[0].id), fingerprint: rows[0].fingerprint};
    },
    async hitRate(key, now, windowMs) {
      const {rows} = await pool.query(HIT_RATE, [key, now, windowMs]);
      return {hits: rows[0].hits, windowStart: Number(rows[0].window_start)};
    },
    deliverNext(channels, attempt) {
      return transaction(pool, async (client) => {
        const {rows} = await client.query(CLAIM, [channels]);
        if (!rows.length) return false;
        const {outbox_id: id, channel, delivery_id, attempts, ...submission} = rows[0];
        const consents = (await consentsOf([submission.id])).get(Number(submission.id)) ?? [];
        const outcome = await attempt({id, channel, delivery_id, attempts, submission: submissionRow(submission, consents, [])});
        await client.query(
          `UPDATE outbox SET status = $2, attempts = attempts + 1, last_error = $3, next_attempt_at = COALESCE($4, now()),
             sent_at = CASE WHEN $2 = 'sent' THEN now() END, delivered_to = $5 WHERE id = $1`,
          [id, outcome.status, outcome.error ?? null, outcome.nextAttemptAt ?? null, outcome.deliveredTo ?? null]
        );
        return true;
      });
    },
    async releaseOrphanedClaims() {
      // Nothing to do: a dead worker's row locks went with its connection.
    },
    list() {
      return rowsWhere('', []);
    },
    findByEmail(email) {
      return rowsWhere('WHERE lower(email) = lower($1)', [email]);
    },
    deleteByEmail(email) {
      return deleteWhere('WHERE lower(email) = lower($1)', [email]);
    },
    async purge(cutoffs, otherBefore, now) {
      const counts = await deleteWhere(
        `WHERE received_at < COALESCE((SELECT c.before FROM unnest($1::text[], $2::timestamptz[]) AS c(form, before) WHERE c.form = submissions.form), $3)`,
        [cutoffs.map((c) => c.form), cutoffs.map((c) => c.before), otherBefore]
      );
      await pool.query('DELETE FROM used_challenges WHERE expires_at < $1', [Math.floor(now.getTime() / 1000)]);
      // A window older than a day has ended under any sensible LOFT_RATE_WINDOW_MS.
      await pool.query('DELETE FROM rate_windows WHERE window_start < $1', [now.getTime() - 86_400_000]);
      return counts;
    },
    async retryDead() {
      return (await pool.query("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE status = 'dead'")).rowCount;
    },
    async secret(name, make) {
      await pool.query('INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, make()]);
      return (await pool.query('SELECT value FROM secrets WHERE name = $1', [name])).rows[0].value;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function transaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The URL without its password, for logs. */
function redacted(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'postgres';
  }
}
