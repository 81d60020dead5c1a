/**
 * The feed task of every loft element: runs an async computation when its arguments change
 * (compared before each update, as `@lit/task` does), keeps the newest run's result, and
 * tells its host once that result is there. It is the part of `@lit/task` the elements use:
 * that module is 0.6 KB brotli on every page before content, and its `onComplete` comes
 * before the task holds the value, which `loft-load` must not. (The contact form's captcha,
 * loaded only with the form, keeps `@lit/task`.)
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

export class OutcomeTask<A extends readonly unknown[], V> implements ReactiveController {
  /** The newest finished run's result; none before the first. */
  value?: V;
  /** Whether a run is under way (or none has run yet). */
  pending = true;
  /** Resolves once the newest run has finished. */
  complete: Promise<unknown> = Promise.resolve();
  private _args?: A;
  private _runs = 0;

  /**
   * @param compute must not reject (an element's outcome says what went wrong instead)
   * @param done called with each newest result, after it is the task's value
   */
  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _argsOf: () => A,
    private readonly _compute: (args: A) => Promise<V>,
    private readonly _done: (value: V) => void
  ) {
    _host.addController(this);
  }

  hostUpdate(): void {
    const args = this._argsOf();
    const before = this._args;
    if (!before || args.length !== before.length || args.some((arg, i) => !Object.is(arg, before[i]))) void this.run(args);
  }

  /** Runs now (a retry), with the current arguments; an older run still under way is dropped when it ends. */
  run(args: A = this._argsOf()): Promise<unknown> {
    this._args = args;
    this.pending = true;
    this._host.requestUpdate();
    const run = ++this._runs;
    return (this.complete = this._compute(args).then((value): unknown => {
      // Superseded: settle when the newest run does.
      if (run !== this._runs) return this.complete;
      this.value = value;
      this.pending = false;
      this._host.requestUpdate();
      this._done(value);
      return undefined;
    }));
  }
}
