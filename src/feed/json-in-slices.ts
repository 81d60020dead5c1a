/**
 * `JSON.parse` in slices of a few milliseconds, for feed texts under 1 MB that are dense
 * with objects and lists: `JSON.parse` of a megabyte of `{},{},…` or of `[[[…]]]` is one
 * task of 60 ms or more, so the page would freeze. The values are the ones `JSON.parse`
 * gives (keys in the same order, a `__proto__` key as an own property, numbers read alike);
 * nesting is a stack, not recursion. A text that is not JSON goes to `JSON.parse` itself,
 * so the editor gets the browser's own message.
 */
import {nextTask, SLICE_MS} from './check/engine.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The run of a string up to its end, an escape or a character JSON does not allow in one. */
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const ESCAPE_OR_CONTROL = /[\\\u0000-\u001f]/;
const ESCAPES: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'};
const [QUOTE, COMMA, COLON, OPEN_LIST, CLOSE_LIST, OPEN_OBJECT, CLOSE_OBJECT] = Array.from('",:[]{}', (c) => c.charCodeAt(0));
/** true, false and null, by their first character. */
const WORDS = new Map<number, readonly [string, boolean | null]>([
  [116, ['true', true]],
  [102, ['false', false]],
  [110, ['null', null]],
]);
/** What `value()` gives where an object or list starts. */
const OPENS = Symbol('opens');

class NotJson extends Error {}

export async function parseJsonInSlices(text: string): Promise<unknown> {
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

  try {
    // The objects and lists still open, innermost last, and for objects the key being read.
    const open: (Record<string, unknown> | unknown[])[] = [];
    const keys: string[] = [];
    let sliceStart = performance.now();
    let steps = 0;
    for (;;) {
      let item = value();
      if (item === OPENS) {
        const list = text.charCodeAt(at++) === OPEN_LIST;
        if (next() !== (list ? CLOSE_LIST : CLOSE_OBJECT)) {
          open.push(list ? [] : {});
          keys.push(list ? '' : string());
          if (!list) expect(COLON);
          continue;
        }
        at++;
        item = list ? [] : {};
      }
      // Put the value in what is open, and close what ends after it.
      for (;;) {
        if (++steps % 4096 === 0 && performance.now() - sliceStart > SLICE_MS) {
          await nextTask();
          sliceStart = performance.now();
        }
        const depth = open.length - 1;
        if (depth < 0) {
          next();
          return at === text.length ? item : fail();
        }
        const container = open[depth];
        const list = Array.isArray(container);
        if (list) container.push(item);
        else set(container, keys[depth], item);
        const c = next();
        at++;
        if (c === COMMA) {
          if (!list) {
            keys[depth] = string();
            expect(COLON);
          }
          break;
        }
        if (c !== (list ? CLOSE_LIST : CLOSE_OBJECT)) fail();
        open.pop();
        keys.pop();
        item = container;
      }
    }
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    return JSON.parse(text);
  }
}
