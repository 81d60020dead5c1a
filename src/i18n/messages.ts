/**
 * The message table: every built-in UI string, by its stable message id, with its English
 * text, where it appears and what each `{placeholder}` holds. It is the one list the rest
 * comes from: the XLIFF files in `locales/` (`npm run i18n:extract`), the built-in catalogs
 * the widgets load (`src/i18n/generated/`, `npm run i18n:build`), the translator's kit
 * (`npx loft-widgets catalog export`), the checks of run-time catalogs and feed `labels`,
 * and the README's list of ids.
 *
 * The ids are public: editors override any of them per language through the feed's
 * `labels`, and a municipality adds a language with a catalog of them. A text is a string
 * with `{placeholders}`, or, for a count, an object of `Intl.PluralRules` categories.
 *
 * The browser never imports this module (only its types): the notes are for translators.
 */

/** A text per plural category (`one`, `other`, …), chosen by the `{count}` placeholder. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & {other: string};

/** One message: its English text, a note for translators, and what each placeholder holds. */
export interface MessageSpec {
  en: string | PluralText;
  note: string;
  params?: Record<string, string>;
  /**
   * Only needed where the browser's `Intl` has no data for the language (month names for
   * Sami, Meänkieli, Romani, Yiddish…): built-in languages leave it out.
   */
  ifNoIntl?: true;
}

const NAME = "the person's given name (else the full name), as written in the feed";
const CONTROLLER = "the data controller's name from the feed (an organisation), never inflected";
const FIELD = 'the label of the form field, as in the contact-field-* messages';

const month = (n: number, en: string): MessageSpec => ({
  en,
  note: `Name of month ${n} in a date like "${en} 2024", used only where the browser cannot format dates in this language.`,
  ifNoIntl: true,
});

