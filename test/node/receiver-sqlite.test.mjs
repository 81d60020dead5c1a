// The receiver's suite (receiver-suite.mjs) on SQLite, the embedded default.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {openStore} from '../../server/store.mjs';
import {answer, kontakt, loadHash, TEST_FEED, startReceiver, waitFor, writeTestFeed} from './receiver-helpers.mjs';
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

  describe('feeds changed while it runs', () => {
    before(loadHash);
    const samtycke = (version, consentsAt = new Date().toISOString()) =>
      kontakt({form: 'samtycke', legalBasis: 'consent', consents: [{id: 'processing', given: true, version, text: 'Jag samtycker.', locale: 'sv', at: consentsAt}]});
    /** The test feed with the consent form at another version (and, if given, other changes). */
    const feedWith = (version, change = (feed) => feed) =>
      JSON.stringify(change({...TEST_FEED, contactForms: TEST_FEED.contactForms.map((form) => (form.id === 'samtycke' ? {...form, version} : form))}));
    const logged = [];
    const log = {info: (event, data) => logged.push([event, data]), warn: () => undefined, error: (event, data) => logged.push([event, data])};

    it('reads a changed feed without a restart, and accepts the version the page showed before for the grace period only', async () => {
      const feed = writeTestFeed();
      const app = await startReceiver({...storage, feed}, {feedsCheckMs: 20, consentGraceMs: 60_000, log});
      try {
        assert.equal((await answer(app.base, samtycke('2026-02'))).status, 422, 'a version the feed does not have yet');
        writeFileSync(feed, feedWith('2026-02'));
        await waitFor(() => logged.some(([event]) => event === 'feeds-reloaded'), 'the feed read again');
        assert.equal((await answer(app.base, samtycke('2026-02'))).status, 201, 'the new version');
        assert.equal((await answer(app.base, samtycke('2026-01'))).status, 201, 'the version a page opened before the change shows');
        assert.equal((await answer(app.base, samtycke('2025-12'))).status, 422, 'a version the form never showed');
      } finally {
        await app.stop();
      }
    });

    it('after the grace period only the feed as it is; on reload() at once, with no timer', async () => {
      const feed = writeTestFeed();
      const app = await startReceiver({...storage, feed}, {feedsCheckMs: 0, consentGraceMs: 0, log});
      try {
        writeFileSync(feed, feedWith('2026-02'));
        assert.equal((await answer(app.base, samtycke('2026-02'))).status, 422, 'no timer: not read yet');
        app.receiver.reloadFeeds();
        assert.equal((await answer(app.base, samtycke('2026-02'))).status, 201);
        assert.equal((await answer(app.base, samtycke('2026-01'))).status, 422, 'no grace');
      } finally {
        await app.stop();
      }
    });

    it('refuses a changed feed that has a problem as a whole and keeps the forms it had; a form taken out accepts nothing new', async () => {
      const feed = writeTestFeed();
      const app = await startReceiver({...storage, feed}, {feedsCheckMs: 0, log});
      try {
        logged.length = 0;
        writeFileSync(feed, '{"version": 1, "projects": [');
        app.receiver.reloadFeeds();
        const [event, data] = logged.find(([e]) => e === 'feeds-reload-refused');
        assert.equal(event, 'feeds-reload-refused');
        assert.match(data.problems.join('\n'), /cannot read .*test\.feed\.json/);
        assert.equal((await answer(app.base, samtycke('2026-01'))).status, 201, 'the forms it had');
        writeFileSync(feed, feedWith('2026-01', (f) => ({...f, contactForms: f.contactForms.filter((form) => form.id !== 'samtycke')})));
        app.receiver.reloadFeeds();
        assert.deepEqual((await answer(app.base, samtycke('2026-01'))).body, {errors: {form: 'invalid'}});
        assert.equal((await answer(app.base, kontakt())).status, 201, 'the forms still in the feed');
        assert.ok(app.receiver.forms.get('samtycke').removed, 'kept for what waits to be delivered');
      } finally {
        await app.stop();
      }
    });
  });
});
