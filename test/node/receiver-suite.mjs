// The reference receiver's suite, run once per store (receiver-sqlite.test.mjs,
// receiver-postgres.test.mjs): the protocol's answers, spam checks, consent integrity,
// idempotency, rate limits and forwarded addresses, delivery through a real SMTP server
// (also one that is down or refusing for a while), webhooks, retention, and the data-subject
// export and erasure. `storage.options()` gives a fresh, empty store each time.
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {createServer} from 'node:http';
import {after, before, describe, it} from 'node:test';
import {purgeExpired} from '../../server/retention.mjs';
import {freePort} from './postgres-server.mjs';
import {
  answer,
  KOMMUN_NOTICE,
  kontakt,
  loadHash,
  NEWSLETTER,
  NOTICE,
  post,
  rise,
  shortHashOf,
  solved,
  startReceiver,
  storeEnv,
  submissionsCli,
  uniqueEmail,
  waitFor,
} from './receiver-helpers.mjs';
import {startSmtpSink} from './smtp-sink.mjs';

const MAIL = {mailFrom: 'Kontaktformulär <noreply@kommun.example>'};

export function receiverSuite(storage) {
  before(loadHash);

  describe('protocol', () => {
    let app;
    before(async () => {
      app = await startReceiver(storage, {allowedOrigins: ['https://www.ri.se']});
    });
    after(() => app.stop());
    const stored = async (email) => (await app.receiver.store.list()).filter((row) => row.email === email);

    it('stores a valid submission with its consent record and outbox row, and refuses the same ALTCHA solution twice', async () => {
      const altcha = await solved(app.base);
      const sent = rise({altcha, phone: '070-123 45 67'});
      const first = await answer(app.base, sent);
      assert.equal(first.status, 201);
      const [row] = await stored(sent.email);
      assert.equal(row.id, first.body.id);
      assert.equal(row.phone, null, 'a field the form does not ask for is not kept');
      assert.deepEqual(
        row.consents.map((c) => [c.consent_id, c.version, c.text, c.locale]),
        [['notice', '2026-11', NOTICE, 'sv']]
      );
      assert.deepEqual(
        row.deliveries.map((d) => [d.channel, d.status]),
        [['email', 'pending']],
        'stored means queued for delivery (no SMTP here: it waits)'
      );
      const replay = await answer(app.base, rise({altcha}));
      assert.deepEqual([replay.status, replay.body], [422, {errors: {_form: 'captcha'}}]);
    });

    it('requires ALTCHA where the form asks for it; refuses a forged solution and one for a key it does not know', async () => {
      assert.deepEqual((await answer(app.base, rise())).body, {errors: {_form: 'captcha'}});
      const forged = Buffer.from(JSON.stringify({algorithm: 'SHA-256', challenge: 'ab', number: 1, salt: 'x?kid=local&expires=9999999999&', signature: 'cd'})).toString('base64');
      assert.deepEqual((await answer(app.base, rise({altcha: forged}))).body, {errors: {_form: 'captcha'}});
      const solution = JSON.parse(Buffer.from(await solved(app.base), 'base64'));
      const otherKey = Buffer.from(JSON.stringify({...solution, salt: solution.salt.replace('kid=local', 'kid=gone')})).toString('base64');
      assert.deepEqual((await answer(app.base, rise({altcha: otherKey}))).body, {errors: {_form: 'captcha'}});
    });

    it('refuses a filled honeypot, a too-fast fill and a missing consent', async () => {
      const strict = await startReceiver(storage, {minFillMs: 3000});
      try {
        assert.deepEqual((await answer(strict.base, kontakt({honeypot: 'x'}))).body, {errors: {_form: 'spam'}});
        assert.deepEqual((await answer(strict.base, kontakt({elapsedMs: 800}))).body, {errors: {_form: 'too-fast'}});
        assert.deepEqual((await answer(strict.base, kontakt({consents: []}))).body, {errors: {_form: 'consent-missing'}});
        const consentForm = kontakt({form: 'samtycke', legalBasis: 'consent'});
        assert.deepEqual((await answer(strict.base, consentForm)).body, {errors: {_form: 'consent-missing'}});
      } finally {
        await strict.stop();
      }
    });

    it('answers field errors with the protocol codes, including the form’s own required fields', async () => {
      const response = await answer(app.base, kontakt({name: '  ', email: 'nope', message: 'x'.repeat(5001)}));
      assert.equal(response.status, 422);
      assert.deepEqual(response.body, {errors: {name: 'required', email: 'invalid', message: 'too-long'}});
      const noSubject = rise({form: 'kommun-kontakt', recipient: 'kontaktcenter', legalBasis: 'public-task', consents: [{...rise().consents[0], version: '2026-01'}], altcha: await solved(app.base)});
      assert.deepEqual((await answer(app.base, noSubject)).body, {errors: {subject: 'required'}});
    });

    it('answers 415 for non-JSON, 413 for a large body and 400 for broken JSON', async () => {
      assert.equal((await post(app.base, 'name=x', {'content-type': 'application/x-www-form-urlencoded'})).status, 415);
      assert.equal((await post(app.base, JSON.stringify(kontakt({message: 'x'.repeat(70_000)})))).status, 413);
      assert.equal((await post(app.base, '{"form":')).status, 400);
    });

    it('answers JSON that is not an object, and duplicate consent ids, with 422 and contract codes, never 500', async () => {
      for (const body of ['[]', '"text"', 'null', '42', '[{"form":"kontakt"}]']) {
        const response = await answer(app.base, body);
        assert.equal(response.status, 422, body);
        assert.equal(response.body.errors.form, 'required', body);
        assert.equal(response.body.errors.email, 'required', body);
      }
      const [notice] = kontakt().consents;
      const twice = kontakt({consents: [notice, {...notice, text: 'Something else', version: shortHashOf('Something else')}]});
      assert.deepEqual(await answer(app.base, twice).then((r) => [r.status, r.body]), [422, {errors: {consents: 'invalid'}}]);
      assert.equal((await stored(twice.email)).length, 0);
      const odd = await answer(app.base, kontakt({consents: [null], elapsedMs: 1e300, honeypot: 5}));
      assert.equal(odd.status, 422);
    });

    it('refuses control characters and line breaks in name, subject and organisation; drops invisible controls from the message', async () => {
      for (const [field, value] of [
        ['name', 'Alva\nFrom: forged'],
        ['name', 'Alva\u001b[2J'],
        ['subject', 'Hej\r\nBcc: x@evil.example'],
        ['organization', 'Org\u2028line'],
        ['organization', 'Org\u0085next'],
      ]) {
        const response = await answer(app.base, kontakt({[field]: value}));
        assert.deepEqual([response.status, response.body], [422, {errors: {[field]: 'invalid'}}], JSON.stringify(value));
      }
      const sent = kontakt({message: 'Rad ett\r\nRad två\u0000\u001b[31m\tslut'});
      assert.equal((await answer(app.base, sent)).status, 201);
      const [row] = await stored(sent.email);
      assert.equal(row.message, 'Rad ett\r\nRad två[31m\tslut');
    });

    it('checks each consent record against the form: a version or text the form never showed is refused', async () => {
      const notice = kontakt().consents[0];
      const newsletter = {id: 'nyhetsbrev', given: true, version: 'n1', text: NEWSLETTER.en, locale: 'en', at: new Date().toISOString()};
      const cases = {
        'notice with a hash of another text': [{...notice, text: 'Vi behandlar inga uppgifter.'}],
        'notice with a made-up version': [{...notice, version: 'v999'}],
        'optional consent with another version': [notice, {...newsletter, version: 'n0'}],
        'optional consent with another text': [notice, {...newsletter, text: 'I agree to everything.'}],
        'an optional consent the form does not have': [notice, {...newsletter, id: 'marknadsforing'}],
        'processing under a notice basis': [notice, {...notice, id: 'processing'}],
      };
      for (const [what, consents] of Object.entries(cases)) {
        const response = await answer(app.base, kontakt({consents}));
        assert.deepEqual([response.status, response.body], [422, {errors: {consents: 'invalid'}}], what);
      }
      const versioned = {id: 'processing', given: true, version: '2026-01', text: 'Jag samtycker.', locale: 'sv', at: new Date().toISOString()};
      const consentForm = (consents) => answer(app.base, kontakt({form: 'samtycke', legalBasis: 'consent', consents}));
      assert.equal((await consentForm([{...versioned, version: '2025-12'}])).status, 422, 'an older version of the form');
      assert.equal((await consentForm([versioned, {...versioned, id: 'notice'}])).status, 422, 'notice under consent');
      const good = kontakt({consents: [notice, newsletter]});
      assert.equal((await answer(app.base, good)).status, 201);
      assert.equal((await consentForm([versioned])).status, 201);
    });

    it('refuses a recipient or project that is not in the form’s feed, and an unknown form', async () => {
      assert.deepEqual((await answer(app.base, kontakt({recipient: 'nobody'}))).body, {errors: {recipient: 'invalid'}});
      assert.deepEqual((await answer(app.base, kontakt({recipient: 'amanda-sundberg'}))).body, {errors: {recipient: 'invalid'}}, 'a person of another feed');
      assert.deepEqual((await answer(app.base, kontakt({project: 'nothing'}))).body, {errors: {project: 'invalid'}});
      assert.deepEqual((await answer(app.base, kontakt({form: 'no-such-form'}))).body, {errors: {form: 'invalid'}});
      assert.equal((await answer(app.base, kontakt({project: 'loft'}))).status, 201);
    });

    it('allows configured origins and the same origin, lets them send Idempotency-Key and read Retry-After, and refuses any other', async () => {
      const preflight = await fetch(`${app.base}/api/contact`, {
        method: 'OPTIONS',
        headers: {origin: 'https://www.ri.se', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key'},
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://www.ri.se');
      assert.match(preflight.headers.get('access-control-allow-headers'), /idempotency-key/);
      const allowed = await post(app.base, kontakt(), {origin: 'https://www.ri.se'});
      assert.equal(allowed.headers.get('access-control-expose-headers'), 'retry-after');
      const other = await post(app.base, kontakt(), {origin: 'https://evil.example'});
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const same = await fetch(`${app.base}/api/altcha-challenge`, {headers: {origin: app.base}});
      assert.equal(same.status, 200);
    });

    it('answers /healthz and /readyz', async () => {
      assert.deepEqual(await (await fetch(`${app.base}/healthz`)).json(), {status: 'ok'});
      const ready = await fetch(`${app.base}/readyz`);
      assert.deepEqual([ready.status, await ready.json()], [200, {status: 'ready'}]);
    });
  });

  describe('idempotency', () => {
    let app;
    before(async () => {
      app = await startReceiver(storage);
    });
    after(() => app.stop());

    it('stores a submission once per Idempotency-Key; every retry gets the first answer', async () => {
      const key = crypto.randomUUID();
      const sent = kontakt();
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await answer(app.base, {...sent, elapsedMs: 12_000 + i, consents: [{...sent.consents[0], at: new Date().toISOString()}]}, {'idempotency-key': key}));
      assert.deepEqual(new Set(answers.map((a) => JSON.stringify([a.status, a.body]))).size, 1);
      assert.equal(answers[0].status, 201);
      const rows = (await app.receiver.store.list()).filter((r) => r.email === sent.email);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].deliveries.length, 1, 'one outbox row: delivered once');
    });

    it('stores once when retries race each other, and a retry needs no fresh ALTCHA solution', async () => {
      const key = crypto.randomUUID();
      const sent = rise({altcha: await solved(app.base)});
      const answers = await Promise.all(Array.from({length: 6}, () => answer(app.base, sent, {'idempotency-key': key})));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
      assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
      assert.equal((await app.receiver.store.list()).filter((r) => r.email === sent.email).length, 1);
    });

    it('refuses a malformed key, and the same key for another message', async () => {
      for (const key of ['', 'has space in it', 'x'.repeat(300), '"unterminated', 'nyckel-ä', 'back\\slash']) {
        assert.deepEqual((await answer(app.base, kontakt(), {'idempotency-key': key})).body, {errors: {_form: 'idempotency-key'}}, key);
      }
      const key = `"${crypto.randomUUID()}"`;
      const sent = kontakt();
      assert.equal((await answer(app.base, sent, {'idempotency-key': key})).status, 201);
      const other = await answer(app.base, {...sent, message: 'Ett annat meddelande'}, {'idempotency-key': key});
      assert.deepEqual([other.status, other.body], [422, {errors: {_form: 'idempotency-key'}}]);
    });
  });

  describe('rate limits and client addresses', () => {
    it('answers 429 with Retry-After once an address has sent its share', async () => {
      const app = await startReceiver(storage, {rateLimit: 2, rateWindowMs: 120_000});
      try {
        assert.equal((await post(app.base, kontakt())).status, 201);
        assert.equal((await post(app.base, kontakt({name: ''}))).status, 422, 'refused submissions count too');
        const limited = await post(app.base, kontakt());
        assert.equal(limited.status, 429);
        const wait = Number(limited.headers.get('retry-after'));
        assert.ok(wait > 100 && wait <= 120, `Retry-After ${wait}`);
      } finally {
        await app.stop();
      }
    });

    it('without a trusted proxy, X-Forwarded-For changes nothing', async () => {
      const app = await startReceiver(storage, {rateLimit: 2});
      try {
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await post(app.base, kontakt(), {'x-forwarded-for': `198.51.100.${i}`})).status);
        assert.deepEqual(statuses, [201, 201, 429, 429]);
      } finally {
        await app.stop();
      }
    });

    it('behind one proxy, the entry the proxy appended counts; addresses the client wrote to the left do not', async () => {
      const app = await startReceiver(storage, {rateLimit: 2, trustProxy: 1});
      try {
        const spoofed = [];
        for (let i = 0; i < 4; i++) spoofed.push((await post(app.base, kontakt(), {'x-forwarded-for': `10.0.0.${i}, 203.0.113.7`})).status);
        assert.deepEqual(spoofed, [201, 201, 429, 429]);
        assert.equal((await post(app.base, kontakt(), {'x-forwarded-for': '203.0.113.8'})).status, 201, 'another client');
        // A request that did not pass the proxy (no header): the peer is all that is known.
        assert.equal((await post(app.base, kontakt())).status, 201);
      } finally {
        await app.stop();
      }
    });

    it('behind two proxies, the second entry from the right counts; a chain too short counts as the peer', async () => {
      const app = await startReceiver(storage, {rateLimit: 1, trustProxy: 2});
      try {
        assert.equal((await post(app.base, kontakt(), {'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.1'})).status, 201);
        assert.equal((await post(app.base, kontakt(), {'x-forwarded-for': '2.2.2.2, 203.0.113.9, 10.0.0.2'})).status, 429);
        assert.equal((await post(app.base, kontakt(), {'x-forwarded-for': '203.0.113.10'})).status, 201, 'the peer, first time');
        assert.equal((await post(app.base, kontakt(), {'x-forwarded-for': '203.0.113.11'})).status, 429, 'the peer again, whatever the header says');
      } finally {
        await app.stop();
      }
    });

    it('counts IPv6 clients per /64', async () => {
      const app = await startReceiver(storage, {rateLimit: 2, trustProxy: 1});
      try {
        const from = async (address) => (await post(app.base, kontakt(), {'x-forwarded-for': address})).status;
        assert.equal(await from('2001:db8:1:2::1'), 201);
        assert.equal(await from('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'), 201);
        assert.equal(await from('[2001:db8:1:2:abcd::9]:4711'), 429, 'same /64, however it is written');
        assert.equal(await from('2001:db8:1:3::1'), 201, 'the next /64');
        assert.equal(await from('::ffff:192.0.2.1'), 201);
        assert.equal(await from('192.0.2.1'), 201);
        assert.equal(await from('192.0.2.1'), 429, 'an IPv4-mapped address is its IPv4 address');
      } finally {
        await app.stop();
      }
    });
  });

  describe('delivery by e-mail', () => {
    let sink;
    let app;
    before(async () => {
      sink = await startSmtpSink();
      app = await startReceiver(storage, {...MAIL, smtpUrl: sink.url, formRecipients: {'rise-contact': 'info@ri.example'}});
    });
    after(async () => {
      await app.stop();
      await sink.close();
    });
    const mailTo = (email) => waitFor(() => sink.messages.find((m) => m.headers['reply-to']?.includes(email)), `the mail from ${email}`);

    it('sends each submission to the person, from the configured sender, Reply-To the visitor, in plain text and escaped HTML', async () => {
      const sent = kontakt({
        name: 'Alva <b>Andersson</b>',
        subject: 'Fråga om <script>alert(1)</script>',
        phone: '070-123 45 67',
        message: 'Hej!\n<img src=x onerror=alert(1)> & "citat"',
        project: 'loft',
        consents: [...kontakt().consents, {id: 'nyhetsbrev', given: true, version: 'n1', text: NEWSLETTER.sv, locale: 'sv', at: '2026-11-29T10:00:00.000Z'}],
      });
      const {body} = await answer(app.base, sent);
      const mail = await mailTo(sent.email);
      assert.deepEqual(mail.envelope, {from: 'noreply@kommun.example', to: ['amanda@kommun.example']});
      assert.match(mail.headers['reply-to'], new RegExp(`<${sent.email.replace(/\./g, '\\.')}>`));
      assert.equal(mail.headers['content-language'], 'sv');
      assert.equal(mail.subject, 'Kontaktformulär: Fråga om <script>alert(1)</script>');
      for (const text of ['Hej!\n<img src=x onerror=alert(1)> & "citat"', 'Telefon: 070-123 45 67', 'Projekt: LOFT-projektet', KOMMUN_NOTICE, NEWSLETTER.sv, 'GDPR art. 5.1 e', '1 år', 'allmän handling']) {
        assert.ok(mail.text.includes(text), `plain text has ${JSON.stringify(text)}`);
      }
      assert.ok(!/<img|<script|<b>/.test(mail.html), 'nothing the visitor wrote becomes markup');
      assert.ok(mail.html.includes('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;citat&#34;'));
      assert.ok(mail.html.includes('Alva &#60;b&#62;Andersson&#60;/b&#62;'));
      const [row] = (await app.receiver.store.list()).filter((r) => r.id === body.id);
      await waitFor(async () => (await app.receiver.store.list()).find((r) => r.id === body.id).deliveries[0].status === 'sent', 'sent');
      assert.equal(mail.headers['message-id'], `<${row.deliveries[0].delivery_id}@kommun.example>`, 'a Message-ID fixed per submission');
    });

    it('writes the mail in the language of the form: English and Finnish, Swedish for anything else', async () => {
      const english = kontakt({locale: 'en-GB', recipient: 'utan-epost'});
      const finnish = kontakt({locale: 'fi', project: 'loft'});
      const sami = kontakt({locale: 'se'});
      for (const sent of [english, finnish, sami]) assert.equal((await answer(app.base, sent)).status, 201);
      const [en, fi, se] = [await mailTo(english.email), await mailTo(finnish.email), await mailTo(sami.email)];
      assert.equal(en.headers['content-language'], 'en');
      assert.ok(en.text.includes('sent a message through the contact form') && en.text.includes('To: Sven Without') && en.text.includes('1 year'));
      assert.deepEqual(en.envelope.to, ['registrator@kommun.example'], 'a person without e-mail: the controller’s address');
      assert.equal(fi.headers['content-language'], 'fi');
      assert.ok(fi.text.includes('lähetti viestin') && fi.text.includes('1 vuosi') && fi.text.includes('Hanke: LOFT-projektet'));
      assert.equal(se.headers['content-language'], 'sv');
    });

    it('sends a form without a person to the configured address, else to the controller’s e-mail, and refuses what has nowhere to go', async () => {
      const toForm = rise({recipient: undefined, altcha: await solved(app.base)});
      assert.equal((await answer(app.base, toForm)).status, 201);
      assert.deepEqual((await mailTo(toForm.email)).envelope.to, ['info@ri.example']);
      const toController = kontakt({recipient: undefined});
      assert.equal((await answer(app.base, toController)).status, 201);
      assert.deepEqual((await mailTo(toController.email)).envelope.to, ['registrator@kommun.example']);
      const consent = {id: 'processing', given: true, version: '2026-01', text: 'Jag samtycker.', locale: 'sv', at: new Date().toISOString()};
      const nowhere = await answer(app.base, kontakt({form: 'samtycke', legalBasis: 'consent', recipient: undefined, consents: [consent]}));
      assert.deepEqual([nowhere.status, nowhere.body], [422, {errors: {recipient: 'required'}}]);
      const noEmail = await answer(app.base, kontakt({form: 'samtycke', legalBasis: 'consent', recipient: 'utan-epost', consents: [consent]}));
      assert.deepEqual(noEmail.body, {errors: {recipient: 'invalid'}});
    });
  });

  describe('delivery when the SMTP server is away', () => {
    it('keeps every message while nothing listens, and delivers each once when the server comes back', async () => {
      const port = await freePort();
      const app = await startReceiver(storage, {...MAIL, smtpUrl: `smtp://127.0.0.1:${port}`});
      let sink;
      try {
        const sent = Array.from({length: 8}, () => kontakt());
        for (const s of sent) assert.equal((await answer(app.base, s)).status, 201);
        const rows = async () => (await app.receiver.store.list()).filter((r) => sent.some((s) => s.email === r.email));
        await waitFor(async () => (await rows()).every((r) => r.deliveries[0].attempts >= 2), 'two failed attempts each');
        const errors = (await rows()).map((r) => [r.deliveries[0].status, r.deliveries[0].last_error]);
        assert.ok(errors.every(([status, error]) => status === 'pending' && error === 'ESOCKET'), JSON.stringify(errors));
        sink = await startSmtpSink({port});
        await waitFor(async () => (await rows()).every((r) => r.deliveries[0].status === 'sent'), 'all sent');
        const counts = sink.countsByMessageId();
        assert.equal(sink.messages.length, sent.length);
        assert.equal(counts.size, sent.length);
        for (const r of await rows()) assert.equal(counts.get(`<${r.deliveries[0].delivery_id}@kommun.example>`), 1);
      } finally {
        await app.stop();
        await sink?.close();
      }
    });

    it('loses nothing when the server stops between two messages and comes back on its port', async () => {
      const before = await startSmtpSink();
      const {port} = before;
      const app = await startReceiver(storage, {...MAIL, smtpUrl: before.url});
      let after;
      try {
        assert.equal((await answer(app.base, kontakt())).status, 201);
        await waitFor(() => before.messages.length === 1, 'the first mail');
        await before.close();
        const sent = Array.from({length: 4}, () => kontakt());
        for (const s of sent) assert.equal((await answer(app.base, s)).status, 201);
        const rows = async () => (await app.receiver.store.list()).filter((r) => sent.some((s) => s.email === r.email));
        await waitFor(async () => (await rows()).every((r) => r.deliveries[0].attempts >= 1), 'a failed attempt each');
        after = await startSmtpSink({port});
        await waitFor(async () => (await rows()).every((r) => r.deliveries[0].status === 'sent'), 'all sent');
        assert.equal(after.messages.length, sent.length);
        assert.equal(after.countsByMessageId().size, sent.length);
      } finally {
        await app.stop();
        await after?.close();
      }
    });

    it('retries a server that answers 451 for a while, and delivers each once', async () => {
      const sink = await startSmtpSink();
      sink.refuse = true;
      const app = await startReceiver(storage, {...MAIL, smtpUrl: sink.url});
      try {
        const sent = Array.from({length: 5}, () => kontakt());
        for (const s of sent) assert.equal((await answer(app.base, s)).status, 201);
        await waitFor(() => sink.refused >= 2 * sent.length, 'refused twice each');
        sink.refuse = false;
        await waitFor(() => sink.messages.length === sent.length, 'all arrived');
        assert.equal(sink.countsByMessageId().size, sent.length);
        const rows = (await app.receiver.store.list()).filter((r) => sent.some((s) => s.email === r.email));
        await waitFor(async () => (await app.receiver.store.list()).filter((r) => sent.some((s) => s.email === r.email)).every((r) => r.deliveries[0].status === 'sent'), 'marked sent');
        assert.equal(rows.length, sent.length);
      } finally {
        await app.stop();
        await sink.close();
      }
    });

    it('marks a row dead after the last attempt; npm run submissions shows it and --retry-dead sends it again', async () => {
      const sink = await startSmtpSink();
      sink.refuse = true;
      const options = await storage.options();
      const app = await startReceiver({...storage, options: async () => options}, {...MAIL, smtpUrl: sink.url, deliveryAttempts: 3});
      try {
        // A right-to-left override is no control character, so it is stored; listed, it is shown, not obeyed.
        const sent = kontakt({name: 'Alva \u202eNamn'});
        const {body} = await answer(app.base, sent);
        const row = async () => (await app.receiver.store.list()).find((r) => r.id === body.id);
        await waitFor(async () => (await row()).deliveries[0].status === 'dead', 'dead');
        assert.deepEqual([(await row()).deliveries[0].attempts, (await row()).deliveries[0].last_error], [3, 'EMESSAGE 451']);
        const listing = await submissionsCli([], storeEnv(options));
        assert.match(listing.stdout, /1 dead/);
        assert.match(listing.stdout, new RegExp(`#${body.id} e-mail: 3 attempts, last error EMESSAGE 451`));
        assert.ok(listing.stdout.includes('from: Alva \\u202eNamn <'));
        sink.refuse = false;
        assert.match((await submissionsCli(['--retry-dead'], storeEnv(options))).stdout, /^1 dead delivery row\(s\) are pending again/);
        await waitFor(async () => (await row()).deliveries[0].status === 'sent', 'sent after --retry-dead');
        assert.equal(sink.messages.length, 1);
      } finally {
        await app.stop();
        await sink.close();
      }
    });
  });

  describe('webhook', () => {
    it('posts each submission as JSON signed with HMAC-SHA256, the same delivery id on a retry', async () => {
      const secret = 'webhook-secret-0123456789';
      const received = [];
      let failFirst = true;
      const hook = createServer(async (req, res) => {
        let body = '';
        for await (const chunk of req) body += chunk;
        received.push({headers: req.headers, body});
        res.writeHead(failFirst ? 503 : 204);
        failFirst = false;
        res.end();
      });
      await new Promise((resolve) => hook.listen(0, '127.0.0.1', resolve));
      const app = await startReceiver(storage, {webhooks: {kontakt: `http://127.0.0.1:${hook.address().port}/case`}, webhookSecret: secret});
      try {
        const sent = kontakt();
        assert.equal((await answer(app.base, sent)).status, 201);
        await waitFor(() => received.length === 2, 'a failure and a retry');
        const [first, second] = received;
        assert.equal(first.headers['loft-delivery'], second.headers['loft-delivery']);
        const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(second.headers['loft-signature']);
        assert.equal(v1, createHmac('sha256', secret).update(`${t}.${second.body}`).digest('hex'));
        const payload = JSON.parse(second.body);
        assert.equal(payload.submission.email, sent.email);
        assert.equal(payload.submission.consents[0].text, KOMMUN_NOTICE);
      } finally {
        await app.stop();
        hook.close();
      }
    });
  });

  describe('retention, export and erasure', () => {
    it('purges what is older than its form’s retention (the default where a form has none), with consents and outbox rows', async () => {
      const options = await storage.options();
      const app = await startReceiver({...storage, options: async () => options}, {defaultRetention: 'P30D'});
      try {
        const sent = {kontakt: kontakt(), samtycke: kontakt({form: 'samtycke', legalBasis: 'consent', consents: [{id: 'processing', given: true, version: '2026-01', text: 'Jag samtycker.', locale: 'sv', at: new Date().toISOString()}]}), 'utan-lagring': kontakt({form: 'utan-lagring', legalBasis: 'legitimate-interest', recipient: 'amanda', consents: [{...kontakt().consents[0], version: 'v1'}]})};
        for (const s of Object.values(sent)) assert.equal((await answer(app.base, s)).status, 201);
        const day = 86_400_000;
        const emails = Object.values(sent).map((s) => s.email);
        const left = async (now) => {
          await purgeExpired(app.receiver.store, app.receiver.forms, 'P30D', now);
          return (await app.receiver.store.list()).filter((r) => emails.includes(r.email)).map((r) => r.form).sort();
        };
        assert.deepEqual(await left(new Date(Date.now() + 29 * day)), ['kontakt', 'samtycke', 'utan-lagring']);
        assert.deepEqual(await left(new Date(Date.now() + 31 * day)), ['kontakt', 'samtycke'], 'no retention: 30 days');
        assert.deepEqual(await left(new Date(Date.now() + 190 * day)), ['kontakt'], 'P6M');
        assert.deepEqual(await left(new Date(Date.now() + 370 * day)), [], 'P1Y');
        const cli = await submissionsCli(['--purge'], {...storeEnv(options), LOFT_FEEDS: app.receiver.forms.get('kontakt').file});
        assert.match(cli.stdout, /^Purged 0 submission\(s\)/);
        assert.match((await submissionsCli(['--purge'], storeEnv(options))).stderr, /LOFT_FEEDS is empty/);
      } finally {
        await app.stop();
      }
    });

    it('exports everything stored about an address, then erases it and says what was deleted and where copies went', async () => {
      const sink = await startSmtpSink();
      const options = await storage.options();
      const app = await startReceiver({...storage, options: async () => options}, {...MAIL, smtpUrl: sink.url});
      try {
        const email = uniqueEmail('erik');
        const other = kontakt();
        for (const sent of [kontakt({email, message: 'Första'}), kontakt({email: email.toUpperCase(), message: 'Andra'}), other]) assert.equal((await answer(app.base, sent)).status, 201);
        await waitFor(() => sink.messages.length === 3, 'delivered');
        await waitFor(async () => (await app.receiver.store.list()).every((r) => r.deliveries.every((d) => d.status === 'sent')), 'marked sent');
        const exported = await submissionsCli(['--export', email], storeEnv(options));
        assert.equal(exported.code, 0);
        assert.match(exported.stderr, /^Found 2 submission\(s\) from /);
        const data = JSON.parse(exported.stdout);
        assert.equal(data.found, 2);
        assert.deepEqual(data.submissions.map((s) => s.message).sort(), ['Andra', 'Första']);
        assert.equal(data.submissions[0].consents[0].text, KOMMUN_NOTICE);
        assert.equal(data.submissions[0].deliveries[0].delivered_to, 'amanda@kommun.example');
        const erased = await submissionsCli(['--delete', email], storeEnv(options));
        assert.match(erased.stdout, /^Deleted 2 submission\(s\), 2 consent record\(s\) and 2 delivery row\(s\) from /);
        assert.match(erased.stdout, /GDPR art\. 19/);
        assert.match(erased.stdout, /e-mail to amanda@kommun\.example/);
        assert.deepEqual(JSON.parse((await submissionsCli(['--export', email], storeEnv(options))).stdout).submissions, []);
        assert.equal((await app.receiver.store.findByEmail(other.email)).length, 1, 'nobody else’s');
      } finally {
        await app.stop();
        await sink.close();
      }
    });
  });

  describe('ALTCHA keys', () => {
    it('verifies a challenge signed by a rotated-out key kept in the ring, and refuses it once the key is gone', async () => {
      const options = await storage.options();
      const shared = {...storage, options: async () => options};
      const old = {id: 'k1', secret: 'first-secret-0123456789'};
      const app1 = await startReceiver(shared, {altchaKeys: [old]});
      const solutions = [await solved(app1.base), await solved(app1.base)];
      await app1.stop();
      const app2 = await startReceiver(shared, {altchaKeys: [{id: 'k2', secret: 'second-secret-0123456789'}, old]});
      try {
        assert.equal((await answer(app2.base, rise({altcha: solutions[0]}))).status, 201);
        assert.match(await (await fetch(`${app2.base}/api/altcha-challenge`)).text(), /kid=k2/);
      } finally {
        await app2.stop();
      }
      const app3 = await startReceiver(shared, {altchaKeys: [{id: 'k2', secret: 'second-secret-0123456789'}]});
      try {
        assert.deepEqual((await answer(app3.base, rise({altcha: solutions[1]}))).body, {errors: {_form: 'captcha'}});
      } finally {
        await app3.stop();
      }
    });
  });
}
