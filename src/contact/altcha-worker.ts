/**
 * The ALTCHA worker (a module worker beside `altcha.js`): solves one challenge with
 * `altcha-lib` and posts back the number, or `null`.
 */
import {solveChallenge} from 'altcha-lib/v1';

interface Work {
  algorithm: string;
  challenge: string;
  salt: string;
  max: number;
}

addEventListener('message', async (event: Event) => {
  const {algorithm, challenge, salt, max} = (event as MessageEvent<Work>).data;
  const found = await solveChallenge(challenge, salt, algorithm, max).promise;
  (globalThis as unknown as {postMessage(value: unknown): void}).postMessage(found ? found.number : null);
});
