/**
 * ALTCHA proof of work, loaded lazily (a separate chunk) the first time a visitor touches a
 * form whose feed asks for it. The solver is `altcha-lib`'s: in a module Web Worker when
 * this code is on the page's origin (a worker must be same-origin, and a strict CSP forbids
 * `blob:` workers), else on the main thread in small slices with a macrotask between them,
 * so typing never waits for hashing.
 */
import {solveChallenge} from 'altcha-lib/v1';

/** A challenge as `GET challengeUrl` returns it (ALTCHA v1: SHA-256 with an HMAC signature). */
export interface AltchaChallenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

/** A solution as the receiver expects it (base64 JSON), and when its challenge expires. */
export interface AltchaSolution {
  payload: string;
  /** Milliseconds since the epoch, by the receiver's clock: the challenge's `expires=` salt parameter, if it has one. */
  expiresAt?: number;
}

/** Numbers tried per main-thread slice: a few milliseconds of hashing. */
const SLICE = 200;

function isChallenge(value: unknown): value is AltchaChallenge {
  const c = value as AltchaChallenge;
  return !!c && ['algorithm', 'challenge', 'salt', 'signature'].every((k) => typeof c[k as keyof AltchaChallenge] === 'string');
}

/** When a challenge expires: altcha-lib signs `expires=<seconds>` into the salt's parameters. */
function expiryOf(challenge: AltchaChallenge): number | undefined {
  const seconds = Number(new URLSearchParams(challenge.salt.split('?')[1] ?? '').get('expires'));
  return seconds > 0 ? seconds * 1000 : undefined;
}

/** Fetches a challenge and solves it. */
export async function solveAltcha(challengeUrl: string, signal: AbortSignal): Promise<AltchaSolution> {
  const response = await fetch(challengeUrl, {signal, credentials: 'omit', cache: 'no-store', headers: {accept: 'application/json'}});
  if (!response.ok) throw new Error(`challenge: HTTP ${response.status}`);
  const challenge: unknown = await response.json();
  if (!isChallenge(challenge)) throw new Error('challenge: not an ALTCHA challenge');
  const max = Math.min(challenge.maxnumber ?? 1e6, 1e7);
  const number = (await inWorker(challenge, max, signal).catch(() => null)) ?? (await onMainThread(challenge, max, signal));
  if (number === null) throw new Error('challenge: no solution');
  const {algorithm, salt, signature} = challenge;
  return {payload: btoa(JSON.stringify({algorithm, challenge: challenge.challenge, number, salt, signature})), expiresAt: expiryOf(challenge)};
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: {createScriptURL(url: string): string}): {createScriptURL(url: string): unknown};
}

let policy: {createScriptURL(url: string): unknown} | undefined;

/**
 * The worker's URL, as a TrustedScriptURL where the page enforces Trusted Types (the page's
 * CSP must then allow the policy `loft-altcha`; if it does not, this throws and the
 * challenge is solved on the main thread instead).
 */
function workerUrl(url: URL): unknown {
  const tt = (globalThis as {trustedTypes?: TrustedTypesLike}).trustedTypes;
  if (!tt) return url.href;
  policy ??= tt.createPolicy('loft-altcha', {
    createScriptURL: (value) => {
      if (value !== url.href) throw new TypeError('loft-altcha: unexpected worker URL');
      return value;
    },
  });
  return policy.createScriptURL(url.href);
}

/** The worker's file beside this chunk; empty in the single-file build, which has no worker file. */
const WORKER_FILE = './altcha-worker.js';

/** Solves in a Web Worker; rejects when no worker can run here (other origin, no module workers, the single-file build). */
function inWorker(challenge: AltchaChallenge, max: number, signal: AbortSignal): Promise<number | null> {
  const url = new URL(WORKER_FILE || 'about:blank', import.meta.url);
  if (!WORKER_FILE || typeof Worker === 'undefined' || url.origin !== location.origin) return Promise.reject(new Error('no worker'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(url) as string, {type: 'module'});
    const done = () => {
      worker.terminate();
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<number | null>) => {
      done();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      reject(new Error('worker failed'));
    };
    worker.postMessage({...challenge, max});
  });
}

/** Solves on the main thread, `SLICE` numbers at a time, yielding to the event loop between slices. */
async function onMainThread(challenge: AltchaChallenge, max: number, signal: AbortSignal): Promise<number | null> {
  for (let start = 0; start <= max; start += SLICE) {
    signal.throwIfAborted();
    const found = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, Math.min(max, start + SLICE - 1), start).promise;
    if (found) return found.number;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}
