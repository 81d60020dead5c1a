import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {Captcha} from '../../contact/captcha.js';
import {LIMITS, type FieldName} from '../../contact/limits.js';
import {buildPayload} from '../../contact/payload.js';
import type {Outcome} from '../../contact/send.js';
import type {FieldError, SubmissionErrors} from '../../contact/submission.js';
import {contactFormIntl, contactFormView, type ContactFormView, type FieldView} from '../../contact/view.js';
import {LoftSubmitErrorEvent, LoftSubmitEvent, LoftSubmittedEvent, type SubmitOutcome} from '../../events/submit-events.js';
import type {ResolvedText, Resolver} from '../../feed/view/resolver.js';
import {LoftElement} from '../shared/loft-element.js';
import {CATALOG_PARTS} from '../shared/catalog-parts.js';
import {sharedStyles} from '../shared/shared.styles.js';
import {contactFormStyles} from './contact-form.styles.js';

type Inputs = [form: string | undefined, recipient: string | undefined, project: string | undefined];

const AUTOCOMPLETE = {name: 'name', email: 'email', phone: 'tel', organization: 'organization', subject: 'off', message: 'off'} as const;
const EMPTY: Record<FieldName, string> = {name: '', email: '', phone: '', organization: '', subject: '', message: ''};

/** A field's problem, from native constraint validation. */
function controlError(control: HTMLInputElement | HTMLTextAreaElement): FieldError | undefined {
  const v = control.validity;
  if (v.valueMissing || (control.required && control.value.trim() === '')) return 'required';
  if (v.tooLong) return 'too-long';
  if (!v.valid) return 'invalid';
  return undefined;
}

/**
 * A consent-aware contact form for one person or a project's contact, as the feed's
 * `contactForms` entry describes it: the fields it asks for, the information notice its
 * legal basis calls for (with a required, unticked consent box under `consent`, and the
 * right to object in a paragraph of its own under `public-task` and `legitimate-interest`),
 * that the message becomes an allmän handling where the feed says so, optional consents,
 * retention, and a link to the privacy policy. A feed text that is not in the visitor's
 * language is followed by a note saying so.
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
 * @cssproperty [--loft-color-field-border=currentColor] - Colour of field borders: give it at least 3:1 against the page and `--loft-color-surface` (unset, the text colour). `--loft-color-border`, for decorative frames, does not reach the fields.
 * @cssproperty [--loft-color-error=#b00020 mixed half with the text colour] - Colour of error marks (unset, it stays readable on light and dark pages).
 * @cssproperty [--loft-radius=4px] - Corner radius.
 * @cssproperty [--loft-space=1rem] - Base spacing.
 */
export class LoftContactForm extends LoftElement<ContactFormView, Inputs> {
  static override shadowRootOptions: ShadowRootInit = {...LitElement.shadowRootOptions, delegatesFocus: true};
  static override styles = [sharedStyles, contactFormStyles];

  /** The reactive properties (attributes and internal state) declared below: a getter, which the lit-analyzer lint reads. */
  static override get properties() {
    return {
      form: {reflect: true},
      recipient: {reflect: true},
      project: {reflect: true},
      timeout: {type: Number},
      _values: {state: true, attribute: false},
      _honeypot: {state: true, attribute: false},
      _ticked: {state: true, attribute: false},
      _errors: {state: true, attribute: false},
      _summary: {state: true, attribute: false},
      _phase: {state: true, attribute: false},
      _failure: {state: true, attribute: false},
      _status: {state: true, attribute: false},
    };
  }

  protected override _catalogParts = CATALOG_PARTS['loft-contact-form'];
  protected override _skeletonRows = 34;
  protected override _skeletonRowsNarrow = 40;

  /** The contact form's id in the feed (else the recipient's, else the project's). */
  form?: string;

  /** The id of the person the message is for. */
  recipient?: string;

  /** The project the message is about. */
  project?: string;

  /** Milliseconds to wait for the receiver before saying sending failed. */
  timeout = 15_000;

  private _values = EMPTY;
  private _honeypot = '';
  /** The ids of the consent boxes the visitor ticked (a set, not an object: an id may be "constructor", which every object has). */
  private _ticked: ReadonlySet<string> = new Set();
  /** Errors shown at the fields (each goes away as soon as its field is right). */
  private _errors: SubmissionErrors = {};
  /** The errors of the last submit, as the summary lists them until the next submit. */
  private _summary?: SubmissionErrors;
  private _phase: 'editing' | 'sending' | 'failed' | 'sent' = 'editing';
  private _failure?: string;
  /** A polite word below the send button: sending, or waiting for the spam check. */
  private _status?: ResolvedText;

