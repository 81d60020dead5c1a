import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {LIMITS, type FieldName} from '../../contact/limits.js';
import type {Outcome} from '../../contact/send.js';
import type {ConsentRecord, FormError, SubmissionErrors} from '../../contact/submission.js';
import {LoftSubmitErrorEvent, LoftSubmitEvent, LoftSubmittedEvent, type SubmitErrorCode, type SubmitOutcome} from '../../events/events.js';
import {FeedError, findItem, type LoadedFeed} from '../../feed/load.js';
import type {ContactForm, Person, Project} from '../../feed/schema.js';
import {formatList, type ResolvedText} from '../../feed/text.js';
import {TextResolver} from '../../feed/view.js';
import {currentLocale} from '../../i18n/locale.js';
import type {MessageId} from '../../i18n/messages.js';
import {LoftElement} from '../shared/loft-element.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {contactFormStyles} from './contact-form.styles.js';

/** What the element picked from the feed. */
export interface ContactSelection {
  form: ContactForm;
  person?: Person;
  project?: Project;
}

type Mode = 'hidden' | 'optional' | 'required';

/** The form as templates see it: texts resolved, URLs checked. */
interface ContactView {
  heading: string;
  controller: string;
  /** The information text, sentence by sentence (what `consents[].text` records). */
  notice: ResolvedText[];
  privacyUrl?: string;
  endpoint?: string;
  challengeUrl?: string;
  fields: Record<FieldName, Mode>;
  optionalConsents: {id: string; label: ResolvedText; version: string}[];
}

interface Failure {
  code: SubmitErrorCode;
  status?: number;
  retryAfter?: number;
}

const FIELDS: FieldName[] = ['name', 'email', 'phone', 'organization', 'subject', 'message'];
const AUTOCOMPLETE: Record<FieldName, string> = {name: 'name', email: 'email', phone: 'tel', organization: 'organization', subject: 'off', message: 'off'};
const FORM_ERRORS: Record<FormError, MessageId> = {
  'too-fast': 'contact-error-too-fast',
  spam: 'contact-error-spam',
  captcha: 'contact-error-captcha',
  'consent-missing': 'contact-error-consent',
};

/** A short, stable fingerprint of the exact text shown (FNV-1a, 32 bits), for consents without a version. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return 'h' + (h >>> 0).toString(16).padStart(8, '0');
}

/** "2 år", "1 year and 6 months": an ISO 8601 duration in words. */
function durationInWords(iso: string, locale: string): string | undefined {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!match) return undefined;
  const units = ['year', 'month', 'week', 'day'];
  const parts = match
    .slice(1)
    .map((n, i) => (n ? amount(Number(n), units[i], locale) : ''))
    .filter(Boolean);
  return parts.length ? formatList(parts, locale) : undefined;
}

function amount(n: number, unit: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {style: 'unit', unit, unitDisplay: 'long'}).format(n);
  } catch {
    return `${n} ${unit}`;
  }
}

/**
 * A consent-aware contact form for one person or a project's contact, as the feed's
 * `contactForms` entry describes it: the fields it asks for, the information notice its
 * legal basis calls for (with a required, unticked consent box under `consent`), optional
 * consents, retention, and a link to the privacy policy.
 *
 * Private by default: nothing is fetched before the visitor first focuses the form (the
 * ALTCHA challenge, if the feed asks for one, is fetched then and solved in the
 * background), nothing is sent before submit, and nothing is stored in the browser.
 * On any failure every value stays and sending again is one click.
 *
 * Which form: the `form` attribute, else the `recipient` person's `contactForm`, else the
 * `project`'s. Calling `focus()` on the element focuses its first field.
 *
 * @tagname loft-contact-form
 * @summary A consent-aware contact form from a JSON feed.
 *
 * @event {LoftLoadEvent} loft-load - The feed was loaded and the form is shown.
 * @event {LoftErrorEvent} loft-error - A problem in the feed: fatal (no form) or one field left out.
 * @event {LoftSubmitEvent} loft-submit - The visitor sends (cancelable: send `detail.payload` yourself and pass the outcome to `detail.respondWith`).
 * @event {LoftSubmittedEvent} loft-submitted - The receiver accepted the message.
 * @event {LoftSubmitErrorEvent} loft-submit-error - The message was not accepted; nothing typed is lost.
 *
 * @csspart base - The element's box.
 * @csspart heading - The heading.
 * @csspart form - The `<form>`.
 * @csspart field - One field with its label and error.
 * @csspart error - The error summary, and the message shown when sending failed.
 * @csspart submit - The send button.
 *
 * @cssproperty [--loft-font-family=inherit] - Font family.
 * @cssproperty [--loft-color-text=inherit] - Text colour.
 * @cssproperty [--loft-color-muted=inherit] - Colour of hints and the required legend.
 * @cssproperty [--loft-color-accent=inherit] - Colour of links, focus and the send button.
 * @cssproperty [--loft-color-surface=transparent] - Background of fields.
 * @cssproperty [--loft-color-border=currentColor] - Colour of field borders.
 * @cssproperty [--loft-color-error=#b00020 mixed half with the text colour] - Colour of error marks (unset, it stays readable on light and dark pages).
 * @cssproperty [--loft-radius=4px] - Corner radius.
 * @cssproperty [--loft-space=1rem] - Base spacing.
 */
