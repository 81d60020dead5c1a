/** The feed events every element fires (bubbling and composed, so a page can listen on `document`). */
import type {ErrorCode} from '../feed/validate.js';
import type {LoadedFeed} from '../feed/load.js';

const init = {bubbles: true, composed: true};

/** Detail of `loft-load`. */
export interface LoftLoadDetail {
  src?: string;
  project?: string;
}

/** The feed was loaded and the element shows it. */
export class LoftLoadEvent extends CustomEvent<LoftLoadDetail> {
  constructor(detail: LoftLoadDetail) {
    super('loft-load', {...init, detail});
  }
}

/** Detail of `loft-error`: `message` is English, for editors. */
export interface LoftErrorDetail {
  code: ErrorCode;
  message: string;
  path?: string;
}

/** Something in the feed could not be shown: all of it (fatal) or one field or item. */
export class LoftErrorEvent extends CustomEvent<LoftErrorDetail> {
  constructor(detail: LoftErrorDetail) {
    super('loft-error', {...init, detail});
  }
}

/**
 * Tells the page about a loaded feed: `loft-error` for each of its problems the validator
 * kept in full (the first ones), then one per code with how many more there are, then
 * `loft-load`.
 */
export function reportLoad(target: EventTarget, loaded: LoadedFeed, project: string | undefined): void {
  const more: Partial<Record<ErrorCode, number>> = {...loaded.counts};
  for (const p of loaded.problems) {
    target.dispatchEvent(new LoftErrorEvent({code: p.code, message: p.message, path: p.path}));
    more[p.code] = (more[p.code] ?? 1) - 1;
  }
  for (const [code, count] of Object.entries(more) as [ErrorCode, number][]) {
    if (count > 0) {
      const message = `…and ${count} more problem${count === 1 ? '' : 's'} of this kind (${code}) in ${loaded.src ?? 'the feed'}. Run "npx loft-widgets validate" on the feed to list them all.`;
      target.dispatchEvent(new LoftErrorEvent({code, message}));
    }
  }
  target.dispatchEvent(new LoftLoadEvent({src: loaded.src, project}));
}

declare global {
  interface HTMLElementEventMap {
    'loft-load': LoftLoadEvent;
    'loft-error': LoftErrorEvent;
  }
}
