/** The contact form's events (bubbling and composed, so a page can listen on `document`). */
import type {Submission, SubmissionErrors} from '../contact/submission.js';

const init = {bubbles: true, composed: true};

/** What a host that sends a submission itself reports back through `respondWith`. */
export interface SubmitOutcome {
  ok: boolean;
  /** The receiver's `422` errors, shown on the fields. */
  errors?: SubmissionErrors;
  /** Seconds to wait before trying again (a `429`). */
  retryAfter?: number;
}

/** Detail of `loft-submit`. */
export interface LoftSubmitDetail {
  payload: Submission;
  /** After `preventDefault()`: the host sends the payload itself and reports the outcome here. */
  respondWith(outcome: Promise<SubmitOutcome>): void;
}

/** The visitor sends the contact form (cancelable: a host may send the payload itself). */
export class LoftSubmitEvent extends CustomEvent<LoftSubmitDetail> {
  constructor(detail: LoftSubmitDetail) {
    super('loft-submit', {...init, cancelable: true, detail});
  }
}

/** Detail of `loft-submitted`. */
export interface LoftSubmittedDetail {
  /** The receiver's HTTP status (`0` when a host sent it through `respondWith`). */
  status: number;
}

/** The receiver accepted the message. */
export class LoftSubmittedEvent extends CustomEvent<LoftSubmittedDetail> {
  constructor(detail: LoftSubmittedDetail) {
    super('loft-submitted', {...init, detail});
  }
}

/** Why a submission failed. */
export type SubmitErrorCode = 'network' | 'timeout' | 'rejected' | 'server' | 'rate-limited';

/** Detail of `loft-submit-error`. */
export interface LoftSubmitErrorDetail {
  code: SubmitErrorCode;
  status?: number;
  /** Seconds, from `Retry-After`. */
  retryAfter?: number;
}

/** The message was not accepted; everything the visitor typed is still in the form. */
export class LoftSubmitErrorEvent extends CustomEvent<LoftSubmitErrorDetail> {
  constructor(detail: LoftSubmitErrorDetail) {
    super('loft-submit-error', {...init, detail});
  }
}

declare global {
  interface HTMLElementEventMap {
    'loft-submit': LoftSubmitEvent;
    'loft-submitted': LoftSubmittedEvent;
    'loft-submit-error': LoftSubmitErrorEvent;
  }
}