  private readonly _captcha = new Captcha(this);
  private _startedAt?: number;
  /** One key per submission, the same on every retry of it (until the visitor edits it), so the receiver keeps it once. */
  private _idempotencyKey?: string;
  private _focusWanted = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._captcha.abort();
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

  protected override _inputs(): Inputs {
    return [this.form, this.recipient, this.project];
  }

  protected override _intl(r: Resolver) {
    return contactFormIntl(r);
  }

  protected override _view(r: Resolver, [form, recipient, project]: Inputs): ContactFormView {
    return contactFormView(r, {form, recipient, project});
  }

  /** The view shown now, for handlers. */
  private get _current(): ContactFormView | undefined {
    const outcome = this._outcomeNow;
    return outcome && 'view' in outcome ? outcome.view : undefined;
  }

  protected override _renderView(view: ContactFormView): TemplateResult {
    return html`<section class="contact" aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${this._level()}>${this._text(view.heading)}</div>
      ${this._phase === 'sent' ? this._renderSent(view) : this._renderForm(view)}
    </section>`;
  }

  private _renderSent(view: ContactFormView): TemplateResult {
    return html`<div class="sent" tabindex="-1" role="status">
      <div class="heading sent-heading" role="heading" aria-level=${this._level(1)}>${this._text(view.text.sentHeading)}</div>
      <p>${view.sentNext(this._values.email.trim())}</p>
      ${view.text.sentPublicRecord ? html`<p>${this._text(view.text.sentPublicRecord)}</p>` : nothing}
    </div>`;
  }

  private _renderForm(view: ContactFormView): TemplateResult {
    const sending = this._phase === 'sending';
    return html`<form part="form" novalidate @submit=${this._handleSubmit} @focusin=${this._handleInteraction} @input=${this._handleInteraction}>
      ${this._summary ? this._renderSummary(view, this._summary) : nothing}
      <p class="legend">${this._text(view.legend)}</p>
      ${view.fields.map((field) => this._renderField(field))}
      <div class="hp" inert aria-hidden="true">
        <label for="f-website">${this._text(view.honeypot)}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this._honeypot)} @input=${this._handleHoneypot} />
      </div>
      <div class="notice">
        ${view.notice.map((paragraph) => html`<p>${paragraph.map((s, i) => html`${i ? ' ' : nothing}${this._text(s)}`)}</p>`)}
        ${view.privacy ? html`<p><a href=${view.privacy.href}>${this._text(view.privacy.text)}</a></p>` : nothing}
      </div>
      ${view.consent ? this._renderCheck('processing', view.consent, true, view) : nothing}
      ${view.optional
        ? html`<fieldset class="optional">
            <legend>${this._text(view.optional.legend)}</legend>
            ${view.optional.consents.map((c) => this._renderCheck(c.id, c.label, false, view, c.languageNote))}
          </fieldset>`
        : nothing}
      ${this._phase === 'failed' && this._failure ? this._renderFailure(view) : nothing}
      <button part="submit" class="button submit" type="submit" aria-disabled=${ifDefined(sending ? 'true' : undefined)} aria-busy=${sending ? 'true' : 'false'}>
        ${this._text(sending ? view.text.sending : view.text.send)}
      </button>
      <p class="status" role="status">${this._text(this._status)}</p>
    </form>`;
  }

  private _renderField(field: FieldView): TemplateResult {
    const {name, required} = field;
    const code = this._errors[name];
    const error = code ? field.errors[code] : undefined;
    const id = `f-${name}`;
    const described = error ? `e-${name}` : undefined;
    const invalid = error ? 'true' : undefined;
    const control =
      name === 'message'
        ? html`<textarea id=${id} name=${name} data-field=${name} rows="6" maxlength=${LIMITS[name]} ?required=${required} autocomplete="off"
            aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(described)} .value=${live(this._values[name])} @input=${this._handleInput}></textarea>`
        : html`<input id=${id} name=${name} data-field=${name} type=${name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'}
            autocomplete=${AUTOCOMPLETE[name]} maxlength=${LIMITS[name]} ?required=${required} pattern=${ifDefined(name === 'phone' ? '\\+?[0-9 \\(\\)\\-]{5,40}' : undefined)}
            spellcheck=${ifDefined(name === 'email' || name === 'phone' ? 'false' : undefined)} aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(described)}
            .value=${live(this._values[name])} @input=${this._handleInput} />`;
    return html`<div part="field" class="field ${error ? 'invalid' : ''}">
      <label for=${id}>${this._text(field.label)}${required ? html`<span class="marker" aria-hidden="true">${' *'}</span>` : nothing}</label>
      ${error ? html`<p class="field-error" id="e-${name}">${error}</p>` : nothing}
      ${control}
    </div>`;
  }

