/**
 * The slow path of feed validation, loaded only when something in a feed fails its check
 * (engine.ts): it finds the exact problems, writes the editor messages and leaves out what
 * must go. A problem in an optional field (or one entry of a list) drops just that; a
 * problem in a required field drops the item. Only the objects on the way to what is dropped
 * are copied; everything else stays the caller's own.
 *
 * The problems are the ones valibot reported for the schema, worded as before: `Walk`
 * follows valibot's rules (which issues, in which order, which union option speaks) over
 * the schema as data (`../generated/shapes.ts`); test/node/validate.test.mjs holds the two
 * side by side. Problems beyond the run's first ones are counted, not written out.
 *
 * A hostile item may be a megabyte on its own, so the walk pauses inside it too: lists,
 * records and unions are walked by generators that offer the run a pause every so often;
 * leaves, and the fields of an object (31 at most) unless one of them takes steps, are
 * checked at once. Parts that pass their generated check are not walked at all. Recursion
 * follows the schema (a few levels), never the data.
 */
import {FIELD_SHAPES, ITEM_SHAPES, REFERENCES} from '../generated/shapes.js';
import {isLanguageTag, type KnownIds} from '../generated/check.js';
import {categoriesWhenAsked, checkEntry, dropped, type Report} from '../../i18n/check.js';
import type {CatalogText} from '../../i18n/catalog.js';
import type {CollectionName, Feed, Labels} from '../schema.js';
import {due, type ErrorCode, type Problem, type Run, type ValidationResult} from './engine.js';
import {heavy, PAUSE, runToEnd, type Steps} from '../slices.js';
import {WHAT} from '../load.js';
// What valibot takes for an object (lists too), as the generated checks take it.
import {hasOwn, isObject as isObjectLike, recordKeeps} from './helpers.js';
import type {Action, Entry, Shape} from './shape.js';

type Key = string | number;
type ObjectShape = Extract<Shape, {type: 'object'}>;
type ArrayShape = Extract<Shape, {type: 'array'}>;
type RecordShape = Extract<Shape, {type: 'record'}>;
type UnionShape = Extract<Shape, {type: 'union'}>;
type Item = Record<string, unknown>;

const TYPE_NAMES: Record<string, string> = {
  string: 'a text (a JSON string)',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
};

const isObject = (x: unknown): x is Item => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `projects[0].participants[2].role`. A key of more than 100 characters is shortened (`…`): a
 * hostile feed's 20 MB key would make a 20 MB message.
 */
