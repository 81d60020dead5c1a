/**
 * The ALTCHA proof of work of one contact form, as a `Task`: nothing is fetched until the
 * visitor first touches the form (`start`); then a challenge is fetched and solved in the
 * background (`altcha.ts`, a lazy chunk). A solution is good for one submission: `take()`
 * hands it over, and `renew()` solves a fresh one for the next try.
 */
import {Task, TaskStatus} from '@lit/task';
import type {ReactiveControllerHost} from 'lit';

export class Captcha {
  private _url?: string;
  private _round = 0;
  private readonly _task: Task<[string | undefined, number], string | undefined>;

  constructor(host: ReactiveControllerHost) {
    this._task = new Task(host, {
      autoRun: false,
      args: () => [this._url, this._round],
      task: async ([url], {signal}) => {
        if (!url) return undefined;
        const {solveAltcha} = await import('./altcha.js');
        return solveAltcha(url, signal);
      },
    });
  }

  /** Starts solving for a challenge URL (once per URL until `renew`). */
  start(url: string | undefined): void {
    if (!url || this._url === url) return;
    this._url = url;
    void this._task.run();
  }

  /** Solves a fresh challenge (after a submission used the last one). */
  renew(): void {
    if (!this._url) return;
    this._round++;
    void this._task.run();
  }

  /** Whether a solution is being worked out. */
  get working(): boolean {
    return this._task.status === TaskStatus.PENDING;
  }

  /** The solution, once there; `undefined` when no challenge could be fetched or solved. */
  async take(): Promise<string | undefined> {
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
