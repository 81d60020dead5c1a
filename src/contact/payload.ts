/**
 * The submission a contact form sends, as DESIGN.md's protocol says: the visitor's values
 * for the fields the form shows, and consent records of exactly what they were shown.
 */
import type {ContactFormView} from './view.js';
import {shortHash} from './hash.js';
import type {FieldName} from './limits.js';
import type {ConsentRecord} from './submission.js';

/** What the visitor did. */
export interface Filled {
  values: Record<FieldName, string>;
  /** Ticked consent boxes, by id. */
  ticked: Record<string, boolean>;
  honeypot: string;
  /** From the first interaction to the click on send. */
  elapsedMs: number;
  altcha?: string;
  /** The element's language. */
  locale: string;
  /** Origin + path of the page (never the query string or fragment: they may carry personal data). */
  page: string;
  /** When the visitor sent it (ISO 8601). */
  at: string;
}

/** The records of what the visitor was shown and agreed to: the notice or the consent, and each ticked optional consent. */
export function consentRecords(view: ContactFormView, filled: Pick<Filled, 'ticked' | 'locale' | 'at'>): ConsentRecord[] {
  const notice = view.notice.map((s) => s.text).join(' ');
  const record = (id: string, text: string, version?: string): ConsentRecord => ({id, given: true, version: version || shortHash(text), text, locale: filled.locale, at: filled.at});
  const records = view.consent ? [record('processing', `${view.consent.text} ${notice}`, view.version)] : [record('notice', notice, view.version)];
  for (const c of view.optional?.consents ?? []) if (filled.ticked[c.id]) records.push(record(c.id, c.label.text, c.version));
  return records;
}

/** The payload to send (checked against the shared schema before it goes). */
export function buildPayload(view: ContactFormView, filled: Filled): Record<string, unknown> {
  const values: Partial<Record<FieldName, string>> = {};
  for (const field of view.fields) values[field.name] = filled.values[field.name].trim();
  return {
    form: view.form,
    ...(view.project ? {project: view.project} : {}),
    ...(view.recipient ? {recipient: view.recipient} : {}),
    ...values,
    consents: consentRecords(view, filled),
    legalBasis: view.legalBasis,
    locale: filled.locale,
    page: filled.page,
    honeypot: filled.honeypot,
    elapsedMs: filled.elapsedMs,
    ...(filled.altcha ? {altcha: filled.altcha} : {}),
  };
}
