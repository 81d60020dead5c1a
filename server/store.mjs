// Durable storage behind one small interface, with two implementations: SQLite in the data
// folder (store-sqlite.mjs; one receiver) and PostgreSQL (store-postgres.mjs; several
// receivers share the submissions, the outbox, the ALTCHA replay store and the rate limits),
// chosen by LOFT_DATABASE_URL. Both hand out rows of the same shape:
//
//   save({submission, receivedAt, idempotencyKey?, fingerprint?, challenge?, deliveries})
//       → {id} | {replayed: true, id, fingerprint} | {challengeUsed: true}
//     the submission, its consent records, its outbox rows and the used ALTCHA challenge in
//     one transaction: stored means queued for delivery, and a key stores once.
//   findByKey(key) → {id, fingerprint} | undefined
//   hitRate(key, nowMs, windowMs) → {hits, windowStart}
//   deliverNext(channels, attempt) → false when nothing is due; else claims one due outbox
//     row, awaits attempt(row) → {status: 'sent' | 'pending' | 'dead', error?, nextAttemptAt?,
//     deliveredTo?} and records it. One row is never attempted by two workers at once.
//   list(), findByEmail(email) → submission rows, newest first, with consents and deliveries
//   deleteByEmail(email), purge(cutoffs, otherBefore, now) → {submissions, consents, deliveries}
//   retryDead() → rows set pending again;  secret(name, make) → a value shared by every instance
//   ping(), close()
import {openPostgresStore} from './store-postgres.mjs';
import {openSqliteStore} from './store-sqlite.mjs';

/** PostgreSQL when a URL is given, else SQLite in the data folder. */
export function openStore({databaseUrl, dataDir}) {
  return databaseUrl ? openPostgresStore(databaseUrl) : openSqliteStore(dataDir);
}
