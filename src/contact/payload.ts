/**
 * The submission a contact form sends, as DESIGN.md's protocol says: the visitor's values
 * for the fields the form shows, and consent records of exactly what they were shown.
 */
import type {ContactFormView} from './view.js';
import type {ResolvedText} from '../feed/text.js';
import {primaryOf} from '../i18n/chain.js';
import {shortHash} from './hash.js';
import type {FieldName} from './limits.js';
import type {ConsentRecord} from './submission.js';

/** What the visitor did. */
export interface Filled {
  values: Record<FieldName, string>;
  /** The ids of the ticked consent boxes. */
  ticked: ReadonlySet<string>;
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

/**
 * The records of what the visitor was shown and agreed to: the notice or the consent, and
 * each ticked optional consent. Each keeps the exact text shown and the language it was
 * shown in: the page's, or the one a feed text fell back to.
 */
export function consentRecords(view: ContactFormView, filled: Pick<Filled, 'ticked' | 'locale' | 'at'>): ConsentRecord[] {
  const record = (id: string, shown: ResolvedText, version?: string): ConsentRecord => ({
    id,
    given: true,
    version: version || shortHash(shown.text),
    text: shown.text,
    locale: primaryOf(shown.lang) === primaryOf(filled.locale) ? filled.locale : shown.lang,
    at: filled.at,
  });
  const sentences = view.notice.flat();
  // The notice's own language is that of its legal sentences (a feed text in another language carries its note).
  const notice = {text: sentences.map((s) => s.text).join(' '), lang: sentences[0].lang};
  const records = view.consent
    ? [record('processing', {text: `${view.consent.text} ${notice.text}`, lang: view.consent.lang}, view.version)]
    : [record('notice', notice, view.version)];
  for (const c of view.optional?.consents ?? []) if (filled.ticked.has(c.id)) records.push(record(c.id, c.label, c.version));
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
