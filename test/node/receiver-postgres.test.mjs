// The receiver's suite (receiver-suite.mjs) on PostgreSQL, on a throwaway server of its
// own, and what only PostgreSQL allows: two receivers on one database, sharing the ALTCHA
// replay store, the rate limits and the outbox. Without PostgreSQL's binaries the file fails
// with an install hint under CI, and says it skipped everything elsewhere.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {answer, kontakt, rise, solved, startReceiver, waitFor, writeTestFeed} from './receiver-helpers.mjs';
import {receiverSuite} from './receiver-suite.mjs';
import {postgresOrSkip, startPostgres} from './postgres-server.mjs';
import {startSmtpSink} from './smtp-sink.mjs';

if (postgresOrSkip('the receiver suite')) {
  describe('receiver on PostgreSQL', () => {
    let server;
    const storage = {
      feed: writeTestFeed(),
      options: async () => ({databaseUrl: await server.createDatabase()}),
    };
    before(async () => {
      server = await startPostgres();
    });
    after(() => server.stop());

    receiverSuite(storage);

    describe('two receivers on one database', () => {
      let database;
      let a;
      let b;
      let sink;
      before(async () => {
        database = await server.createDatabase();
        const shared = {...storage, options: async () => ({databaseUrl: database})};
        // A slow SMTP server keeps both workers busy at once, so their claims overlap.
        sink = await startSmtpSink({delayMs: 15});
        // Behind one proxy each: the tests pick the client address by X-Forwarded-For.
        const options = {smtpUrl: sink.url, mailFrom: 'noreply@kommun.example', formRecipients: {'rise-contact': 'info@ri.example'}, rateLimit: 3, trustProxy: 1};
        [a, b] = await Promise.all([startReceiver(shared, options), startReceiver(shared, options)]);
      });
      after(async () => {
        await Promise.all([a.stop(), b.stop()]);
        await sink.close();
      });

      it('share the ALTCHA key and replay store: a solution accepted by one is refused by the other', async () => {
        const altcha = await solved(a.base);
        const first = await answer(b.base, rise({altcha}), {'x-forwarded-for': '198.51.100.1'});
        assert.equal(first.status, 201, 'a challenge from A verifies on B');
        const replay = await answer(a.base, rise({altcha}), {'x-forwarded-for': '198.51.100.2'});
        assert.deepEqual([replay.status, replay.body], [422, {errors: {_form: 'captcha'}}]);
      });

      it('share the rate limit of an address', async () => {
        const from = {'x-forwarded-for': '203.0.113.50'};
        const limited = await startReceiver({...storage, options: async () => ({databaseUrl: database})}, {rateLimit: 3, trustProxy: 1});
        try {
          const statuses = [];
          for (const app of [a, limited, a, limited]) statuses.push((await answer(app.base, kontakt(), from)).status);
          assert.deepEqual(statuses, [201, 201, 201, 429], 'three per window, counted across both instances');
        } finally {
          await limited.stop();
        }
      });

      it('never send one outbox row twice: every submission arrives once', async () => {
        const sent = Array.from({length: 40}, (_, i) => kontakt({recipient: 'amanda', message: `Nummer ${i}`}));
        const answers = await Promise.all(sent.map((s, i) => answer((i % 2 ? a : b).base, s, {'x-forwarded-for': `198.51.100.${100 + i}`})));
        assert.ok(answers.every((r) => r.status === 201));
        const rows = async () => (await a.receiver.store.list()).filter((r) => sent.some((s) => s.email === r.email));
        await waitFor(async () => (await rows()).every((r) => r.deliveries[0].status === 'sent'), 'all delivered');
        const counts = sink.countsByMessageId();
        assert.equal((await rows()).length, sent.length);
        for (const row of await rows()) assert.equal(counts.get(`<${row.deliveries[0].delivery_id}@kommun.example>`), 1, `submission ${row.id}`);
        assert.deepEqual(new Set(counts.values()), new Set([1]), 'no Message-ID arrived twice');
      });
    });
  });
}