/** The contact form's messages: a catalog part of their own, loaded only where a form is shown. */
const FORM = {
  'contact-heading-person': {en: 'Contact {name}', note: 'Heading of the contact form for one person.', params: {name: NAME}},
  'contact-heading': {en: 'Contact us', note: 'Heading of a contact form without a person.'},
  'contact-required-legend': {en: '* Required', note: 'Explains the asterisk after the labels of required fields.'},
  'contact-field-name': {en: 'Name', note: "Label of the visitor's name field."},
  'contact-field-email': {en: 'E-mail', note: "Label of the visitor's e-mail field."},
  'contact-field-phone': {en: 'Phone', note: "Label of the visitor's phone field."},
  'contact-field-organization': {en: 'Organisation', note: "Label of the visitor's organisation field."},
  'contact-field-subject': {en: 'Subject', note: 'Label of the subject field.'},
  'contact-field-message': {en: 'Message', note: 'Label of the message field.'},
  'contact-honeypot': {en: 'Leave this field empty', note: 'Label of a hidden field that only spam robots fill in; people never see it.'},
  'contact-send': {en: 'Send', note: 'The submit button.'},
  'contact-notice-legitimate-interest': {
    en: 'By submitting the form, {controller} processes your personal data to answer your message.',
    note: 'First sentence of the information notice when the legal basis is legitimate interest (GDPR art. 6(1)(f), art. 13(1)(c)): who processes the data and for what purpose.',
    params: {controller: CONTROLLER},
  },
  'contact-notice-public-task': {
    en: '{controller} processes your personal data to handle your matter, as part of its tasks in the public interest.',
    note: 'First sentence of the information notice when the legal basis is a task in the public interest (GDPR art. 6(1)(e), art. 13(1)(c)): who, for what purpose, on what basis. Use the regulation\'s own term for "task carried out in the public interest".',
    params: {controller: CONTROLLER},
  },
  'contact-notice-consent': {
    en: '{controller} processes your personal data only with your consent. You can withdraw it at any time.',
    note: 'First sentences of the information notice when the legal basis is consent (GDPR art. 6(1)(a), art. 7(3)).',
    params: {controller: CONTROLLER},
  },
  'contact-object': {
    en: 'You have the right to object to this processing for reasons that concern your own situation. Contact {controller} to do so.',
    note: 'The right to object, shown as a paragraph of its own under the legal bases public task and legitimate interest (GDPR art. 21(1) and 21(4): "clearly and separately from any other information"). Name the right as the regulation does ("object"), in plain words otherwise.',
    params: {controller: CONTROLLER},
  },
  'contact-public-record': {
    en: 'Your message becomes a public record when it arrives. Anyone may ask to read it, but confidential information is not disclosed.',
    note: 'Added to the notice when the message becomes an allmän handling on receipt (Freedom of the Press Act ch. 2 §§ 4 and 9); secrecy under the Public Access to Information and Secrecy Act may still keep parts of it from others. Use the term the country\'s authorities use for "allmän handling".',
  },
  'contact-retention': {
    en: 'The data are kept for {period}.',
    note: 'How long the message is kept (GDPR art. 13(2)(a)). The period comes from Intl in its basic form ("1 year", "2 years"): write the sentence so that form fits.',
    params: {period: 'a duration in words, like "2 years"'},
  },
  'contact-text-language': {
    en: '(This text is only available in {language}.)',
    note: 'Right after a text from the feed (a consent label or the form\'s own notice) that has no version in the visitor\'s language. Write it so the language name needs no case ending.',
    params: {language: 'the name of the language the text is in, in this language, from Intl (lowercase where the language writes it so), like "Swedish"'},
  },
  'contact-text-language-unnamed': {
    en: '(This text is not available in your language.)',
    note: 'As contact-text-language, where the browser cannot name the language the text is in.',
  },
  'contact-privacy-link': {en: 'How {controller} handles personal data', note: "Link to the controller's privacy policy (the notice's second layer).", params: {controller: CONTROLLER}},
  'contact-consent-processing': {
    en: 'I consent to {controller} processing my personal data as described above.',
    note: 'Label of the required consent checkbox (legal basis consent, GDPR art. 7).',
    params: {controller: CONTROLLER},
  },
  'contact-optional-consents': {en: 'Optional', note: 'Legend of the group of optional consent checkboxes.'},
  'contact-error-summary': {en: 'There is a problem', note: 'Heading of the error summary above the form.'},
  'contact-error-required': {en: '{field} is missing.', note: 'Error when a required field is empty.', params: {field: FIELD}},
  'contact-error-invalid': {en: '{field} is not in the right format.', note: 'Error when a field is filled in wrongly.', params: {field: FIELD}},
  'contact-error-email': {en: 'Enter an e-mail address like name@example.org.', note: 'Error when the e-mail address is not an e-mail address.'},
  'contact-error-phone': {
    en: 'Enter the phone number in digits, like 070-123 45 67 or +46 70 123 45 67. You can use spaces, hyphens, brackets and a + at the start.',
    note: 'Error when the phone number is not one: it must be 5 to 40 digits, spaces, hyphens and round brackets, with a + only at the start. Say what is allowed; the example numbers may be ones that look familiar to readers of the language.',
  },
  'contact-error-too-long': {
    en: '{field} is too long: at most {max} characters.',
    note: 'Error when a field is longer than allowed.',
    params: {field: FIELD, max: 'the largest number of characters allowed'},
  },
  'contact-error-consent': {en: 'Tick the box to give your consent. Without it we cannot receive your message.', note: 'Error when the required consent box is not ticked.'},
  'contact-error-too-fast': {
    en: 'The message was sent so quickly that it looked automatic. Wait a moment and send it again.',
    note: 'Error when the form was sent faster than a person can write.',
  },
  'contact-error-spam': {en: 'The message was taken for spam and was not received.', note: 'Error when the receiver took the message for spam.'},
  'contact-error-captcha': {en: 'The automatic spam check failed. Send again to repeat it.', note: 'Error when the automatic spam check (proof of work) failed.'},
  'contact-failed-network': {en: 'The message could not be sent: there is no connection. Everything you wrote is kept.', note: 'Error after sending failed for lack of a connection.'},
  'contact-failed-timeout': {
    en: 'Sending took too long, so the message may not have arrived. Everything you wrote is kept.',
    note: 'Error after the receiver did not answer in time.',
  },
  'contact-failed-server': {
    en: 'The message could not be received because of a fault at the receiver. Everything you wrote is kept.',
    note: 'Error after the receiver failed (HTTP 5xx).',
  },
  'contact-failed-rejected': {en: 'The receiver did not accept the message. Everything you wrote is kept.', note: 'Error after the receiver refused the message.'},
  'contact-failed-too-large': {en: 'The message is too long to be sent. Shorten it and send again.', note: 'Error after the receiver refused the message as too large.'},
  'contact-failed-rate-limited': {
    en: 'Too many messages have been sent from your connection. Try again in {time}. Everything you wrote is kept.',
    note: 'Error after too many messages from one connection (HTTP 429).',
    params: {time: 'a wait in words, like "2 minutes"'},
  },
  'contact-retry': {en: 'Send again', note: 'Button under a sending error.'},
  'contact-sending': {en: 'Sending…', note: 'The submit button while the message is being sent.'},
  'contact-captcha-working': {
    en: 'Automatic spam check in progress. The message is sent as soon as it is done.',
    note: 'Said once, politely, when the visitor sends before the automatic spam check (proof of work) is done; nothing is said while it runs.',
  },
  'contact-sent-heading': {en: 'Thank you, your message has been sent', note: 'Heading of the confirmation after sending.'},
  'contact-sent-next': {en: 'We will answer you by e-mail at {email}.', note: 'Confirmation after sending.', params: {email: 'the e-mail address the visitor gave'}},
  'contact-sent-public-record': {
    en: 'Your message has arrived and is now a public record.',
    note: 'Confirmation after sending, when the message has become an allmän handling (Freedom of the Press Act ch. 2 § 9). Do not promise that it is registered: an authority may keep it ordered instead (Public Access to Information and Secrecy Act ch. 5 § 1).',
  },

} satisfies Record<string, MessageSpec>;