export class LoftContactForm extends LoftElement<ContactSelection> {
  static override shadowRootOptions: ShadowRootInit = {...LitElement.shadowRootOptions, delegatesFocus: true};
  static override styles = [sharedStyles, contactFormStyles];

  protected override _skeletonRows = 34;
  protected override _skeletonRowsNarrow = 40;

  /** The contact form's id in the feed (else the recipient's, else the project's). */
  @property({reflect: true}) form?: string;

  /** The id of the person the message is for. */
  @property({reflect: true}) recipient?: string;

  /** The project the message is about. */
  @property({reflect: true}) project?: string;

  /** Milliseconds to wait for the receiver before saying sending failed. */
  @property({type: Number}) timeout = 15_000;

  @state() private _values: Record<FieldName, string> = {name: '', email: '', phone: '', organization: '', subject: '', message: ''};
  @state() private _honeypot = '';
  @state() private _ticked: Record<string, boolean> = {};
  @state() private _errors: SubmissionErrors = {};
  @state() private _showSummary = false;
  @state() private _phase: 'editing' | 'sending' | 'failed' | 'sent' = 'editing';
  @state() private _failure?: Failure;
  @state() private _captcha: 'off' | 'working' | 'done' = 'off';

  private _startedAt?: number;
  private _solution?: Promise<string | undefined>;
  private _captchaAbort?: AbortController;
  private _focusWanted = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._captchaAbort?.abort();
    this._captchaAbort = undefined;
    this._solution = undefined;
    this._captcha = 'off';
  }

  /** Focuses the first field (or, once sent, the confirmation); waits for the form if it is still loading. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot?.querySelector<HTMLElement>('.sent, [data-field]');
    if (target) target.focus(options);
    else this._focusWanted = true;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (this._focusWanted && this.renderRoot.querySelector('[data-field]')) {
      this._focusWanted = false;
      this.focus();
    }
  }

  protected override _selectionKeys(): unknown[] {
    return [this.form, this.recipient, this.project];
  }

  protected override _select(loaded: LoadedFeed): ContactSelection {
    const {feed} = loaded;
    const project = this.project ? findItem(loaded, 'projects', this.project, 'project') : undefined;
    const person = this.recipient
      ? findItem(loaded, 'people', this.recipient, 'recipient')
      : this.form || !project?.contactPerson
        ? undefined
        : findItem(loaded, 'people', project.contactPerson, 'contactPerson');
    const formId = this.form ?? person?.contactForm ?? project?.contactForm ?? (feed.contactForms.length === 1 ? feed.contactForms[0].id : undefined);
    if (!formId) throw new FeedError('not-found', 'No form, recipient or project attribute names a contact form. Add form="<id>".', 'contactForms');
    const form = findItem(loaded, 'contactForms', formId, 'form');
    return {form, person, project};
  }

  protected override _notFoundMessage(): string {
    return this._t('error-form-not-found');
  }

  private _view({form, person}: ContactSelection, loaded: LoadedFeed): ContactView {
    const locale = currentLocale();
    const r = new TextResolver(loaded, locale, (id, params) => this._t(id, params));
    const controller = r.text(form.controller.name)?.text ?? '';
    const notice: ResolvedText[] = [r.ui(`contact-notice-${form.legalBasis}`, {controller})];
    const own = r.text(form.notice);
    if (own) notice.push(own);
    if (form.legalBasis === 'public-task' && form.publicRecord) notice.push(r.ui('contact-public-record'));
    const period = form.retention ? durationInWords(form.retention, locale) : undefined;
    if (period) notice.push(r.ui('contact-retention', {period}));
    const personName = person ? (person.givenName ?? r.text(person.name)?.text) : undefined;
    const captcha = form.captcha?.provider === 'altcha' ? r.url(form.captcha.challengeUrl) : undefined;
    return {
      heading: personName ? this._t('contact-heading-person', {name: personName}) : this._t('contact-heading'),
      controller,
      notice,
      privacyUrl: r.url(form.privacyPolicyUrl),
      endpoint: r.url(form.endpoint),
      challengeUrl: captcha,
      fields: {
        name: 'required',
        email: 'required',
        message: 'required',
        phone: form.fields?.phone ?? 'hidden',
        organization: form.fields?.organization ?? 'hidden',
        subject: form.fields?.subject ?? 'hidden',
      },
      optionalConsents: (form.optionalConsents ?? []).flatMap((c) => {
        const label = r.text(c.label);
        return label ? [{id: c.id, label, version: c.version}] : [];
      }),
    };
  }

  /** The current selection and view, for handlers (templates get them from the feed task). */
  private _current(): {selection: ContactSelection; view: ContactView} | undefined {
    const value = this._feed.task.value;
    return value ? {selection: value.selection, view: this._view(value.selection, value.loaded)} : undefined;
  }

  protected override _renderContent(selection: ContactSelection, loaded: LoadedFeed): TemplateResult {
    const view = this._view(selection, loaded);
    return html`<section class="contact" aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${view.heading}</div>
      ${this._phase === 'sent' ? this._renderSent(selection.form) : this._renderForm(selection.form, view)}
    </section>`;
  }

  private _renderSent(form: ContactForm): TemplateResult {
    return html`<div class="sent" tabindex="-1" role="status">
      <div class="heading sent-heading" role="heading" aria-level=${this._level(1)}>${this._t('contact-sent-heading')}</div>
      <p>${this._t('contact-sent-next', {email: this._values.email.trim()})}</p>
      ${form.legalBasis === 'public-task' && form.publicRecord ? html`<p>${this._t('contact-sent-public-record')}</p>` : nothing}
    </div>`;
  }

  private _renderForm(form: ContactForm, view: ContactView): TemplateResult {
    const sending = this._phase === 'sending';
    const status = sending ? this._t('contact-sending') : this._captcha === 'working' ? this._t('contact-captcha-working') : this._captcha === 'done' ? this._t('contact-captcha-done') : '';
    return html`<form part="form" novalidate @submit=${this._handleSubmit} @focusin=${this._handleFirstInteraction} @input=${this._handleFirstInteraction}>
      ${this._showSummary ? this._renderSummary(view) : nothing}
      <p class="legend">${this._t('contact-required-legend')}</p>
      ${FIELDS.filter((name) => view.fields[name] !== 'hidden').map((name) => this._renderField(name, view.fields[name] === 'required'))}
      <div class="hp" inert aria-hidden="true">
        <label for="f-website">${this._t('contact-honeypot')}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this._honeypot)} @input=${this._handleHoneypot} />
      </div>
      <div class="notice">
        <p>${view.notice.map((s, i) => html`${i ? ' ' : nothing}${this._text(s)}`)}</p>
        ${view.privacyUrl ? html`<p><a href=${view.privacyUrl}>${this._t('contact-privacy-link', {controller: view.controller})}</a></p>` : nothing}
      </div>
      ${form.legalBasis === 'consent' ? this._renderCheck('processing', this._t('contact-consent-processing', {controller: view.controller}), true) : nothing}
      ${view.optionalConsents.length
        ? html`<fieldset class="optional">
            <legend>${this._t('contact-optional-consents')}</legend>
            ${view.optionalConsents.map((c) => this._renderCheck(c.id, this._text(c.label), false))}
          </fieldset>`
        : nothing}
      ${this._phase === 'failed' && this._failure ? this._renderFailure(this._failure) : nothing}
      <p class="status" role="status">${status}</p>
      <button part="submit" class="button submit" type="submit" ?disabled=${sending} aria-busy=${sending ? 'true' : 'false'}>
        ${sending ? this._t('contact-sending') : this._t('contact-send')}
      </button>
    </form>`;
  }

  private _label(name: FieldName): string {
    return this._t(`contact-field-${name}`);
  }

  private _fieldError(name: FieldName): string | undefined {
    const code = this._errors[name];
    if (!code) return undefined;
    const field = this._label(name);
    if (code === 'required') return this._t('contact-error-required', {field});
    if (code === 'too-long') return this._t('contact-error-too-long', {field, max: String(LIMITS[name])});
    return name === 'email' ? this._t('contact-error-email') : this._t('contact-error-invalid', {field});
  }

  private _renderField(name: FieldName, required: boolean): TemplateResult {
    const error = this._fieldError(name);
    const id = `f-${name}`;
    const common = {
      id,
      name,
      required,
      invalid: error ? 'true' : undefined,
      describedby: error ? `e-${name}` : undefined,
    };
    const control =
      name === 'message'
        ? html`<textarea id=${common.id} name=${name} data-field=${name} rows="6" maxlength=${LIMITS[name]} ?required=${required} autocomplete="off"
            aria-invalid=${common.invalid ?? nothing} aria-describedby=${common.describedby ?? nothing} .value=${live(this._values[name])} @input=${this._handleInput}></textarea>`
        : html`<input id=${common.id} name=${name} data-field=${name} type=${name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'}
            autocomplete=${AUTOCOMPLETE[name]} maxlength=${LIMITS[name]} ?required=${required} pattern=${name === 'phone' ? '\\+?[0-9 \\(\\)\\-]{5,40}' : nothing}
            spellcheck=${name === 'email' || name === 'phone' ? 'false' : nothing} aria-invalid=${common.invalid ?? nothing} aria-describedby=${common.describedby ?? nothing}
            .value=${live(this._values[name])} @input=${this._handleInput} />`;
    return html`<div part="field" class="field ${error ? 'invalid' : ''}">
      <label for=${id}>${this._label(name)}${required ? html`<span class="marker" aria-hidden="true"> *</span>` : nothing}</label>
      ${error ? html`<p class="field-error" id="e-${name}">${error}</p>` : nothing}
      ${control}
    </div>`;
  }

  private _renderCheck(id: string, label: unknown, required: boolean): TemplateResult {
    const error = required && this._errors.consents ? this._t('contact-error-consent') : undefined;
    return html`<div part="field" class="check ${error ? 'invalid' : ''}">
      ${error ? html`<p class="field-error" id="e-consent">${error}</p>` : nothing}
      <input type="checkbox" id="c-${id}" data-consent=${id} ?required=${required} .checked=${live(!!this._ticked[id])}
        aria-invalid=${error ? 'true' : nothing} aria-describedby=${error ? 'e-consent' : nothing} @change=${this._handleTick} />
      <label for="c-${id}">${label}${required ? html`<span class="marker" aria-hidden="true"> *</span>` : nothing}</label>
    </div>`;
  }

  private _renderSummary(view: ContactView): TemplateResult {
    const fieldErrors = FIELDS.filter((name) => view.fields[name] !== 'hidden' && this._errors[name]);
    const formError = this._errors._form;
    return html`<div part="error" class="summary" tabindex="-1" aria-labelledby="summary-heading">
      <div role="alert">
        <div class="heading summary-heading" id="summary-heading" role="heading" aria-level=${this._level(1)}>${this._t('contact-error-summary')}</div>
        <ul>
          ${formError ? html`<li>${this._t(FORM_ERRORS[formError] ?? 'contact-failed-rejected')}</li>` : nothing}
          ${fieldErrors.map((name) => html`<li><a href="#f-${name}" data-target="f-${name}" @click=${this._handleSummaryLink}>${this._fieldError(name)}</a></li>`)}
          ${this._errors.consents
            ? html`<li><a href="#c-processing" data-target="c-processing" @click=${this._handleSummaryLink}>${this._t('contact-error-consent')}</a></li>`
            : nothing}
        </ul>
      </div>
    </div>`;
  }

  private _renderFailure(failure: Failure): TemplateResult {
    const text =
      failure.code === 'rate-limited'
        ? this._t('contact-failed-rate-limited', {time: this._waitInWords(failure.retryAfter ?? 60)})
        : failure.code === 'rejected' && failure.status === 413
          ? this._t('contact-failed-too-large')
          : this._t(`contact-failed-${failure.code}`);
    return html`<div part="error" class="error failure" tabindex="-1">
      <p role="alert">${text}</p>
      <button type="button" class="button" @click=${this._handleSendAgain}>${this._t('contact-retry')}</button>
    </div>`;
  }

  private _waitInWords(seconds: number): string {
    const locale = currentLocale();
    return seconds < 60 ? amount(Math.max(1, seconds), 'second', locale) : amount(Math.ceil(seconds / 60), 'minute', locale);
  }

  private _handleFirstInteraction(): void {
    if (this._startedAt !== undefined) return;
    this._startedAt = performance.now();
    // Warm the sending code now, so a connection lost while typing cannot stop the submit.
    import('../../contact/send.js').catch(() => undefined);
    const current = this._current();
    if (current?.view.challengeUrl) this._startCaptcha(current.view.challengeUrl);
  }

  /** Fetches and solves a challenge in the background; the promise resolves to `undefined` on failure. */
  private _startCaptcha(url: string): Promise<string | undefined> {
    this._captchaAbort?.abort();
    const abort = new AbortController();
    this._captchaAbort = abort;
    this._captcha = 'working';
    const solution = import('../../contact/altcha.js')
      .then(({solveAltcha}) => solveAltcha(url, abort.signal))
      .then(
        (value) => {
          if (this._solution === solution) this._captcha = 'done';
          return value;
        },
        () => {
          if (this._solution === solution) {
            this._captcha = 'off';
            this._solution = undefined;
          }
          return undefined;
        }
      );
    this._solution = solution;
    return solution;
  }

  private _handleInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    const name = control.dataset.field as FieldName;
    this._values = {...this._values, [name]: control.value};
    // An error goes away as soon as the field is right; new errors wait for the next submit.
    if (this._errors[name] && !this._controlError(control)) this._errors = {...this._errors, [name]: undefined};
  }

  private _handleHoneypot(event: Event): void {
    this._honeypot = (event.target as HTMLInputElement).value;
  }

  private _handleTick(event: Event): void {
    const box = event.target as HTMLInputElement;
    this._ticked = {...this._ticked, [box.dataset.consent!]: box.checked};
    if (box.required && box.checked && this._errors.consents) this._errors = {...this._errors, consents: undefined};
  }

  private _handleSummaryLink(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLElement).dataset.target!;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** A control's problem, from native constraint validation. */
  private _controlError(control: HTMLInputElement | HTMLTextAreaElement): 'required' | 'invalid' | 'too-long' | undefined {
    const v = control.validity;
    if (v.valueMissing || (control.required && control.value.trim() === '')) return 'required';
    if (v.tooLong) return 'too-long';
    if (!v.valid) return 'invalid';
    return undefined;
  }

  private async _handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._phase === 'sending') return;
    this._handleFirstInteraction();
    const errors: SubmissionErrors = {};
    for (const control of this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')) {
      const problem = this._controlError(control);
      if (problem) errors[control.dataset.field as FieldName] = problem;
    }
    const box = this.renderRoot.querySelector<HTMLInputElement>('[data-consent="processing"]');
    if (box && !box.checked) errors.consents = 'required';
    if (Object.keys(errors).length) return this._showErrors(errors);
    await this._send();
  }

  private _handleSendAgain(): void {
    if (this._phase !== 'sending') this._send();
  }

  private async _showErrors(errors: SubmissionErrors): Promise<void> {
    this._errors = errors;
    this._showSummary = true;
    this._phase = 'editing';
    this._failure = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private _payload(selection: ContactSelection, view: ContactView, altcha: string | undefined, elapsedMs: number): unknown {
    const locale = currentLocale();
    const at = new Date().toISOString();
    const {form} = selection;
    const noticeText = view.notice.map((s) => s.text).join(' ');
    const record = (id: string, text: string, version?: string): ConsentRecord => ({id, given: true, version: version ?? shortHash(text), text, locale, at});
    const consents: ConsentRecord[] =
      form.legalBasis === 'consent'
        ? [record('processing', `${this._t('contact-consent-processing', {controller: view.controller})} ${noticeText}`, form.version)]
        : [record('notice', noticeText, form.version)];
    for (const c of view.optionalConsents) if (this._ticked[c.id]) consents.push(record(c.id, c.label.text, c.version));
    const values: Partial<Record<FieldName, string>> = {};
    for (const name of FIELDS) if (view.fields[name] !== 'hidden') values[name] = this._values[name].trim();
    return {
      form: form.id,
      ...(selection.project ? {project: selection.project.id} : {}),
      ...(selection.person ? {recipient: selection.person.id} : {}),
      ...values,
      consents,
      legalBasis: form.legalBasis,
      locale,
      // Origin + path only: a query string or fragment may carry personal data.
      page: location.origin + location.pathname,
      honeypot: this._honeypot,
      elapsedMs,
      ...(altcha ? {altcha} : {}),
    };
  }

  /** Sends once; every outcome leaves the visitor's input in place. */
  private async _send(): Promise<void> {
    const current = this._current();
    if (!current) return;
    const {selection, view} = current;
    this._phase = 'sending';
    this._failure = undefined;
    // Fill time is measured to the visitor's click, not to when the spam check is done.
    const elapsedMs = Math.round(performance.now() - (this._startedAt ?? performance.now()));
    let altcha: string | undefined;
    if (view.challengeUrl) {
      altcha = await (this._solution ?? this._startCaptcha(view.challengeUrl));
      // A solution is good for one submission: whatever happens next, solve a fresh one.
      this._solution = undefined;
      this._captcha = 'off';
      if (!altcha) return this._finish({ok: false, code: 'network'}, view);
    }
    // Sending, with the payload schema shared with the receiver, loads on the first submit, not with the page.
    const sender = await import('../../contact/send.js').catch(() => undefined);
    if (!sender) return this._finish({ok: false, code: 'network'}, view);
    const checked = sender.checkSubmission(this._payload(selection, view, altcha, elapsedMs));
    if (!checked.ok) return this._finish({ok: false, code: 'rejected', errors: checked.errors}, view);
    const payload = checked.value;
    let responded: Promise<SubmitOutcome> | undefined;
    const event = new LoftSubmitEvent({payload, respondWith: (outcome) => void (responded = outcome)});
    this.dispatchEvent(event);
    const outcome = event.defaultPrevented ? await sender.hostOutcome(responded) : await sender.postSubmission(view.endpoint, payload, this.timeout);
    await this._finish(outcome, view);
  }

  private async _finish(outcome: Outcome, view: ContactView): Promise<void> {
    if (outcome.ok) {
      this._phase = 'sent';
      this._errors = {};
      this._showSummary = false;
      const done = new LoftSubmittedEvent({status: outcome.status});
      this.dispatchEvent(done);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.sent')?.focus();
      return;
    }
    const {errors, ...failure} = outcome;
    const error = new LoftSubmitErrorEvent({code: failure.code, status: failure.status, retryAfter: failure.retryAfter});
    this.dispatchEvent(error);
    if (view.challengeUrl && this.isConnected) this._startCaptcha(view.challengeUrl);
    // Errors the form can show go on the fields; anything else is a plain rejection.
    if (errors && (errors._form || errors.consents || FIELDS.some((name) => view.fields[name] !== 'hidden' && errors[name]))) return this._showErrors(errors);
    this._phase = 'failed';
    this._failure = failure;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.failure')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-contact-form': LoftContactForm;
  }
}
