// Who is asking, for rate limits and connection caps. Behind reverse proxies the client's
// address is in X-Forwarded-For, but only the entries the proxies appended can be trusted:
// each proxy appends the address it saw, so with N trusted proxies the client is the N-th
// entry from the right. Everything to the left of it was written by the client itself.
import {isIP} from 'node:net';

/**
 * What the outermost of `hops` trusted proxies wrote in an X-Forwarded-* header: the `hops`-th
 * entry from the right. Undefined without trusted proxies, or when the header has fewer
 * entries (it did not pass through every proxy: whatever it holds may be the client's own).
 */
export function forwarded(req, header, hops) {
  if (!hops) return undefined;
  // Node joins repeated headers with ", ", in order.
  const chain = String(req.headers[header] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain.length < hops ? undefined : chain[chain.length - hops];
}

/** The client's address: the TCP peer, or the `hops`-th X-Forwarded-For entry from the right. */
export function clientAddress(req, hops) {
  const peer = plainAddress(req.socket.remoteAddress ?? '') ?? 'unknown';
  // Without a trusted entry, the peer (a proxy) is all that is known.
  return plainAddress(forwarded(req, 'x-forwarded-for', hops) ?? '') ?? peer;
}

/** An IP address without port, brackets or zone; undefined when it is not one. */
export function plainAddress(value) {
  const bare = /^\[([^\]]+)\](?::\d+)?$/.exec(value)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value)?.[1] ?? value;
  const address = bare.replace(/%.*$/, '');
  if (!isIP(address)) return undefined;
  // An IPv4 client on a dual-stack socket: one client, one key.
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address.toLowerCase();
}

/**
 * The key a limit counts under: an IPv4 address as it is, an IPv6 address by its /64 (one
 * customer's network; a single host can pick any of its 2^64 addresses at will).
 */
export function limitKey(address) {
  if (isIP(address) !== 6) return address;
  return expandIpv6(address).slice(0, 4).join(':') + '::/64';
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIpv6(address) {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16));
}

/**
 * Fixed windows that start at a key's first hit, in memory (one receiver on SQLite). Bounded:
 * windows are kept in the order they started, so the expired ones are always at the front
 * and go first; past `maxKeys` the oldest window is dropped even if it still runs.
 */
export function memoryRateWindows({maxKeys = 100_000} = {}) {
  const windows = new Map();
  return {
    hit(key, now, windowMs) {
      for (const [oldest, w] of windows) {
        const ended = now - w.start >= windowMs;
        const full = windows.size >= maxKeys && !windows.has(key);
        if (!ended && !full) break;
        windows.delete(oldest);
      }
      let w = windows.get(key);
      if (!w) windows.set(key, (w = {start: now, hits: 0}));
      w.hits++;
      return {hits: w.hits, windowStart: w.start};
    },
    get size() {
      return windows.size;
    },
  };
}
