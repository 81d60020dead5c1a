// `loft-widgets render`, as an editor or a web team runs it: a real process on real files
// and on the reference server's embed pages (server/embed.mjs) over the loopback interface.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {request} from 'node:http';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createAppServer} from '../../server/main.mjs';
import {createEmbed} from '../../server/embed.mjs';
import {DEMO_FEEDS} from '../../server/config.mjs';

const BIN = new URL('../../bin/loft-widgets.js', import.meta.url).pathname;
const LOFT = new URL('../../demo/feeds/loft.feed.json', import.meta.url).pathname;
const EXEMPELBY = new URL('../../demo/feeds/exempelby.feed.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'loft-render-'));

function run(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'render', ...args], {maxBuffer: 1 << 24}, (error, stdout, stderr) => resolve({code: error ? error.code : 0, stdout, stderr}));
  });
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('renders every element: its shadow root, readable content inside the tag, the hashes of its styles', async () => {
  const cases = [
    ['loft-project-card', LOFT, ['--project', 'loft'], 'Sammanfattning'],
    ['loft-project-card', LOFT, ['--project', 'loft', '--variant', 'compact'], 'LOFT'],
    ['loft-member-list', LOFT, ['--project', 'loft', '--roles', 'contact'], 'Läs mer om Amanda'],
    ['loft-project', LOFT, ['--project', 'loft', '--hide', 'quotes'], 'Projektmedlemmar'],
    ['loft-project-list', EXEMPELBY, ['--status', 'ongoing', '--sort', 'start'], 'Projekt'],
    ['loft-contact-form', LOFT, ['--recipient', 'amanda-sundberg', '--project', 'loft'], 'Amanda Sundberg'],
  ];
  for (const [element, feed, args, text] of cases) {
    const {code, stdout, stderr} = await run(feed, '--element', element, ...args);
    assert.equal(code, 0, `${element}: ${stderr}`);
    assert.match(stdout, new RegExp(`^<${element} `), element);
    assert.ok(stdout.includes(text), `${element} shows "${text}"`);
    const styles = [...stdout.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    if (element === 'loft-contact-form') {
      // A form that sends only with JavaScript is not rendered statically.
      assert.ok(!stdout.includes('<template'), 'no shadow root for the contact form');
      assert.match(stderr, /No inline styles/);
    } else {
      assert.ok(stdout.includes('<template shadowroot="open" shadowrootmode="open">'), element);
      for (const hash of new Set(styles.map(sha256))) assert.ok(stderr.includes(hash), `${element}: the hash of each <style> is printed`);
    }
  }
});

test('without JavaScript, "Kontakta X" calls a person who has only a phone number, dialled as the world dials it', async () => {
  const feed = join(dir, 'phone.feed.json');
  const person = (id, phone) => ({id, name: `Person ${id}`, phone, contactForm: 'f'});
  writeFileSync(feed, JSON.stringify({
    version: 1,
    contactForms: [{id: 'f', endpoint: '/api/contact', controller: {name: 'K'}, legalBasis: 'consent', privacyPolicyUrl: 'https://k.example/pp', notice: 'N', retention: 'P2Y'}],
    people: [person('a', '+46 (0)10-516 50 00'), person('b', '(08) 123 45 67')],
    projects: [{id: 'p', name: 'P', status: 'ongoing', participants: [], members: [{person: 'a', roles: ['contact']}, {person: 'b', roles: ['contact']}]}],
  }));
  const {code, stdout, stderr} = await run(feed, '--element', 'loft-member-list', '--project', 'p');
  assert.equal(code, 0, stderr);
  // "(0)" is the trunk prefix, dialled only from inside Sweden: +46 0… reaches no one.
  assert.deepEqual([...stdout.matchAll(/href="(tel:[^"]*)"/g)].map((m) => m[1]), ['tel:+46105165000', 'tel:081234567']);
});

test('--out writes the snippet to a file and prints the hashes; --no-styles leaves out the shadow root and styles', async () => {
  const out = join(dir, 'card.html');
  const {code, stdout} = await run(LOFT, '--element', 'loft-project-card', '--project', 'loft', '--lang', 'en', '--out', out);
  assert.equal(code, 0);
  const html = readFileSync(out, 'utf8');
  assert.match(stdout, /Wrote .*card\.html/);
  assert.match(stdout, /'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(html.includes('lang="en"') && html.includes('Summary'));
  assert.ok(html.includes('<script type="application/ld+json">'));
  assert.ok(html.includes('<script type="application/json">'), 'a feed file without --src goes inline');
  const plain = await run(LOFT, '--element', 'loft-project-card', '--project', 'loft', '--no-styles', '--no-json-ld', '--src', 'https://example.org/loft.json');
  assert.equal(plain.code, 0);
  assert.ok(!plain.stdout.includes('<style') && !plain.stdout.includes('<template') && !plain.stdout.includes('<script'));
  assert.ok(plain.stdout.includes('src="https://example.org/loft.json"'));
  assert.ok(plain.stdout.includes('<dt>Projektnamn</dt><dd>LOFT</dd>'));
});

test('a broken feed or a wrong id: the validate command’s messages and exit code 1; wrong usage: 2', async () => {
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"version": 2, "projects": []}');
  const bad = await run(broken, '--element', 'loft-project');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^error\s+feed-version/m);
  const validate = await new Promise((resolve) => execFile(process.execPath, [BIN, 'validate', broken], (error, stdout) => resolve(stdout)));
  assert.ok(bad.stderr.includes(validate.split('\n')[0]), 'the same line as validate prints');
  const missing = await run(LOFT, '--element', 'loft-project', '--project', 'nope');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /project="nope": there is no project with that id in the feed\. Check the id\. The feed has "loft"\./);
  const typo = await run(LOFT, '--element', 'loft-project-card', '--project', 'LOFT');
  assert.equal(typo.code, 1);
  assert.match(typo.stderr, /project="LOFT": .* Did you mean "loft"\?/, 'what the editor likely meant');
  const left = join(dir, 'left-out.json');
  const feed = JSON.parse(readFileSync(LOFT, 'utf8'));
  feed.projects[0].status = 'pågående';
  writeFileSync(left, JSON.stringify(feed));
  const leftOut = await run(left, '--element', 'loft-project-card', '--project', 'loft');
  assert.equal(leftOut.code, 1);
  assert.match(leftOut.stderr, /project="loft": the project cannot be shown\. projects\[0\]\.status: expected one of planned, ongoing, completed, terminated, got 'pågående'\. This project is left out until it is fixed\./, 'why the project asked for is left out');
  assert.equal((await run(LOFT, '--element', 'loft-nothing')).code, 2);
  // A name every object has is no element either: the usage, not a stack trace.
  const inherited = await run(LOFT, '--element', 'constructor');
  assert.deepEqual([inherited.code, /TypeError/.test(inherited.stderr)], [2, false]);
  assert.equal((await run(LOFT, '--element', 'loft-project-card', '--people', 'x')).code, 2, 'an option the element does not take');
});

