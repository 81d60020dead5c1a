/**
 * Sending a contact-form submission: loaded with the payload schema on the first submit,
 * so the page's initial bundle carries only the form. One call, one request; the answer
 * is read whole within the timeout and turned into an outcome the form can show.
 */
import type {SubmitErrorCode, SubmitOutcome} from '../events/submit-events.js';
import {checkSubmission, protocolErrors, type Submission, type SubmissionErrors} from './submission.js';

export {checkSubmission};

/** What came of one attempt. */
export type Outcome = {ok: true; status: number} | {ok: false; code: SubmitErrorCode; status?: number; retryAfter?: number; errors?: SubmissionErrors};

/** Seconds from a `Retry-After` header (seconds or an HTTP date). */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : undefined;
}

/**
 * POSTs the payload as JSON, without credentials; gives up after `timeout` ms. With an
 * `idempotencyKey` (one per submission, the same on every retry of it) the receiver stores
 * and delivers the submission once however often it arrives.
 */
export async function postSubmission(endpoint: string | undefined, payload: Submission, timeout: number, idempotencyKey?: string): Promise<Outcome> {
  if (!endpoint) return {ok: false, code: 'rejected'};
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {'content-type': 'application/json', accept: 'application/json', ...(idempotencyKey ? {'idempotency-key': idempotencyKey} : {})},
      body: JSON.stringify(payload),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'strict-origin',
      signal: abort.signal,
    });
    const status = response.status;
    // Read the whole answer (within the timeout): the request is over only then.
    const text = await response.text();
    if (response.ok) return {ok: true, status};
    if (status === 429) return {ok: false, code: 'rate-limited', status, retryAfter: retryAfterSeconds(response.headers.get('retry-after'))};
    if (status === 400 || status === 422) {
      let errors: SubmissionErrors | undefined;
      try {
        errors = protocolErrors((JSON.parse(text) as {errors?: unknown} | null)?.errors);
      } catch {
        // Not JSON: a plain rejection.
      }
      return {ok: false, code: 'rejected', status, errors};
    }
    return {ok: false, code: status >= 500 ? 'server' : 'rejected', status};
  } catch {
    return {ok: false, code: abort.signal.aborted ? 'timeout' : 'network'};
  } finally {
    clearTimeout(timer);
  }
}

/** The outcome a host reported through `loft-submit`'s `respondWith` (none: the host took over). */
export async function hostOutcome(responded: Promise<SubmitOutcome> | undefined): Promise<Outcome> {
  if (!responded) return {ok: true, status: 0};
  try {
    const outcome = await responded;
    if (outcome.ok) return {ok: true, status: 0};
    if (outcome.retryAfter !== undefined) return {ok: false, code: 'rate-limited', retryAfter: outcome.retryAfter};
    // A host's errors (the receiver it sent to) hold what the form can show, or the form says the send was refused.
    if (outcome.errors) return {ok: false, code: 'rejected', errors: protocolErrors(outcome.errors)};
    return {ok: false, code: 'server'};
  } catch {
    return {ok: false, code: 'network'};
  }
}
