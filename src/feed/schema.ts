/**
 * The feed format, version 1, written once: the TypeScript types, the runtime check and the
 * published JSON Schema (`schema/feed-v1.json`) all come from here. The runtime check is
 * generated from these objects at build time (scripts/generate-feed-checks.mjs writes
 * `generated/`), so browsers run it without valibot.
 *
 * Rules JSON Schema cannot say (URL schemes, cross-references between ids) are checked
 * at run time; the descriptions below say so, for editors.
 */
import * as v from 'valibot';
import {LEGAL_BASES, ORGANIZATION_TYPES, PARTICIPANT_ROLES, PERSON_ROLES, PROJECT_STATUSES} from './codes.js';

export {LEGAL_BASES, ORGANIZATION_TYPES, PARTICIPANT_ROLES, PERSON_ROLES, PROJECT_STATUSES};
import {ISO_DATE, isCalendarDate} from './dates.js';
import {isAllowedUrl, isEmail, isPhone} from './urls.js';

const MAX_TEXT = 20_000;

/** A slug: lowercase letters, digits, `.`, `_` and `-`. */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'an id of lowercase letters, digits, ".", "_" and "-"'),
  v.maxLength(200),
  v.description('An id: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit.')
);

/** A BCP 47 language tag such as `sv`, `en` or `sv-SE`. */
export const LanguageTagSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a language tag like "sv", "en" or "sv-SE"'),
  v.description('A BCP 47 language tag, e.g. "sv", "en", "fi" or "sv-SE".')
);

/** Text for people: a string in the feed's `language`, or an object of BCP 47 tags to strings. */
export const LocalizedTextSchema = v.pipe(
  v.union([
    v.pipe(v.string(), v.maxLength(MAX_TEXT)),
    v.pipe(
      v.record(LanguageTagSchema, v.pipe(v.string(), v.maxLength(MAX_TEXT))),
      v.minEntries(1, 'an object with at least one language')
    ),
  ]),
  v.description(
    'Text for people: a string in the feed\'s "language", or an object of BCP 47 language tags to strings, e.g. {"sv": "Pågående", "en": "Ongoing"}. Plain text only: HTML is shown as text.'
  )
);

/** ISO 8601 date, possibly partial: `2023`, `2023-09`, `2023-09-01`. */
export const DateSchema = v.pipe(
  v.string(),
  v.regex(ISO_DATE, 'a date like "2023", "2023-09" or "2023-09-01"'),
  v.check(isCalendarDate, 'a day the calendar has (no 31 April, no 29 February outside leap years)'),
  v.description('An ISO 8601 date, possibly partial: "2023", "2023-09" or "2023-09-01".')
);

/** An absolute http(s) URL or one relative to the feed's own URL. */
export const UrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check(isAllowedUrl, 'an absolute https:/http: URL or a relative one (no other scheme, no "//host", no backslashes or spaces)'),
  v.description(
    'An absolute https:/http: URL, or a URL relative to the feed\'s own URL. Checked more strictly at run time than this schema can say: any other scheme (javascript:, data:, …), protocol-relative URLs ("//host"), backslashes and control characters are refused.'
  )
);

const URL_RULE =
  'An absolute https:/http: URL, or one relative to the feed\'s own URL. Checked more strictly at run time than this schema can say: any other scheme (javascript:, data:, …), protocol-relative URLs ("//host"), backslashes, spaces and control characters are refused.';

/** A URL field with its own description, keeping the run-time rule in it. */
const url = (what: string) => v.pipe(UrlSchema, v.description(`${what} ${URL_RULE}`));

export type CollectionName = 'organizations' | 'people' | 'projects' | 'contactForms';
const ITEM_NAMES: Record<CollectionName, string> = {organizations: 'an organisation', people: 'a person', projects: 'a project', contactForms: 'a contact form'};

/**
 * The collection each reference field points into, for the generated checker (JSON Schema
 * cannot say it, so it is not in `schema/feed-v1.json`).
 */
