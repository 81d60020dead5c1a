// The editors' tool, as editors run it: `loft-widgets validate <file-or-url>`, a real
// process, real files and a real HTTP server on the loopback interface.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const BIN = new URL('../../bin/loft-widgets.js', import.meta.url).pathname;
const reference = readFileSync(new URL('../../demo/feeds/loft.feed.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'loft-cli-'));

function run(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], {maxBuffer: 1 << 24}, (error, stdout, stderr) => {
      resolve({code: error ? error.code : 0, stdout, stderr, out: stdout + stderr});
    });
  });
}

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const feed = () => JSON.parse(reference);

let server;
let origin;
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.json') res.writeHead(200, {'content-type': 'application/json'}).end(reference);
    else if (req.url === '/feed.txt') res.writeHead(200, {'content-type': 'text/plain'}).end(reference);
    else if (req.url === '/broken.json') res.writeHead(200, {'content-type': 'application/json'}).end('{"version": 1,');
    // Says it is 30 MB, sends a little, and never ends: only the header can stop the CLI in time.
    else if (req.url === '/declared-huge.json') res.writeHead(200, {'content-type': 'application/json', 'content-length': String(30 * 1024 * 1024)}).write('{"version": 1, "x": "');
    // No length given: 21 MB arrive in chunks.
    else if (req.url === '/streamed-huge.json') {
      res.writeHead(200, {'content-type': 'application/json'});
      const chunk = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 21; i++) res.write(chunk);
      res.end();
    }
    // Never answers.
    else if (req.url === '/silent.json') req.on('close', () => res.destroy());
    else res.writeHead(404).end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('a correct feed: no problems, exit 0', async () => {
  const {code, stdout} = await run('validate', file('ok.json', reference));
  assert.equal(code, 0);
  assert.match(stdout, /no problems/);
});

test('a project with a broken required field is reported with path, rule and value, exit 1', async () => {
  const f = feed();
  f.projects[0].status = 'pågående';
  const {code, out} = await run('validate', file('status.json', f));
  assert.equal(code, 1);
  assert.match(out, /projects\[0\]\.status: expected one of planned, ongoing, completed, terminated, got 'pågående'/);
});

test('field-level problems are listed, each with its path, and exit 0 (1 with --strict)', async () => {
  const f = feed();
  f.projects[0].website = 'javascript:alert(1)';
  f.organizations[0].url = '//evil.example/';
  f.projects[0].startDate = '2023-13';
  const path = file('fields.json', f);
  const {code, stdout} = await run('validate', path);
  assert.equal(code, 0);
  assert.match(stdout, /projects\[0\]\.website: expected an absolute https:\/http: URL/);
  assert.match(stdout, /organizations\[0\]\.url: /);
  assert.match(stdout, /projects\[0\]\.startDate: expected a date like "2023"/);
  assert.equal((await run('validate', path, '--strict')).code, 1);
});

test('the first 100 problems are printed in full, then how many more of each kind', async () => {
  const f = feed();
  for (let i = 0; i < 150; i++) f.projects.push({id: `p${i}`, name: 'P', status: 'ongoing', participants: [], website: `javascript:${i}`});
  const {stdout, code} = await run('validate', file('many.json', f));
  assert.equal(code, 0);
  assert.equal(stdout.match(/\.website: /g).length, 100);
  assert.match(stdout, /…and 50 more problems \(150 field-dropped in all\)\./);
  assert.match(stdout, /many\.json: 0 problems leaving items out, 150 problems leaving fields out\./);
});

test('advice too: the first 100 pieces in full, then how many more of each kind, in text and in --json', async () => {
  const f = feed();
  // The reference feed's form has no retention: one piece of advice, then 150 projects that end before they start.
  for (let i = 0; i < 150; i++) f.projects.push({id: `p${i}`, name: 'P', status: 'completed', participants: [], startDate: '2024', endDate: '2023'});
  const path = file('backwards.json', f);
  const {stdout, code} = await run('validate', path);
  assert.equal(code, 0, 'advice never changes the exit code');
  assert.equal(stdout.match(/^advice {2}/gm).length, 100);
  assert.match(stdout, /^…and 51 more pieces of advice \(1 no-retention, 150 ends-before-start in all\)\.$/m);
  const report = JSON.parse((await run('validate', path, '--json')).stdout);
  assert.equal(report.advice.length, 100);
  assert.deepEqual(report.advice[1], {kind: 'ends-before-start', path: 'projects[1].endDate', message: 'projects[1]: "endDate" 2023 is before "startDate" 2024, so a card shows the period backwards. Correct one of them.'});
  assert.deepEqual(report.adviceCounts, {'no-retention': 1, 'ends-before-start': 150});
  assert.equal(report.moreAdvice, 51);
});

test('fatal problems exit 1: not JSON, empty, wrong or missing version, not an object', async () => {
  for (const [name, content, pattern] of [
    ['invalid.json', '{"version": 1, "projects": [', /feed-not-json .* is not valid JSON/],
    ['empty.json', '  \n', /feed-not-json .* is empty/],
    ['v2.json', '{"version": 2}', /feed-version +version: expected 1, got 2/],
    ['noversion.json', '{"projects": []}', /version: is required but missing/],
    ['list.json', '[]', /must be a JSON object/],
  ]) {
    const {code, out} = await run('validate', file(name, content));
    assert.equal(code, 1, name);
    assert.match(out, pattern, name);
  }
});

