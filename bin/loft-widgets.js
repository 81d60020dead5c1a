#!/usr/bin/env node
// npx loft-widgets validate <file-or-url> [--strict] [--json]
//
// Checks a feed with the very validation the elements run (dist/feed/validate.js), and
// prints every problem with its path. Exit codes, for editors' CI:
//   0  the feed is fine, or has only field-level problems (a field left out, the rest shown)
//      (with --strict, field-level problems exit 1 too)
//   1  a fatal problem (not JSON, wrong version, too large, unreachable), or an item left
//      out (a project, person, organisation or form with a broken required field or a
//      duplicate id: an element that asks for it shows an error)
//   2  wrong usage
import {readFile, stat} from 'node:fs/promises';
import {validateFeed} from '../dist/feed/validate.js';
import {MAX_FEED_BYTES} from '../dist/feed/load.js';
import {MESSAGES} from '../dist/i18n/messages.js';

const USAGE = `Usage: loft-widgets validate <file-or-url> [--strict] [--json]

Checks a loft-widgets feed and lists every problem with its path.
Exit code 0: no problems, or only fields left out (1 with --strict).
Exit code 1: the feed cannot be shown, or an item in it is left out.`;

class Fatal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

async function readSource(source) {
  if (/^https?:\/\//i.test(source)) {
    let response;
    try {
      response = await fetch(source, {signal: AbortSignal.timeout(15_000), headers: {accept: 'application/json, text/plain;q=0.9, */*;q=0.5'}});
    } catch (error) {
      throw error.name === 'TimeoutError'
        ? new Fatal('feed-timeout', `${source} did not answer within 15 s.`)
        : new Fatal('feed-unreachable', `${source} could not be reached: ${error.cause?.message ?? error.message}`);
    }
    if (!response.ok) throw new Fatal('feed-unreachable', `${source} answered HTTP ${response.status}. Check the feed's address.`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_FEED_BYTES) throw tooLarge(source, bytes.byteLength);
    return new TextDecoder().decode(bytes);
  }
  let size;
  try {
    size = (await stat(source)).size;
  } catch (error) {
    throw new Fatal('feed-unreachable', `${source} could not be read: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  if (size > MAX_FEED_BYTES) throw tooLarge(source, size);
  return readFile(source, 'utf8');
}

const tooLarge = (source, bytes) =>
  new Fatal('feed-too-large', `${source} is ${(bytes / 1024 / 1024).toFixed(1)} MB; feeds above ${MAX_FEED_BYTES / 1024 / 1024} MB are refused. Split it into smaller feeds.`);

/** The same reading as the elements (src/feed/load.ts parseFeed), then the same validation. */
async function check(source) {
  const text = await readSource(source);
  if (text.trim() === '') throw new Fatal('feed-not-json', `${source} is empty. It must be a JSON object like {"version": 1, …}.`);
  let raw;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Fatal('feed-not-json', `${source} is not valid JSON: ${error.message}`);
  }
  return validateFeed(raw, {messageIds: Object.keys(MESSAGES)});
}

async function main(argv) {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'validate' || args.length !== 1 || [...flags].some((f) => f !== '--strict' && f !== '--json')) {
    console.error(USAGE);
    return 2;
  }
  const [source] = args;
  let problems;
  try {
    ({problems} = await check(source));
  } catch (error) {
    if (!(error instanceof Fatal)) throw error;
    problems = [{code: error.code, path: '', message: error.message, fatal: true}];
  }
  const fatal = problems.filter((p) => p.fatal).length;
  const skipped = problems.filter((p) => p.skipped).length;
  const dropped = problems.length - fatal - skipped;
  const failed = fatal > 0 || skipped > 0 || (flags.has('--strict') && dropped > 0);
  if (flags.has('--json')) {
    console.log(JSON.stringify({source, ok: !failed, fatal, skipped, dropped, problems}, null, 2));
  } else {
    for (const p of problems) {
      const level = p.fatal ? 'error  ' : p.skipped ? 'skipped' : 'warning';
      console.log(`${level} ${p.code.padEnd(14)} ${p.message}`);
    }
    const summary = fatal
      ? `${source}: cannot be shown (${fatal} fatal problem${fatal > 1 ? 's' : ''}).`
      : problems.length === 0
        ? `${source}: no problems.`
        : `${source}: ${skipped} item${skipped === 1 ? '' : 's'} left out, ${dropped} field${dropped === 1 ? '' : 's'} left out.`;
    (failed ? console.error : console.log)(summary);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