  private _renderCheck(id: string, label: ResolvedText, required: boolean, view: ContactFormView, languageNote?: ResolvedText): TemplateResult {
    const error = required && this._errors.consents ? view.text.consentMissing : undefined;
    return html`<div part="field" class="check ${error ? 'invalid' : ''}">
      ${error ? html`<p class="field-error" id="e-consent">${error}</p>` : nothing}
      <input type="checkbox" id="c-${id}" data-consent=${id} ?required=${required} .checked=${live(this._ticked.has(id))}
        aria-invalid=${ifDefined(error ? 'true' : undefined)} aria-describedby=${ifDefined(error ? 'e-consent' : undefined)} @change=${this._handleTick} />
      <label for="c-${id}">${this._text(label)}${languageNote ? html`${' '}${this._text(languageNote)}` : nothing}${required ? html`<span class="marker" aria-hidden="true">${' *'}</span>` : nothing}</label>
    </div>`;
  }

  /**
   * The error summary (GOV.UK's pattern): it appears with the errors of a submit, takes
   * focus once and lists them as links to their fields. It keeps that list until the next
   * submit, so fixing a field does not make screen readers announce it again.
   */
  private _renderSummary(view: ContactFormView, errors: SubmissionErrors): TemplateResult {
    const link = (target: string, text: string) => html`<li><a href="#${target}" data-target=${target} @click=${this._handleSummaryLink}>${text}</a></li>`;
    return html`<div part="error" class="summary" tabindex="-1">
      <div role="alert">
        <div class="heading summary-heading" role="heading" aria-level=${this._level(1)}>${this._text(view.text.summary)}</div>
        <ul>
          ${errors._form ? html`<li>${view.formErrors[errors._form] ?? view.failures.rejected}</li>` : nothing}
          ${view.fields.map((field) => {
            const code = errors[field.name];
            return code ? link(`f-${field.name}`, field.errors[code]) : nothing;
          })}
          ${errors.consents ? link('c-processing', view.text.consentMissing) : nothing}
        </ul>
      </div>
    </div>`;
  }

  private _renderFailure(view: ContactFormView): TemplateResult {
    return html`<div part="error" class="error failure" tabindex="-1">
      <p role="alert">${this._failure}</p>
      <button type="button" class="button" @click=${this._handleSendAgain}>${this._text(view.text.retry)}</button>
    </div>`;
  }

  private _handleInteraction(): void {
    if (this._startedAt !== undefined) {
      // A visitor who writes for long: the challenge is renewed before it expires, while they write.
      this._captcha.renewIfStale();
      return;
    }
    this._startedAt = performance.now();
    // Warm the sending code now, so a connection lost while typing cannot stop the submit.
    import('../../contact/send.js').catch(() => undefined);
    this._captcha.start(this._current?.challengeUrl);
  }