export const REFERENCE_TARGETS = new Map<v.GenericSchema, CollectionName>();

/** An id that must name an item of another collection of the same feed. */
function ref(target: CollectionName) {
  const schema = v.pipe(IdSchema, v.description(`The id of ${ITEM_NAMES[target]} in this feed (checked at run time: a missing one is left out and reported).`));
  REFERENCE_TARGETS.set(schema, target);
  return schema;
}

const EmailSchema = v.pipe(
  v.string(),
  v.maxLength(254),
  v.check(isEmail, 'an e-mail address'),
  v.description('An e-mail address (shown as a mailto: link).')
);

const PhoneSchema = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check(isPhone, 'a phone number of digits, spaces, "+", "-", "(" and ")"'),
  v.description('A phone number (shown as a tel: link): digits, spaces, "+", "-", "(" and ")".')
);

const IdentifierSchema = v.object({
  scheme: v.pipe(v.string(), v.maxLength(100)),
  value: v.pipe(v.string(), v.maxLength(500)),
});

export const OrganizationSchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  url: v.optional(UrlSchema),
  type: v.optional(v.picklist(ORGANIZATION_TYPES)),
  identifiers: v.optional(v.array(IdentifierSchema)),
});

export const PersonSchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  givenName: v.optional(v.pipe(v.string(), v.maxLength(200))),
  title: v.optional(LocalizedTextSchema),
  organization: v.optional(ref('organizations')),
  email: v.optional(EmailSchema),
  phone: v.optional(PhoneSchema),
  image: v.optional(v.object({url: UrlSchema, alt: v.optional(LocalizedTextSchema)})),
  profileUrl: v.optional(UrlSchema),
  orcid: v.optional(v.pipe(v.string(), v.regex(/^(https:\/\/orcid\.org\/)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'an ORCID iD like "0000-0002-1825-0097"'))),
  contactForm: v.optional(ref('contactForms')),
});


const MemberRoleSchema = v.union([
  v.pipe(
    IdSchema,
    v.description(`A role code; built-in labels exist for ${PERSON_ROLES.join(', ')}.`)
  ),
  v.object({code: IdSchema, label: LocalizedTextSchema}),
]);

export const ProjectSchema = v.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  title: v.optional(LocalizedTextSchema),
  summary: v.optional(LocalizedTextSchema),
  description: v.optional(v.pipe(v.array(LocalizedTextSchema), v.description('Paragraphs of plain text.'))),
  status: v.picklist(PROJECT_STATUSES),
  startDate: v.optional(DateSchema),
  endDate: v.optional(
    v.pipe(v.nullable(DateSchema), v.description('null: open-ended; absent: unknown.'))
  ),
  duration: v.optional(LocalizedTextSchema),
  url: v.optional(url("The project's page on the publisher's site.")),
  website: v.optional(url("The project's own website.")),
  identifiers: v.optional(v.array(IdentifierSchema)),
  participants: v.array(
    v.object({
      organization: ref('organizations'),
      role: v.picklist(PARTICIPANT_ROLES),
      label: v.optional(LocalizedTextSchema),
    })
  ),
  members: v.optional(
    v.array(
      v.object({
        person: ref('people'),
        roles: v.array(MemberRoleSchema),
      })
    )
  ),
  quotes: v.optional(
    v.array(
      v.object({
        text: LocalizedTextSchema,
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
        title: v.optional(LocalizedTextSchema),
        organization: v.optional(ref('organizations')),
      })
    )
  ),
  contactForm: v.optional(ref('contactForms')),
  contactPerson: v.optional(ref('people')),
});

const FieldModeSchema = v.picklist(['hidden', 'optional', 'required']);