/** The states every widget has. */
const STATES = {
  // States every widget has
  'loading': {en: 'Loading…', note: 'Read by screen readers while a widget loads its information (visually a placeholder).'},
  'retry': {en: 'Try again', note: 'Button under a loading error; loads the information again.'},
  'error-unreachable': {en: 'The information could not be loaded.', note: 'Shown instead of a widget when its feed cannot be fetched.'},
  'error-timeout': {en: 'Loading the information took too long.', note: 'Shown instead of a widget when its feed takes too long to arrive.'},
  'error-invalid': {en: 'The information is in a form that cannot be shown.', note: 'Shown instead of a widget when its feed is broken (the editor gets the details in the console).'},
  'error-too-large': {en: 'The information is too large to be shown.', note: 'Shown instead of a widget when its feed is above 20 MB.'},
  'error-file-missing': {en: 'A file of this widget could not be loaded.', note: "Shown instead of a widget (or, in a contact panel, instead of the contact form) when one of the widget's own script files is missing on the server."},
  'error-person-not-found': {en: 'The person could not be found.', note: 'Shown instead of the list of people when a person it should show is not in the feed.'},
  'error-form-not-found': {en: 'The contact form could not be found.', note: 'Shown instead of a contact form that is not in the feed.'},
  'error-project-not-found': {en: 'The project could not be found.', note: 'Shown instead of a widget when the project it should show is not in the feed.'},
  'show-more': {en: 'Show more', note: 'Button under a list (projects, project members) that shows the next ones.'},
} satisfies Record<string, MessageSpec>;

/** A project's facts (the card, the compact card, the list's statuses). */
const PROJECT = {
  // Summary fact box (the seed page's "Sammanfattning")
  'summary': {en: 'Summary', note: "Heading of a project's fact box."},
  'project-name': {en: 'Project name', note: 'Label of a row in the fact box.'},
  'status': {en: 'Status', note: "Label of the project's status (fact box, cards and the list's status filter)."},
  'publisher-role': {
    en: 'Role of {name} in the project',
    note: "Label of the fact-box row with the publishing organisation's role. Write it so the name needs no case ending (the name is never inflected).",
    params: {name: "the publishing organisation's name, as written in the feed"},
  },
  'start': {en: 'Project start', note: 'Label of the row with the start date.'},
  'duration': {en: 'Duration', note: 'Label of the row with the start and end dates.'},
  'partners': {en: 'Partners', note: 'Label of the row that lists the other organisations in the project.'},
  'website': {en: 'Project website', note: "Label of the row with a link to the project's own website."},
  'duration-ongoing': {en: 'Ongoing', note: 'Duration of an ongoing project without an end date.'},
  'duration-open': {en: 'Open-ended', note: 'Duration of a project without an end date that is not ongoing.'},
  'duration-from': {en: 'From {start}', note: 'Duration with a start date and no end date.', params: {start: 'the start date, like "March 2024"'}},
  'duration-until': {en: 'Until {end}', note: 'Duration with an end date and no start date.', params: {end: 'the end date, like "June 2026"'}},
  'duration-range': {en: '{start} – {end}', note: 'Duration with both dates.', params: {start: 'the start date', end: 'the end date'}},

  // Project status
  'status-planned': {en: 'Planned', note: 'A project that has not started.'},
  'status-ongoing': {en: 'Ongoing', note: 'A project that is running.'},
  'status-completed': {en: 'Completed', note: 'A project that has ended as planned.'},
  'status-terminated': {en: 'Terminated', note: 'A project that was stopped early.'},

  // Organisation roles in a project
  'role-lead': {en: 'Project leader', note: "An organisation's role: it leads the project (the seed page's \"Projektledare\")."},
  'role-coordinator': {en: 'Coordinator', note: "An organisation's role: it coordinates the project."},
  'role-partner': {en: 'Partner', note: "An organisation's role: a partner in the project."},
  'role-funder': {en: 'Funder', note: "An organisation's role: it funds the project."},
  'role-associated': {en: 'Associated partner', note: "An organisation's role: an associated partner."},
  'role-contractor': {en: 'Contractor', note: "An organisation's role: it carries out work under contract."},
} satisfies Record<string, MessageSpec>;

