// The forms the receiver accepts, from the feeds it is given: each form with the people,
// projects and organisations of its own feed, so a submission is checked against exactly
// what the form showed (consent texts and versions, recipient, project) and delivered to
// the address the feed or the operator gives for it.
import {readFileSync, statSync} from 'node:fs';
import {forForm} from './config.mjs';

/**
 * Reads and validates the feeds with the form's own validator. Returns the forms by id and
 * the configuration problems (one line each); `warnings` are worth a log line, not a refusal;
 * `stamp`, what the files were like just before they were read (for `watchForms`).
 */
export function loadForms(files, options, client) {
  // Taken before they are read: a file changed while it is read is read again at the next check.
  const stamp = feedsStamp(files);
  const forms = new Map();
  const problems = [];
  const warnings = [];
  for (const file of files) {
    let raw;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
    } catch (error) {
      problems.push(`LOFT_FEEDS: cannot read ${file} (${error.code ?? error.message}).`);
      continue;
    }
    const {feed, problems: found} = client.validateFeed(raw);
    // The receiver acts on its forms: a form the validator had to repair or drop is a refusal,
    // not a warning (people and projects only need to exist; the validator CLI tells the rest).
    for (const problem of found) if (problem.fatal || problem.path.startsWith('contactForms')) problems.push(`${file}: ${problem.message}`);
    if (!feed) continue;
    const context = {
      language: feed.language,
      people: new Map(feed.people.map((p) => [p.id, p])),
      projects: new Map(feed.projects.map((p) => [p.id, p])),
    };
    for (const form of feed.contactForms) {
      if (forms.has(form.id)) problems.push(`${file}: the contact form "${form.id}" is also in ${forms.get(form.id).file}; form ids must be unique across LOFT_FEEDS.`);
      else forms.set(form.id, {...context, file, form, retention: form.retention ?? options.defaultRetention, fallbackAddress: fallbackAddress(form, options, client)});
    }
  }
  // With a feed that could not be read, its forms are unknown: "no such form" would mislead.
  const feedsRead = !problems.length;
  if (files.length && feedsRead && !forms.size) problems.push('LOFT_FEEDS: none of the feeds has a contact form.');
  for (const [name, map] of [['LOFT_FORM_RECIPIENTS', options.formRecipients], ['LOFT_WEBHOOKS', options.webhooks]]) {
    for (const id of Object.keys(map)) if (feedsRead && !forms.has(id)) problems.push(`${name}: no form "${id}" in LOFT_FEEDS.`);
  }
  for (const [id, address] of Object.entries(options.formRecipients)) {
    if (!client.isEmail(address)) problems.push(`LOFT_FORM_RECIPIENTS: "${address}" (form ${id}) is not an e-mail address.`);
  }
  for (const [id, url] of Object.entries(options.webhooks)) {
    if (!isWebhookUrl(url)) problems.push(`LOFT_WEBHOOKS: "${url}" (form ${id}) must be an https URL (http only on localhost): submissions carry personal data.`);
  }
  if (options.smtpUrl) {
    for (const ctx of forms.values()) {
      if (ctx.fallbackAddress) continue;
      warnings.push({
        form: ctx.form.id,
        peopleWithoutEmail: [...ctx.people.values()].filter((p) => !p.email).length,
        fix: `set LOFT_FORM_RECIPIENTS=${ctx.form.id}=<address> or an e-mail contact for the controller; until then messages without a person who has an e-mail are refused`,
      });
    }
  }
  return {forms, problems, warnings, stamp};
}

/** When and how large each feed file is, to tell whether one changed. */
function feedsStamp(files) {
  return files
    .map((file) => {
      try {
        const {mtimeMs, size} = statSync(file);
        return `${mtimeMs}:${size}`;
      } catch {
        return 'unreadable';
      }
    })
    .join('|');
}

/**
 * Keeps the forms in step with their feed files while the receiver runs, so an editor's
 * change (a new consent text and version, a new recipient) needs no restart: the files are
 * looked at every `feedsCheckMs` (and at once on `reload()`, SIGHUP in production) and read
 * again when one changed since they were last read (`seen`: the `stamp` of `loadForms`).
 * Feeds that now have a problem are refused as a whole, with a log line, and the receiver keeps
 * the forms it had.
 */