function formatPath(keys: readonly Key[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]{0,99}$/.test(key)) out += (out ? '.' : '') + key;
    else out += key.length > 100 ? `[${JSON.stringify(key.slice(0, 99)).slice(0, -1)}…"]` : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** A value as the editor wrote it, shortened, with control characters made visible. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify makes control characters visible (\n, \u0000); only the start is shown, so only the start is escaped.
  const text =
    typeof value === 'string'
      ? `'${JSON.stringify(value.length > 60 ? value.slice(0, 60) : value).slice(1, -1)}'`
      : Array.isArray(value)
        ? 'a list'
        : value && typeof value === 'object'
          ? 'an object'
          : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…${text[0] === "'" ? "'" : ''}` : text;
}

/** valibot's `expects` of a picklist, literal or variant key, in words: `one of planned, ongoing, …`. */
function oneOf(expects: string): string {
  const options = expects.replace(/[()"]/g, '').split(' | ');
  return options.length > 1 ? `one of ${options.join(', ')}` : options[0];
}

/**
 * What a value of this shape should have been. A union names its options only where it is
 * a field of an object or list (as before, where the schema at the issue's path was known).
 */
function expectedOf(shape: Shape, atField: boolean): string {
  switch (shape.type) {
    case 'literal':
    case 'picklist':
      return oneOf(shape.expects);
    case 'union':
      return atField ? shape.options.map(describeOption).join(', or ') : shape.expects;
    case 'record':
    case 'variant':
      return 'Object';
    default:
      return TYPE_NAMES[shape.type];
  }
}

function describeOption(option: Shape): string {
  if (option.type === 'record') return 'an object of language tags to texts like {"sv": "…", "en": "…"}';
  if (option.type === 'object') return `an object with ${option.entries.map(([key]) => `"${key}"`).join(' and ')}`;
  return TYPE_NAMES[option.type] ?? option.type;
}

function expectedOfAction(action: Action): string {
  switch (action.type) {
    case 'max_length':
      return `at most ${action.requirement} characters`;
    case 'min_length':
      return action.requirement === 1 ? 'a text that is not empty' : `at least ${action.requirement} characters`;
    default:
      // A regex, check or entries rule carries its own words (see schema.ts).
      return action.message;
  }
}

/** Whether `value` keeps a rule; `entries`: how many entries a record has (valibot counts those it keeps). */
function passes(action: Action, value: string | object, entries: number): boolean {
  switch (action.type) {
    case 'regex':
      return action.requirement.test(value as string);
    case 'check':
      return action.requirement(value);
    case 'max_length':
      return (value as string).length <= action.requirement;
    case 'min_length':
      return (value as string).length >= action.requirement;
    case 'min_entries':
      return entries >= action.requirement;
  }
}

/** What was found where `expected` was wanted (a value left out is "missing"). */
function found(input: unknown, expected: string): string {
  return input === undefined ? 'is required but missing' : `expected ${expected}, got ${show(input)}`;
}

/** Where problems go: the first `max` in full, all of them counted. */
type Log = Pick<Run, 'problems' | 'counts' | 'max'>;

const newLog = (max: number): Log => ({problems: [], counts: {}, max});

/** Counts a problem (or `n` of them); true when it is still among the first ones, which are written out in full. */
function counted(log: Log, code: ErrorCode, n = 1): boolean {
  log.counts[code] = (log.counts[code] ?? 0) + n;
  return log.problems.length < log.max;
}

/** Sets how many problems of `code` `log` counts (none: it has none of them). */
function recount(log: Log, code: ErrorCode, n: number): void {
  if (n) log.counts[code] = n;
  else delete log.counts[code];
}

/** Adds what `from` holds to `log`, as if reported there. */
function merge(log: Log, from: Log): void {
  // for…in: Object.entries made a list for each union that spoke (a tenth of the walk of a feed whose every person has a broken image).
  for (const code in from.counts) log.counts[code as ErrorCode] = (log.counts[code as ErrorCode] ?? 0) + from.counts[code as ErrorCode]!;
  for (const problem of from.problems) if (log.problems.length < log.max) log.problems.push(problem);
}

// valibot's verdict on a value, as flags: fine; typed with issues (a rule such as a length
// failed); untyped (the type is wrong or a required key is missing), which includes issues.
const VALID = 0;
const ISSUES = 1;
const UNTYPED = 3;

const RECORD_COPY = {};


/** An object shape's entries as bits (the generator keeps objects to 31 entries): by key, and those required. */
interface EntryBits {
  keys: Map<string, number>;
  /**
   * A walk looks at the required entries and the ones present, and skips the optional ones
   * that are not (a `{}` project lacks all 18 and must have 4):
   * `for (let bits = has | required; bits; bits &= bits - 1)` visits them in order.
   */
  required: number;
  /** The entries' keys, in order. */
  names: readonly string[];
  /** The keys of some sets of entries, by their bits (`listOf`). */
  lists: Map<number, readonly string[]>;
}

const entryBits = new WeakMap<readonly Entry[], EntryBits>();

function bitsOf(entries: readonly Entry[]): EntryBits {
  let bits = entryBits.get(entries);
  if (!bits) {
    bits = {keys: new Map(entries.map(([key], i) => [key, 1 << i])), required: entries.reduce((all, [, , optional], i) => (optional ? all : all | (1 << i)), 0), names: entries.map(([key]) => key), lists: new Map()};
    entryBits.set(entries, bits);
  }
  return bits;
}

/**
 * The `names` at the bits of `bits`, as a list made once in `lists`: the same fields fail in
 * object after object (a list for each was a third of what a feed of people with a broken
 * e-mail address and phone number allocated). A hostile feed's many sets fill it to 1,000
 * and no further.
 */
function listOf(lists: Map<number, readonly string[]>, bits: number, names: readonly string[]): readonly string[] {
  let list = lists.get(bits);
  if (!list) {
    list = names.filter((_, i) => bits & (1 << i));
    if (lists.size < 1000) lists.set(bits, list);
  }
  return list;
}

/**
 * Which of an object's entries `value` has, as bits. valibot asks `key in value` for each
 * entry; going through the value's own keys gives the same answer for JSON
 * (generate-feed-checks.mjs refuses schema keys that objects or lists inherit) and costs next
 * to nothing for `{}`, a hostile feed's favourite item.
 */
function present(keys: Map<string, number>, value: object): number {
  let has = 0;
  for (const key in value) has |= keys.get(key) ?? 0;
  return has;
}

/** The index of the lowest bit set. */
const lowest = (bits: number) => 31 - Math.clz32(bits & -bits);
/** How many bits are set. */
function ones(bits: number): number {
  let n = 0;
  for (; bits; bits &= bits - 1) n++;
  return n;
}

/** What `Walk.keep` gives for a value that must go as a whole. */
const FAIL = Symbol('fail');

/** What `Walk.keep` gives for `value`, given its verdict. */
const keptAs = (value: unknown, verdict: unknown): unknown => (verdict === VALID ? value : FAIL);
/**
 * The work of a value the walk looks at, in the units of `due` (16,000 are meant to be about
 * a millisecond): half a microsecond in Chromium here, cold. Counted as 1, a walk of members
 * with broken role objects went 17-49 ms between offers to pause in Node here.
 */
const VALUE_WORK = 8;
/** The work of checking one label, in the same units (65,000 labels counted as 1 each: 34-46 ms between offers to pause). */
const LABEL_WORK = 16;

/**
 * Whether a part passes its generated check, asked only where that check runs in one short
 * piece: an object of thousands of keys the parser marked `heavy` (slices.ts) is walked
 * instead, in steps, as a part that fails is.
 */
const passesAtOnce = (shape: Shape, value: object): boolean => !heavy.has(value) && !!shape.valid?.(value);

/** What the walk gives when there are steps to take first (`Walk.steps`). */
const PENDING = Symbol('pending');

/** Walks one value along its shape, reporting each issue at its path. */
class Walk {
  /** Keys from the item (or field) to the value being looked at. */
  readonly path: Key[] = [];
  /** How many keys of `path` lead to the nearest part that can be left out on its own; -1: only the whole item can. */
  dropAt = -1;
  /** Whether an item's steps are under way (`item` gave PENDING, and they have not ended). */
  busy = false;

  constructor(
    /** Counts the work done, so the run knows when to offer a pause. */
    private run: Run,
    /** Where the issues go: the run's own problems, or a union option's until it is known whether it speaks. */
    public log: Log = run,
    /** Which item: `projects`, 3. */
    private name?: CollectionName,
    private index = 0
  ) {}

  /** The same walk for another run (where the last one may have been given up in the middle of an item). */
  restart(run: Run): this {
    this.run = run;
    this.log = run;
    // Only when it was: setting an array's length is slow (1.3 million `{}` items took 190 ms to validate, not 118).
    if (this.stack.length || this.chain.length || this.path.length) {
      this.path.length = this.stack.length = this.chain.length = 0;
      this.dropAt = -1;
    }
    return this;
  }

  /** Counts the next issue; true when it is written out. */
  protected keeps(): boolean {
    return counted(this.log, this.code());
  }

  /** The code of an issue here: every issue of one value's `check` has the same, as `dropAt` stays. */
  private code(): ErrorCode {
    return this.dropAt < 0 ? 'feed-invalid' : 'field-dropped';
  }

  private add(text: string): void {
    this.log.problems.push(this.problem(text));
  }

  /** An issue at the current path as a problem: the item goes, or the part at `dropAt` does. */
  protected problem(text: string): Problem {
    const at = this.name ? [this.name, this.index] : [];
    const path = formatPath([...at, ...this.path]);
    if (this.dropAt < 0) {
      return {code: 'feed-invalid', path, message: `${path}: ${text}. This ${WHAT[this.name!]} is left out until it is fixed.`, fatal: false, skipped: true};
    }
    const dropped = this.dropAt === this.path.length ? 'It' : `The whole of ${formatPath([...at, ...this.path.slice(0, this.dropAt)])}`;
    return {code: 'field-dropped', path, message: `${path}: ${text}. ${dropped} is left out; fix or remove it.`, fatal: false};
  }

  private wrongType(shape: Shape, input: unknown, emit: boolean, atField: boolean): number {
    if (emit && this.keeps()) this.add(found(input, expectedOf(shape, atField)));
    return UNTYPED;
  }

  private missing(key: string): void {
    // Its code does not depend on the path, which is made only for a problem written out.
    if (!this.keeps()) return;
    this.path.push(key);
    this.add(`is required but missing: add "${key}"`);
    this.path.pop();
  }

  /** A pipe's rules; `shown` is what the editor is told was found; `entries` see `passes`. */
  private actions(actions: readonly Action[], value: string | object, emit: boolean, shown: unknown = value, entries = 0): number {
    let verdict = VALID;
    for (const action of actions) {
      if (passes(action, value, entries)) continue;
      if (!emit) return ISSUES;
      verdict = ISSUES;
      if (this.keeps()) this.add(found(shown, expectedOfAction(action)));
    }
    return verdict;
  }

  /**
   * valibot's verdict where there is nothing to walk: a leaf shape (no fields, no entries),
   * or a value that is not an object or list; with `emit`, its issues are reported.
   */
  atOnce(shape: Shape, value: unknown, emit: boolean, atField = false): number {
    switch (shape.type) {
      case 'string':
        return typeof value === 'string' ? this.actions(shape.actions, value, emit) : this.wrongType(shape, value, emit, atField);
      case 'boolean':
        return typeof value === 'boolean' ? VALID : this.wrongType(shape, value, emit, atField);
      case 'literal':
      case 'picklist':
        return shape.options.includes(value) ? VALID : this.wrongType(shape, value, emit, atField);
      case 'nullable':
        return value === null ? VALID : this.atOnce(shape.wrapped, value, emit, atField);
      case 'union':
        // The value is not an object or list, so no option has anything to walk: the same
        // steps as check()'s, without an aside or a pause.
        return this.optionVerdicts(shape, value, emit, atField, this.log, -1) as number;
      default:
        // An object, list, record or variant where the value is none of those.
        return this.wrongType(shape, value, emit, atField);
    }
  }

  /**
   * The verdict on any value: at once where there is nothing to walk, else walked (PENDING
   * when it pauses: see `steps`). `failed`: the value is known to fail the shape's generated
   * check, which is not asked again (on a record of 40,000 keys, each asking costs 5 ms of
   * listing its keys).
   */
  private visit(shape: Shape, value: unknown, emit: boolean, atField = false, failed = false): unknown {
    if (atOnceFor(shape, value)) return this.atOnce(shape, value, emit, atField);
    if (!failed && passesAtOnce(shape, value as object)) return VALID;
    return this.check(shape, value, emit, atField);
  }

  /**
   * valibot's verdict on `value` (VALID, ISSUES or UNTYPED), or PENDING; with `emit`, its
   * issues are reported in valibot's order. `atField`: the value is a field or list entry of
   * the item.
   */
  private check(shape: Shape, value: unknown, emit: boolean, atField = false): unknown {
    if (due(this.run, VALUE_WORK)) return this.later(this.check.bind(this, shape, value, emit, atField));
    switch (shape.type) {
      case 'nullable':
        return value === null ? VALID : this.check(shape.wrapped, value, emit, atField);
      case 'object': {
        if (!isObjectLike(value)) return this.wrongType(shape, value, emit, atField);
        const {keys, required} = bitsOf(shape.entries);
        const has = present(keys, value);
        return this.fieldVerdicts(shape, value, emit, has, has | required);
      }
      case 'array':
        return Array.isArray(value) ? this.entryVerdicts(shape, value, emit) : this.wrongType(shape, value, emit, atField);
      case 'record': {
        if (!isObjectLike(value)) return this.wrongType(shape, value, emit, atField);
        // Listing the keys of a record of 100,000 languages takes 10 ms or more (and its
        // generated check, likely just before, as long): they count as work.
        const keys = Object.keys(value);
        return due(this.run, keys.length) ? this.later(this.recordVerdicts.bind(this, shape, value, emit, keys, 0, 0, VALID)) : this.recordVerdicts(shape, value, emit, keys);
      }
      case 'union':
        // Each option is walked once (it may be large), its issues held until it is known
        // which speaks: beyond the first problems, where issues are only counted, as counts
        // taken back if it does not speak (`base`), else aside.
        return this.optionVerdicts(shape, value, emit, atField, this.log, emit && this.log.problems.length >= this.log.max ? (this.log.counts[this.code()] ?? 0) : -1);
      case 'variant': {
        if (!isObjectLike(value)) return this.wrongType(shape, value, emit, atField);
        const discriminator = shape.key in value ? value[shape.key] : undefined;
        for (const [literal, option] of shape.options) if (discriminator === literal) return this.check(option, value, emit);
        if (emit) {
          this.path.push(shape.key);
          if (this.keeps()) this.add(found(discriminator, oneOf(shape.expects)));
          this.path.pop();
        }
        return UNTYPED;
      }
      default:
        return this.atOnce(shape, value, emit, atField);
    }
  }

  // The loops of the walk run at once until they must pause, or a part they walk does; then
  // they give PENDING, and go on from where they were when the walk's `steps` get there
  // (`resumed` is then the verdict, or what is kept, of the part that paused; undefined
  // after a pause of their own, when they take that part from the start: what is kept is
  // never undefined, a list entry or field that is goes as FAIL). A steps generator
  // for every part walked cost a hostile feed more than the walk itself. What goes on is a
  // bound function, not a closure: a closure over a loop's variables makes V8 keep them in an
  // object made at every call, paused or not.

  /** `check` of an object's fields, from the entries in `bits` on (`has`: those it has). */
  private fieldVerdicts(shape: ObjectShape, value: Item, emit: boolean, has: number, bits: number, verdict = VALID, resumed?: unknown): unknown {
    for (; bits; bits &= bits - 1) {
      let step = resumed as number | undefined;
      resumed = undefined;
      if (step === undefined) {
        const i = lowest(bits);
        const [key, entry, optional] = shape.entries[i];
        if (!(has & (1 << i))) {
          if (!emit) return UNTYPED;
          verdict = UNTYPED;
          this.missing(key);
          continue;
        }
        const field = value[key];
        if (optional && field === undefined) continue;
        this.path.push(key);
        const now = this.visit(entry, field, emit);
        if (now === PENDING) return this.later(this.fieldVerdicts.bind(this, shape, value, emit, has, bits, verdict));
        step = now as number;
      }
      this.path.pop();
      verdict |= step;
      if (!emit && verdict === UNTYPED) return UNTYPED;
    }
    return verdict;
  }

  /** `check` of a list's entries, from `i` on. */
  private entryVerdicts(shape: ArrayShape, value: readonly unknown[], emit: boolean, i = 0, verdict = VALID, resumed?: unknown): unknown {
    for (; i < value.length; i++) {
      let step = resumed as number | undefined;
      resumed = undefined;
      if (step === undefined) {
        if (due(this.run, VALUE_WORK)) return this.later(this.entryVerdicts.bind(this, shape, value, emit, i, verdict));
        this.path.push(i);
        const now = this.visit(shape.item, value[i], emit);
        if (now === PENDING) return this.later(this.entryVerdicts.bind(this, shape, value, emit, i, verdict));
        step = now as number;
      }
      this.path.pop();
      verdict |= step;
      if (!emit && verdict === UNTYPED) return UNTYPED;
    }
    return verdict;
  }

  /** `check` of a record's entries (`keys`, its own), from `i` on; `entries`: how many of those before `i` valibot keeps. */
  private recordVerdicts(shape: RecordShape, value: Item, emit: boolean, keys: readonly string[], i = 0, entries = 0, verdict = VALID, resumed?: unknown): unknown {
    for (; i < keys.length; i++) {
      let step = resumed as number | undefined;
      resumed = undefined;
      if (step === undefined) {
        if (due(this.run, VALUE_WORK)) return this.later(this.recordVerdicts.bind(this, shape, value, emit, keys, i, entries, verdict));
        const key = keys[i];
        if (!recordKeeps(key)) continue;
        entries++;
        this.path.push(key);
        verdict |= this.atOnce(shape.key, key, emit);
        const now = this.visit(shape.value, value[key], emit);
        if (now === PENDING) return this.later(this.recordVerdicts.bind(this, shape, value, emit, keys, i, entries, verdict));
        step = now as number;
      }
      this.path.pop();
      verdict |= step;
      if (!emit && verdict === UNTYPED) return UNTYPED;
    }
    // A pipe's rules after the record run only on a value of the right type, and valibot
    // shows them its own copy of the record: always an object, even for a list. (Only to
    // tell ISSUES from UNTYPED, they are not needed once there are issues.)
    if (verdict === UNTYPED || (!emit && verdict === ISSUES)) return verdict;
    return verdict | this.actions(shape.actions, value, emit, RECORD_COPY, entries);
  }

  /**
   * `check` of a union's options, from `i` on: `outer` is where issues go, `typed` the options
   * with the right type, as bits. Which option speaks is known only at the end, so the issues
   * of the options walked wait: with `base` (≥ 0, the count of their code in `outer` before
   * the union), they are counted in `outer` at once and those of options that do not speak
   * are taken back (`mark`: the count before option `i`; `spoke`: the issues of the last
   * option with the right type); otherwise each goes to an aside of its own (`asides`). An
   * option with nothing to walk is asked again, at once, if it speaks. (An aside for every
   * option of every union was most of what a feed of broken role objects allocated.)
   */
  private optionVerdicts(shape: UnionShape, value: unknown, emit: boolean, atField: boolean, outer: Log, base: number, asides?: Log[], typed = 0, i = 0, spoke = 0, mark = 0, resumed?: unknown): unknown {
    const code = this.code();
    for (; i < shape.options.length; i++) {
      let verdict = resumed as number | undefined;
      resumed = undefined;
      const option = shape.options[i];
      if (verdict === undefined && atOnceFor(option, value)) verdict = this.atOnce(option, value, false);
      else {
        // Walked (a resumed option was).
        if (verdict === undefined) {
          if (base >= 0) mark = outer.counts[code] ?? 0;
          else if (emit) this.log = (asides ??= [])[i] = newLog(outer.max - outer.problems.length);
          const now = this.visit(option, value, emit);
          if (now === PENDING) return this.later(this.optionVerdicts.bind(this, shape, value, emit, atField, outer, base, asides, typed, i, spoke, mark));
          verdict = now as number;
        }
        if (base >= 0 && verdict === ISSUES) spoke = (outer.counts[code] ?? 0) - mark;
      }
      this.log = outer;
      if (verdict === VALID) {
        if (base >= 0) recount(outer, code, base);
        return VALID;
      }
      if (verdict === ISSUES) typed |= 1 << i;
    }
    if (!emit) return typed ? ISSUES : UNTYPED;
    const speaker = speakerOf(typed, shape.options.length);
    const walked = speaker >= 0 && !atOnceFor(shape.options[speaker], value);
    // The speaker's issues stay: those of the one typed option, or all, where it is the only one.
    if (base >= 0) recount(outer, code, base + (walked ? (typed ? spoke : (outer.counts[code] ?? 0) - base) : 0));
    if (speaker < 0) {
      if (this.keeps()) this.add(found(value, expectedOf(shape, atField)));
    } else if (!walked) this.atOnce(shape.options[speaker], value, true);
    else if (base < 0) merge(outer, asides![speaker]);
    return typed ? ISSUES : UNTYPED;
  }

  /**
   * Where the walk goes on once it has paused: what each loop under way does with the result
   * of the part it is in, the innermost on top. A loop that pauses, or whose part gave
   * PENDING, adds its own to `chain` (innermost first) and gives PENDING itself; `steps`
   * moves the chain onto the stack. One driver for them all: a generator per paused loop,
   * each inside the last, grew one level deeper with every pause.
   */
  private readonly stack: ((result: unknown) => unknown)[] = [];
  private readonly chain: ((result: unknown) => unknown)[] = [];

  /** PENDING, with `rest` to go on with once the walk resumes (given the result of the part that paused, if any). */
  private later(rest: (result: unknown) => unknown): typeof PENDING {
    this.chain.push(rest);
    return PENDING;
  }

  /** The steps left to take when the walk gave PENDING: they end with what it would have given. */
  *steps(): Steps<unknown> {
    for (;;) {
      for (let k = this.chain.length - 1; k >= 0; k--) this.stack.push(this.chain[k]);
      this.chain.length = 0;
      yield PAUSE;
      let result: unknown;
      do result = this.stack.pop()!(result);
      while (result !== PENDING && this.stack.length);
      if (result !== PENDING) return result;
    }
  }

  /**
   * What of a field or list entry stays: the value itself, a copy without its optional
   * fields and list entries that failed (objects and lists of the item's own structure), or
   * FAIL when it must go as a whole; PENDING when the walk pauses.
   */
  keep(shape: Shape, value: unknown): unknown {
    // Not an object or list: nothing to walk, nothing to pause for.
    if (!isObjectLike(value)) return keptAs(value, this.atOnce(shape, value, true, true));
    // An object's fields are walked at once: it has no generated check of its own.
    if (shape.type === 'object') return this.object(shape, value);
    // A part that passes its generated check stays as it is, unwalked: an item with one
    // broken link and a hundred members is walked down to the link only.
    if (!shape.valid) return this.walked(shape, value, false);
    if (passesAtOnce(shape, value)) return value;
    // The check may have looked at all of it, and the walk looks again: a list's length
    // counts as work here, a record's keys where the walk lists them. (An offer to pause
    // after every failed check cost more than the walk of a small part, and so did timing
    // each check.)
    if (Array.isArray(value) && due(this.run, value.length)) return this.later(this.walked.bind(this, shape, value, true));
    return this.walked(shape, value, true);
  }

  /** `keep` for a list or another part that is not an object (`failed`: it failed its generated check). */
  private walked(shape: Shape, value: object, failed: boolean): unknown {
    if (shape.type === 'array' && Array.isArray(value)) return this.entries(shape, value);
    return this.kept(this.visit(shape, value, true, true, failed), value);
  }

  /** What `keep` gives for `value`, given its verdict (PENDING: the steps to it). */
  private kept(verdict: unknown, value: unknown): unknown {
    return verdict === PENDING ? this.later(keptAs.bind(undefined, value)) : keptAs(value, verdict);
  }

  /**
   * `keep` for an object of the item's own structure. (Apart from `keep`, which stays small:
   * a list of a million wrong values passes through it once per value.)
   */
  private object(shape: ObjectShape, value: Item): unknown {
    const {keys, required} = bitsOf(shape.entries);
    const has = present(keys, value);
    if (has) return this.fields(shape, value, has, required);
    // `{}`, a hostile feed's favourite item: nothing but its missing fields to tell, in a
    // loop tighter than fields' (a million of them: 12 % less time); beyond the first
    // problems, where they are only counted, all at once (they share one code).
    if (this.log.problems.length < this.log.max) for (let bits = required; bits; bits &= bits - 1) this.missing(shape.entries[lowest(bits)][0]);
    else if (required) counted(this.log, this.code(), ones(required));
    return required ? FAIL : value;
  }

  /** `keep` for a list of the item's own structure, from `i` on (`out`: what stays of it, once it differs; `dropAt`: the list's own). */
  private entries(shape: ArrayShape, list: readonly unknown[], dropAt = this.dropAt, i = 0, out?: unknown[], resumed?: unknown): unknown {
    for (; i < list.length; i++) {
      let kept = resumed;
      resumed = undefined;
      if (kept === undefined) {
        if (due(this.run, VALUE_WORK)) return this.later(this.entries.bind(this, shape, list, dropAt, i, out));
        this.path.push(i);
        this.dropAt = this.path.length;
        kept = this.keep(shape.item, list[i]);
        if (kept === PENDING) return this.later(this.entries.bind(this, shape, list, dropAt, i, out));
      }
      this.path.pop();
      if (kept !== list[i]) out ??= list.slice(0, i);
      if (out && kept !== FAIL) out.push(kept);
    }
    this.dropAt = dropAt;
    return out ?? list;
  }

  /**
   * `keep` for an object of the item's own structure, from the entries in `bits` on: `has`
   * and `required` are its fields and the shape's required ones, as bits (`present`,
   * `bitsOf`), `dropAt` the object's own, `out` what stays of it so far and `drops` its
   * optional fields that failed (as bits), left out in one copy when the object is done.
   */
  private fields(shape: ObjectShape, object: Item, has: number, required: number, dropAt = this.dropAt, bits = has | required, out: Item | typeof FAIL = object, drops = 0, resumed?: unknown): unknown {
    for (; bits; bits &= bits - 1) {
      const i = lowest(bits);
      const [key, entry, optional] = shape.entries[i];
      let kept = resumed;
      resumed = undefined;
      if (kept === undefined) {
        if (!(has & (1 << i))) {
          this.missing(key);
          out = FAIL;
          continue;
        }
        const field = object[key];
        if (optional && field === undefined) continue;
        this.path.push(key);
        if (optional) this.dropAt = this.path.length;
        kept = this.keep(entry, field);
        if (kept === PENDING) return this.later(this.fields.bind(this, shape, object, has, required, dropAt, bits, out, drops));
      }
      this.path.pop();
      this.dropAt = dropAt;
      if (kept === FAIL && optional) drops |= 1 << i;
      else out = withKept(object, out, key, kept);
    }
    if (out === FAIL || !drops) return out;
    const {lists, names} = bitsOf(shape.entries);
    return without(out, listOf(lists, drops, names));
  }

  /**
   * An item of `name`: as it can be shown, or undefined (then noted in the run's skipped
   * items); PENDING when there are steps to take first (`pending`, which end with the same).
   */
  item(name: CollectionName, list: readonly unknown[], index: number): unknown {
    this.name = name;
    this.index = index;
    const kept = this.keep(ITEM_SHAPES[name], list[index]);
    if (kept !== PENDING) return this.itemAs(kept, name, list, index);
    this.busy = true;
    this.pending = this.itemAfter(name, list, index);
    return PENDING;
  }

  /** The steps left of the item `item` gave PENDING for. */
  pending?: Steps<unknown>;

  private *itemAfter(name: CollectionName, list: readonly unknown[], index: number): Steps<unknown> {
    try {
      return this.itemAs(yield* this.steps(), name, list, index);
    } finally {
      this.busy = false;
    }
  }

  private itemAs(kept: unknown, name: CollectionName, list: readonly unknown[], index: number): unknown {
    if (kept !== FAIL) return kept;
    // Only an item with an id can be asked for.
    if (idOf(list[index]) !== undefined) (this.run.skipped ??= new SkippedItems()).add(name, list, index);
    return undefined;
  }
}

/**
 * Which union option reports the issues, as valibot decides: the one that got the type right
 * when just one did, else the only option; -1 when the union itself reports.
 */
function speakerOf(typed: number, options: number): number {
  return typed && !(typed & (typed - 1)) ? lowest(typed) : !typed && options === 1 ? 0 : -1;
}

/** Whether `value` has nothing to walk along `shape`: a leaf shape, or a value that is not an object or list (or not a list, where one is wanted). */
const atOnceFor = (shape: Shape, value: unknown): boolean => isLeaf(shape) || !isObjectLike(value) || (shape.type === 'array' && !Array.isArray(value));

/** A shape whose values have no fields or entries: checked at once. */
function isLeaf(shape: Shape): boolean {
  return shape.type === 'nullable' ? isLeaf(shape.wrapped) : shape.type === 'string' || shape.type === 'boolean' || shape.type === 'literal' || shape.type === 'picklist';
}

/** A top-level field's issues, as they read without a path. */
class FieldIssues extends Walk {
  protected override problem(text: string): Problem {
    return {code: 'field-dropped', path: '', message: text, fatal: false};
  }
}

/** Only the issues that leave the item out. */
class SkipReasons extends Walk {
  protected override keeps(): boolean {
    return this.dropAt < 0 && super.keeps();
  }
}

/**
 * Why each left-out item was left out, by `collection/id`. It keeps only where the items
 * are, and works the reason out again when asked: a feed of a million broken items costs a
 * number each, not a message each.
 */
export class SkippedItems implements ReadonlyMap<string, Problem> {
  private readonly _lists = new Map<CollectionName, {list: readonly unknown[]; indexes: number[]}>();
  private _all?: Map<string, Problem>;

  add(name: CollectionName, list: readonly unknown[], index: number): void {
    let entry = this._lists.get(name);
    if (!entry) this._lists.set(name, (entry = {list, indexes: []}));
    entry.indexes.push(index);
  }

  get(key: string): Problem | undefined {
    return runToEnd(this.reason(key));
  }

  /**
   * The steps of working out why the item `collection/id` was left out (undefined: it was
   * not). An item may be a megabyte on its own, so a page takes them in slices.
   */
  *reason(key: string): Steps<Problem | undefined> {
    const slash = key.indexOf('/');
    const name = key.slice(0, slash) as CollectionName;
    const entry = this._lists.get(name);
    const id = key.slice(slash + 1);
    const index = entry?.indexes.find((i) => idOf(entry.list[i]) === id);
    return index === undefined ? undefined : yield* reasonSteps(name, entry!.list, index);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** All of them; this writes every reason out. */
  private _every(): Map<string, Problem> {
    if (!this._all) {
      this._all = new Map();
      for (const [name, {list, indexes}] of this._lists) {
        for (const index of indexes) {
          const key = `${name}/${idOf(list[index])}`;
          if (!this._all.has(key)) this._all.set(key, runToEnd(reasonSteps(name, list, index)));
        }
      }
    }
    return this._all;
  }

  get size(): number {
    return this._every().size;
  }
  forEach(callback: (value: Problem, key: string, map: ReadonlyMap<string, Problem>) => void, thisArg?: unknown): void {
    this._every().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries() {
    return this._every().entries();
  }
  keys() {
    return this._every().keys();
  }
  values() {
    return this._every().values();
  }
  [Symbol.iterator]() {
    return this._every()[Symbol.iterator]();
  }
}

const idOf = (item: unknown): string | undefined => (isObject(item) && typeof item.id === 'string' ? item.id : undefined);

function* reasonSteps(name: CollectionName, list: readonly unknown[], index: number): Steps<Problem> {
  const walk = new SkipReasons({...newLog(0), work: 0}, newLog(1), name, index);
  if (walk.keep(ITEM_SHAPES[name], list[index]) === PENDING) yield* walk.steps();
  return walk.log.problems[0];
}

// ---------------------------------------------------------------------------------------
// What engine.ts hands over.

/** The result for a document that is not a version 1 feed. */
export function fatal(run: Run, raw: unknown): ValidationResult {
  const problem: Problem = !isObject(raw)
    ? {code: 'feed-invalid', path: '', message: `The feed must be a JSON object like {"version": 1, "projects": […]}, got ${show(raw)}.`, fatal: true}
    : {
        code: 'feed-version',
        path: 'version',
        message:
          raw.version === undefined
            ? 'version: is required but missing. Add "version": 1 at the top of the feed.'
            : `version: expected 1, got ${show(raw.version)}. Write "version": 1 and follow the version 1 format.`,
        fatal: true,
      };
  run.counts[problem.code] = 1;
  run.problems.push(problem);
  return {problems: run.problems, counts: run.counts, skipped: new Map()};
}

const FIELD_HINTS: Partial<Record<keyof typeof FIELD_SHAPES, string>> = {language: 'Swedish ("sv") is assumed.'};

/** A top-level field (language, publisher, updated) that is left out. */
export function fieldProblem(run: Run, field: keyof typeof FIELD_SHAPES, value: unknown): void {
  if (!counted(run, 'field-dropped')) return;
  const walk = new FieldIssues(run, newLog(1));
  walk.atOnce(FIELD_SHAPES[field], value, true);
  run.problems.push({code: 'field-dropped', path: field, message: `${field}: ${walk.log.problems[0].message}. ${FIELD_HINTS[field] ?? 'It is left out.'}`, fatal: false});
}

/** A collection that is not a list. */
export function listProblem(run: Run, name: CollectionName, value: unknown): void {
  if (counted(run, 'field-dropped')) run.problems.push({code: 'field-dropped', path: name, message: `${name}: expected a list ([…]), got ${show(value)}. It is left out.`, fatal: false});
}

/** One walk for all items (a hostile feed may fail a million of them). */
const sharedWalk = new Walk({...newLog(0), work: 0});
/** The walk whose item `repairItem` last left with steps to take: `itemSteps` hands them over at once. */
let stepping: Walk | undefined;

/**
 * An item that failed its check: the item as it can be shown (itself, or a copy without the
 * optional parts that failed), or undefined when a required part failed; PENDING when it
 * takes steps: `itemSteps()` are they, and end with the item.
 */
export function repairItem(run: Run, name: CollectionName, list: readonly unknown[], index: number): unknown {
  // An item that is not an object has one problem, its type; beyond the first problems, it
  // is counted and nothing more (a megabyte of nulls or numbers took twice as long walked).
  if (!isObjectLike(list[index]) && run.problems.length >= run.max) {
    counted(run, 'feed-invalid');
    return undefined;
  }
  // Busy while an item paused in the middle of it: two feeds checked at once take turns
  // there, and the other run's item takes a walk of its own.
  const walk = sharedWalk.busy ? new Walk(run) : sharedWalk.restart(run);
  const item = walk.item(name, list, index);
  if (item === PENDING) stepping = walk;
  return item;
}

export {PENDING};
export const itemSteps = (): Steps<unknown> => stepping!.pending!;

/** An item whose id an earlier item of its collection has. */
export function duplicate(run: Run, name: CollectionName, index: number, id: string): void {
  if (!counted(run, 'feed-invalid')) return;
  const path = formatPath([name, index, 'id']);
  run.problems.push({
    code: 'feed-invalid',
    path,
    message: `${path}: the id '${id}' is used twice. Only the first ${WHAT[name]} with it is shown; give each its own id.`,
    fatal: false,
    skipped: true,
  });
}

/**
 * Counts a reference to nothing; true when it is among the first problems, to be written
 * out by `dangling` (its path is made only then).
 */
const isWritten = (run: Run): boolean => counted(run, 'field-dropped');

/** A reference to nothing, at the path `keys`, written out. */
function dangling(run: Run, keys: readonly Key[], target: CollectionName, id: unknown): void {
  const path = formatPath(keys);
  run.problems.push({
    code: 'field-dropped',
    path,
    message: `${path}: there is no ${WHAT[target]} with the id '${id}' in this feed. It is left out; add that ${WHAT[target]} or fix the id.`,
    fatal: false,
  });
}

export function danglingPublisher(run: Run, feed: Feed): void {
  if (isWritten(run)) dangling(run, ['publisher'], 'organizations', feed.publisher);
  delete feed.publisher;
}

/**
 * What stays of `object` with what stays of its field `key` (`kept`, FAIL for a required
 * field that failed), given what stays of it so far (`out`: itself, a copy, or FAIL once a
 * required field failed). Optional fields that failed are left out later (`fields`).
 */
function withKept(object: Item, out: Item | typeof FAIL, key: string, kept: unknown): Item | typeof FAIL {
  if (out === FAIL || kept === object[key]) return out;
  if (kept === FAIL) return FAIL;
  // A copy, then the field (a schema key, never "__proto__"): a third faster in Node than
  // `{...object, [key]: kept}`, which a feed of members with broken roles does for each.
  if (out === object) out = {...object};
  out[key] = kept;
  return out;
}

/**
 * A copy of `object` without `keys`. Not a copy and `delete`: V8 turns an object something
 * was deleted from into a slow dictionary, for every later read, the element's too (4 MB of
 * projects with two broken links each took 1.5 times as long to validate). Nor a rest
 * spread (`{[key]: _, ...out}`), V8's slow path: 300,000 people without their broken
 * e-mail address and phone number took 140 ms that way in Node here, 70-100 ms this way.
 */
function without<T extends Item>(object: T, keys: readonly string[]): T {
  const out: Item = {};
  for (const key in object) {
    if (!hasOwn.call(object, key) || keys.includes(key)) continue;
    // An own "__proto__" (JSON.parse makes one) stays a field; assigned, it would set the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, {value: object[key], enumerable: true, writable: true, configurable: true});
    else out[key] = object[key];
  }
  return out as T;
}

/**
 * A kept item with its dangling references left out (a copy; the caller's objects stay as
 * they are): the field, or the list entry that cannot do without it. At once, as the
 * engine's check that found one went through the item at once; a list's length counts as
 * the run's work. (A generator per item took a tenth of the time of a feed of people who
 * each name an organisation that is not in it.)
 */
export function dropDangling(run: Run, name: CollectionName, position: number, item: Item, ids: KnownIds): Item {
  let out = item;
  const {keys, lists, names} = bitsOf((ITEM_SHAPES[name] as ObjectShape).entries);
  // Fields of the item that go, as bits of its entries, left out together (one copy).
  let gone = 0;
  for (const {container, many, field, target, entryGoes} of REFERENCES[name]!) {
    const known = ids[target];
    if (!container) {
      const id = item[field];
      if (id === undefined || known.has(id as string)) continue;
      if (isWritten(run)) dangling(run, [name, position, field], target, id);
      gone |= keys.get(field)!;
    } else if (!many) {
      const holder = item[container] as Item | undefined;
      const id = holder?.[field];
      if (id === undefined || known.has(id as string)) continue;
      if (isWritten(run)) dangling(run, [name, position, container, field], target, id);
      out = {...out, [container]: without(holder!, [field])};
    } else {
      const entries = item[container] as Item[] | undefined;
      if (!entries) continue;
      run.work += entries.length * VALUE_WORK;
      let kept: Item[] | undefined;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const id = entry[field];
        const bad = id !== undefined && !known.has(id as string);
        if (bad) {
          if (isWritten(run)) dangling(run, [name, position, container, i, field], target, id);
        } else if (!kept) continue;
        kept ??= entries.slice(0, i);
        if (!bad) kept.push(entry);
        else if (!entryGoes) kept.push(without(entry, [field]));
      }
      if (kept) out = {...out, [container]: kept};
    }
  }
  return gone ? without(out, listOf(lists, gone, names)) : out;
}

/** The work of looking up one language's plural rules, in the units of `due` (16,000 are about a millisecond). */
const PLURAL_RULES_WORK = 320;

/**
 * Keeps every well-formed label, checked like a page's run-time catalog (known message ids,
 * their placeholders, plural categories); reports the rest one by one, pausing as it goes.
 */
export function* repairLabels(run: Run, raw: unknown): Steps<Labels> {
  const labels: Labels = {};
  const report: Report = (path, why) => {
    if (counted(run, 'field-dropped')) run.problems.push(dropped(path(), why()));
  };
  if (!isObject(raw)) {
    report(() => 'labels', () => `expected an object like {"sv": {"<message id>": "text"}}, got ${show(raw)}`);
    return labels;
  }
  for (const lang of Object.keys(raw)) {
    const table = raw[lang];
    const where = ['labels', lang];
    if (!isLanguageTag(lang)) {
      report(() => formatPath(where), () => `expected a language tag like "sv", got ${show(lang)}`);
      continue;
    }
    if (!isObject(table)) {
      report(() => formatPath(where), () => `expected an object of message ids to texts, got ${show(table)}`);
      continue;
    }
    const allowed = categoriesWhenAsked(lang);
    const kept: Record<string, CatalogText> = {};
    for (const id of Object.keys(table)) {
      // A count's text may look up the language's plural rules, which cost `Intl` about 20 µs.
      if (due(run, isObject(table[id]) ? PLURAL_RULES_WORK : LABEL_WORK)) yield PAUSE;
      const text = checkEntry(id, table[id], () => formatPath([...where, id]), allowed, report);
      if (text !== undefined) kept[id] = text;
    }
    labels[lang] = kept as Labels[string];
  }
  return labels;
}
