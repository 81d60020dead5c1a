/**
 * The contact form as its template sees it: which form (by the `form` attribute, else the
 * recipient's, else the project's), its fields, the information notice its legal basis
 * calls for, the consents it asks, and every message the form may show, resolved in the
 * element's language. Pure: computed in the element's feed task (or on a server).
 */
import {FeedError, findItem} from '../feed/load.js';
import type {ContactForm} from '../feed/schema.js';
import {needsLang} from '../feed/text.js';
import type {Problem} from '../feed/check/engine.js';
import {AT_MOST, grouped, firstOf, shorten, type ResolvedText, type Resolver} from '../feed/view/resolver.js';
import {durationInWords, formatAmount, formatList} from '../i18n/duration.js';
import {languageName} from '../i18n/format.js';
import type {MessageId} from '../i18n/catalog.js';
import type {SubmitErrorCode} from '../events/submit-events.js';
import {LIMITS, type FieldName} from './limits.js';
import type {FieldError, FormError} from './submission.js';

export type FieldMode = 'hidden' | 'optional' | 'required';

/** One field the visitor fills in. */
export interface FieldView {
  name: FieldName;
  label: ResolvedText;
  required: boolean;
  /** What the field's error says, by error code. */
  errors: Record<FieldError, string>;
}

/** A consent box: its id, its label as shown, and the version a consent record gives. */
export interface ConsentView {
  id: string;
  label: ResolvedText;
  /** Says, in the visitor's language, that the label is not in it. */
  languageNote?: ResolvedText;
  version: string;
}

export interface ContactFormView {
  form: string;
  project?: string;
  recipient?: string;
  legalBasis: ContactForm['legalBasis'];
  /** The form's `version`, if it has one (else consent records carry a hash of the text). */
  version?: string;
  heading: ResolvedText;
  legend: ResolvedText;
  fields: FieldView[];
  honeypot: ResolvedText;
  /**
   * The information notice in paragraphs of sentences, each in the language it is really in
   * (what the `notice` or `processing` consent record keeps). The right to object is a
   * paragraph of its own: GDPR art. 21(4) wants it "clearly and separately" presented.
   */
  notice: ResolvedText[][];
  privacy?: {href: string; text: ResolvedText};
  /** The label of the required box under the legal basis `consent`. */
  consent?: ResolvedText;
  optional?: {legend: ResolvedText; consents: ConsentView[]};
  /** What the form leaves out of an overlong list of optional consents, for the editor. */
  leftOut: Problem[];
  endpoint?: string;
  challengeUrl?: string;
  text: {
    send: ResolvedText;
    sending: ResolvedText;
    retry: ResolvedText;
    summary: ResolvedText;
    consentMissing: string;
    captchaWorking: ResolvedText;
    sentHeading: ResolvedText;
    sentPublicRecord?: ResolvedText;
  };
  formErrors: Record<FormError, string>;
  /** What a failed submission says, by `loft-submit-error` code (`too-large` for a 413). */
  failures: Record<Exclude<SubmitErrorCode, 'rate-limited'> | 'too-large', string>;
  /** "Try again in 2 minutes …", for a wait in seconds. */
  rateLimited(seconds: number): string;
  /** "We will answer you by e-mail at …". */
  sentNext(email: string): string;
}

const FIELDS: FieldName[] = ['name', 'email', 'phone', 'organization', 'subject', 'message'];

const FORM_ERRORS: Record<FormError, MessageId> = {
  'too-fast': 'contact-error-too-fast',
  spam: 'contact-error-spam',
  captcha: 'contact-error-captcha',
  'consent-missing': 'contact-error-consent',
};

/** The form an element shows: `form`, else the recipient's, else the project's (or the feed's only one). */
function selectForm(r: Resolver, input: {form?: string; recipient?: string; project?: string}) {
  const {loaded} = r;
  const project = input.project ? findItem(loaded, 'projects', input.project, 'project') : undefined;
  const person = input.recipient
    ? findItem(loaded, 'people', input.recipient, 'recipient')
    : input.form || !project?.contactPerson
      ? undefined
      : findItem(loaded, 'people', project.contactPerson, 'contactPerson');
  const forms = loaded.feed.contactForms;
  const id = input.form ?? person?.contactForm ?? project?.contactForm ?? (forms.length === 1 ? forms[0].id : undefined);
  if (!id) throw new FeedError('not-found', 'No form, recipient or project attribute names a contact form. Add form="<id>".', 'contactForms');
  return {form: findItem(loaded, 'contactForms', id, 'form'), person, project};
}

/**
 * Where a feed text is not in the visitor's language: a note saying so, in the visitor's
 * language (naming the text's language where the browser can).
 */
function languageNote(r: Resolver, text: ResolvedText): ResolvedText | undefined {
  if (!needsLang(text, r.lang)) return undefined;
  // The language is named in the note's own language, which may be a fallback of the page's.
  const language = languageName(text.lang, r.ui('contact-text-language').lang);
  return language ? r.ui('contact-text-language', {language}) : r.ui('contact-text-language-unnamed');
}

/**
 * What the form formats through `Intl` that may be the first of its kind on the page, for the
 * element to set up ahead of its view (LoftElement._intl), one to a task: a retention period in
 * words (amounts of two units, then those in a list; in one call they took 32-85 ms in
 * Chromium on this machine) and the name of a notice's language.
 */
