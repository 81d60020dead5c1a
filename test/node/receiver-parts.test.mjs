// Parts of the receiver on their own: client addresses behind proxies, the bounded rate
// windows, retention arithmetic, readiness while shutting down.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {clientAddress, limitKey, memoryRateWindows} from '../../server/client-address.mjs';
import {durationBefore, isDuration} from '../../server/retention.mjs';
import {startReceiver, TEST_FEED, writeTestFeed} from './receiver-helpers.mjs';

const request = (peer, forwarded) => ({socket: {remoteAddress: peer}, headers: forwarded === undefined ? {} : {'x-forwarded-for': forwarded}});

describe('client addresses', () => {
  it('takes the entry that many hops from the right, never one the client wrote', () => {
    assert.equal(clientAddress(request('10.0.0.1', '6.6.6.6, 203.0.113.1'), 1), '203.0.113.1');
    assert.equal(clientAddress(request('10.0.0.1', '6.6.6.6, 203.0.113.1, 10.0.0.2'), 2), '203.0.113.1');
    assert.equal(clientAddress(request('10.0.0.1', '203.0.113.1'), 2), '10.0.0.1', 'a chain shorter than the hops');
    assert.equal(clientAddress(request('10.0.0.1', '6.6.6.6, not-an-address'), 1), '10.0.0.1', 'garbage where the proxy writes');
    assert.equal(clientAddress(request('::ffff:10.0.0.1', '6.6.6.6'), 0), '10.0.0.1', 'without a proxy the header is ignored');
    assert.equal(clientAddress(request('10.0.0.1', '203.0.113.1:4711'), 1), '203.0.113.1');
  });

  it('keys IPv6 by /64 and IPv4 by address', () => {
    assert.equal(limitKey('2001:db8:0:1:2:3:4:5'), '2001:db8:0:1::/64');
    assert.equal(limitKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(limitKey('::1'), '0:0:0:0::/64');
    assert.equal(limitKey('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64');
    assert.equal(limitKey('192.0.2.1'), '192.0.2.1');
  });
});

describe('rate windows in memory', () => {
  it('count per key within a window, start again after it', () => {
    const windows = memoryRateWindows();
    assert.deepEqual(windows.hit('a', 1000, 100), {hits: 1, windowStart: 1000});
    assert.deepEqual(windows.hit('a', 1099, 100), {hits: 2, windowStart: 1000});
    assert.deepEqual(windows.hit('a', 1100, 100), {hits: 1, windowStart: 1100});
  });

  it('forget ended windows and never hold more than their bound', () => {
    const windows = memoryRateWindows({maxKeys: 1000});
    for (let i = 0; i < 5000; i++) windows.hit(`k${i}`, i, 1_000_000);
    assert.equal(windows.size, 1000, 'bounded: the oldest running windows go first');
    windows.hit('late', 2_000_000, 1000);
    assert.equal(windows.size, 1, 'ended windows are gone');
  });
});

describe('retention', () => {
  it('counts back in calendar units', () => {
    const now = new Date('2026-03-31T12:00:00Z');
    assert.equal(durationBefore(now, 'P2Y').toISOString(), '2024-03-31T12:00:00.000Z');
    assert.equal(durationBefore(now, 'P6M').toISOString(), '2025-10-01T12:00:00.000Z', '30 September has no 31st: Date rolls over');
    assert.equal(durationBefore(now, 'P1W2D').toISOString(), '2026-03-22T12:00:00.000Z');
  });

  it('reads a retention as the feed check does (not zero, at most four digits a number), and counts back to a valid date from the longest either takes', async () => {
    const {validateFeed} = await import('../../dist/feed/validate.js');
    const form = {id: 'f', endpoint: '/api/contact', controller: {name: 'K'}, legalBasis: 'consent', privacyPolicyUrl: 'https://k.example/pp'};
    const feedTakes = (retention) => validateFeed({version: 1, contactForms: [{...form, retention}]}).feed.contactForms[0]?.retention === retention;
    const samples = ['P2Y', 'P6M', 'P1Y6M', 'P1W2D', 'P0D', 'P0Y0D', 'P0Y1D', 'P10Y', 'P9999Y', 'P9999Y9999M9999W9999D', 'P10000Y', 'P00001D', `P${'9'.repeat(400)}Y`, 'P', 'P2', 'P2Y2Y', 'PT2H', 'p2y', 'P-1Y', 'P1.5Y', ' P2Y'];
    for (const retention of samples) assert.equal(isDuration(retention), feedTakes(retention), retention);
    assert.equal(feedTakes('P9999Y9999M9999W9999D'), true);
    assert.equal(feedTakes('P10000Y'), false, 'five digits');
    assert.equal(feedTakes('P0Y0D'), false, 'zero');
    assert.equal(feedTakes('P0Y1D'), true);
    const longest = durationBefore(new Date('2026-03-31T12:00:00Z'), 'P9999Y9999M9999W9999D');
    assert.ok(longest.getUTCFullYear() < 2026 - 9999 - 833 - 191, longest.toISOString());
  });

  it('refuses to start on a feed whose form keeps messages longer than a notice can state', async () => {
    // Taken, 400 digits made an invalid date that stopped the purge for every form.
    const feed = structuredClone(TEST_FEED);
    feed.contactForms[0].retention = `P${'9'.repeat(400)}Y`;
    const folder = mkdtempSync(join(tmpdir(), 'loft-retention-'));
    try {
      await assert.rejects(startReceiver({feed: writeTestFeed(feed), options: async () => ({dataDir: folder})}), /contactForms\[0\]\.retention: expected an ISO 8601 duration like "P2Y" or "P6M", not zero, each number at most 9999/);
    } finally {
      rmSync(folder, {recursive: true, force: true});
    }
  });
});

describe('readiness', () => {
  it('answers 503 once the receiver drains, while /healthz stays 200', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'loft-ready-'));
    const app = await startReceiver({feed: writeTestFeed(), options: async () => ({dataDir: join(folder, 'data')})});
    try {
      assert.equal((await fetch(`${app.base}/readyz`)).status, 200);
      app.receiver.drain();
      const draining = await fetch(`${app.base}/readyz`);
      assert.deepEqual([draining.status, await draining.json()], [503, {status: 'draining'}]);
      assert.equal((await fetch(`${app.base}/healthz`)).status, 200);
    } finally {
      await app.stop();
      rmSync(folder, {recursive: true, force: true});
    }
  });
});

