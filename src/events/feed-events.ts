/** The feed events every element fires (bubbling and composed, so a page can listen on `document`). */
import type {ErrorCode} from '../feed/validate.js';

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

declare global {
  interface HTMLElementEventMap {
    'loft-load': LoftLoadEvent;
    'loft-error': LoftErrorEvent;
  }
}
