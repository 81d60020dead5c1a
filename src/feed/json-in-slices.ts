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

class NotJson extends Error {}

export async function parseJsonInSlices(text: string): Promise<unknown> {
  let at = 0;
  const fail = (): never => {
    throw new NotJson();
  };
  const space = () => {
    for (let c = text.charCodeAt(at); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++at));
  };
  const expect = (char: string) => {
    space();
    if (text[at++] !== char) fail();
  };
  const string = (): string => {
    expect('"');
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
  /** A string, number, true, false or null at `at`; undefined where an object or list starts. */
  const scalar = (): unknown => {
    space();
    const c = text[at];
    if (c === '"') return string();
    if (c === '{' || c === '[') return undefined;
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : '';
    if (word) {
      if (!text.startsWith(word, at)) fail();
      at += word.length;
      return c === 'n' ? null : c === 't';
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text)?.[0] || fail();
    at += number.length;
    return Number(number);
  };
  const set = (object: Record<string, unknown>, key: string, value: unknown) => {
    // JSON.parse makes "__proto__" an own key; assigning it would set the prototype.
    if (key === '__proto__') Object.defineProperty(object, key, {value, writable: true, enumerable: true, configurable: true});
    else object[key] = value;
  };

  try {
    // The objects and lists still open, innermost last, and for objects the key being read.
    const open: (Record<string, unknown> | unknown[])[] = [];
    const keys: string[] = [];
    let sliceStart = performance.now();
    for (let steps = 1; ; steps++) {
      if (steps % 4096 === 0 && performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = performance.now();
      }
      let value = scalar();
      if (value === undefined) {
        const list = text[at++] === '[';
        space();
        if (text[at] !== (list ? ']' : '}')) {
          open.push(list ? [] : {});
          keys.push(list ? '' : string());
          if (!list) expect(':');
          continue;
        }
        at++;
        value = list ? [] : {};
      }
      // Put the value in what is open, and close what ends after it.
      for (;;) {
        const container = open.at(-1);
        if (!container) {
          space();
          return at === text.length ? value : fail();
        }
        if (Array.isArray(container)) container.push(value);
        else set(container, keys.at(-1)!, value);
        space();
        const c = text[at++];
        if (c === ',') {
          if (!Array.isArray(container)) {
            keys[keys.length - 1] = string();
            expect(':');
          }
          break;
        }
        if (c !== (Array.isArray(container) ? ']' : '}')) fail();
        open.pop();
        keys.pop();
        value = container;
        if (++steps % 4096 === 0 && performance.now() - sliceStart > SLICE_MS) {
          await nextTask();
          sliceStart = performance.now();
        }
      }
    }
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    return JSON.parse(text);
  }
}
