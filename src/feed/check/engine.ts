/**
 * Feed validation, the part every page runs: the checks generated from the schema
 * (`../generated/check.ts`) item by item, then duplicate ids, references and labels. A valid
 * feed needs nothing more, so nothing more is downloaded before the content shows. Whatever
 * fails (the document, a field, an item, a reference, a label) goes to the slow path
 * (`repair.ts`), which finds the exact problems, writes the editor messages and decides what
 * is left out; a browser loads it the first time it is needed.
 *
 * A run is a generator: it offers to pause every so often (between items here, inside them
 * in the slow path) and asks for the slow path when it first needs it, so the same steps
 * serve the CLI (all at once, `validate.ts`) and the browser (in slices of a few
 * milliseconds, `validateFeedAsync`), with the same results. Nothing recurses on the data:
 * the generated checks go as deep as the schema does, and no deeper.
 */
import {FIELD_CHECKS, ITEM_CHECKS, REFERENCE_CHECKS, type KnownIds} from '../generated/check.js';
import {heavy, LOAD, PAUSE, runInSlices, type Steps} from '../slices.js';
import type {CollectionName, Feed, Labels} from '../schema.js';
import type {SkippedItems} from './repair.js';

export type {CollectionName};

/** Codes of `loft-error`, as the public contract lists them. */
export type ErrorCode =
  | 'feed-unreachable'
  | 'feed-timeout'
  | 'feed-not-json'
  | 'feed-too-large'
  | 'feed-version'
  | 'feed-invalid'
  | 'not-found'
  | 'field-dropped';

/** One problem found in a feed, for editors: where, what rule, and how to fix it. */
export interface Problem {
  code: ErrorCode;
  /** JSON path like `projects[0].status`; empty for the whole document. */
  path: string;
  /** English text for editors: the path, the rule broken, what was found and how to fix it. */
  message: string;
  /** True when nothing from this feed can be shown. */
  fatal: boolean;
  /**
   * True when a whole item (a project, person, organisation or contact form) was left out
   * because a required field is broken or its id is taken; false when only a field or a
   * list entry was.
   */
  skipped?: boolean;
}

export interface ValidateOptions {
  /** How many problems are kept in full (default `MAX_PROBLEMS`); the rest are only counted. */
  maxProblems?: number;
}

export interface ValidationResult {
  /** The usable feed, or undefined when a fatal problem was found. */
  feed?: Feed;
  /** The first problems, in full (at most `maxProblems`): top-level fields, the items of each collection (organisations, contact forms, people, projects) in document order, labels, then references to nothing. */
  problems: Problem[];
  /** Every problem, counted by code, including those beyond the first ones. */
  counts: Partial<Record<ErrorCode, number>>;
  /**
   * Why each left-out item was left out, by `collection/id` (e.g. `projects/loft`), so an
   * element that asks for that item can say what is wrong with it. Messages are written
   * when asked for.
   */
  skipped: ReadonlyMap<string, Problem>;
}

/** How many problems a result keeps in full by default; every further one is counted. */
export const MAX_PROBLEMS = 100;

export type Repair = typeof import('./repair.js');

/** The state of one run, shared with the slow path. */
export interface Run {
  problems: Problem[];
  counts: Partial<Record<ErrorCode, number>>;
  max: number;
  /** Work since the last offer to pause: ITEM_WORK per item, more for each value the slow path looks at (repair.ts, VALUE_WORK). */
  work: number;
  repair?: Repair;
  skipped?: SkippedItems;
}


const ITEM_WORK = 16;
/** Items checked between offers to pause, at most. */
const ITEMS_AT_ONCE = 256;
/** About a millisecond of checking between offers to pause. */
const WORK_PER_PAUSE = 16_000;