describe('names every object has', () => {
  it('a form with the id "constructor" (which every object has) has no recipient or webhook it was not given', async () => {
    const {clientModules} = await import('../../server/client-modules.mjs');
    const {loadForms} = await import('../../server/feeds.mjs');
    const {webhookChannel} = await import('../../server/delivery.mjs');
    const feed = structuredClone(TEST_FEED);
    feed.contactForms[0].id = 'constructor';
    const {forms} = loadForms([writeTestFeed(feed)], {formRecipients: {}, webhooks: {}, defaultRetention: 'P1Y'}, await clientModules());
    assert.equal(forms.get('constructor').fallbackAddress, 'registrator@kommun.example', "the controller's address, not Object's function");
    const webhook = webhookChannel({webhooks: {}, webhookSecret: 'x'.repeat(32)});
    await assert.rejects(webhook.send({submission: {form: 'constructor'}, delivery_id: 'd'}), /webhook-not-configured/);
  });

  it('takes an optional consent only in a text the form shows, not one kept under a key validation passes over (constructor)', async () => {
    const {clientModules} = await import('../../server/client-modules.mjs');
    const {checkAgainstForm} = await import('../../server/feeds.mjs');
    const client = await clientModules();
    const label = JSON.parse('{"constructor": "I agree to anything.", "sv": "Jag vill ha nyhetsbrevet."}');
    const ctx = {form: {legalBasis: 'public-task', optionalConsents: [{id: 'nl', label, version: '1'}]}, people: new Map(), projects: new Map()};
    const submission = (text) => ({consents: [{id: 'nl', given: true, version: '1', text}]});
    assert.equal(checkAgainstForm(submission('Jag vill ha nyhetsbrevet.'), ctx, client), undefined);
    assert.deepEqual(checkAgainstForm(submission('I agree to anything.'), ctx, client), {consents: 'invalid'});
  });
});