let server;
let origin;
before(async () => {
  const embed = await createEmbed({feeds: DEMO_FEEDS});
  server = createAppServer({handlers: [embed.handle]});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('the reference server’s embed page: the widget, the bundle, its CSP with the style hashes, oEmbed discovery', async () => {
  const url = `${origin}/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft&lang=sv`;
  const response = await fetch(url);
  assert.equal(response.status, 200);
  const csp = response.headers.get('content-security-policy');
  const html = await response.text();
  for (const [, style] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) assert.ok(csp.includes(sha256(style)));
  assert.match(csp, /frame-ancestors \*/);
  // Its own origin by name too: WebKit's 'self' matches nothing in a sandbox without allow-same-origin.
  assert.ok(csp.includes(`script-src 'self' ${origin};`) && csp.includes(`connect-src 'self' ${origin};`), csp);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.ok(html.includes('<script type="module" src="/dist/cdn/loft-widgets.js"></script>'));
  const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)[1].replaceAll('&amp;', '&');
  // Absolute: WordPress fetches the href as it is (a path fails there).
  assert.equal(discovery, `${origin}/oembed?url=${encodeURIComponent(url)}&format=json`);
  const oembed = await (await fetch(discovery)).json();
  assert.equal(oembed.type, 'rich');
  assert.equal(oembed.version, '1.0');
  assert.match(oembed.html, /^<iframe src="[^"]+" width="\d+" height="\d+" title="LOFT" frameborder="0"><\/iframe>$/);
  assert.ok(oembed.height >= 1500, 'a height that fits the whole project page');
  // The feed and the bundle are there for a sandboxed frame (an opaque origin).
  assert.equal((await fetch(`${origin}/demo/feeds/loft.feed.json`)).headers.get('access-control-allow-origin'), '*');
  assert.equal((await fetch(`${origin}/dist/cdn/loft-widgets.js`)).headers.get('access-control-allow-origin'), '*');
});

/** GET with headers fetch() would not send (Host), as a reverse proxy passes them on. */
function getThrough(url, headers) {
  return new Promise((resolve, reject) => {
    request(url, {headers}, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

test('behind a trusted proxy, the embed page and oEmbed use the scheme visitors use', async () => {
  const embed = await createEmbed({feeds: DEMO_FEEDS, trustProxy: 1});
  const proxied = createAppServer({handlers: [embed.handle]});
  await new Promise((resolve) => proxied.listen(0, '127.0.0.1', resolve));
  try {
    const headers = {host: 'widgets.example.org', 'x-forwarded-proto': 'https'};
    const local = `http://127.0.0.1:${proxied.address().port}`;
    const html = await getThrough(`${local}/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft`, headers);
    assert.match(html, /href="https:\/\/widgets\.example\.org\/oembed\?url=https%3A%2F%2Fwidgets\.example\.org%2Fembed%2Floft-project%3F/);
    const page = 'https://widgets.example.org/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft';
    const oembed = JSON.parse(await getThrough(`${local}/oembed?url=${encodeURIComponent(page)}&format=json`, headers));
    assert.ok(oembed.html.startsWith(`<iframe src="${page.replace('&', '&amp;')}"`), oembed.html);
    // The proxy's own entry is the last: what a visitor wrote before it does not count.
    const appended = await getThrough(`${local}/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft`, {...headers, 'x-forwarded-proto': 'http, https'});
    assert.match(appended, /href="https:\/\/widgets\.example\.org\/oembed\?/);
    const spoofed = await getThrough(`${local}/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft`, {...headers, 'x-forwarded-proto': 'https, http'});
    assert.match(spoofed, /href="http:\/\/widgets\.example\.org\/oembed\?/);
    // Without a trusted proxy, the header is the client's own writing: ignored.
    const direct = await getThrough(`${origin}/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft`, {'x-forwarded-proto': 'https'});
    assert.match(direct, /href="http:\/\/127\.0\.0\.1:\d+\/oembed\?/);
  } finally {
    proxied.close();
  }
});

test('the embed page and oEmbed take only the feeds the server is configured for (no open proxy)', async () => {
  for (const src of ['https://example.org/feed.json', '/demo/index.html', '//example.org/demo/feeds/loft.feed.json']) {
    const response = await fetch(`${origin}/embed/loft-project?src=${encodeURIComponent(src)}&project=loft`);
    assert.equal(response.status, 404, src);
  }
  assert.equal((await fetch(`${origin}/oembed?url=${encodeURIComponent('https://example.org/embed/loft-project')}&format=json`)).status, 404);
  // A Host header that is no host: the client's mistake, 400, not a 500 with a TypeError in the log.
  for (const host of ['[', 'a b']) {
    const status = await new Promise((resolve, reject) => request(`${origin}/embed/loft-project?src=/demo/feeds/loft.feed.json`, {headers: {host}}, (res) => resolve(res.resume().statusCode)).on('error', reject).end());
    assert.equal(status, 400, host);
  }
  // An element the server does not have, even one named like what every object has: 404 with the list, not a 500.
  for (const element of ['loft-nothing', 'constructor', 'toString']) {
    const response = await fetch(`${origin}/embed/${element}?src=/demo/feeds/loft.feed.json`);
    assert.deepEqual([response.status, /takes loft-project-card/.test(await response.text())], [404, true], element);
  }
  assert.equal((await fetch(`${origin}/oembed?url=${encodeURIComponent(`${origin}/embed/loft-project?src=/demo/feeds/loft.feed.json`)}&format=xml`)).status, 501);
});