  private _handleInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    const name = control.dataset.field as FieldName;
    this._values = {...this._values, [name]: control.value};
    // Edited: a new submission, with a key of its own (the receiver refuses one key with two contents).
    this._idempotencyKey = undefined;
    // An error goes away as soon as the field is right; new errors wait for the next submit.
    if (this._errors[name] && !controlError(control)) this._errors = {...this._errors, [name]: undefined};
  }

  private _handleHoneypot(event: Event): void {
    this._honeypot = (event.target as HTMLInputElement).value;
  }

  private _handleTick(event: Event): void {
    const box = event.target as HTMLInputElement;
    const ticked = new Set(this._ticked);
    if (box.checked) ticked.add(box.dataset.consent!);
    else ticked.delete(box.dataset.consent!);
    this._ticked = ticked;
    this._idempotencyKey = undefined;
    if (box.required && box.checked && this._errors.consents) this._errors = {...this._errors, consents: undefined};
  }

  private _handleSummaryLink(event: Event): void {
    event.preventDefault();
    const id = (event.currentTarget as HTMLElement).dataset.target!;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private async _handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // While sending, the button is aria-disabled, not disabled (which would take focus off it): a click does nothing.
    if (this._phase === 'sending') return;
    this._handleInteraction();
    const errors: SubmissionErrors = {};
    for (const control of this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')) {
      const problem = controlError(control);
      if (problem) errors[control.dataset.field as FieldName] = problem;
    }
    const box = this.renderRoot.querySelector<HTMLInputElement>('[data-consent="processing"]');
    if (box && !box.checked) errors.consents = 'required';
    if (Object.keys(errors).length) return this._showErrors(errors);
    await this._send();
  }

  private _handleSendAgain(): void {
    if (this._phase !== 'sending') void this._send();
  }

  private async _showErrors(errors: SubmissionErrors): Promise<void> {
    this._errors = errors;
    this._phase = 'editing';
    this._failure = undefined;
    // A new summary for each submit (removed, then inserted), so its alert is announced once per submit.
    this._summary = undefined;
    await this.updateComplete;
    this._summary = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  /** Sends once; every outcome leaves the visitor's input in place. */
  private async _send(): Promise<void> {
    const view = this._current;
    if (!view) return;
    this._phase = 'sending';
    this._failure = undefined;
    // Fill time is measured to the visitor's click, not to when the spam check is done.
    const elapsedMs = Math.round(performance.now() - (this._startedAt ?? performance.now()));
    if (view.challengeUrl && this._captcha.working) this._status = view.text.captchaWorking;
    let outcome = await this._attempt(view, elapsedMs);
    // A proof of work the receiver refuses (its challenge expired on the way, or the
    // receiver's key changed): solve a fresh one and send once more, without a word, so
    // that time spent writing never costs the visitor a refused send (WCAG 2.2.1).
    if (view.challengeUrl && !outcome.ok && outcome.errors?._form === 'captcha' && this.isConnected) {
      this._captcha.renew();
      outcome = await this._attempt(view, elapsedMs);
    }
    await this._finish(outcome, view);
  }

  /** One request: the spam check's solution (if the form has one), the payload checked, then the host or the receiver. */
  private async _attempt(view: ContactFormView, elapsedMs: number): Promise<Outcome> {
    let altcha: string | undefined;
    if (view.challengeUrl) {
      // Silent while the visitor writes; said once (by _send) if they send before it is done.
      altcha = await this._captcha.take();
      if (!altcha) return {ok: false, code: 'network'};
    }
    this._status = view.text.sending;
    // Sending, with the payload schema shared with the receiver, loads on the first submit, not with the page.
    const sender = await import('../../contact/send.js').catch(() => undefined);
    if (!sender) return {ok: false, code: 'network'};
    const checked = sender.checkSubmission(
      buildPayload(view, {
        values: this._values,
        ticked: this._ticked,
        honeypot: this._honeypot,
        elapsedMs,
        altcha,
        locale: this._lang,
        page: location.origin + location.pathname,
        at: new Date().toISOString(),
      })
    );
    if (!checked.ok) return {ok: false, code: 'rejected', errors: checked.errors};
    const payload = checked.value;
    this._idempotencyKey ??= crypto.randomUUID();
    let responded: Promise<SubmitOutcome> | undefined;
    const event = new LoftSubmitEvent({payload, respondWith: (outcome) => void (responded = outcome)});
    this.dispatchEvent(event);
    return event.defaultPrevented ? sender.hostOutcome(responded) : sender.postSubmission(view.endpoint, payload, this.timeout, this._idempotencyKey);
  }

  private async _finish(outcome: Outcome, view: ContactFormView): Promise<void> {
    this._status = undefined;
    if (outcome.ok) {
      this._phase = 'sent';
      this._errors = {};
      this._summary = undefined;
      this._idempotencyKey = undefined;
      this.dispatchEvent(new LoftSubmittedEvent({status: outcome.status}));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.sent')?.focus();
      return;
    }
    const {errors, ...failure} = outcome;
    this.dispatchEvent(new LoftSubmitErrorEvent({code: failure.code, status: failure.status, retryAfter: failure.retryAfter}));
    // The solution was used (or failed): solve a fresh one for the next try.
    if (view.challengeUrl && this.isConnected) this._captcha.renew();
    // Errors the form can show go on the fields; anything else is a plain rejection.
    if (errors && (errors._form || errors.consents || view.fields.some((f) => errors[f.name]))) return this._showErrors(errors);
    this._phase = 'failed';
    this._failure =
      failure.code === 'rate-limited'
        ? view.rateLimited(failure.retryAfter ?? 60)
        : failure.code === 'rejected' && failure.status === 413
          ? view.failures['too-large']
          : view.failures[failure.code];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.failure')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loft-contact-form': LoftContactForm;
  }
}