test('a byte order mark is accepted, as the elements accept it', async () => {
  assert.equal((await run('validate', file('bom.json', '\ufeff' + reference))).code, 0);
});

test('a feed above 20 MB is refused as feed-too-large', async () => {
  const {code, out} = await run('validate', file('huge.json', `{"version": 1, "x": "${'x'.repeat(21 * 1024 * 1024)}"}`));
  assert.equal(code, 1);
  assert.match(out, /feed-too-large/);
});

test('dangling references and unknown label ids are reported', async () => {
  const f = feed();
  f.projects[0].participants.push({organization: 'ghost', role: 'partner'});
  f.labels = {sv: {'retry': 'Igen', 'no-such-message': 'x'}};
  const {code, stdout} = await run('validate', file('refs.json', f));
  assert.equal(code, 0);
  assert.match(stdout, /projects\[0\]\.participants\[\d+\]\.organization: there is no organisation with the id 'ghost'/);
  assert.match(stdout, /labels\.sv\["no-such-message"\]: there is no message with the id 'no-such-message'/);
  assert.doesNotMatch(stdout, /labels\.sv\.retry/);
});

test('reads a URL, including a feed served as text/plain', async () => {
  assert.equal((await run('validate', `${origin}/feed.json`)).code, 0);
  assert.equal((await run('validate', `${origin}/feed.txt`)).code, 0);
  const missing = await run('validate', `${origin}/missing.json`);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /feed-unreachable .*HTTP 404/);
  assert.match((await run('validate', `${origin}/broken.json`)).out, /feed-not-json/);
});

test('a missing file is fatal; wrong usage exits 2', async () => {
  assert.equal((await run('validate', join(dir, 'nope.json'))).code, 1);
  assert.equal((await run()).code, 2);
  assert.equal((await run('check', 'x.json')).code, 2);
  assert.equal((await run('validate', 'x.json', '--timeout=soon')).code, 2);
});

test('--json gives the first problems as data, and counts them all', async () => {
  const f = feed();
  for (let i = 0; i < 120; i++) f.projects.push({});
  const report = JSON.parse((await run('validate', file('many-json.json', f), '--json')).stdout);
  assert.equal(report.problems.length, 100);
  assert.deepEqual(report.counts, {'feed-invalid': 480});
  assert.equal(report.more, 380);
  assert.equal(report.skipped, 480);
});

test('refuses what is not a file: a device, a directory, a named pipe', async () => {
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  for (const [path, kind] of [['/dev/zero', 'a device'], [dir, 'a directory'], [fifo, 'a named pipe']]) {
    const {code, out} = await run('validate', path);
    assert.equal(code, 1, path);
    assert.match(out, new RegExp(`feed-unreachable +${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is ${kind}, not a feed file`));
  }
});

test('a URL that declares more than 20 MB is refused at once; one that sends more is cut off', async () => {
  for (const name of ['declared-huge', 'streamed-huge']) {
    const {code, out} = await run('validate', `${origin}/${name}.json`);
    assert.equal(code, 1, name);
    assert.match(out, /feed-too-large .* is larger than 20 MB/, name);
  }
});

test('a URL that does not answer in time is feed-timeout, in one line', async () => {
  const {code, stdout, stderr} = await run('validate', `${origin}/silent.json`, '--timeout=1');
  assert.equal(code, 1);
  assert.match(stdout, /^error +feed-timeout +http:\/\/.*\/silent\.json did not answer within 1 s\.\n$/);
  assert.equal(stderr, `${origin}/silent.json: cannot be shown (1 fatal problem).\n`);
});

test('a 19.7 MB feed of empty items is checked to the end, its problems capped', async () => {
  const path = join(dir, 'empty-items.json');
  writeFileSync(path, `{"version":1,"projects":[${Array(Math.floor((19.7 * 1024 * 1024) / 3)).fill('{}').join(',')}]}`);
  const {code, stdout, stderr} = await run('validate', path);
  assert.equal(code, 1);
  assert.equal(stdout.split('\n').filter((l) => l.startsWith('skipped')).length, 100);
  assert.match(stdout, /…and [\d,]+ more problems \([\d,]+ feed-invalid in all\)\./);
  assert.match(stderr, /empty-items\.json: [\d,]+ problems leaving items out/);
});

test('--json gives the problems as data', async () => {
  const f = feed();
  f.projects[0].status = 'x';
  const {stdout} = await run('validate', file('json.json', f), '--json');
  const report = JSON.parse(stdout);
  assert.equal(report.ok, false);
  assert.equal(report.skipped, 1);
  assert.deepEqual(Object.keys(report.problems[0]).sort(), ['code', 'fatal', 'message', 'path', 'skipped']);
  assert.equal(report.problems[0].path, 'projects[0].status');
});
