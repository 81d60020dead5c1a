// npx loft-widgets render <feed file or URL> --element loft-project --project loft --lang sv [--out file]
//
// A server-rendered snippet for a page where no script may be pasted (dist/ssr/node/render.js:
// Declarative Shadow DOM, readable content inside the tag, schema.org JSON-LD), which the CDN
// bundle hydrates where it is on the page. The feed is checked with the validate command's
// rules and messages; the CSP hashes of the inline styles are printed for `style-src`.
// Exit codes: 0 rendered (warnings about fields left out are printed), 1 the feed or an id
// cannot be shown, 2 wrong usage.
import {writeFile} from 'node:fs/promises';
import {pathToFileURL} from 'node:url';
import {FeedError, feedSettings, fetchFeedText, parseFeedText} from '../dist/feed/read.js';
import {validateFeed} from '../dist/feed/validate.js';
import {ELEMENTS, renderSnippet} from '../dist/ssr/node/render.js';
import {problemLine, readFeedFile} from './feed-file.mjs';

const attributeOptions = [...new Set(Object.values(ELEMENTS).flat())];

const USAGE = `Usage: loft-widgets render <feed file or URL> --element <tag> [options]

Writes a widget as static HTML for a page where no script may be pasted: its shadow root
as Declarative Shadow DOM (styles included), readable content inside the tag, and the
project's JSON-LD. With the CDN bundle on the page it becomes the live widget.

  --element <tag>       ${Object.keys(ELEMENTS).join(', ')}
  --lang <tag>          the language to render in (default: the feed's "language")
  --heading-level <n>   level of the widget's top heading (default 2)
${Object.entries(ELEMENTS)
  .map(([tag, names]) => `  ${tag}: ${names.map((n) => `--${n}`).join(' ')}`)
  .join('\n')}
  --src <url>           where the feed is published (a feed given by URL: that URL); the bundle
                        loads it from there. Without it a feed file goes inline into the snippet.
  --base <url>          the page's URL, for relative URLs of a feed put inline
  --out <file>          write the snippet there instead of to standard output
  --no-styles           no <style> and no shadow root: only the readable content and JSON-LD
                        (for a strict style-src without hashes; the bundle renders the widget)
  --no-json-ld          leave the JSON-LD out (for a CMS that would show a stripped script's text)
  --timeout <seconds>   how long a feed URL may take to arrive (default ${feedSettings.timeoutMs / 1000})

Prints the CSP hash sources of the inline <style>s for your style-src.
Exit code 0: rendered. 1: the feed or the id cannot be shown. 2: wrong usage.`;

const FLAGS = new Set(['--no-styles', '--no-json-ld']);
const VALUES = new Set(['--element', '--lang', '--heading-level', '--src', '--base', '--out', '--timeout', ...attributeOptions.map((n) => `--${n}`)]);

/** `--name value` and `--name=value` options; undefined for anything it does not know. */
function parseArguments(argv) {
  const options = {};
  const sources = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      sources.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (FLAGS.has(name) && inline === undefined) options[name.slice(2)] = true;
    else if (VALUES.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return undefined;
      options[name.slice(2)] = value;
    } else return undefined;
  }
  if (sources.length !== 1 || !Object.hasOwn(ELEMENTS, options.element)) return undefined;
  const allowed = new Set([...ELEMENTS[options.element], 'heading-level']);
  const attributes = {};
  for (const name of [...attributeOptions, 'heading-level']) {
    if (options[name] === undefined) continue;
    if (!allowed.has(name)) return undefined;
    attributes[name] = options[name];
  }
  if (options.timeout !== undefined && !(Number(options.timeout) > 0)) return undefined;
  return {source: sources[0], attributes, ...options};
}

/** The feed's text and where it is, read and checked as `validate` does. */
async function readFeed(source, timeout) {
  if (timeout) feedSettings.timeoutMs = Number(timeout) * 1000;
  if (/^https?:\/\//i.test(source)) {
    const fetched = await fetchFeedText(source);
    return {text: fetched.text, url: fetched.url};
  }
  return {text: await readFeedFile(source), url: pathToFileURL(source).href};
}

export async function main(argv) {
  if (['--help', '-h'].includes(argv[0])) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArguments(argv);
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  let feed;
  try {
    feed = await readFeed(options.source, options.timeout);
  } catch (error) {
    const problem = error instanceof FeedError ? error : new FeedError('feed-unreachable', `${options.source} could not be read: ${error.message}`);
    console.error(problemLine({code: problem.code, message: problem.message, fatal: true}));
    return 1;
  }
  // The validator's own words for every problem, as `validate` prints them.
  let problems;
  try {
    problems = validateFeed(parseFeedText(feed.text, options.source)).problems;
  } catch (error) {
    problems = [{code: error.code ?? 'feed-invalid', message: error.message, fatal: true}];
  }
  for (const p of problems) console.error(problemLine(p));
  if (problems.some((p) => p.fatal)) return 1;

  const byUrl = /^https?:\/\//i.test(options.source);
  const src = options.src ?? (byUrl ? options.source : undefined);
  let snippet;
  // The elements' loading code warns in the browser console's words; the lines above said it.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    snippet = await renderSnippet({
      element: options.element,
      attributes: options.attributes,
      lang: options.lang ?? (JSON.parse(feed.text).language || 'sv'),
      feed: {text: feed.text, baseUrl: new URL(src ?? '', options.base ?? feed.url).href, src},
      styles: !options['no-styles'],
      jsonLd: !options['no-json-ld'],
    });
  } catch (error) {
    console.error(problemLine({code: error.code ?? 'feed-invalid', message: error.message, fatal: true}));
    return 1;
  } finally {
    console.warn = warn;
  }
  const hashes = snippet.styleHashes.length
    ? `style-src hashes of the snippet's inline styles (add them to your Content-Security-Policy): ${snippet.styleHashes.join(' ')}`
    : 'No inline styles: nothing to add to your Content-Security-Policy for them.';
  if (options.out) {
    await writeFile(options.out, snippet.html);
    console.log(`Wrote ${options.out}.`);
    console.log(hashes);
  } else {
    process.stdout.write(snippet.html);
    console.error(hashes);
  }
  return 0;
}