export function watchForms(forms, files, options, client, log, seen) {
  const check = (always) => {
    if (!always && feedsStamp(files) === seen) return;
    const next = loadForms(files, options, client);
    seen = next.stamp;
    if (next.problems.length) {
      log.error('feeds-reload-refused', {problems: next.problems, fix: 'the receiver keeps the forms it had; correct the feed (npx loft-widgets validate <feed>)'});
      return;
    }
    replaceForms(forms, next.forms, Date.now() + options.consentGraceMs);
    for (const warning of next.warnings) log.warn('form-without-fallback-address', warning);
    log.info('feeds-reloaded', {forms: next.forms.size});
  };
  const timer = options.feedsCheckMs ? setInterval(() => check(false), options.feedsCheckMs) : undefined;
  timer?.unref();
  return {reload: () => check(true), stop: () => clearInterval(timer)};
}

/**
 * Puts the forms read again in place of the old ones (the same Map, which delivery and the
 * purge share). A form whose texts changed keeps its earlier version for consent records until
 * `graceUntil`: a visitor who opened the page before the change sends what that page showed. A
 * form no longer in the feeds accepts nothing new, but is kept for the messages still waiting
 * to be delivered and for its retention.
 */
export function replaceForms(forms, next, graceUntil) {
  const now = Date.now();
  for (const [id, ctx] of next) {
    const old = forms.get(id);
    const earlier = (old?.earlier ?? []).filter((e) => e.until > now);
    if (old && !old.removed && JSON.stringify(old.form) !== JSON.stringify(ctx.form)) earlier.push({form: old.form, until: graceUntil});
    ctx.earlier = earlier;
  }
  for (const [id, old] of forms) if (!next.has(id)) next.set(id, {...old, removed: true, earlier: []});
  forms.clear();
  for (const [id, ctx] of next) forms.set(id, ctx);
}

/** Where a form's messages go when no person with an e-mail is named: the operator's address, else the controller's e-mail. */
function fallbackAddress(form, options, client) {
  const contact = form.controller.contact;
  return forForm(options.formRecipients, form.id) ?? (contact && client.isEmail(contact) ? contact.trim() : undefined);
}

function isWebhookUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

/** The address a submission is delivered to: the person's e-mail, else the form's fallback. */
export function deliveryAddress(ctx, recipient) {
  return (recipient && ctx.people.get(recipient)?.email?.trim()) || ctx.fallbackAddress;
}

/** Every text a LocalizedText holds, tidied as the form shows it. */
function textsOf(value, client) {
  const raw = typeof value === 'string' ? [value] : Object.entries(value ?? {}).flatMap(([lang, text]) => (client.recordKeeps(lang) ? [text] : []));
  return new Set(raw.flatMap((text) => [text, client.tidyText(text)]));
}

/**
 * Checks a schema-valid submission against its form: recipient and project exist in the
 * form's feed, and each consent record is one the form could have shown. Returns the
 * `422` errors, or undefined when everything fits.
 */
export function checkAgainstForm(submission, ctx, client) {
  const {form} = ctx;
  const errors = {};
  if (submission.recipient !== undefined && !ctx.people.has(submission.recipient)) errors.recipient = 'invalid';
  if (submission.project !== undefined && !ctx.projects.has(submission.project)) errors.project = 'invalid';
  for (const field of ['phone', 'organization', 'subject']) {
    if ((form.fields?.[field] ?? 'hidden') === 'required' && !submission[field]?.trim()) errors[field] = 'required';
  }
  // A record of the form as it is, or as it was until recently (the page may be older than the feed).
  const now = Date.now();
  const shown = [form, ...(ctx.earlier ?? []).filter((e) => e.until > now).map((e) => e.form)];
  if (!submission.consents.every((record) => shown.some((f) => consentFits(record, f, client)))) errors.consents = 'invalid';
  return Object.keys(errors).length ? errors : undefined;
}

/**
 * A consent record the form could have shown. The information notice (`notice`, or the
 * `processing` box under `consent`) is built by the form from its own texts: its version is
 * the form's `version`, else the hash of the exact text shown. An optional consent's version
 * and text are the feed's. The id must fit the legal basis: a `processing` record under a
 * notice basis would claim a consent the form never asked for (GDPR art. 7(1)).
 */
function consentFits(record, form, client) {
  const noticeId = form.legalBasis === 'consent' ? 'processing' : 'notice';
  if (record.id === noticeId) return record.version === (form.version ?? client.shortHash(record.text));
  const optional = form.optionalConsents?.find((c) => c.id === record.id);
  return optional !== undefined && record.version === optional.version && textsOf(optional.label, client).has(record.text);
}
