// ALTCHA proof of work with a key ring. Every challenge names the key that signed it (`kid`
// in its salt, which the signature covers), so keys can be rotated: the newest key signs,
// and an older key kept in the ring still verifies the challenges it signed until they
// expire (`lifetimeMs`, CHALLENGE_LIFETIME_MS unless configured); after that it can go.
// The expiry is in the salt (`expires=`, seconds), so the form knows it too and fetches a
// fresh challenge before sending with one about to expire.
import {createChallenge, extractParams, verifySolution} from 'altcha-lib/v1';

export const CHALLENGE_LIFETIME_MS = 10 * 60_000;

/** `keys`: [{id, secret}], newest first; `lifetimeMs`: how long a challenge can be solved and sent. */
export function altchaKeyRing(keys, maxNumber, lifetimeMs = CHALLENGE_LIFETIME_MS) {
  const [signing] = keys;
  const byId = new Map(keys.map((key) => [key.id, key.secret]));
  return {
    challenge: () =>
      createChallenge({hmacKey: signing.secret, maxNumber, expires: new Date(Date.now() + lifetimeMs), params: {kid: signing.id}}),

    /**
     * A solution (base64 JSON, as the form sends it) to a challenge one of the keys signed,
     * unexpired. Returns `{signature, expiresAt}` (seconds) for the replay store, or undefined.
     */
    async verify(solution) {
      let payload;
      try {
        payload = JSON.parse(Buffer.from(solution, 'base64').toString('utf8'));
      } catch {
        return undefined;
      }
      if (!payload || typeof payload !== 'object' || typeof payload.signature !== 'string' || typeof payload.salt !== 'string') return undefined;
      const {kid, expires} = extractParams(payload);
      const secret = byId.get(kid);
      // A challenge without an expiry is none this receiver issued.
      if (!secret || !/^\d+$/.test(expires ?? '')) return undefined;
      try {
        if (!(await verifySolution(payload, secret, true))) return undefined;
      } catch {
        return undefined;
      }
      return {signature: payload.signature, expiresAt: Number(expires)};
    },
  };
}