export const ContactFormSchema = v.object({
  id: IdSchema,
  endpoint: url('Where the form is sent (POST, JSON).'),
  version: v.optional(v.pipe(v.string(), v.maxLength(100))),
  controller: v.object({
    name: LocalizedTextSchema,
    organization: v.optional(ref('organizations')),
    contact: v.optional(v.union([EmailSchema, UrlSchema])),
  }),
  legalBasis: v.picklist(LEGAL_BASES),
  privacyPolicyUrl: url('The privacy notice for this form.'),
  notice: v.optional(LocalizedTextSchema),
  retention: v.optional(
    v.pipe(
      v.string(),
      // At most four digits a number: a longer one is no period a notice can state ("∞ år"), and
      // the receiver's purge could not count back that far (an invalid date stopped it for every
      // form). Not zero: "kept for 0 days" is untrue of the message the recipient got, and the
      // purge would delete one still waiting to be delivered.
      v.regex(/^P(?=\d)(?=.*[1-9])(\d{1,4}Y)?(\d{1,4}M)?(\d{1,4}W)?(\d{1,4}D)?$/, 'an ISO 8601 duration like "P2Y" or "P6M", not zero, each number at most 9999'),
      v.description('An ISO 8601 duration in years, months, weeks or days, e.g. "P2Y"; not zero, each number at most 9999.')
    )
  ),
  publicRecord: v.optional(v.boolean()),
  optionalConsents: v.optional(
    v.array(v.object({id: IdSchema, label: LocalizedTextSchema, version: v.pipe(v.string(), v.maxLength(100))}))
  ),
  fields: v.optional(
    v.object({
      phone: v.optional(FieldModeSchema),
      organization: v.optional(FieldModeSchema),
      subject: v.optional(FieldModeSchema),
    })
  ),
  captcha: v.optional(
    v.variant('provider', [
      v.object({provider: v.literal('none')}),
      v.object({provider: v.literal('altcha'), challengeUrl: UrlSchema}),
    ])
  ),
});

/** A label: a text, or (for a count) a text per plural category of the language. */
const LabelTextSchema = v.union([
  v.pipe(v.string(), v.maxLength(2000)),
  v.pipe(
    v.record(v.picklist(['zero', 'one', 'two', 'few', 'many', 'other']), v.pipe(v.string(), v.maxLength(2000))),
    v.description('A text per plural category of the language, "other" always, e.g. {"one": "{count} projekt", "other": "{count} projekt"}.')
  ),
]);

export const LabelsSchema = v.pipe(
  v.record(LanguageTagSchema, v.record(v.string(), LabelTextSchema)),
  v.description(
    'Editors\' own words for built-in UI strings, per language and message id, e.g. {"sv": {"contact-person": "Skriv till {name}"}}: checked like a run-time catalog (known ids, their {placeholders}, plural categories). See the README for the ids.'
  )
);

/**
 * The whole feed, for types and JSON Schema. The generated check takes it piece by piece:
 * each list is a collection whose items are checked one by one (so one bad item never hides
 * the rest), each text a top-level field.
 */
export const FeedSchema = v.object({
  version: v.pipe(v.literal(1), v.description('The feed format version. Always 1.')),
  language: v.optional(v.pipe(LanguageTagSchema, v.description('The language of plain-string texts in this feed; Swedish ("sv") when absent.'))),
  publisher: v.optional(v.pipe(IdSchema, v.description('The organisation id of who publishes the feed ("our role").'))),
  updated: v.optional(DateSchema),
  organizations: v.optional(v.array(OrganizationSchema)),
  people: v.optional(v.array(PersonSchema)),
  projects: v.optional(v.array(ProjectSchema)),
  contactForms: v.optional(v.array(ContactFormSchema)),
  labels: v.optional(LabelsSchema),
});

export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;
export type Organization = v.InferOutput<typeof OrganizationSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type Project = v.InferOutput<typeof ProjectSchema>;
export type ContactForm = v.InferOutput<typeof ContactFormSchema>;
export type ProjectStatus = Project['status'];
export type Labels = v.InferOutput<typeof LabelsSchema>;

/** A feed after validation: every collection present, every kept item valid. */
export interface Feed {
  version: 1;
  language: string;
  publisher?: string;
  updated?: string;
  organizations: Organization[];
  people: Person[];
  projects: Project[];
  contactForms: ContactForm[];
  labels: Labels;
}
