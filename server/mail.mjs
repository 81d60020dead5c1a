// The e-mail a submission becomes: plain text plus an HTML part in which everything the
// visitor or the feed wrote is escaped (a message is text, never markup: no links, images
// or styles from outside), Reply-To the sender, and a Message-ID fixed per submission so a
// resend after a crash is recognisably the same message.
import {durationParts} from './retention.mjs';
import {MAIL_TEXTS} from './mail-texts.mjs';

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail's language: the form's (the visitor's) when the table has it, else Swedish. */
function mailLanguage(locale) {
  const lang = locale.toLowerCase().split('-')[0];
  return lang in MAIL_TEXTS ? lang : 'sv';
}

/** `P2Y` → "2 år" / "2 years" / "2 vuotta". */
function durationInWords(duration, lang) {
  const parts = durationParts(duration).map(({unit, amount}) => new Intl.NumberFormat(lang, {style: 'unit', unit, unitDisplay: 'long'}).format(amount));
  return new Intl.ListFormat(lang, {type: 'conjunction'}).format(parts);
}

/** `2026-11-29 14:03 UTC` */
const utcMinute = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The Message-ID of a delivery: its id at the sender's domain. */
export function messageId(deliveryId, fromAddress) {
  return `<${deliveryId}@${fromAddress.split('@').pop()}>`;
}

/**
 * The mail for one stored submission (`row`, as the store returns it) of the form in `ctx`.
 * Returns what nodemailer's sendMail takes, minus `from`/`to`.
 */
export function composeMail(row, ctx, client) {
  const lang = mailLanguage(row.locale);
  const t = MAIL_TEXTS[lang];
  // As the widgets resolve a text: the mail's language, then the feed's, then Swedish.
  const wanted = client.wantedLanguages([lang], ctx.language);
  const text = (value) => client.resolveText(value, wanted, ctx.language)?.text;
  const person = row.recipient ? ctx.people.get(row.recipient) : undefined;
  const project = row.project ? ctx.projects.get(row.project) : undefined;
  const message = row.message.replace(/\r\n?/g, '\n');

  const sender = [
    [t.name, row.name],
    [t.email, row.email],
    [t.phone, row.phone],
    [t.organization, row.organization],
  ].filter(([, value]) => value);
  const details = [
    [t.subjectLabel, row.subject],
    [t.to, person ? text(person.name) : undefined],
    [t.project, project ? text(project.name) : undefined],
    [t.controller, text(ctx.form.controller.name)],
    [t.form, row.form],
    [t.legalBasis, t.legalBases[row.legal_basis]],
    [t.received, utcMinute(row.received_at)],
  ].filter(([, value]) => value);
  const consents = row.consents.map((c) => ({line: fill(t.consentLine, {id: c.consent_id, version: c.version, locale: c.locale, at: c.given_at}), text: c.text}));
  const notes = [
    t.accountability,
    fill(t.retention, {retention: durationInWords(ctx.retention, lang)}),
    ...(ctx.form.publicRecord ? [t.publicRecord] : []),
    fill(t.reply, {name: row.name}),
  ];
  const intro = fill(t.intro, {name: row.name, page: row.page});

  const plain = [
    intro,
    '',
    `${t.message}:`,
    '',
    message,
    '',
    `${t.sender}:`,
    ...sender.map(([label, value]) => `  ${label}: ${value}`),
    '',
    `${t.details}:`,
    ...details.map(([label, value]) => `  ${label}: ${value}`),
    '',
    `${t.consents}:`,
    ...consents.flatMap((c) => [`  - ${c.line}`, `    "${c.text}"`]),
    '',
    ...notes,
    '',
  ].join('\n');

  const table = (rows) => `<table>${rows.map(([label, value]) => `<tr><th scope="row" align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"></head><body>
<p>${escapeHtml(intro)}</p>
<h2>${escapeHtml(t.message)}</h2>
<div style="white-space: pre-wrap">${escapeHtml(message)}</div>
<h2>${escapeHtml(t.sender)}</h2>
${table(sender)}
<h2>${escapeHtml(t.details)}</h2>
${table(details)}
<h2>${escapeHtml(t.consents)}</h2>
<ul>${consents.map((c) => `<li>${escapeHtml(c.line)}<br>“${escapeHtml(c.text)}”</li>`).join('')}</ul>
${notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('\n')}
</body></html>
`;

  return {
    subject: row.subject ? fill(t.subject, {subject: row.subject}) : fill(t.subjectFrom, {name: row.name}),
    replyTo: {name: row.name, address: row.email},
    text: plain,
    html,
    headers: {'Content-Language': lang},
  };
}