export function contactFormIntl(r: Resolver): (() => unknown)[] {
  return [() => formatAmount(1, 'year', r.tr), () => formatAmount(6, 'month', r.tr), () => formatList(['1', '6'], r.tr), () => languageName('en', r.ui('contact-text-language').lang)];
}

/** The notice's paragraphs: what, who and why; a public record; the right to object. */
function noticeOf(r: Resolver, form: ContactForm, controller: string): ResolvedText[][] {
  const first = [r.ui(`contact-notice-${form.legalBasis}`, {controller})];
  // The editor's words whole, unless they alone would hold the page (20,000 characters of
  // Japanese: 55-70 ms): then a first layer, cut at a word, before the link to the privacy
  // notice. The consent record keeps what was shown (its version is the form's, else that text's hash).
  const own = shorten(r.text(form.notice), AT_MOST.noticeChars);
  const ownNote = own && languageNote(r, own);
  if (own) first.push(own);
  if (ownNote) first.push(ownNote);
  const period = form.retention ? durationInWords(form.retention, r.tr) : undefined;
  if (period) first.push(r.ui('contact-retention', {period}));
  const paragraphs = [first];
  // A message to an authority is an allmän handling on receipt, whatever the legal basis.
  if (form.publicRecord) paragraphs.push([r.ui('contact-public-record')]);
  // GDPR art. 21(1) gives the right to object to processing based on art. 6(1)(e) or (f).
  if (form.legalBasis !== 'consent') paragraphs.push([r.ui('contact-object', {controller})]);
  return paragraphs;
}

export function contactFormView(r: Resolver, input: {form?: string; recipient?: string; project?: string}): ContactFormView {
  const {form, person, project} = selectForm(r, input);
  const controller = r.text(form.controller.name)?.text ?? '';
  const personName = person ? (person.givenName ?? r.text(person.name)?.text) : undefined;
  const modes: Record<FieldName, FieldMode> = {
    name: 'required',
    email: 'required',
    message: 'required',
    phone: form.fields?.phone ?? 'hidden',
    organization: form.fields?.organization ?? 'hidden',
    subject: form.fields?.subject ?? 'hidden',
  };
  const fields = FIELDS.filter((name) => modes[name] !== 'hidden').map((name): FieldView => {
    const label = r.ui(`contact-field-${name}`);
    const field = label.text;
    return {
      name,
      label,
      required: modes[name] === 'required',
      errors: {
        required: r.t('contact-error-required', {field}),
        // What the right format is, where the form has one to say (WCAG 3.3.3).
        invalid: name === 'email' ? r.t('contact-error-email') : name === 'phone' ? r.t('contact-error-phone') : r.t('contact-error-invalid', {field}),
        'too-long': r.t('contact-error-too-long', {field, max: LIMITS[name]}),
      },
    };
  });
  // A consent left out is never asked for, so never given.
  const {shown: optional, problem} = firstOf(
    form.optionalConsents,
    AT_MOST.consents,
    (c): ConsentView | undefined => {
      const label = r.text(c.label);
      return label && {id: c.id, label, languageNote: languageNote(r, label), version: c.version};
    },
    (n) => `the contact form "${form.id}" asks for ${grouped(n)} optional consent${n === 1 ? '' : 's'}`,
    () => `contactForms[${r.feed.contactForms.indexOf(form)}].optionalConsents`,
    {max: AT_MOST.consentChars, text: (c) => c.label.text}
  );
  const privacy = r.url(form.privacyPolicyUrl);
  return {
    form: form.id,
    project: project?.id,
    recipient: person?.id,
    legalBasis: form.legalBasis,
    version: form.version,
    heading: personName ? r.ui('contact-heading-person', {name: personName}) : r.ui('contact-heading'),
    legend: r.ui('contact-required-legend'),
    fields,
    honeypot: r.ui('contact-honeypot'),
    notice: noticeOf(r, form, controller),
    privacy: privacy ? {href: privacy, text: r.ui('contact-privacy-link', {controller})} : undefined,
    consent: form.legalBasis === 'consent' ? r.ui('contact-consent-processing', {controller}) : undefined,
    optional: optional.length ? {legend: r.ui('contact-optional-consents'), consents: optional} : undefined,
    leftOut: problem ? [problem] : [],
    endpoint: r.url(form.endpoint),
    challengeUrl: form.captcha?.provider === 'altcha' ? r.url(form.captcha.challengeUrl) : undefined,
    text: {
      send: r.ui('contact-send'),
      sending: r.ui('contact-sending'),
      retry: r.ui('contact-retry'),
      summary: r.ui('contact-error-summary'),
      consentMissing: r.t('contact-error-consent'),
      captchaWorking: r.ui('contact-captcha-working'),
      sentHeading: r.ui('contact-sent-heading'),
      sentPublicRecord: form.publicRecord ? r.ui('contact-sent-public-record') : undefined,
    },
    formErrors: Object.fromEntries(Object.entries(FORM_ERRORS).map(([code, id]) => [code, r.t(id)])) as Record<FormError, string>,
    failures: {
      network: r.t('contact-failed-network'),
      timeout: r.t('contact-failed-timeout'),
      server: r.t('contact-failed-server'),
      rejected: r.t('contact-failed-rejected'),
      'too-large': r.t('contact-failed-too-large'),
    },
    rateLimited: (seconds) =>
      r.t('contact-failed-rate-limited', {time: seconds < 60 ? formatAmount(Math.max(1, seconds), 'second', r.tr) : formatAmount(Math.ceil(seconds / 60), 'minute', r.tr)}),
    sentNext: (email) => r.t('contact-sent-next', {email}),
  };
}
