// A throwaway PostgreSQL server from Debian's packages, for the receiver's tests and bench:
// a fresh cluster in a temporary folder on a free port, reachable on 127.0.0.1 only, gone
// after stop(). As root the server runs as the `postgres` user (it refuses to run as root).
import {execFileSync} from 'node:child_process';
import {chownSync, existsSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import assert from 'node:assert/strict';
import {it} from 'node:test';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';

export const postgresInstalled = () => existsSync(join(BIN, 'initdb'));

export const POSTGRES_MISSING = `PostgreSQL 15 is not installed (${BIN}/initdb is missing): apt-get install -y postgresql (.ci/run installs it).`;

/**
 * True when PostgreSQL's binaries are here. Otherwise registers one test in their place that
 * fails under CI (which must run everything) with the install hint, and elsewhere is
 * reported as skipped, saying why.
 */
export function postgresOrSkip(what) {
  if (postgresInstalled()) return true;
  if (process.env.CI) it(`${what} on PostgreSQL`, () => assert.fail(POSTGRES_MISSING));
  else it(`${what} on PostgreSQL`, {skip: `SKIPPED: ${POSTGRES_MISSING}`}, () => {});
  return false;
}

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster. `durable: false` turns fsync off (tests: nothing must survive a power
 * loss there); the bench keeps it on, as production does.
 */
export async function startPostgres({durable = false} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'loft-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], {encoding: 'utf8'}));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], {encoding: 'utf8'}));
    chownSync(dir, uid, gid);
  }
  const run = (command) => execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-c', command] : ['-c', command], {stdio: 'pipe'});
  run(`${BIN}/initdb -D ${data} -A trust -U postgres --no-sync`);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${durable ? '' : ' -c fsync=off -c synchronous_commit=off'}`;
  run(`${BIN}/pg_ctl -D ${data} -l ${join(dir, 'server.log')} -o "${settings}" -w start`);
  const url = (database) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let databases = 0;
  return {
    port,
    /** A new, empty database; returns its URL. */
    async createDatabase() {
      const name = `loft_${process.pid}_${++databases}`;
      const admin = new pg.Client({connectionString: url('postgres')});
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return url(name);
    },
    stop() {
      run(`${BIN}/pg_ctl -D ${data} -m immediate stop`);
      rmSync(dir, {recursive: true, force: true});
    },
  };
}
