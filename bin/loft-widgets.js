#!/usr/bin/env node
// npx loft-widgets validate <file-or-url> [--strict] [--json] [--timeout=SECONDS] [--languages=sv,en,fi]
// npx loft-widgets validate --catalog <file> [--json]     (see bin/catalog.mjs)
// npx loft-widgets catalog export --lang <tag> [--out <file>] | catalog check <file>
//
// Checks a feed with the very reading and validation the elements run (dist/feed/read.js,
// dist/feed/validate.js), and prints the problems with their paths: the first 100 in full,
// then how many more there are of each kind. Exit codes, for editors' CI:
//   0  the feed is fine, or has only field-level problems (a field left out, the rest shown)
//      (with --strict, field-level problems exit 1 too)
//   1  a fatal problem (not JSON, wrong version, too large, unreachable, not a file), or an
//      item left out (a project, person, organisation or form with a broken required field
//      or a duplicate id: an element that asks for it shows an error)
//   2  wrong usage
import {FeedError, feedSettings, fetchFeedText, parseFeedText} from '../dist/feed/read.js';
import {problemLine, readFeedFile} from './feed-file.mjs';
import {MAX_PROBLEMS, validateFeed} from '../dist/feed/validate.js';
import {collectAdvice} from '../dist/feed/advice.js';
import {CATALOG_USAGE, catalogCommand, validateCatalog} from './catalog.mjs';

const USAGE = `Usage: loft-widgets validate <file-or-url> [--strict] [--json] [--timeout=SECONDS] [--languages=sv,en,fi]
       loft-widgets render <file-or-url> --element <tag> [options]   (render --help)

Checks a loft-widgets feed and lists its problems with their paths (the first 100 in
full, then a count of the rest by kind), then advice for editors (the law behind a
contact form's notice, texts missing in a language the pages can show; the first 100
too).
Exit code 0: no problems, or only fields left out (1 with --strict).
Exit code 1: the feed cannot be shown, or an item in it is left out.
--timeout: how long a feed URL may take to arrive (default ${feedSettings.timeoutMs / 1000}).
--languages: the languages the pages that show the feed can be in (default sv,en,fi).

${CATALOG_USAGE}`;

/** The same reading and validation as the elements (src/feed/read.ts, src/feed/validate.ts). */
async function check(source, languages) {
  const text = /^https?:\/\//i.test(source) ? (await fetchFeedText(source)).text : await readFeedFile(source);
  const raw = parseFeedText(text, source);
  // Advice reads the feed as the editor wrote it, so its paths count items as their file does.
  const {advice, counts: adviceCounts} = collectAdvice(raw, {max: MAX_PROBLEMS, ...(languages && {languages})});
  return {...validateFeed(raw), advice, adviceCounts};
}

const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function parseArguments(argv) {
  const [command, ...rest] = argv;
  const flags = new Map(rest.filter((a) => a.startsWith('--')).map((a) => [a.split('=')[0], a.split('=')[1]]));
  const args = rest.filter((a) => !a.startsWith('--'));
  const timeout = flags.has('--timeout') ? Number(flags.get('--timeout')) : undefined;
  const languages = flags.get('--languages')?.split(',').filter(Boolean);
  const known = [...flags.keys()].every((f) => ['--strict', '--json', '--timeout', '--languages'].includes(f));
  if (command !== 'validate' || args.length !== 1 || !known || (timeout !== undefined && !(timeout > 0)) || (flags.has('--languages') && !languages?.length)) return undefined;
  return {source: args[0], strict: flags.has('--strict'), json: flags.has('--json'), timeout, languages};
}

async function main(argv) {
  if (argv[0] === 'render') return (await import('./render.mjs')).main(argv.slice(1));
  if (['--help', '-h', 'help'].includes(argv[0])) {
    console.log(USAGE);
    return 0;
  }
  if (argv[0] === 'catalog') return catalogCommand(argv.slice(1));
  if (argv[0] === 'validate' && argv[1] === '--catalog' && argv[2]) return validateCatalog(argv[2], argv.includes('--json'));
  const options = parseArguments(argv);
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  const {source, strict, json, timeout, languages} = options;
  if (timeout) feedSettings.timeoutMs = timeout * 1000;
  let result;
  try {
    result = await check(source, languages);
  } catch (error) {
    // Anything else is a bug of ours; still one line, never a stack trace.
    const problem = error instanceof FeedError ? error : new FeedError('feed-invalid', `${source} could not be checked: ${error.message}`);
    result = {problems: [{code: problem.code, path: '', message: problem.message, fatal: true}], counts: {[problem.code]: 1}, advice: [], adviceCounts: {}};
  }
  const {problems, counts, advice, adviceCounts} = result;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const allAdvice = Object.values(adviceCounts).reduce((a, b) => a + b, 0);
  const fatal = problems.filter((p) => p.fatal).length;
  // Every problem that is not fatal either leaves an item out (feed-invalid) or a field (field-dropped).
  const skipped = fatal ? 0 : (counts['feed-invalid'] ?? 0);
  const dropped = counts['field-dropped'] ?? 0;
  const failed = fatal > 0 || skipped > 0 || (strict && dropped > 0);
  if (json) {
    console.log(JSON.stringify({source, ok: !failed, fatal, skipped, dropped, counts, more: total - problems.length, problems, advice, adviceCounts, moreAdvice: allAdvice - advice.length}, null, 2));
    return failed ? 1 : 0;
  }
  for (const p of problems) console.log(problemLine(p));
  if (total > problems.length) {
    const byCode = Object.entries(counts).map(([code, n]) => `${n.toLocaleString('en')} ${code}`);
    console.log(`…and ${plural(total - problems.length, 'more problem')} (${byCode.join(', ')} in all).`);
  }
  for (const a of advice) console.log(`advice  ${a.message}`);
  if (allAdvice > advice.length) {
    const byKind = Object.entries(adviceCounts).map(([kind, n]) => `${n.toLocaleString('en')} ${kind}`);
    console.log(`…and ${plural(allAdvice - advice.length, 'more piece')} of advice (${byKind.join(', ')} in all).`);
  }
  const summary = fatal
    ? `${source}: cannot be shown (${plural(fatal, 'fatal problem')}).`
    : total === 0
      ? `${source}: no problems.`
      : `${source}: ${plural(skipped, 'problem')} leaving items out, ${plural(dropped, 'problem')} leaving fields out.`;
  (failed ? console.error : console.log)(summary);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
