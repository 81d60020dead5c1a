/**
 * Every built-in UI string, by its stable message id. The ids are public: editors override
 * any of them per language through the feed's `labels`, e.g.
 * `{"labels": {"sv": {"contact-person": "Skriv till {name}"}}}`.
 *
 * Each entry is a function so that `msg()` runs at render time and follows the active
 * locale (a `msg()` evaluated once would keep the language it was first called in).
 */
import {msg, str} from '@lit/localize';

/** Values for a message's `{placeholders}`. */
export type Params = Record<string, string>;

export const messages = {
  // States
  'loading': () => msg('Loading…', {id: 'loading'}),
  'retry': () => msg('Try again', {id: 'retry'}),
  'error-unreachable': () => msg('The information could not be loaded.', {id: 'error-unreachable'}),
  'error-timeout': () => msg('Loading the information took too long.', {id: 'error-timeout'}),
  'error-invalid': () => msg('The information is in a form that cannot be shown.', {id: 'error-invalid'}),
  'error-too-large': () => msg('The information is too large to be shown.', {id: 'error-too-large'}),
  'error-project-not-found': () => msg('The project could not be found.', {id: 'error-project-not-found'}),

  // Summary fact box
  'summary': () => msg('Summary', {id: 'summary'}),
  'project-name': () => msg('Project name', {id: 'project-name'}),
  'status': () => msg('Status', {id: 'status'}),
  'publisher-role': (p: Params) => msg(str`Role of ${p.name} in the project`, {id: 'publisher-role'}),
  'start': () => msg('Project start', {id: 'start'}),
  'duration': () => msg('Duration', {id: 'duration'}),
  'partners': () => msg('Partners', {id: 'partners'}),
  'website': () => msg('Project website', {id: 'website'}),
  'duration-ongoing': () => msg('Ongoing', {id: 'duration-ongoing'}),
  'duration-open': () => msg('Open-ended', {id: 'duration-open'}),
  'duration-from': (p: Params) => msg(str`From ${p.start}`, {id: 'duration-from'}),
  'duration-until': (p: Params) => msg(str`Until ${p.end}`, {id: 'duration-until'}),
  'duration-range': (p: Params) => msg(str`${p.start} – ${p.end}`, {id: 'duration-range'}),

  // Project status
  'status-planned': () => msg('Planned', {id: 'status-planned'}),
  'status-ongoing': () => msg('Ongoing', {id: 'status-ongoing'}),
  'status-completed': () => msg('Completed', {id: 'status-completed'}),
  'status-terminated': () => msg('Terminated', {id: 'status-terminated'}),

  // Organisation roles in a project
  'role-lead': () => msg('Project leader', {id: 'role-lead'}),
  'role-coordinator': () => msg('Coordinator', {id: 'role-coordinator'}),
  'role-partner': () => msg('Partner', {id: 'role-partner'}),
  'role-funder': () => msg('Funder', {id: 'role-funder'}),
  'role-associated': () => msg('Associated partner', {id: 'role-associated'}),
  'role-contractor': () => msg('Contractor', {id: 'role-contractor'}),

  // People's roles in a project
  'person-role-project-manager': () => msg('Project manager', {id: 'person-role-project-manager'}),
  'person-role-contact': () => msg('Contact person', {id: 'person-role-contact'}),
  'person-role-researcher': () => msg('Researcher', {id: 'person-role-researcher'}),
  'person-role-member': () => msg('Project member', {id: 'person-role-member'}),
  'person-role-principal-investigator': () => msg('Principal investigator', {id: 'person-role-principal-investigator'}),

  // Member list and contact disclosure
  'members': () => msg('Project members', {id: 'members'}),
  'no-members': () => msg('There are no people to show.', {id: 'no-members'}),
  'error-person-not-found': () => msg('The person could not be found.', {id: 'error-person-not-found'}),
  'read-more': (p: Params) => msg(str`Read more about ${p.name}`, {id: 'read-more'}),
  'contact-person': (p: Params) => msg(str`Contact ${p.name}`, {id: 'contact-person'}),
  'contact-panel-heading': (p: Params) => msg(str`Message to ${p.name}`, {id: 'contact-panel-heading'}),
  'contact-project': () => msg('Contact us', {id: 'contact-project'}),
  'close': () => msg('Close', {id: 'close'}),

  // Whole project
  'contact': () => msg('Contact', {id: 'contact'}),

  // Project list
  'projects': () => msg('Projects', {id: 'projects'}),
  'search': () => msg('Search projects', {id: 'search'}),
  'organization': () => msg('Organisation', {id: 'organization'}),
  'all': () => msg('All', {id: 'all'}),
  'sort': () => msg('Sort by', {id: 'sort'}),
  'sort-name': () => msg('Name', {id: 'sort-name'}),
  'sort-start': () => msg('Start date, newest first', {id: 'sort-start'}),
  'results-one': () => msg('1 project', {id: 'results-one'}),
  'results': (p: Params) => msg(str`${p.count} projects`, {id: 'results'}),
  'no-results': () => msg('No project matches.', {id: 'no-results'}),
  'show-more': () => msg('Show more', {id: 'show-more'}),
  // Contact form
  'contact-heading-person': (p: Params) => msg(str`Contact ${p.name}`, {id: 'contact-heading-person'}),
  'contact-heading': () => msg('Contact us', {id: 'contact-heading'}),
  'contact-required-legend': () => msg('* Required', {id: 'contact-required-legend'}),
  'contact-field-name': () => msg('Name', {id: 'contact-field-name'}),
  'contact-field-email': () => msg('E-mail', {id: 'contact-field-email'}),
  'contact-field-phone': () => msg('Phone', {id: 'contact-field-phone'}),
  'contact-field-organization': () => msg('Organisation', {id: 'contact-field-organization'}),
  'contact-field-subject': () => msg('Subject', {id: 'contact-field-subject'}),
  'contact-field-message': () => msg('Message', {id: 'contact-field-message'}),
  'contact-honeypot': () => msg('Leave this field empty', {id: 'contact-honeypot'}),
  'contact-send': () => msg('Send', {id: 'contact-send'}),
  'contact-notice-legitimate-interest': (p: Params) => msg(str`By submitting the form, ${p.controller} processes your personal data.`, {id: 'contact-notice-legitimate-interest'}),
  'contact-notice-public-task': (p: Params) => msg(str`${p.controller} processes your personal data to handle your matter, as part of its tasks in the public interest.`, {id: 'contact-notice-public-task'}),
  'contact-notice-consent': (p: Params) => msg(str`${p.controller} processes your personal data only with your consent. You can withdraw it at any time.`, {id: 'contact-notice-consent'}),
  'contact-public-record': () => msg('Your message becomes a public record, which anyone may ask to read.', {id: 'contact-public-record'}),
  'contact-retention': (p: Params) => msg(str`The data are kept for ${p.period}.`, {id: 'contact-retention'}),
  'contact-privacy-link': (p: Params) => msg(str`How ${p.controller} handles personal data`, {id: 'contact-privacy-link'}),
  'contact-consent-processing': (p: Params) => msg(str`I consent to ${p.controller} processing my personal data as described above.`, {id: 'contact-consent-processing'}),
  'contact-optional-consents': () => msg('Optional', {id: 'contact-optional-consents'}),
  'contact-error-summary': () => msg('There is a problem', {id: 'contact-error-summary'}),
  'contact-error-required': (p: Params) => msg(str`${p.field} is missing.`, {id: 'contact-error-required'}),
  'contact-error-invalid': (p: Params) => msg(str`${p.field} is not in the right format.`, {id: 'contact-error-invalid'}),
  'contact-error-email': () => msg('Enter an e-mail address like name@example.org.', {id: 'contact-error-email'}),
  'contact-error-too-long': (p: Params) => msg(str`${p.field} is too long: at most ${p.max} characters.`, {id: 'contact-error-too-long'}),
  'contact-error-consent': () => msg('Tick the box to give your consent. Without it we cannot receive your message.', {id: 'contact-error-consent'}),
  'contact-error-too-fast': () => msg('The message was sent so quickly that it looked automatic. Wait a moment and send it again.', {id: 'contact-error-too-fast'}),
  'contact-error-spam': () => msg('The message was taken for spam and was not received.', {id: 'contact-error-spam'}),
  'contact-error-captcha': () => msg('The automatic spam check failed. Send again to repeat it.', {id: 'contact-error-captcha'}),
  'contact-failed-network': () => msg('The message could not be sent: there is no connection. Everything you wrote is kept.', {id: 'contact-failed-network'}),
  'contact-failed-timeout': () => msg('Sending took too long, so the message may not have arrived. Everything you wrote is kept.', {id: 'contact-failed-timeout'}),
  'contact-failed-server': () => msg('The message could not be received because of a fault at the receiver. Everything you wrote is kept.', {id: 'contact-failed-server'}),
  'contact-failed-rejected': () => msg('The receiver did not accept the message. Everything you wrote is kept.', {id: 'contact-failed-rejected'}),
  'contact-failed-too-large': () => msg('The message is too long to be sent. Shorten it and send again.', {id: 'contact-failed-too-large'}),
  'contact-failed-rate-limited': (p: Params) => msg(str`Too many messages have been sent from your connection. Try again in ${p.time}. Everything you wrote is kept.`, {id: 'contact-failed-rate-limited'}),
  'contact-retry': () => msg('Send again', {id: 'contact-retry'}),
  'contact-sending': () => msg('Sending…', {id: 'contact-sending'}),
  'contact-captcha-working': () => msg('Automatic spam check in progress. You can go on writing.', {id: 'contact-captcha-working'}),
  'contact-captcha-done': () => msg('Automatic spam check done.', {id: 'contact-captcha-done'}),
  'contact-sent-heading': () => msg('Thank you, your message has been sent', {id: 'contact-sent-heading'}),
  'contact-sent-next': (p: Params) => msg(str`We will answer you by e-mail at ${p.email}.`, {id: 'contact-sent-next'}),
  'contact-sent-public-record': () => msg('Your message is registered and has become a public record.', {id: 'contact-sent-public-record'}),
  'error-form-not-found': () => msg('The contact form could not be found.', {id: 'error-form-not-found'}),
} satisfies Record<string, (p: Params) => string>;

export type MessageId = keyof typeof messages;
