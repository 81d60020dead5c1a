/**
 * `JSON.parse` in slices of a few milliseconds, for feed texts under 1 MB that are dense
 * with objects and lists: `JSON.parse` of a megabyte of `{},{},…` or of `[[[…]]]` is one
 * task of 60 ms or more on a slow device, so the page would freeze. The values are the ones
 * `JSON.parse` gives (keys in the same order, a `__proto__` key as an own property, numbers
 * read alike); nesting is a stack, not recursion. A text that is not JSON goes to
 * `JSON.parse` itself, so the editor gets the browser's own message.
 *
 * Lists are read by `JSON.parse` in batches: the entries that fit in `BATCH_CHARS` together
 * (found by a scan for brackets, commas and quotes) are parsed at once and added to the list;
 * only an entry too large for a batch is read here, down to parts that fit. (Objects are read
 * here key by key: a batch of keys costs as much to copy into a large object as to read.)
 * A megabyte of projects with a thousand broken participants each: 8.1 → 5.8 ms in Node
 * (medians of 21), where `JSON.parse` takes 3.4 ms.
 */
import {heavy, nextTask, SLICE_MS, sliceStart, sliceTime} from './slices.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The run of a string up to its end, an escape or a character JSON does not allow in one. */
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const ESCAPE_OR_CONTROL = /[\\\u0000-\u001f]/;
const ESCAPES: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};
const [QUOTE, COMMA, COLON, OPEN_LIST, CLOSE_LIST, OPEN_OBJECT, CLOSE_OBJECT, BACKSLASH] = Array.from('",:[]{}\\', (c) => c.charCodeAt(0));
/** Characters of members parsed by one `JSON.parse` at most: well under a millisecond of work, however dense. */
export const BATCH_CHARS = 16_384;
/** true, false and null, by their first character. */
const WORDS = new Map<number, readonly [string, boolean | null]>([
  [116, ['true', true]],
  [102, ['false', false]],
  [110, ['null', null]],
]);
/** Keys from which an object, and what holds it, is marked `heavy` (slices.ts): validation walks it in steps. */
export const HEAVY_KEYS = 4096;
/** What `value()` gives where an object or list starts. */
const OPENS = Symbol('opens');
/** The members were added by a batch: no value to add. */
const ADDED = Symbol('added');

class NotJson extends Error {}