/** People and the way to contact them (the member list, the project's contact). */
const PEOPLE = {
  // People's roles in a project
  'person-role-project-manager': {en: 'Project manager', note: "A person's role in the project."},
  'person-role-contact': {en: 'Contact person', note: "A person's role in the project."},
  'person-role-researcher': {en: 'Researcher', note: "A person's role in the project."},
  'person-role-member': {en: 'Project member', note: "A person's role in the project."},
  'person-role-principal-investigator': {en: 'Principal investigator', note: "A person's role in the project."},

  // Member list and the contact panel
  'members': {en: 'Project members', note: 'Heading of the list of people.'},
  'no-members': {en: 'There are no people to show.', note: 'Shown in the list of people when it is empty.'},
  'read-more': {en: 'Read more about {name}', note: "Link to a person's profile page.", params: {name: NAME}},
  'contact-person': {en: 'Contact {name}', note: 'Button that opens a contact form for a person below it.', params: {name: NAME}},
  'contact-project': {en: 'Contact us', note: "Button that opens the project's contact form (when the project has no contact person)."},
  'close': {en: 'Close', note: 'Button that closes an open contact form.'},

  // Whole project
  'contact': {en: 'Contact', note: "Heading of the project's contact section."},
} satisfies Record<string, MessageSpec>;

/** The list of projects. */
const LIST = {
  // Project list
  'projects': {en: 'Projects', note: 'Heading of the list of projects.'},
  'search': {en: 'Search projects', note: 'Label of the search field above the list of projects.'},
  'search-landmark': {
    en: 'Search and filter projects',
    note: "Name of the area above the list that holds the search field, the filters and the sort order. Screen readers say it when they list a page's areas (a search landmark), so it must differ from the list's heading (projects).",
  },
  'organization': {en: 'Organisation', note: 'Label of the filter by participating organisation.'},
  'all': {en: 'All', note: 'The filter option that shows every status or organisation.'},
  'sort': {en: 'Sort by', note: 'Label of the sort order control.'},
  'sort-name': {en: 'Name', note: 'Sort order: by project name.'},
  'sort-start': {en: 'Start date, newest first', note: 'Sort order: by start date.'},
  'results': {
    en: {one: '{count} project', other: '{count} projects'},
    note: 'How many projects match, read politely by screen readers after the filters change. One text per plural category of the language.',
    params: {count: 'the number of projects, formatted for the language'},
  },
  'no-results': {en: 'No project matches.', note: 'Shown when no project matches the search and filters.'},
} satisfies Record<string, MessageSpec>;

/** Dates, where the browser's Intl has none for the language: a catalog part of its own, loaded only then. */
const DATES = {
  // Dates, where the browser's Intl has no data for the language
  'month-1': month(1, 'January'),
  'month-2': month(2, 'February'),
  'month-3': month(3, 'March'),
  'month-4': month(4, 'April'),
  'month-5': month(5, 'May'),
  'month-6': month(6, 'June'),
  'month-7': month(7, 'July'),
  'month-8': month(8, 'August'),
  'month-9': month(9, 'September'),
  'month-10': month(10, 'October'),
  'month-11': month(11, 'November'),
  'month-12': month(12, 'December'),
  'date-month': {
    en: '{month} {year}',
    note: 'A month of a year, like "March 2024", used only where the browser cannot format dates in this language.',
    params: {month: 'the month name (month-1 … month-12)', year: 'the year in digits'},
    ifNoIntl: true,
  },
  'date-day': {
    en: '{month} {day}, {year}',
    note: 'A full date, like "March 5, 2024", used only where the browser cannot format dates in this language.',
    params: {day: 'the day of the month in digits', month: 'the month name (month-1 … month-12)', year: 'the year in digits'},
    ifNoIntl: true,
  },
} satisfies Record<string, MessageSpec>;

export const MESSAGES = {...STATES, ...PROJECT, ...PEOPLE, ...LIST, ...FORM, ...DATES};

/**
 * Catalog parts: each built-in language is a chunk per part, and a widget loads the parts
 * it shows (a card: `core` and `project`), so a page downloads only the texts it can show.
 */
const GROUPS = {core: STATES, dates: DATES, project: PROJECT, people: PEOPLE, list: LIST, form: FORM};
export const PARTS = Object.fromEntries(Object.entries(GROUPS).flatMap(([part, group]) => Object.keys(group).map((id) => [id, part]))) as Record<MessageId, keyof typeof GROUPS>;

export type MessageId = keyof typeof MESSAGES;
