/**
 * Work in slices: long work on the main thread written as steps (a generator that offers to
 * pause every so often), which a page runs in slices of a few milliseconds, letting the page
 * handle input and render between them (`runInSlices`), and the server and the CLI run at
 * once (`runToEnd`), with the same results. Validation (check/engine.ts), the list's sort
 * (sort.ts) and an editor's hints (not-found.ts) are written as steps; parsing a dense feed
 * (json-in-slices.ts) keeps a loop of its own. All share one slice of the page's time per
 * task (`sliceStart`).
 */

/** What steps ask of their driver: a chance to pause, or the slow path of validation. */
export const PAUSE = 0;
export const LOAD = 1;
/** Steps of a run, or of part of one: they end with a `T`. */
export type Steps<T> = Generator<typeof PAUSE | typeof LOAD, T, void>;

/**
 * Objects of thousands of keys, and what holds them, as the parser for dense texts found them
 * (json-in-slices.ts): their generated checks list every key in one piece (40-85 ms for a
 * name in 62,000 languages in Chromium on this machine), so validation walks them in steps
 * instead, as it walks a part that fails.
 */
export const heavy = new WeakSet<object>();

/** The longest a browser slice runs before it lets the page do other work. */
export const SLICE_MS = 8;

/** Runs steps in one go. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs steps in slices of a few milliseconds, letting the page handle input and render
 * between them; `load` answers a step that asks for the slow path.
 */
export async function runInSlices<T>(steps: Steps<T>, load?: () => Promise<void>): Promise<T> {
  sliceStart();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      // After a long last slice, the page gets a turn before the view is built and rendered (which is a task's work of its own for a large feed).
      if (sliceTime() > SLICE_MS / 2) await nextTask();
      return step.value;
    }
    if (step.value === LOAD) {
      await load!();
      // Most likely a task of its own by now: its slice begins here, not at the next offer to pause.
      sliceStart();
    } else if (sliceTime() > SLICE_MS) await nextTask();
  }
}

/** When the slice under way began; undefined when none has in this task. */
let began: number | undefined;

/**
 * When the main thread's current slice of work began: at the first sliced work of this task.
 * One task may go on through promises from one such work to the next (a feed parsed, then
 * validated, then a mistake in it explained), so they share the slice; each used to begin a
 * fresh one where the last left off.
 */
export function sliceStart(): number {
  if (began === undefined) {
    began = performance.now();
    // The slice ends with the task: a timer runs in a task of its own. (Were it late, as in a
    // tab in the background, a slice would only end sooner: `nextTask` begins the next.)
    setTimeout(() => (began = undefined));
  }
  return began;
}

/** How long the current slice has taken so far, in milliseconds. */
export const sliceTime = (): number => performance.now() - sliceStart();

/** Lets the browser do other work before the next slice (a task, not a timer: timers are clamped and throttled); the next slice begins after it. */
export async function nextTask(): Promise<void> {
  const scheduler = (globalThis as {scheduler?: {yield?: () => Promise<void>}}).scheduler;
  if (scheduler?.yield) await scheduler.yield();
  else {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  began = undefined;
  sliceStart();
}

/**
 * Steps that make each call after an offer to pause (for work whose cost comes in one piece,
 * such as the first Intl object of a kind on a page). A call that throws is left to whoever
 * makes it again.
 */
export function* oneByOne(calls: readonly (() => unknown)[]): Steps<void> {
  for (const call of calls) {
    yield PAUSE;
    try {
      call();
    } catch {
      // The view meets the same problem and says it.
    }
  }
}