export function startRun(options: ValidateOptions, repair?: Repair): Run {
  return {problems: [], counts: {}, max: options.maxProblems ?? MAX_PROBLEMS, work: 0, repair};
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * References checked as items are checked, while each item is still in the processor's
 * cache (a second pass over a large feed reads it all from memory again: 7 of 15 ms in
 * Chromium for the bench feed). The ids pointed to are final by then: a collection is
 * checked after those it points to (ITEM_CHECKS' order).
 */
interface Inline {
  resolves: (item: unknown, ids: KnownIds) => boolean;
  ids: KnownIds;
  /** The items before this one all resolve (and none before it was left out or repaired). */
  upTo: number;
}

/** Whether `passing` stopped at an item that fails its check (else its id was taken): not asked twice, as an item with a record of 40,000 keys takes 5 ms to ask. */
let failedCheck = false;

/**
 * Where in `list[from..end)` the first item is that fails its check or has an id already
 * taken (`end` when there is none; `failedCheck` says which); the ids of those before it join
 * `known`, and `inline.upTo` moves past those whose references resolve. A plain loop (not the
 * generator) so that the engine can make the common case fast.
 */
function passing(list: readonly unknown[], from: number, end: number, check: (item: unknown) => boolean, known: Set<string>, inline?: Inline): number {
  for (let index = from; index < end; index++) {
    const item = list[index];
    if (!check(item)) return ((failedCheck = true), index);
    const id = (item as {id: string}).id;
    if (known.has(id)) return ((failedCheck = false), index);
    known.add(id);
    if (inline?.upTo === index && inline.resolves(item, inline.ids)) inline.upTo = index + 1;
  }
  return end;
}

/** Where in `list[from..end)` the first item is with an id that points at nothing (`end` when there is none). */
function resolving(list: readonly unknown[], from: number, end: number, resolves: (item: unknown, ids: KnownIds) => boolean, ids: KnownIds): number {
  for (let k = from; k < end; k++) if (!resolves(list[k], ids)) return k;
  return end;
}

/** Counts work; true when it is time to offer a pause (and counting starts again). */
export function due(run: Run, work: number): boolean {
  run.work += work;
  if (run.work < WORK_PER_PAUSE) return false;
  run.work = 0;
  return true;
}

/** The steps of validating a parsed feed. Never throws; never changes `raw`. */
export function* validation(raw: unknown, run: Run): Steps<ValidationResult> {
  // Each `if (!run.repair) yield LOAD` asks the driver for the slow path, the first time only.
  if (!isObject(raw) || raw.version !== 1) {
    if (!run.repair) yield LOAD;
    return run.repair!.fatal(run, raw);
  }

  const feed: Feed = {version: 1, language: 'sv', organizations: [], people: [], projects: [], contactForms: [], labels: {}};
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    const value = raw[field];
    if (value === undefined) continue;
    if (check(value)) {
      (feed as unknown as Record<string, unknown>)[field] = value;
      continue;
    }
    if (!run.repair) yield LOAD;
    run.repair!.fieldProblem(run, field as keyof typeof FIELD_CHECKS, value);
  }

  const ids = {} as Record<CollectionName, Set<string>>;
  // Where each kept item was in the document (for paths editors can find), when some were left out.
  const positions = {} as Record<CollectionName, number[] | undefined>;
  // How many leading items of each collection are known to resolve already.
  const resolved = {} as Record<CollectionName, number>;
  for (const name of Object.keys(ITEM_CHECKS) as CollectionName[]) {
    const known = (ids[name] = new Set());
    const list = raw[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      if (!run.repair) yield LOAD;
      run.repair!.listProblem(run, name, list);
      continue;
    }
    // The caller's own list while every item stays as it is; a copy from the first that does not.
    let kept: unknown[] | undefined;
    // Where each kept item was, from the first item left out on.
    let at: number[] | undefined;
    // An item with an object of thousands of keys goes to the slow path, which walks it in steps.
    const check = heavy.has(list) ? (item: unknown) => !heavy.has(item as object) && ITEM_CHECKS[name](item) : ITEM_CHECKS[name];
    const resolves = REFERENCE_CHECKS[name];
    const inline = resolves && {resolves, ids, upTo: 0};
    for (let index = 0; index < list.length; ) {
      const end = Math.min(list.length, index + ITEMS_AT_ONCE);
      const stop = passing(list, index, end, check, known, inline);
      // Read at once: another feed's run may call `passing` while this one pauses.
      const failed = failedCheck;
      for (let i = index; kept && i < stop; i++) {
        kept.push(list[i]);
        at?.push(i);
      }
      if (due(run, (stop - index) * ITEM_WORK)) yield PAUSE;
      index = stop;
      if (index === end) continue;
      // list[index] failed its check, or its id is taken.
      let item = list[index];
      if (failed) {
        if (!run.repair) yield LOAD;
        item = run.repair!.repairItem(run, name, list, index);
        if (item === run.repair!.PENDING) item = yield* run.repair!.itemSteps();
      }
      const id = (item as {id: string} | undefined)?.id;
      if (id !== undefined && known.has(id)) {
        if (!run.repair) yield LOAD;
        run.repair!.duplicate(run, name, index, id);
        item = undefined;
      }
      kept ??= list.slice(0, index);
      // Until an item is left out, each kept item is where it was.
      if (item === undefined) at ??= kept.map((_, i) => i);
      else {
        known.add(id!);
        kept.push(item);
        at?.push(index);
      }
      index++;
      if (due(run, ITEM_WORK)) yield PAUSE;
    }
    (feed[name] as unknown[]) = kept ?? list;
    positions[name] = at;
    resolved[name] = inline?.upTo ?? 0;
  }

  if (raw.labels !== undefined) feed.labels = yield* checkLabels(raw.labels, run);

  if (feed.publisher !== undefined && !ids.organizations.has(feed.publisher)) {
    if (!run.repair) yield LOAD;
    run.repair!.danglingPublisher(run, feed);
  }
  for (const name of Object.keys(REFERENCE_CHECKS) as CollectionName[]) {
    const resolves = REFERENCE_CHECKS[name]!;
    let list = feed[name] as Record<string, unknown>[];
    for (let k = resolved[name] ?? 0; k < list.length; ) {
      const end = Math.min(list.length, k + ITEMS_AT_ONCE);
      const stop = resolving(list, k, end, resolves, ids);
      if (due(run, (stop - k) * ITEM_WORK)) yield PAUSE;
      k = stop;
      if (k === end) continue;
      if (!run.repair) yield LOAD;
      if (list === raw[name]) (feed[name] as unknown[]) = list = list.slice();
      list[k] = run.repair!.dropDangling(run, name, positions[name]?.[k] ?? k, list[k], ids);
      k++;
      if (due(run, ITEM_WORK)) yield PAUSE;
    }
  }
  return {feed, problems: run.problems, counts: run.counts, skipped: run.skipped ?? new Map()};
}

/**
 * The feed's own words for built-in strings: checked like a page's run-time catalog
 * (src/i18n/check.ts: known ids, their placeholders, plural categories), in the slow path's
 * chunk, which a feed loads only when it has labels (or a problem).
 */
function* checkLabels(raw: unknown, run: Run): Steps<Labels> {
  if (isObject(raw) && Object.keys(raw).length === 0) return {};
  if (!run.repair) yield LOAD;
  return yield* run.repair!.repairLabels(run, raw);
}

/**
 * Validates a parsed feed in slices of a few milliseconds, letting the page handle input
 * and render between them, and loads the slow path (a chunk of its own) only if something
 * fails. The result is the one `validateFeed` (validate.ts) gives.
 */
export function validateFeedAsync(raw: unknown, options: ValidateOptions = {}): Promise<ValidationResult> {
  const run = startRun(options);
  return runInSlices(validation(raw, run), async () => {
    run.repair = await import('./repair.js');
  });
}
