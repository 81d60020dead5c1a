// Durable storage for the reference receiver: one SQLite file (WAL) in the data folder with
// the submissions, the consent records exactly as the visitor was shown them, and the
// ALTCHA challenges already used (so a solution cannot be replayed).
import {join} from 'node:path';
import Database from 'better-sqlite3';

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
`;

/** Opens (creating if needed) `submissions.sqlite` in `dataDir`. */
export function openStore(dataDir) {
  const db = new Database(join(dataDir, 'submissions.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO submissions
    (received_at, form, project, recipient, name, email, phone, organization, subject, message, legal_basis, locale, page, elapsed_ms)
    VALUES (@receivedAt, @form, @project, @recipient, @name, @email, @phone, @organization, @subject, @message, @legalBasis, @locale, @page, @elapsedMs)`);
  const insertConsent = db.prepare(`INSERT INTO consents (submission_id, consent_id, version, text, locale, given_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const purge = db.prepare('DELETE FROM used_challenges WHERE expires_at < ?');
  const use = db.prepare('INSERT OR IGNORE INTO used_challenges (signature, expires_at) VALUES (?, ?)');

  const save = db.transaction((s, receivedAt) => {
    const row = {project: null, recipient: null, phone: null, organization: null, subject: null, ...s, receivedAt};
    const id = Number(insert.run(row).lastInsertRowid);
    for (const c of s.consents) insertConsent.run(id, c.id, c.version, c.text, c.locale, c.at);
    return id;
  });

  return {
    db,
    /** Stores a checked submission with its consents; returns its id. */
    save,
    /** Marks a challenge used; false when it already was (a replay). */
    useChallenge(signature, expiresAt) {
      purge.run(Math.floor(Date.now() / 1000));
      return use.run(signature, expiresAt).changes === 1;
    },
    /** Every submission, newest first, with its consent records. */
    list() {
      const consents = db.prepare('SELECT * FROM consents WHERE submission_id = ? ORDER BY consent_id');
      return db
        .prepare('SELECT * FROM submissions ORDER BY id DESC')
        .all()
        .map((row) => ({...row, consents: consents.all(row.id)}));
    },
    close: () => db.close(),
  };
}
