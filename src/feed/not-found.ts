/**
 * What an editor reads when an element's id matches nothing its feed shows: why the item was
 * left out, when the feed has it but it is broken; else the ids closest to what they typed (a
 * typo, capitals, the item's name instead of its id), else the first ids the feed has. A page
 * loads this only when it has such a mistake (in the chunk of the slow path of validation,
 * rollup.config.js), so it costs the pages that show their content nothing.
 *
 * Both are worked out in steps, as validation is: a broken item may be a megabyte of its own,
 * and a feed may have 40,000 items (or a name in 40,000 languages) to compare the id with.
 */
import {PAUSE, runInSlices, runToEnd, type Steps} from './slices.js';
import {SkippedItems} from './check/repair.js';
import {FeedError, WHAT, type LoadedFeed} from './load.js';
import {recordKeeps} from './check/helpers.js';
import type {CollectionName, LocalizedText} from './schema.js';

/** The most ids suggested, and the most listed when none is close. */
const MOST_SUGGESTED = 3;
const MOST_LISTED = 10;

/** Text as the id it would be: lower case, without accents, other characters between words as one hyphen ("Nya Kommunen" → "nya-kommunen"). */
export function asId(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Edits from `a` to `b` (a character added, left out or replaced, or two neighbours swapped), or `most + 1` when there are more than `most`. */
export function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  // Three rows of the table: two back (for swaps), the last, and this one.
  let before: number[] = [];
  let last = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let d = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    // Every way on from here has at least this many edits.
    if (least > most) return most + 1;
    [before, last] = [last, row];
  }
  return Math.min(last[b.length], most + 1);
}

/**
 * The ids an editor who typed `wanted` most likely meant, best first: an id or name that is
 * `wanted` written as an id, then ids a few edits away (one for a short id, up to three for a
 * long one), then ids with a word that begins with it ("amanda" or "sundberg" for
 * "amanda-sundberg"); in feed order where they tie.
 */
export function closestIds(items: readonly {id: string; name?: LocalizedText}[], wanted: string): string[] {
  return runToEnd(closestSteps(items, wanted));
}

/** Ids and names compared between offers to pause (each a few microseconds at most). */
const COMPARED_AT_ONCE = 1000;

function* closestSteps(items: readonly {id: string; name?: LocalizedText}[], wanted: string): Steps<string[]> {
  const key = asId(wanted);
  if (!key) return [];
  const most = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  const found: {id: string; score: number; index: number}[] = [];
  let compared = 0;
  for (let index = 0; index < items.length; index++) {
    const {id, name} = items[index];
    let score = id === key ? 0 : most + 1;
    // The item's name in each of its languages, written as an id.
    if (typeof name === 'string') score = asId(name) === key ? 0 : score;
    else if (name !== undefined) {
      for (const lang in name) {
        if (++compared % COMPARED_AT_ONCE === 0) yield PAUSE;
        const text: unknown = name[lang];
        if (typeof text === 'string' && recordKeeps(lang) && asId(text) === key) {
          score = 0;
          break;
        }
      }
    }
    if (++compared % COMPARED_AT_ONCE === 0) yield PAUSE;
    if (score > 0) score = editDistance(key, id, most);
    if (score > most && key.length >= 3 && (id.startsWith(key) || id.includes(`-${key}`))) score = most + 1;
    else if (score > most) continue;
    found.push({id, score, index});
  }
  found.sort((a, b) => a.score - b.score || a.index - b.index);
  return found.slice(0, MOST_SUGGESTED).map((f) => f.id);
}

/**
 * `"a"`, `"a" or "b"`, `"a", "b", or "c"`: English, as `Intl.ListFormat('en', {type:
 * 'disjunction'})` writes it. Not that: a page's first ListFormat took 32-53 ms in one piece
 * in Chromium here, a long task for every page with a mistyped id.
 */
function orList(items: readonly string[]): string {
  return items.length < 3 ? items.join(' or ') : `${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}

/**
 * `error` (an id that matches nothing the feed shows) explained: the item's own problem when
 * the feed has it but left it out as broken (`feed-invalid`), else what the editor most
 * likely meant, or the ids the feed has. At once, for the server and the CLI.
 */
export function explainNotFound(error: FeedError, loaded: LoadedFeed): FeedError {
  return runToEnd(explainSteps(error, loaded));
}

/** `explainNotFound` in a page: in slices of a few milliseconds, letting the page handle input between them. */
export function explainInSlices(error: FeedError, loaded: LoadedFeed): Promise<FeedError> {
  return runInSlices(explainSteps(error, loaded));
}

/** The steps of `explainNotFound`: it offers to pause every thousand ids or names compared, and inside a broken item's walk. */
export function* explainSteps(error: FeedError, loaded: LoadedFeed): Steps<FeedError> {
  const {wanted, attribute} = error;
  const collection = error.path as CollectionName;
  const list = loaded.feed[collection] as readonly {id: string; name?: LocalizedText}[] | undefined;
  if (!list || wanted === undefined) return error;
  const key = `${collection}/${wanted}`;
  // (A feed with nothing left out has a plain Map.)
  const broken = loaded.skipped instanceof SkippedItems ? yield* loaded.skipped.reason(key) : loaded.skipped.get(key);
  if (broken) return new FeedError('feed-invalid', `${attribute}="${wanted}": the ${WHAT[collection]} cannot be shown. ${broken.message}`, broken.path);
  const quoted = (ids: string[]) => ids.map((id) => `"${id}"`);
  const close = yield* closestSteps(list, wanted);
  const hint = close.length
    ? ` Did you mean ${orList(quoted(close))}?`
    : list.length
      ? ` The feed has ${quoted(list.slice(0, MOST_LISTED).map((x) => x.id)).join(', ')}${list.length > MOST_LISTED ? `, and ${list.length - MOST_LISTED} more` : ''}.`
      : '';
  return Object.assign(new FeedError(error.code, error.message + hint, error.path), {wanted, attribute});
}
