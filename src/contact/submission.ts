/**
 * The contact-form submission, written once: the form builds and checks its payload with
 * this schema, and the reference receiver (`server/receiver.mjs`) validates what arrives
 * with the very same module from `dist/`. Field errors use the codes of the protocol
 * (`required`, `invalid`, `too-long`), so the form can show the receiver's answer inline.
 */
import * as v from 'valibot';
import {LEGAL_BASES} from '../feed/codes.js';
import {isEmail} from '../feed/urls.js';

import {LIMITS, type FieldName} from './limits.js';

export {LIMITS, type FieldName};

/** A field-level problem, as in the `422` answer. */
const FIELD_ERROR_CODES = ['required', 'invalid', 'too-long'] as const;
export type FieldError = (typeof FIELD_ERROR_CODES)[number];

/** A form-level problem (`_form` in the `422` answer). */
const FORM_ERROR_CODES = ['too-fast', 'spam', 'captcha', 'consent-missing'] as const;
export type FormError = (typeof FORM_ERROR_CODES)[number];

/** `{"<field>": FieldError, "_form"?: FormError}`. */
export type SubmissionErrors = Partial<Record<FieldName | 'consents', FieldError>> & {_form?: FormError};

const SLUG = /^[a-z0-9][a-z0-9._-]*$/;
const PHONE = /^\+?[\d\s()-]{5,40}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

// Control characters (C0, DEL, C1) and Unicode line/paragraph separators: in a one-line
// field they forge lines in mail headers, logs and the submissions listing.
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const slug = v.pipe(v.string(), v.regex(SLUG), v.maxLength(200));
const oneLine = v.check((s: string) => !CONTROL_OR_LINE_BREAK.test(s), 'invalid');
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, 'too-long'));
const required = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(max, 'too-long'));

export const ConsentRecordSchema = v.object({
  id: slug,
  given: v.literal(true),
  version: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  locale: v.pipe(v.string(), v.regex(LOCALE)),
  at: v.pipe(v.string(), v.isoTimestamp()),
});

export const SubmissionSchema = v.object({
  form: slug,
  project: v.optional(slug),
  recipient: v.optional(slug),
  name: v.pipe(required(LIMITS.name), oneLine),
  email: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(LIMITS.email, 'too-long'), v.check(isEmail, 'invalid')),
  phone: v.optional(v.pipe(text(LIMITS.phone), v.check((s) => s.trim() === '' || PHONE.test(s.trim()), 'invalid'))),
  organization: v.optional(v.pipe(text(LIMITS.organization), oneLine)),
  subject: v.optional(v.pipe(text(LIMITS.subject), oneLine)),
  message: required(LIMITS.message),
  // One record per consent id: two records for one id would leave it open which the visitor saw.
  consents: v.pipe(
    v.array(ConsentRecordSchema),
    v.maxLength(20),
    v.check((records) => new Set(records.map((c) => c.id)).size === records.length, 'invalid')
  ),
  legalBasis: v.picklist(LEGAL_BASES),
  locale: v.pipe(v.string(), v.regex(LOCALE)),
  page: v.pipe(v.string(), v.maxLength(2048), v.check(isPagePath, 'invalid')),
  honeypot: v.pipe(v.string(), v.maxLength(1000)),
  elapsedMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  altcha: v.optional(v.pipe(v.string(), v.maxLength(4000))),
});

export type ConsentRecord = v.InferOutput<typeof ConsentRecordSchema>;
export type Submission = v.InferOutput<typeof SubmissionSchema>;

/** An http(s) origin + path: no query string, no fragment, no credentials. */
function isPagePath(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username && !url.password && url.href === value;
  } catch {
    return false;
  }
}

const FIELD_CODES = new Set<string>(FIELD_ERROR_CODES);
const FORM_CODES = new Set<string>(FORM_ERROR_CODES);

/**
 * A receiver's errors (or a host's, through `respondWith`) in the protocol's words, which
 * are all the form has texts for: the fields it knows and `consents`, each with a field code
 * (any other is `invalid`), and a known `_form` code. The receiver is the feed's, so its
 * answer is untrusted: `{"name": "constructor"}` showed JavaScript's Object function as the
 * message. Undefined when nothing is left, and the form says the send was refused.
 */
export function protocolErrors(raw: unknown): SubmissionErrors | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const errors: Record<string, string> = {};
  for (const [key, code] of Object.entries(raw)) {
    if (key === '_form') {
      if (typeof code === 'string' && FORM_CODES.has(code)) errors._form = code;
    } else if (code && (key === 'consents' || Object.hasOwn(LIMITS, key))) errors[key] = typeof code === 'string' && FIELD_CODES.has(code) ? code : 'invalid';
  }
  return Object.keys(errors).length ? (errors as SubmissionErrors) : undefined;
}

/**
 * Checks a payload. On success the trimmed submission; otherwise the field errors the
 * protocol's `422` answer carries (the consent rule of the legal basis included). Name,
 * organisation and subject are one line each: control characters and line breaks are
 * `invalid`; two consent records with one id make `consents` `invalid`.
 */
export function checkSubmission(input: unknown): {ok: true; value: Submission} | {ok: false; errors: SubmissionErrors} {
  // A body that is not an object (an array, a string, null) has none of the fields: it is
  // answered as an empty one, with a code for each required field, never with no code at all.
  const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  const result = v.safeParse(SubmissionSchema, body);
  if (!result.success) {
    const errors: Record<string, string> = {};
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key;
      const name = typeof key === 'string' ? key : '_form';
      if (errors[name]) continue;
      errors[name] = FIELD_CODES.has(issue.message) ? issue.message : issue.kind === 'schema' && issue.input === undefined ? 'required' : 'invalid';
    }
    if (errors._form) delete errors._form;
    return {ok: false, errors: errors as SubmissionErrors};
  }
  const value = result.output;
  const needed = value.legalBasis === 'consent' ? 'processing' : 'notice';
  if (!value.consents.some((c) => c.id === needed)) return {ok: false, errors: {_form: 'consent-missing'}};
  return {ok: true, value};
}