export async function parseJsonInSlices(text: string, batchChars = BATCH_CHARS): Promise<unknown> {
  let at = 0;
  const fail = (): never => {
    throw new NotJson();
  };
  /** Skips whitespace; the code of the character after it. */
  const next = (): number => {
    let c = text.charCodeAt(at);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
    return c;
  };
  const expect = (code: number) => {
    if (next() !== code) fail();
    at++;
  };
  const string = (): string => {
    expect(QUOTE);
    // Most strings have no escapes: one search, one slice.
    const end = text.indexOf('"', at);
    const plain = end < 0 ? '' : text.slice(at, end);
    if (end >= 0 && !ESCAPE_OR_CONTROL.test(plain)) {
      at = end + 1;
      return plain;
    }
    let out = '';
    for (;;) {
      PLAIN.lastIndex = at;
      PLAIN.test(text);
      out += text.slice(at, PLAIN.lastIndex);
      at = PLAIN.lastIndex;
      const c = text[at++];
      if (c === '"') return out;
      if (c !== '\\') return fail();
      const escape = text[at++];
      if (escape === 'u' && /^[\da-fA-F]{4}$/.test(text.slice(at, at + 4))) {
        out += String.fromCharCode(parseInt(text.slice(at, at + 4), 16));
        at += 4;
      } else if (Object.hasOwn(ESCAPES, escape)) out += ESCAPES[escape];
      else fail();
    }
  };
  /** A string, number, true, false or null; OPENS where an object or list starts. */
  const value = (): unknown => {
    const c = next();
    if (c === QUOTE) return string();
    if (c === OPEN_OBJECT || c === OPEN_LIST) return OPENS;
    const word = WORDS.get(c);
    if (word) {
      if (!text.startsWith(word[0], at)) fail();
      at += word[0].length;
      return word[1];
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text)?.[0] || fail();
    at += number.length;
    return Number(number);
  };
  const set = (object: Record<string, unknown>, key: string, item: unknown) => {
    // JSON.parse makes "__proto__" an own key; assigning it would set the prototype.
    if (key === '__proto__') Object.defineProperty(object, key, {value: item, writable: true, enumerable: true, configurable: true});
    else object[key] = item;
  };

  // What the scans for batches may still read: twice the text, so that a text made to defeat
  // them (members each a little too large, nested deep) costs two scans and no more.
  let budget = 2 * text.length + batchChars;
  /**
   * Where the list entries that start at `from` end, as many as fit in `batchChars`: the index
   * of the comma or closing bracket after the last of them, or `from` when the first does not fit.
   * Brackets are counted whatever their kind, and strings skipped to their closing quote;
   * JSON.parse checks the rest.
   */
  const batchEnd = (from: number): number => {
    const limit = Math.min(text.length, from + batchChars);
    let depth = 0;
    let end = from;
    let i = from;
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        // The closing quote: one after an even number of backslashes. A string that does not
        // close within the batch ends it before its entry, and what was read for it counts.
        for (;;) {
          i = text.indexOf('"', i + 1);
          if (i < 0 || i >= limit) {
            budget -= (i < 0 ? text.length : i) - from;
            return end;
          }
          let k = i;
          while (text.charCodeAt(k - 1) === BACKSLASH) k--;
          if ((i - k) % 2 === 0) break;
        }
      } else if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      } else if (c === COMMA && depth === 0) end = i;
    }
    budget -= Math.min(i, limit) - from;
    return end;
  };
  /** The entries in `text[from..end)`, parsed at once. */
  const batch = (from: number, end: number): unknown[] => {
    try {
      return JSON.parse(`[${text.slice(from, end)}]`);
    } catch {
      return fail();
    }
  };

  try {
    // The objects and lists still open, innermost last, and for objects the key being read.
    const open: (Record<string, unknown> | unknown[])[] = [];
    const keys: string[] = [];
    // How many keys each open object has (Infinity: it holds a heavy one).
    const sizes: number[] = [];
    /**
     * Adds entries to the list open at `depth`, and gives the list. Its first entries become the
     * list itself, sized as JSON.parse sizes it: a push onto an empty list reserves room for 17,
     * and 300,000 lists nested one in the next took 3.3 times JSON.parse's memory.
     */
    const addTo = (depth: number, entries: unknown[]): unknown[] => {
      const list = open[depth] as unknown[];
      if (!list.length) return (open[depth] = entries);
      for (const entry of entries) list.push(entry);
      return list;
    };
    sliceStart();
    let steps = 0;
    /** Whether the slice is over: the clock is asked every 4,096 steps (a container opened or closed, a member read; a batch counts as many). */
    const over = () => {
      if (++steps < 4096) return false;
      steps = 0;
      return sliceTime() > SLICE_MS;
    };
    for (;;) {
      // Here too, not only where containers close: 300,000 lists opened one inside the next held the page for 60-120 ms.
      if (over()) await nextTask();
      // At the start of the root value, or of the next member of the innermost open container.
      let depth = open.length - 1;
      let item: unknown;
      const innermost = open[depth];
      if (innermost) {
        // A member cannot be empty (`[1,,2]`, `[ ,1]`).
        const c = next();
        if (c === COMMA || c === CLOSE_LIST || c === CLOSE_OBJECT) fail();
      }
      const end = Array.isArray(innermost) && budget > 0 ? batchEnd(at) : at;
      if (end > at) {
        addTo(depth, batch(at, end));
        at = end;
        item = ADDED;
        steps += 4096;
      } else {
        if (innermost && !Array.isArray(innermost)) {
          keys[depth] = string();
          expect(COLON);
        }
        item = value();
        if (item === OPENS) {
          const list = text.charCodeAt(at++) === OPEN_LIST;
          if (next() !== (list ? CLOSE_LIST : CLOSE_OBJECT)) {
            open.push(list ? [] : {});
            keys.push('');
            sizes.push(0);
            continue;
          }
          at++;
          item = list ? [] : {};
        }
      }
      // Put the value in what is open, and close what ends after it.
      for (;;) {
        if (over()) await nextTask();
        depth = open.length - 1;
        if (depth < 0) {
          next();
          return at === text.length ? item : fail();
        }
        let container = open[depth];
        const list = Array.isArray(container);
        if (item !== ADDED) {
          if (list) container = addTo(depth, [item]);
          else {
            set(container as Record<string, unknown>, keys[depth], item);
            sizes[depth]++;
          }
        }
        const c = next();
        at++;
        if (c === COMMA) break;
        if (c !== (list ? CLOSE_LIST : CLOSE_OBJECT)) fail();
        open.pop();
        keys.pop();
        // Marked as they close, when they are what they will be (a list's first entries become the list).
        if (sizes.pop()! >= HEAVY_KEYS) {
          heavy.add(container);
          // What holds it counts as heavy too.
          if (sizes.length) sizes[sizes.length - 1] = Infinity;
        }
        item = container;
      }
    }
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    return JSON.parse(text);
  }
}
