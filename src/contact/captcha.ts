/**
 * The ALTCHA proof of work of one contact form, as a `Task`: nothing is fetched until the
 * visitor first touches the form (`start`); then a challenge is fetched and solved in the
 * background (`altcha.ts`, a lazy chunk). A solution is good for one submission: `take()`
 * hands it over, and `renew()` solves a fresh one for the next try.
 *
 * A challenge expires (10 minutes in the reference receiver), and a visitor may write for
 * longer: a solution whose challenge expires within a minute is renewed while the visitor is
 * still at work (`renewIfStale`, on each interaction) and at the latest by `take()`, so no
 * send is refused for taking time (WCAG 2.2.1).
 */
import {Task, TaskStatus} from '@lit/task';
import type {ReactiveControllerHost} from 'lit';
import type {AltchaSolution} from './altcha.js';

/**
 * How long a solution must still be good for when it is sent: the time a send may take (the
 * form's timeout, 15 s by default) and a visitor's clock that is a little behind the receiver's.
 * A receiver whose challenges live shorter than twice this gets half their lifetime instead,
 * so a solution is never stale the moment it arrives.
 */
const FRESH_FOR_MS = 60_000;

/** A solution and the time (by this browser's clock) from which it is renewed before use. */
type Solution = AltchaSolution & {staleAt?: number};

/**
 * When a solution becomes stale: `FRESH_FOR_MS` (or half the time it had) before its challenge
 * expires. Never, for a challenge without an expiry, or one that looks expired on arrival (this
 * browser's clock is ahead of the receiver's): the receiver's refusal then decides.
 */
function staleAt({expiresAt}: AltchaSolution): number | undefined {
  const left = expiresAt === undefined ? 0 : expiresAt - Date.now();
  return left > 0 ? expiresAt! - Math.min(FRESH_FOR_MS, left / 2) : undefined;
}

const stale = (solution: Solution | undefined) => solution?.staleAt !== undefined && Date.now() >= solution.staleAt;

export class Captcha {
  private _url?: string;
  private _round = 0;
  private readonly _task: Task<[string | undefined, number], Solution | undefined>;

  constructor(host: ReactiveControllerHost) {
    this._task = new Task(host, {
      autoRun: false,
      args: () => [this._url, this._round],
      task: async ([url], {signal}) => {
        if (!url) return undefined;
        const {solveAltcha} = await import('./altcha.js');
        const solution = await solveAltcha(url, signal);
        return {...solution, staleAt: staleAt(solution)};
      },
    });
  }

  /** Starts solving for a challenge URL (once per URL until `renew`). */
  start(url: string | undefined): void {
    if (!url || this._url === url) return;
    this._url = url;
    void this._task.run();
  }

  /** Solves a fresh challenge (after a submission used the last one, or its challenge expired). */
  renew(): void {
    if (!this._url) return;
    this._round++;
    void this._task.run();
  }

  /** Renews a solution whose challenge expires soon, so a fresh one is ready when the visitor sends. */
  renewIfStale(): void {
    if (this._task.status === TaskStatus.COMPLETE && stale(this._task.value)) this.renew();
  }

  /** Whether a solution is being worked out, or must be before `take()` can hand one over. */
  get working(): boolean {
    return this._task.status === TaskStatus.PENDING || (this._task.status === TaskStatus.COMPLETE && stale(this._task.value));
  }

  /**
   * The solution, once there, from a challenge that is still good for a while (else a fresh
   * one is solved first; that one is taken whatever its expiry says, as the receiver's clock
   * decides); `undefined` when no challenge could be fetched or solved.
   */
  async take(): Promise<string | undefined> {
    let solution = await this._solution();
    if (stale(solution)) {
      this.renew();
      solution = await this._solution();
    }
    return solution?.payload;
  }

  private async _solution(): Promise<Solution | undefined> {
    try {
      return await this._task.taskComplete;
    } catch {
      return undefined;
    }
  }

  /** Stops any work in flight (the form left the page). */
  abort(): void {
    this._task.abort();
    this._url = undefined;
  }
}
