// The receiver's suite (receiver-suite.mjs) on SQLite, the embedded default.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {openStore} from '../../server/store.mjs';
import {writeTestFeed} from './receiver-helpers.mjs';
import {receiverSuite} from './receiver-suite.mjs';

const folders = [];
const storage = {
  feed: writeTestFeed(),
  async options() {
    const parent = mkdtempSync(join(tmpdir(), 'loft-receiver-'));
    folders.push(parent);
    return {dataDir: join(parent, 'data')};
  },
};

describe('receiver on SQLite', () => {
  after(() => {
    for (const folder of folders) rmSync(folder, {recursive: true, force: true});
  });

  receiverSuite(storage);

  it('keeps its data folder 0700 and its database files 0600, and WAL with synchronous=FULL', async () => {
    const {dataDir} = await storage.options();
    const store = await openStore({dataDir});
    await store.secret('probe', () => 'x');
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    for (const suffix of ['', '-wal', '-shm']) assert.equal(statSync(join(dataDir, `submissions.sqlite${suffix}`)).mode & 0o777, 0o600, suffix || 'database');
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dataDir, 'submissions.sqlite'));
    assert.equal(db.pragma('journal_mode', {simple: true}), 'wal');
    db.close();
  });
});
